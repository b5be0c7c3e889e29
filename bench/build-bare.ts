/**
 * Builds the bare Taro template (bench/bare-template) for the given targets into `--out <root>`.
 * Usage: node --import tsx bench/build-bare.ts --out /tmp/bare weapp h5
 */
import { buildBare } from './lib/bare';
import { arg } from './lib/stats';

const out = arg('out');
const targets = process.argv.slice(2).filter((a, i, all) => a !== '--out' && all[i - 1] !== '--out');
if (!out || !targets.length || targets.some((t) => t !== 'weapp' && t !== 'h5')) {
  console.error('usage: node --import tsx bench/build-bare.ts --out <root> weapp|h5 …');
  process.exit(2);
}
for (const t of targets as Array<'weapp' | 'h5'>) {
  const started = Date.now();
  buildBare(t, out);
  console.log(`✓ bare template ${t} → ${out}/${t} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
