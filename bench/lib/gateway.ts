/** The built local gateway (DIST/server/gateway.js, what `npm start` runs) in its own process. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { distDir, ROOT } from './sizes';

export const SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123';

export interface Gateway {
  url: string;
  pid: number;
  stop(): Promise<number | null>;
}

const freePort = () => new Promise<number>((ok, fail) => {
  const srv = createServer();
  srv.once('error', fail);
  srv.listen(0, '127.0.0.1', () => {
    const addr = srv.address();
    srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
  });
});

/** `nodeArgs`: extra node flags for the gateway process, e.g. `--cpu-prof` to profile it under load. */
export async function startGateway(opts: { dataDir: string; staticDir?: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<Gateway> {
  const file = join(distDir(), 'server', 'gateway.js');
  if (!existsSync(file)) throw new Error(`${file} is missing: build the functions first`);
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...(opts.nodeArgs ?? []), file], {
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: opts.dataDir,
      STATIC_DIR: opts.staticDir ?? join(opts.dataDir, 'no-h5'), SESSION_SECRET,
      // The bundle keeps its packages external; built outside the repository (DIST_DIR) it finds them here.
      NODE_PATH: join(ROOT, 'node_modules'), ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.removeListener('exit', reap));
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-20_000)));
  child.stderr?.on('data', (b: Buffer) => (output = (output + b.toString()).slice(-20_000)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/dev/clock`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    stop: () => new Promise((ok) => {
      if (child.exitCode !== null) return ok(child.exitCode);
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code) => {
        clearTimeout(kill);
        ok(code);
      });
      child.kill('SIGTERM');
    }),
  };
}

export async function setClock(url: string, now: string | null): Promise<void> {
  const r = await fetch(`${url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!r.ok) throw new Error(`POST /api/dev/clock: ${r.status} ${await r.text()}`);
}
