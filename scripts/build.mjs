// Builds: `functions` (each cloud function bundled with shared/ inlined, plus the local gateway),
// `h5` and `weapp` (the Taro client), or `all`. Usage: node scripts/build.mjs <target…>
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDeps, readJson, ROOT, run } from './lib.mjs';

const targets = process.argv.slice(2);
/** Build output; DIST_DIR (absolute) moves it, so parallel builds do not overwrite each other. */
const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
const want = (t) => targets.includes(t) || targets.includes('all');

export async function buildFunctions() {
  const { build } = await import('esbuild');
  const pkg = readJson(join(ROOT, 'package.json'));
  const out = join(DIST, 'cloudfunctions');
  rmSync(out, { recursive: true, force: true });
  const names = readdirSync(join(ROOT, 'cloudfunctions', 'functions'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const name of names) {
    const dir = join(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(ROOT, 'cloudfunctions', 'functions', name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true, platform: 'node', format: 'cjs', target: 'node16', minify: true, legalComments: 'none',
      // The CloudBase runtime installs the SDK from the function's package.json; SQLite stays local.
      external: ['@cloudbase/node-sdk', 'better-sqlite3'],
      logLevel: 'warning',
    });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name, version: pkg.version, private: true, main: 'index.js',
      dependencies: { '@cloudbase/node-sdk': pkg.dependencies['@cloudbase/node-sdk'] },
    }, null, 2) + '\n');
  }
  // The local gateway: one Node process, dependencies from node_modules.
  await build({
    entryPoints: [join(ROOT, 'cloudfunctions', 'src', 'runtime', 'gateway', 'main.ts')],
    outfile: join(DIST, 'server', 'gateway.js'),
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', sourcemap: true,
    logLevel: 'warning',
  });
  console.log(`✓ functions: ${names.join(', ')} → dist/cloudfunctions; gateway → dist/server`);
}

export function buildClient(type) {
  const started = Date.now();
  run('npx', ['taro', 'build', '--type', type], { cwd: join(ROOT, 'client'), env: { NODE_ENV: 'production' } });
  console.log(`✓ ${type} → ${DIST}/${type} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && process.argv[1].endsWith('build.mjs')) {
  ensureDeps();
  if (!targets.length) {
    console.error('usage: node scripts/build.mjs all | functions | h5 | weapp');
    process.exit(2);
  }
  if (want('functions')) await buildFunctions();
  if (want('h5')) buildClient('h5');
  if (want('weapp')) buildClient('weapp');
}
