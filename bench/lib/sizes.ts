/**
 * Deterministic sizes, read from build output: the weapp packages as WeChat counts them (every
 * file of the package directory) and the bundled cloud functions. Used by `npm run bench` and by
 * scripts/size-budgets.test.ts (which runs in `npm test`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const ROOT = join(__dirname, '..', '..');

/** WeChat's caps: main package and each subpackage ≤ 2 MB, all packages together ≤ 20 MB. */
export const WECHAT_PACKAGE_MAX = 2 * 1024 * 1024;
export const WECHAT_TOTAL_MAX = 20 * 1024 * 1024;

export interface Budgets {
  claimInProcess: { minRatioToRawSqlite: number; synchronous: 'FULL' | 'NORMAL' };
  claimHttp: { minRatioToNoop: number; connections: number };
  weappMainPackage: { maxRatioToBareTemplate: number; maxBytes: number };
  weappPackage: { maxBytes: number };
  weappTotal: { maxBytes: number };
  functionBundle: { maxBytes: number };
  scale: { campaigns: number; claims: number; listP95Ms: number; getP95Ms: number };
}

export function loadBudgets(): Budgets {
  return JSON.parse(readFileSync(join(ROOT, 'bench', 'budgets.json'), 'utf8')) as Budgets;
}

/** The build output the size checks read: DIST_DIR when set, else the repository's dist/. */
export const distDir = (): string => process.env.DIST_DIR ?? join(ROOT, 'dist');

function files(dir: string): Array<{ path: string; bytes: number }> {
  const out: Array<{ path: string; bytes: number }> = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push({ path: p, bytes: statSync(p).size });
    }
  };
  walk(dir);
  return out;
}

export interface WeappSizes {
  dir: string;
  /** Everything outside the subpackage roots: what a user downloads before the first page. */
  main: { bytes: number; jsBytes: number };
  subpackages: Array<{ root: string; bytes: number; jsBytes: number }>;
  total: number;
}

/** Main package and subpackages of a built weapp, from its app.json. */
export function weappSizes(dir: string): WeappSizes {
  const appJson = join(dir, 'app.json');
  if (!existsSync(appJson)) throw new Error(`${appJson} is missing: build the weapp first (node scripts/build.mjs weapp)`);
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: Array<{ root: string }>; subpackages?: Array<{ root: string }> };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''));
  const subs = roots.map((root) => ({ root, bytes: 0, jsBytes: 0 }));
  const main = { bytes: 0, jsBytes: 0 };
  let total = 0;
  for (const f of files(dir)) {
    const rel = relative(dir, f.path).split(sep).join('/');
    const js = rel.endsWith('.js') ? f.bytes : 0;
    total += f.bytes;
    const sub = subs.find((s) => rel.startsWith(`${s.root}/`));
    const into = sub ?? main;
    into.bytes += f.bytes;
    into.jsBytes += js;
  }
  return { dir, main, subpackages: subs, total };
}

/** Each bundled function: DIST/cloudfunctions/<name>/index.js. */
export function functionBundleSizes(cloudfunctionsDir: string): Array<{ name: string; file: string; bytes: number }> {
  if (!existsSync(cloudfunctionsDir)) throw new Error(`${cloudfunctionsDir} is missing: build the functions first (node scripts/build.mjs functions)`);
  return readdirSync(cloudfunctionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(cloudfunctionsDir, d.name, 'index.js')))
    .map((d) => {
      const file = join(cloudfunctionsDir, d.name, 'index.js');
      return { name: d.name, file, bytes: statSync(file).size };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
