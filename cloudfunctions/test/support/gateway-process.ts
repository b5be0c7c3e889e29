/**
 * The built gateway (what `npm start` runs: dist/server/gateway.js, or DIST_DIR's) in its own
 * process over a data folder, waited for until it answers. The security suites, the HTTP load
 * test, the browser tests and the benchmarks all start it through here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..', '..', '..');
/** DIST_DIR: another build output (absolute), as `DIST_DIR=… node scripts/build.mjs` wrote it. */
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');
export const GATEWAY = join(DIST, 'server', 'gateway.js');

export const freePort = () => new Promise<number>((ok, fail) => {
  const srv = createServer();
  srv.once('error', fail);
  srv.listen(0, '127.0.0.1', () => {
    const addr = srv.address();
    srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
  });
});

export interface GatewayProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM (a clean stop) by default, SIGKILL after 10 s; resolves with the exit code or signal. */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

export interface GatewayOptions {
  /** The H5 build to serve at `/`; by default none (API only). */
  staticDir?: string;
  /** Environment over the defaults (the session secret, SQLITE_SYNCHRONOUS, APP_MODE, …). */
  env?: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof` to profile the gateway under load. */
  nodeArgs?: string[];
}

export async function startGateway(dataDir: string, opts: GatewayOptions = {}): Promise<GatewayProcess> {
  if (!existsSync(GATEWAY)) throw new Error(`${GATEWAY} is missing: run \`node scripts/build.mjs functions\` (or set DIST_DIR)`);
  const port = await freePort();
  const base: NodeJS.ProcessEnv = { ...process.env };
  // The defaults the product runs with, whatever the calling shell has set.
  delete base.SQLITE_SYNCHRONOUS;
  delete base.APP_MODE;
  const child = spawn(process.execPath, ['--enable-source-maps', ...(opts.nodeArgs ?? []), GATEWAY], {
    cwd: ROOT,
    env: {
      ...base,
      // A DIST_DIR outside the repository still resolves the external packages from it.
      NODE_PATH: join(ROOT, 'node_modules'),
      PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, STATIC_DIR: opts.staticDir ?? join(dataDir, 'no-h5'),
      SESSION_SECRET: 'test-session-secret-0123456789abcdef0123',
      // The demo members and merchants only: tests start from empty lists.
      SEED_SHOWCASE: '0',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Never leave a server behind, even when a test fails before its afterAll.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.removeListener('exit', reap));
  let output = '';
  // Only the tail: a long benchmark must not grow it without bound.
  const keep = (b: Buffer) => (output = (output + b.toString()).slice(-50_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`gateway exited (${child.exitCode ?? child.signalCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/dev/clock`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`gateway did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url, child,
    output: () => output,
    stop: (signal = 'SIGTERM') => new Promise((ok) => {
      if (child.exitCode !== null || child.signalCode !== null) return ok(child.exitCode ?? child.signalCode);
      const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', (code, sig) => {
        clearTimeout(kill);
        ok(code ?? sig);
      });
      child.kill(signal);
    }),
  };
}

/** A JSON POST; answers the status, the parsed body and the session cookie it set, if any. */
export async function postJson<T = unknown>(url: string, path: string, body: unknown, cookie?: string): Promise<{ status: number; body: T; sid?: string }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  const sid = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('sid='));
  return { status: res.status, body: (await res.json()) as T, ...(sid ? { sid } : {}) };
}

export async function loginAs(url: string, memberId: string): Promise<string> {
  const r = await postJson(url, '/api/dev/login', { memberId });
  if (r.status !== 200 || !r.sid) throw new Error(`login ${memberId}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.sid;
}
