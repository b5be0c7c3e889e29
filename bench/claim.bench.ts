/**
 * 1. The claim path in process: full-stack claims per second — `dispatch('campaign', …,
 * {action: 'claim'})`, i.e. schema parse → permission → rules → SQLite transaction → envelope,
 * one fresh consumer per claim — against a raw better-sqlite3 loop that issues exactly the SQL
 * statements one real claim issued (recorded in this run, so the baseline follows the code), on
 * the same connection and pragmas. synchronous=FULL (what the gateway uses) and NORMAL.
 *
 * Usage: node --import tsx bench/claim.bench.ts --out result.json [--runs 5] [--ms 1500]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { consumer, prepareClaimStore, type ClaimSetup } from './lib/setup';
import { arg, interleaved, median, opsPerSecond, outPath, round } from './lib/stats';

type Op = { kind: 'run' | 'get' | 'all'; sql: string; params: unknown[] } | { kind: 'exec'; sql: string };

const TRACE_N = 'TRACE0';

/** Runs one real claim and records every statement it sent to SQLite, with its parameters. */
async function recordClaim(s: ClaimSetup): Promise<{ ops: Op[]; couponCodes: string[] }> {
  const db = s.store.db;
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', (...a: unknown[]) => unknown>;
  const ops: Op[] = [];
  const saved = { run: proto.run, get: proto.get, all: proto.all, exec: db.exec };
  for (const kind of ['run', 'get', 'all'] as const) {
    const orig = saved[kind];
    proto[kind] = function (this: Database.Statement, ...params: unknown[]) {
      ops.push({ kind, sql: this.source, params });
      return orig.apply(this, params);
    };
  }
  db.exec = (sql: string) => {
    ops.push({ kind: 'exec', sql });
    return saved.exec.call(db, sql);
  };
  try {
    const r = await s.call<{ coupons: Array<{ couponCode: string }> }>(consumer(TRACE_N), 'campaign', 'claim', { campaignId: s.campaignId, requestId: `req-${TRACE_N}` });
    if (!r.ok) throw new Error(`trace claim failed: ${r.error.code} ${r.error.message}`);
    return { ops, couponCodes: r.data.coupons.map((c) => c.couponCode) };
  } finally {
    Object.assign(proto, { run: saved.run, get: saved.get, all: saved.all });
    db.exec = saved.exec;
  }
}

/**
 * The raw loop: the recorded statements, prepared once, replayed with the per-claim tokens
 * (openid, request id, coupon codes) substituted into the string parameters.
 */
function rawClaimer(db: Database.Database, ops: Op[], couponCodes: string[]) {
  const tokens = [`o-bench-${TRACE_N}`, `req-${TRACE_N}`, ...couponCodes];
  const pattern = new RegExp(tokens.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const steps = ops.map((op) => {
    if (op.kind === 'exec') return (_: Record<string, string>) => void db.exec(op.sql);
    const stmt = db.prepare(op.sql);
    const params = op.params.map((p) => {
      if (typeof p !== 'string' || !pattern.test(p)) return () => p;
      pattern.lastIndex = 0;
      const parts = p.split(pattern);
      const found = p.match(pattern) ?? [];
      return (sub: Record<string, string>) => parts.reduce((acc, part, i) => acc + part + (i < found.length ? sub[found[i]!] : ''), '');
    });
    const exec = op.kind === 'run' ? stmt.run.bind(stmt) : op.kind === 'get' ? stmt.get.bind(stmt) : stmt.all.bind(stmt);
    return (sub: Record<string, string>) => void exec(...params.map((f) => f(sub)));
  });
  let code = 500_000_000_000;
  return (i: number) => {
    const sub: Record<string, string> = { [`o-bench-${TRACE_N}`]: `o-bench-raw${i}`, [`req-${TRACE_N}`]: `req-raw${i}` };
    for (const c of couponCodes) sub[c] = String(code++);
    for (const step of steps) step(sub);
  };
}

async function main() {
  const runs = Number(arg('runs') ?? 5);
  const ms = Number(arg('ms') ?? 1500);
  const dir = mkdtempSync(join(tmpdir(), 'coupon-desk-bench-claim-'));
  const s = await prepareClaimStore(dir, 'FULL');
  try {
    const { ops, couponCodes } = await recordClaim(s);
    const raw = rawClaimer(s.store.db, ops, couponCodes);
    let n = 0;
    const stackClaim = async () => {
      const k = n++;
      const r = await s.call(consumer(k), 'campaign', 'claim', { campaignId: s.campaignId, requestId: `req-bench-${k}` });
      if (!r.ok) throw new Error(`claim ${k} failed: ${r.error.code} ${r.error.message}`);
    };
    let rawN = 0;
    const rawClaim = () => raw(rawN++);

    const modes: Record<string, unknown> = {};
    for (const sync of ['FULL', 'NORMAL'] as const) {
      s.store.db.pragma(`synchronous = ${sync}`);
      await opsPerSecond(300, rawClaim);
      await opsPerSecond(300, stackClaim);
      const r = await interleaved(runs, () => opsPerSecond(ms, rawClaim), () => opsPerSecond(ms, stackClaim));
      const rawPs = r.a.map((x) => x.perSecond);
      const stackPs = r.b.map((x) => x.perSecond);
      modes[sync] = {
        rawPerSecond: round(median(rawPs)),
        stackPerSecond: round(median(stackPs)),
        ratio: round(median(stackPs.map((x, i) => x / rawPs[i]!)), 3),
        runs: { raw: rawPs.map((x) => round(x)), stack: stackPs.map((x) => round(x)) },
      };
    }
    // Every full-stack claim must have issued exactly one coupon.
    const issued = (s.store.db.prepare("SELECT count(*) AS n FROM c_claims WHERE json_extract(doc, '$.state') = 'ISSUED' AND json_extract(doc, '$.openid') LIKE 'o-bench-%' AND json_extract(doc, '$.openid') NOT LIKE 'o-bench-raw%'").get() as { n: number }).n;
    const result = {
      statements: ops.map((o) => (o.kind === 'exec' ? o.sql : `${o.kind}: ${o.sql}`)),
      claims: { stack: n, raw: rawN, issuedStack: issued - 1 },
      runs, ms, modes,
    };
    if (issued - 1 !== n) throw new Error(`expected ${n} issued full-stack claims, found ${issued - 1}`);
    writeFileSync(outPath(), JSON.stringify(result, null, 2));
  } finally {
    await s.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
