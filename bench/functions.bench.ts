/**
 * 5. Cloud functions: each bundle's size (DIST/cloudfunctions/<fn>/index.js) and its cold
 * `require` time — a fresh `node -e` process per sample, the time of the `require` call itself,
 * median over rounds that visit every bundle in turn — against an empty function bundled the same
 * way (and, to show where the time goes, an empty function that only loads @cloudbase/node-sdk).
 *
 * Usage: node --import tsx bench/functions.bench.ts --out result.json [--rounds 7]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { distDir, functionBundleSizes, ROOT } from './lib/sizes';
import { arg, median, outPath, round } from './lib/stats';

/** The options of scripts/build.mjs `buildFunctions` (keep in step with it). */
const FUNCTION_BUILD: BuildOptions = {
  bundle: true, platform: 'node', format: 'cjs', target: 'node16', minify: true, legalComments: 'none',
  external: ['@cloudbase/node-sdk', 'better-sqlite3'], logLevel: 'warning',
};

function requireMs(file: string): number {
  const script = `const t=process.hrtime.bigint();const m=require(${JSON.stringify(file)});const d=Number(process.hrtime.bigint()-t)/1e6;if(typeof m.main!=='function')process.exit(3);process.stdout.write(String(d));`;
  // The bundles sit outside the repository: NODE_PATH finds the SDK where CloudBase would install it.
  const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }, encoding: 'utf8', timeout: 30_000 });
  if (r.status !== 0) throw new Error(`require ${file} failed (${r.status ?? r.signal}): ${r.stderr}`);
  return Number(r.stdout);
}

async function main() {
  const rounds = Number(arg('rounds') ?? 7);
  const tmp = mkdtempSync(join(tmpdir(), 'coupon-desk-bench-fn-'));
  try {
    const baselines = [
      { name: '(empty)', entry: join(ROOT, 'bench', 'empty-function', 'index.ts') },
      { name: '(empty + SDK)', entry: join(ROOT, 'bench', 'empty-function', 'with-sdk.ts') },
    ];
    const bundles: Array<{ name: string; file: string; bytes: number; baseline?: boolean }> = [];
    for (const b of baselines) {
      const file = join(tmp, b.name.replace(/[^a-z]+/gi, '-'), 'index.js');
      await build({ ...FUNCTION_BUILD, entryPoints: [b.entry], outfile: file });
      bundles.push({ name: b.name, file, bytes: statSync(file).size, baseline: true });
    }
    bundles.push(...functionBundleSizes(join(distDir(), 'cloudfunctions')));
    const samples = new Map<string, number[]>(bundles.map((b) => [b.name, []]));
    for (const b of bundles) requireMs(b.file); // warm the OS file cache alike for all
    for (let r = 0; r < rounds; r++) for (const b of bundles) samples.get(b.name)!.push(requireMs(b.file));
    const emptyMs = median(samples.get('(empty)')!);
    writeFileSync(outPath(), JSON.stringify({
      rounds,
      bundles: bundles.map((b) => {
        const ms = median(samples.get(b.name)!);
        return { name: b.name, baseline: !!b.baseline, bytes: b.bytes, requireMs: round(ms, 1), overEmptyMs: round(ms - emptyMs, 1), samples: samples.get(b.name)!.map((x) => round(x, 1)) };
      }),
    }, null, 2));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
