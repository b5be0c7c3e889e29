import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  url: string;
  dataDir: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts the very server `npm start` runs (dist/server/gateway.js serving dist/h5) on a free port
 * over a fresh SQLite folder, and waits until it answers.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  // DIST_DIR: another build output (absolute path), as `DIST_DIR=… node scripts/build.mjs` wrote it.
  const dist = process.env.DIST_DIR ?? join(ROOT, 'dist');
  const entry = join(dist, 'server', 'gateway.js');
  if (!existsSync(entry) || !existsSync(join(dist, 'h5', 'index.html'))) {
    throw new Error(`${dist}/server or ${dist}/h5 is missing: run \`npm run build\` (npm test builds them first)`);
  }
  const port = await freePort();
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'coupon-desk-e2e-'));
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: ROOT,
    // NODE_PATH: a bundle built into an outside DIST_DIR still finds the project's node_modules.
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), STATIC_DIR: join(dist, 'h5'), PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SESSION_SECRET: 'e2e-secret-0123456789abcdef0123456789', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind, even when a test fails before its afterAll.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.removeListener('exit', reap));
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/dev/clock`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url, dataDir, child,
    stop: (signal = 'SIGTERM') => new Promise((ok) => {
      if (child.exitCode !== null) return ok(child.exitCode);
      child.once('exit', (code) => ok(code));
      child.kill(signal);
    }),
  };
}
