// `npm run bench`: builds into a temporary folder (never dist/), runs every measurement of
// bench/ in its own process, one after the other, each beside its baseline, then prints one table
// with the budgets of bench/budgets.json and writes bench/results.json. See bench/README.md.
//
// Options: --skip-build   reuse DIST_DIR and the bare template builds of an earlier run
//          --only a,b     run only these measurements (sizes, functions, rules, claim, http, h5, scale)
//          --quick        fewer and shorter runs (a smoke test; numbers are rougher)
// Env:     DIST_DIR       where the app is built (default: <tmp>/coupon-desk-bench/dist)
//          BENCH_SCALE_FILE  reuse a store seeded earlier by bench/seed-scale.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureDeps, readJson, ROOT } from './lib.mjs';

const argv = process.argv.slice(2);
const flag = (f) => argv.includes(f);
const option = (o) => {
  const i = argv.indexOf(o);
  return i >= 0 ? argv[i + 1] : undefined;
};
const QUICK = flag('--quick');
const SKIP_BUILD = flag('--skip-build');
const ALL = ['sizes', 'functions', 'rules', 'claim', 'http', 'h5', 'scale'];
const ONLY = option('--only')?.split(',') ?? ALL;
const unknown = ONLY.filter((m) => !ALL.includes(m));
if (unknown.length) {
  console.error(`unknown measurement(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}

const WORK = join(tmpdir(), 'coupon-desk-bench');
const DIST = process.env.DIST_DIR ?? join(WORK, 'dist');
const BARE = join(WORK, 'bare');
const PARTS = join(WORK, 'results');
if (DIST === join(ROOT, 'dist')) {
  console.error('✗ DIST_DIR points at the repository\'s dist/, which other work uses: pick another folder.');
  process.exit(2);
}
const env = { ...process.env, DIST_DIR: DIST };
const started = Date.now();
const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);

function step(label, cmd, args, timeoutMs) {
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const seconds = (Date.now() - t0) / 1000;
  const ok = r.status === 0;
  if (!ok) {
    const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n');
    console.error(`✗ ${label} failed (${r.signal === 'SIGTERM' ? `timed out after ${timeoutMs / 1000} s` : `exit ${r.status ?? r.signal}`}):\n${tail}`);
  }
  return { ok, seconds, error: ok ? null : `${label}: ${r.signal === 'SIGTERM' ? 'timed out' : `exit ${r.status ?? r.signal}`} — ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ').slice(0, 400)}` };
}

ensureDeps();
mkdirSync(PARTS, { recursive: true });
const durations = {};
const errors = [];

// ---- builds (before any timing: they load the machine) ----
const needApp = ONLY.some((m) => ['sizes', 'functions', 'http', 'h5'].includes(m));
const bareTargets = [...(ONLY.includes('sizes') ? ['weapp'] : []), ...(ONLY.includes('h5') ? ['h5'] : [])];
if (!SKIP_BUILD) {
  if (needApp) {
    const targets = ['functions', ...(ONLY.includes('h5') ? ['h5'] : []), ...(ONLY.includes('sizes') ? ['weapp'] : [])];
    log(`building ${targets.join(', ')} → ${DIST}`);
    const b = step('build', process.execPath, ['scripts/build.mjs', ...targets], 15 * 60_000);
    durations.build = b.seconds;
    if (!b.ok) errors.push(b.error);
  }
  if (bareTargets.length) {
    log(`building the bare Taro template (${bareTargets.join(', ')}) → ${BARE}`);
    rmSync(BARE, { recursive: true, force: true });
    const b = step('bare template build', process.execPath, ['--import', 'tsx', 'bench/build-bare.ts', '--out', BARE, ...bareTargets], 10 * 60_000);
    durations.bareBuild = b.seconds;
    if (!b.ok) errors.push(b.error);
  }
} else {
  log(`--skip-build: using ${DIST} and ${BARE}`);
}

// ---- measurements, one process each, one after the other ----
const plan = {
  sizes: { args: ['--bare-weapp', join(BARE, 'weapp')], timeout: 60_000 },
  functions: { args: ['--rounds', QUICK ? '3' : '9'], timeout: 180_000 },
  rules: { args: ['--runs', QUICK ? '3' : '7', '--ms', QUICK ? '300' : '1000'], timeout: 120_000 },
  claim: { args: ['--runs', QUICK ? '3' : '7', '--ms', QUICK ? '500' : '1500'], timeout: 240_000 },
  http: { args: ['--runs', QUICK ? '1' : '3', '--seconds', QUICK ? '2' : '5', '--connections', '64'], timeout: 240_000 },
  h5: { args: ['--bare-h5', join(BARE, 'h5'), '--runs', QUICK ? '3' : '9'], timeout: 240_000 },
  scale: {
    args: ['--samples', QUICK ? '40' : '200', ...(QUICK ? ['--campaigns', '1000', '--claims', '100000'] : []), ...(process.env.BENCH_SCALE_FILE ? ['--file', process.env.BENCH_SCALE_FILE] : [])],
    timeout: 600_000,
  },
};
const results = {};
for (const name of ONLY) {
  const out = join(PARTS, `${name}.json`);
  rmSync(out, { force: true });
  log(`measuring ${name}…`);
  const r = step(name, process.execPath, ['--import', 'tsx', `bench/${name}.bench.ts`, '--out', out, ...plan[name].args], plan[name].timeout);
  durations[name] = r.seconds;
  if (r.ok && existsSync(out)) results[name] = JSON.parse(readFileSync(out, 'utf8'));
  else errors.push(r.error ?? `${name}: no result`);
}

// ---- the table ----
const budgets = readJson(join(ROOT, 'bench', 'budgets.json'));
const KB = (b) => `${(b / 1024).toFixed(1)} KB`;
const n0 = (x) => Math.round(x).toLocaleString('en-US');
const ratio = (x, digits = 2) => `${x.toFixed(digits)}×`;
const rows = [];
const row = (section, measurement, value, baseline, r, budget, pass) => rows.push({ section, measurement, value, baseline, ratio: r, budget, result: pass === undefined ? 'info' : pass ? 'pass' : 'FAIL' });

if (results.claim) {
  const { FULL, NORMAL } = results.claim.modes;
  const b = budgets.claimInProcess;
  row('1 claim, in process', `dispatch claim/s, sync ${b.synchronous}`, n0(results.claim.modes[b.synchronous].stackPerSecond), `raw SQLite ${n0(results.claim.modes[b.synchronous].rawPerSecond)}/s`, ratio(results.claim.modes[b.synchronous].ratio), `≥ ${b.minRatioToRawSqlite}× raw`, results.claim.modes[b.synchronous].ratio >= b.minRatioToRawSqlite);
  const other = b.synchronous === 'FULL' ? ['NORMAL', NORMAL] : ['FULL', FULL];
  row('1 claim, in process', `dispatch claim/s, sync ${other[0]}`, n0(other[1].stackPerSecond), `raw SQLite ${n0(other[1].rawPerSecond)}/s`, ratio(other[1].ratio), '', undefined);
}
if (results.http) {
  const h = results.http;
  const b = budgets.claimHttp;
  row('2 claim, HTTP', `${h.connections} conns: claims/s (p50/p99 ms)`, `${n0(h.claim.perSecond)} (${h.claim.p50Ms}/${h.claim.p99Ms})`, `account.me ${n0(h.noop.perSecond)}/s (${h.noop.p50Ms}/${h.noop.p99Ms})`, ratio(h.ratio, 3), `≥ ${b.minRatioToNoop}× no-op`, h.ratio >= b.minRatioToNoop && h.claim.errors === 0 && h.claim.non2xx === 0);
}
if (results.rules) {
  const r = results.rules;
  row('3 rule engine', 'pack draft checkCampaignDraft/s', n0(r.rulesPerSecond), `strict schema parse ${n0(r.schemaPerSecond)}/s`, ratio(r.ratio), '', undefined);
}
if (results.sizes) {
  const { app, bare, wechat } = results.sizes;
  const b = budgets.weappMainPackage;
  const mainRatio = app.main.bytes / bare.main.bytes;
  row('4 weapp size', 'main package', `${KB(app.main.bytes)} (JS ${KB(app.main.jsBytes)})`, `bare ${KB(bare.main.bytes)} (JS ${KB(bare.main.jsBytes)})`, ratio(mainRatio), `≤ ${b.maxRatioToBareTemplate}× bare, ≤ ${KB(b.maxBytes)}`, mainRatio <= b.maxRatioToBareTemplate && app.main.bytes <= b.maxBytes);
  const pkgMax = Math.min(budgets.weappPackage.maxBytes, wechat.packageMax);
  for (const s of app.subpackages) row('4 weapp size', `subpackage ${s.root}`, KB(s.bytes), '', '', `≤ ${KB(pkgMax)} (WeChat)`, s.bytes <= pkgMax);
  const totalMax = Math.min(budgets.weappTotal.maxBytes, wechat.totalMax);
  row('4 weapp size', 'all packages', KB(app.total), `bare ${KB(bare.total)}`, ratio(app.total / bare.total), `≤ ${KB(totalMax)} (WeChat)`, app.total <= totalMax);
}
if (results.functions) {
  const empty = results.functions.bundles.find((b) => b.name === '(empty)');
  for (const f of results.functions.bundles) {
    if (f.name === '(empty)') continue;
    const budget = f.baseline ? '' : `≤ ${KB(budgets.functionBundle.maxBytes)}`;
    row('5 cloud functions', `${f.name}: size, cold require`, `${KB(f.bytes)}, ${f.requireMs} ms`, `empty ${KB(empty.bytes)}, ${empty.requireMs} ms`, ratio(f.requireMs / empty.requireMs, 0), budget, f.baseline ? undefined : f.bytes <= budgets.functionBundle.maxBytes);
  }
}
if (results.h5) {
  const h = results.h5;
  row('6 H5 first screen', `home "${h.app.text}…" (FCP)`, `${h.app.firstTextMs} ms (${h.app.fcpMs ?? '–'})`, `bare ${h.bare.firstTextMs} ms (${h.bare.fcpMs ?? '–'})`, ratio(h.ratio), '', undefined);
}
if (results.scale) {
  const s = results.scale;
  const b = budgets.scale;
  const scaleNote = s.counts ? `${n0(s.counts.campaigns)} campaigns, ${n0(s.counts.claims)} claims` : 'reused store';
  row('7 scale', `campaign.list p95, page 1 (p50)`, `${s.list.p95Ms} ms (${s.list.p50Ms})`, scaleNote, '', `≤ ${b.listP95Ms} ms`, s.list.p95Ms <= b.listP95Ms);
  row('7 scale', `campaign.list p95, filters+pages (p50)`, `${s.listMixed.p95Ms} ms (${s.listMixed.p50Ms})`, '', '', `≤ ${b.listP95Ms} ms`, s.listMixed.p95Ms <= b.listP95Ms);
  row('7 scale', `campaign.get p95 (p50)`, `${s.get.p95Ms} ms (${s.get.p50Ms})`, '', '', `≤ ${b.getP95Ms} ms`, s.get.p95Ms <= b.getP95Ms);
  row('7 scale', `runDailyStats, one day`, `${n0(s.stats.ms)} ms`, `${n0(s.stats.couponsThatDay)} coupons, ${n0(s.stats.campaigns)} campaigns`, '', '', undefined);
}
for (const name of ONLY) if (!results[name]) row(name, 'measurement failed', '–', '', '', '', false);

const cols = ['section', 'measurement', 'value', 'baseline', 'ratio', 'budget', 'result'];
// Terminal columns: CJK and full-width forms take two.
const WIDE = /[\u1100-\u115F\u2E80-\u9FFF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/;
const width = (s) => [...String(s)].reduce((w, ch) => w + (WIDE.test(ch) ? 2 : 1), 0);
const pad = (s, w) => String(s) + ' '.repeat(Math.max(0, w - width(s)));
const widths = cols.map((c) => Math.max(width(c), ...rows.map((r) => width(r[c]))));
const line = (r) => cols.map((c, i) => pad(r[c], widths[i])).join(' │ ');
console.log(`\n${line(Object.fromEntries(cols.map((c) => [c, c])))}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
for (const r of rows) console.log(line(r));

const failed = rows.filter((r) => r.result === 'FAIL');
const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model, memGB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg().map((x) => Math.round(x * 100) / 100), node: process.version };
const totalSeconds = (Date.now() - started) / 1000;
writeFileSync(join(ROOT, 'bench', 'results.json'), JSON.stringify({
  at: new Date().toISOString(), quick: QUICK, machine, dist: DIST, durations, totalSeconds, budgets, rows, failed: failed.map((r) => `${r.section}: ${r.measurement}`), errors, results,
}, null, 2) + '\n');
console.log(`\n${rows.length - failed.length} of ${rows.length} rows pass or are informational; ${failed.length} FAIL. ${errors.length ? `${errors.length} error(s): ${errors.join('; ')}. ` : ''}Load average ${machine.loadavg.join(' ')} on ${machine.cpus} cores; ${totalSeconds.toFixed(0)} s. → bench/results.json`);
process.exit(failed.length || errors.length ? 1 : 0);
