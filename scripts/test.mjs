// `npm test`: install what is missing (npm packages; Chromium and a CJK font via apt-get when
// root), build the functions, the gateway and both client targets, typecheck, then run every jest
// project. The node-side suites run twice, in Asia/Shanghai and in UTC: answers must not depend
// on the zone the server runs in. Extra arguments go to jest (e.g. `npm test -- account`).
import { ensureChromium, ensureDeps, run } from './lib.mjs';

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

run('npx', ['jest', ...jestArgs], { env: { TZ: 'Asia/Shanghai' } });
run('npx', ['jest', '--selectProjects=node', ...jestArgs], { env: { TZ: 'UTC' } });
console.log('\n✓ all tests passed (node suites in Asia/Shanghai and UTC)');
