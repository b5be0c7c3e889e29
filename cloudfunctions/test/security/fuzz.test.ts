/**
 * Fuzzing every action of the contract through the HTTP gateway (fastify `inject` over a temp
 * SQLite with the world of world.ts), then whole requests, then a sample through the real gateway
 * process. The properties live in fuzz.properties.ts; FUZZ_RUNS (default 200 per action) and
 * FUZZ_SEED come from the environment — `node scripts/fuzz.mjs` runs them with many more.
 */
import type { FastifyInstance } from 'fastify';
import Database from 'better-sqlite3';
import { renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type FunctionName } from '@shared/api';
import type { Permission } from '@shared/permissions';
import { LocalFileStorage } from '../../src/files/file.storage';
import { AdjustableClock } from '../../src/runtime/clock';
import { buildGateway } from '../../src/runtime/gateway/gateway';
import { consumerId, DEMO } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { NOW } from '../campaign/campaign.fixtures';
import { fuzzAction, fuzzWholeBodies, seedFor, type FuzzStats, type FuzzTarget, type RunOptions } from './fuzz.properties';
import { loginAs, postJson, startGateway, type GatewayProcess } from '../support/gateway-process';
import { buildWorld, CONTRACT_ACTIONS, fingerprint, sampleOf, type World } from './world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
/** The real process gets a sample: a tenth of the runs, at least 10 per action. */
const PROCESS_RUNS = Math.max(10, Math.round(RUNS / 10));
const opts = (numRuns: number, label: string): RunOptions => {
  const seed = seedFor(SEED, label);
  return { numRuns, ...(seed !== undefined ? { seed } : {}), maxMs: Number(process.env.FUZZ_MAX_MS ?? 5_000) };
};
/** Generous per test: ~15 ms a run covers a loaded 2-core machine. */
const timeout = (runs: number) => 30_000 + runs * 15;

const { members: M, carrefourSh: SH } = DEMO;

/** The member whose roles reach the action's handler: SP_ADMIN reaches everything but redeem. */
function bestMember(permission: Permission): string {
  if (permission.allow === 'SIGNED_IN') return consumerId(2);
  return permission.allow.includes('SP_ADMIN') ? M.sp : (permission.allow[0] === 'STORE_STAFF' ? M.staff : M.merchant);
}

const permissionOf = (fn: FunctionName, action: string): Permission => (contract[fn] as Record<string, { permission: Permission }>)[action]!.permission;

const summaries: string[] = [];
const summarize = (label: string, s: FuzzStats) => {
  const codes = Object.entries(s.codes).sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c}×${n}`).join(' ');
  summaries.push(`${label.padEnd(28)} runs ${s.runs}  ok ${s.okAnswers}  max ${s.maxMs} ms  ${codes}`);
};

afterAll(() => {
  if (process.env.FUZZ_REPORT) console.log(summaries.join('\n'));
});

describe('fuzzing every action through the gateway (inject)', () => {
  let h: Harness;
  let w: World;
  let app: FastifyInstance;
  const cookies = new Map<string, string>();

  const target: FuzzTarget = {
    async send(req) {
      const res = await app.inject({ method: req.method, url: req.url, headers: req.headers, ...(req.body !== undefined ? { payload: req.body } : {}) });
      return { status: res.statusCode, text: res.body };
    },
    fingerprint: () => fingerprint(h.store.db),
    unexpected: () => silentLog.errors,
  };

  beforeAll(async () => {
    h = await makeHarness(NOW);
    w = await buildWorld(h);
    const clock = new AdjustableClock();
    clock.set(new Date(NOW));
    app = await buildGateway({ store: h.store, clock, log: silentLog, mode: 'local', sessionSecret: 'fuzz-secret-0123456789abcdef0123456789', files: new LocalFileStorage(join(h.dir, 'uploads')) });
    // Sign in once per member and reuse the session.
    for (const id of [M.sp, M.merchant, M.staff, consumerId(1), consumerId(2)]) {
      const res = await app.inject({ method: 'POST', url: '/api/dev/login', payload: { memberId: id } });
      const c = res.cookies.find((x) => x.name === 'sid');
      if (!c) throw new Error(`no session for ${id}`);
      cookies.set(id, `sid=${c.value}`);
    }
  });
  afterAll(async () => {
    await app?.close();
    await h?.close();
  });

  it.each(CONTRACT_ACTIONS)(`%s.%s: ${RUNS} arbitrary and near-valid payloads answer known error codes and write nothing`, async (fn, action) => {
    const sample = sampleOf(fn, action);
    if (!sample) throw new Error(`${fn}.${action} has no sample input in world.ts`);
    const stats = await fuzzAction(target, fn, action, sample(w, SH), { best: cookies.get(bestMember(permissionOf(fn, action)))!, consumer: cookies.get(consumerId(1))! }, opts(RUNS, `${fn}.${action}`));
    summarize(`${fn}.${action}`, stats);
    expect(stats.runs).toBe(RUNS);
    // Valid by accident must stay rare, or the fuzzer is not testing refusals.
    expect(stats.okAnswers).toBeLessThanOrEqual(Math.max(5, Math.ceil(RUNS * 0.15)));
  }, timeout(RUNS));

  it(`whole requests: ${RUNS * 2} arbitrary methods, paths, content types and bodies answer envelopes`, async () => {
    const stats = await fuzzWholeBodies(target, [null, cookies.get(M.sp)!, cookies.get(consumerId(1))!], opts(RUNS * 2, 'whole'));
    summarize('whole requests', stats);
    expect(stats.okAnswers).toBeLessThanOrEqual(Math.ceil(RUNS * 2 * 0.05));
  }, timeout(RUNS * 2));
});

// ---------------------------------------------------------------------------------------------
// The same properties against the built gateway in its own process (a sample of each).

describe('fuzzing a sample through the real gateway process', () => {
  let h: Harness;
  let w: World;
  let server: GatewayProcess;
  let reader: Database.Database;
  const cookies = new Map<string, string>();

  const target: FuzzTarget = {
    async send(req) {
      // fetch (undici) refuses to send a transfer-encoding header; inject covers that one.
      const { 'transfer-encoding': _te, ...headers } = req.headers;
      const res = await fetch(`${server.url}${req.url}`, { method: req.method, headers, ...(req.body !== undefined ? { body: req.body } : {}) });
      return { status: res.status, text: await res.text() };
    },
    fingerprint: () => fingerprint(reader),
    // consoleLogger writes "[fn] unexpected error" / "[gateway] unexpected error" to stderr.
    unexpected: () => server.output().split('\n').filter((l) => /unexpected error|failed/.test(l)),
  };

  beforeAll(async () => {
    h = await makeHarness(NOW);
    w = await buildWorld(h);
    await h.store.close();
    renameSync(join(h.dir, 'test.sqlite'), join(h.dir, 'coupon-desk.sqlite'));
    server = await startGateway(h.dir);
    await postJson(server.url, '/api/dev/clock', { now: NOW });
    reader = new Database(join(h.dir, 'coupon-desk.sqlite'), { readonly: true, fileMustExist: true });
    for (const id of [M.sp, M.merchant, M.staff, consumerId(1), consumerId(2)]) cookies.set(id, await loginAs(server.url, id));
  }, 60_000);

  afterAll(async () => {
    reader?.close();
    await server?.stop();
    if (h) rmSync(h.dir, { recursive: true, force: true });
  });

  it(`every action, ${PROCESS_RUNS} payloads each, and ${PROCESS_RUNS * 4} whole requests: envelopes with known codes, nothing written`, async () => {
    let total = 0;
    for (const [fn, action] of CONTRACT_ACTIONS) {
      const sample = sampleOf(fn, action);
      if (!sample) throw new Error(`${fn}.${action} has no sample input in world.ts`);
      const stats = await fuzzAction(target, fn, action, sample(w, SH), { best: cookies.get(bestMember(permissionOf(fn, action)))!, consumer: cookies.get(consumerId(1))! }, opts(PROCESS_RUNS, `process ${fn}.${action}`));
      total += stats.runs;
    }
    const whole = await fuzzWholeBodies(target, [null, cookies.get(M.sp)!, cookies.get(consumerId(1))!], opts(PROCESS_RUNS * 4, 'process whole'));
    summarize('real process (whole)', whole);
    expect(total).toBe(CONTRACT_ACTIONS.length * PROCESS_RUNS);
    expect(target.unexpected()).toEqual([]);
  }, timeout(PROCESS_RUNS * 50));
});
