// `npm run fuzz`: the fuzzing properties of cloudfunctions/test/security/fuzz.properties.ts with many
// more runs than `npm test` gives them (200 per action there). Every action of the contract through
// the gateway (inject), whole requests, and a tenth of the runs through the built gateway process.
//
//   FUZZ_RUNS=5000 (default)  runs per action; whole requests get twice as many
//   FUZZ_SEED=1234            replay a run (each property derives its own seed from it)
//   FUZZ_MAX_MS=5000          slowest answer allowed
// Extra arguments go to jest, e.g. `npm run fuzz -- -t campaign.create`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, run } from './lib.mjs';

const runs = Number(process.env.FUZZ_RUNS ?? 5000);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`FUZZ_RUNS must be a positive integer, got ${process.env.FUZZ_RUNS}`);
  process.exit(2);
}
const seed = process.env.FUZZ_SEED ?? String(Date.now() % 2_147_483_647);

// The real-process part needs the built gateway.
const dist = process.env.DIST_DIR ?? join(ROOT, 'dist');
if (!existsSync(join(dist, 'server', 'gateway.js'))) run('node', ['scripts/build.mjs', 'functions']);

console.log(`fuzz: ${runs} runs per action, seed ${seed} (replay with FUZZ_SEED=${seed} FUZZ_RUNS=${runs})`);
run('npx', ['jest', '--selectProjects', 'node', '--runInBand', 'cloudfunctions/test/security/fuzz.test.ts', ...process.argv.slice(2)], {
  env: { FUZZ_RUNS: String(runs), FUZZ_SEED: seed, FUZZ_REPORT: '1' },
});
