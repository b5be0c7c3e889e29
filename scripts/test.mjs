// `npm test`: install what is missing (npm packages; Chromium and a CJK font via apt-get when
// root), build the functions, the gateway and both client targets, typecheck, then run every jest
// project. The node-side suites run again in UTC and in a zone with daylight saving: answers must
// not depend on the zone the server (or phone) runs in. Extra arguments go to jest.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureChromium, ensureDeps, ROOT, run } from './lib.mjs';

const jestArgs = process.argv.slice(2);
ensureDeps();
process.env.CHROMIUM_PATH = ensureChromium();

const { buildFunctions, buildClient } = await import('./build.mjs');
if (process.env.SKIP_BUILD !== '1') {
  await buildFunctions();
  buildClient('h5');
  buildClient('weapp');
}

run('npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
console.log('✓ typecheck');

const outDir = join(ROOT, 'test-output');
mkdirSync(outDir, { recursive: true });
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedRuns = 0;

function jest(label, tz, args) {
  console.log(`\n── jest (${label}, TZ=${tz}) ──`);
  const out = join(outDir, `jest-${label}.json`);
  const r = spawnSync('npx', ['jest', '--json', `--outputFile=${out}`, ...args, ...jestArgs], { stdio: 'inherit', cwd: ROOT, env: { ...process.env, TZ: tz } });
  try {
    const res = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += res.numPassedTests;
    totals.failed += res.numFailedTests;
    totals.skipped += res.numPendingTests + res.numTodoTests;
  } catch {
    totals.failed += 1;
  }
  if (r.status !== 0) failedRuns += 1;
}

jest('all', 'Asia/Shanghai', []);
jest('node-utc', 'UTC', ['--selectProjects=node']);
jest('node-dst', 'America/Los_Angeles', ['--selectProjects=node', 'shared/test']);

console.log(`\njest: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedRuns || totals.failed ? 1 : 0);
