// Helpers for the project's own commands. Node built-ins only: these run before `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts, env: { ...process.env, ...opts.env } });
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
}

/** npm packages: install when node_modules is missing or older than the lock file. */
export function ensureDeps() {
  const lock = join(ROOT, 'package-lock.json');
  const stamp = join(ROOT, 'node_modules', '.package-lock.json');
  const fresh = existsSync(stamp) && (!existsSync(lock) || statSync(stamp).mtimeMs >= statSync(lock).mtimeMs)
    && existsSync(join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  if (fresh) return;
  console.log('Installing npm packages (first run: a few minutes, better-sqlite3 compiles from source)…');
  // `npm install`, not `npm ci`: the lock pins every version, but some platform-specific optional
  // packages (other OSes' native bindings) are not on every registry mirror, and `npm ci` refuses a
  // lock without them while `npm install` skips them as the optional packages they are.
  run('npm', ['install', '--no-audit', '--no-fund']);
}

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Debian packages the browser tests need: Chromium, and a CJK font so screenshots show Chinese. */
export function ensureChromium() {
  const hasFont = spawnSync('sh', ['-c', 'fc-list :lang=zh 2>/dev/null | grep -q .']).status === 0;
  if (existsSync(CHROMIUM) && hasFont) return CHROMIUM;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error([
      '',
      '✗ The browser tests need Chromium and a Chinese font, and this user cannot install them.',
      '  Install them, then run npm test again:',
      '    sudo apt-get update && sudo apt-get install -y chromium fonts-wqy-microhei',
      '  (or set CHROMIUM_PATH to an existing Chromium binary and install any CJK font).',
      '',
    ].join('\n'));
    process.exit(1);
  }
  console.log('Installing Chromium and a CJK font with apt-get…');
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei', 'fontconfig'], { env });
  return CHROMIUM;
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
