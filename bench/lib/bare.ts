/**
 * The bare Taro 4.2 React template (bench/bare-template), built with the installed @tarojs/cli:
 * the baseline for the mini-program size and the H5 first screen.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './sizes';

export const BARE_DIR = join(ROOT, 'bench', 'bare-template');
/** The text the bare template's only page shows. */
export const BARE_TEXT = 'Hello, bare template';

/** Builds the template for `type` into `<outRoot>/<type>`; throws with Taro's output on failure. */
export function buildBare(type: 'weapp' | 'h5', outRoot: string, timeoutMs = 240_000): string {
  const started = Date.now();
  const r = spawnSync(join(ROOT, 'node_modules', '.bin', 'taro'), ['build', '--type', type], {
    cwd: BARE_DIR,
    env: { ...process.env, NODE_ENV: 'production', BENCH_BARE_OUT: outRoot },
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = join(outRoot, type);
  if (r.status !== 0 || !existsSync(out)) {
    throw new Error(`bare template ${type} build failed (exit ${r.status ?? r.signal}):\n${(r.stdout ?? '').slice(-3000)}\n${(r.stderr ?? '').slice(-3000)}`);
  }
  if (process.env.BENCH_VERBOSE) console.log(`  bare template ${type}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

function templateHash(): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        h.update(p.slice(BARE_DIR.length));
        h.update(readFileSync(p));
      }
    }
  };
  walk(BARE_DIR);
  // Same template + same locked versions ⇒ same bytes.
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) h.update(readFileSync(lock));
  return h.digest('hex').slice(0, 16);
}

/**
 * The bare weapp build, reused while neither the template nor package-lock.json changes (sizes
 * are deterministic): for `npm test`, which should not pay for a rebuild every run.
 */
export function bareWeappCached(): string {
  const root = join(tmpdir(), `coupon-desk-bare-${templateHash()}`);
  const out = join(root, 'weapp');
  if (existsSync(join(out, 'app.json')) && statSync(join(out, 'app.json')).size > 0) return out;
  // Build next to it, then rename: a concurrent run never sees a half-written directory.
  const staging = `${root}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  buildBare('weapp', staging);
  mkdirSync(root, { recursive: true });
  try {
    renameSync(join(staging, 'weapp'), out);
  } catch (e) {
    if (!existsSync(join(out, 'app.json'))) throw e;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return out;
}
