/**
 * W1 under load, over the real HTTP gateway (dist/server/gateway.js in its own process, SQLite as
 * `npm start` runs it): a campaign on a stock with exactly 300 left and an owner with exactly 250
 * quota; 1,000 signed-in users each send two claims at once (half of them a double tap with one
 * requestId, half two different requestIds), 2,000 requests with 200 in flight. Exactly 250 coupons
 * may exist afterwards, one per user at most, and every counter and the ledger must agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionName } from '@shared/api';
import type { Envelope } from '@shared/result';
import { LocalFileStorage } from '../../src/files/file.storage';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { FixedClock } from '../../src/runtime/clock';
import { dispatch } from '../../src/runtime/dispatch';
import { C, type LedgerDoc, type MemberDoc, type QuotaAccountDoc } from '../../src/runtime/records';
import { seedDemo } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import type { ClaimDoc, CouponDoc } from '../../src/wallet/wallet.records';
import { startGateway, type GatewayProcess } from '../support/gateway-process';
import { data, silentLog, type Harness } from '../support/harness';
import { images, M, makeStock, NOW, rid, SH, singleDraft, upload, type CampaignOut } from '../campaign/campaign.fixtures';

jest.setTimeout(180_000);

const USERS = 1_000;
const STOCK = 300;
const QUOTA = 250;
const IN_FLIGHT = 200;
const DURING = '2026-11-25T10:00:00+08:00';
const userId = (i: number) => `load-${String(i).padStart(4, '0')}`;
const openidOf = (i: number) => `o-load-${String(i).padStart(4, '0')}`;

interface Prepared {
  campaignId: string;
  stockId: string;
}

/** The data folder the server will open: demo data, 1,000 extra consumers, one stock and one campaign. */
async function prepare(dir: string): Promise<Prepared> {
  const store = new SqliteStore({ file: join(dir, 'coupon-desk.sqlite') });
  const clock = new FixedClock(new Date(NOW));
  const storage = new LocalFileStorage(join(dir, 'uploads'));
  await seedDemo(store, clock.now());
  const h: Harness = {
    store, clock, dir,
    async call<T>(memberId: string | null, fn: FunctionName, action: string, input?: unknown) {
      const actor = memberId ? await actorForMemberId(store, memberId) : null;
      return dispatch(fn, HANDLERS[fn] as never, { action, data: input }, { actor, clock, store, files: storage, log: silentLog }) as Promise<Envelope<T>>;
    },
    snapshot: () => ({}),
    close: () => store.close(),
  };
  try {
    await store.transaction(async (tx) => {
      for (let i = 1; i <= USERS; i++) {
        const m: MemberDoc = { id: userId(i), openid: openidOf(i), nickname: `压测用户${i}`, memberships: [] };
        await tx.set(C.members, m);
      }
    });
    const stock = await makeStock(h, SH, { totalQuantity: STOCK });
    expect(stock.remaining).toBe(STOCK);
    const logo = (await upload(h, 'logo', images.logo())).fileId;
    // A SINGLE campaign only names the logo.
    const draft = singleDraft(SH, { logo, small: ['', '', ''], large: ['', '', ''], seed: '' }, stock.stockId);
    const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...draft, requestId: rid('cmp') }));

    // The owner's balance is exactly QUOTA: the opening recharge of the demo data becomes QUOTA.
    const [opening, ...others] = await store.find<LedgerDoc>(C.quotaLedger, { merchantId: SH });
    expect(others).toEqual([]);
    expect(opening).toMatchObject({ reason: 'RECHARGE' });
    await store.update(C.quotaLedger, opening!.id, { set: { delta: QUOTA, balanceAfter: QUOTA } });
    await store.update(C.quotaAccounts, SH, { set: { balance: QUOTA } });
    return { campaignId: campaign.campaignId, stockId: stock.stockId };
  } finally {
    await store.close();
  }
}

async function pool<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<{ results: R[]; peak: number }> {
  const results = new Array<R>(items.length);
  let next = 0;
  let active = 0;
  let peak = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) {
      const i = next++;
      active += 1;
      peak = Math.max(peak, active);
      try {
        results[i] = await fn(items[i]!);
      } finally {
        active -= 1;
      }
    }
  }));
  return { results, peak };
}

let dir: string;
let server: GatewayProcess;
let prepared: Prepared;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coupon-desk-load-'));
  prepared = await prepare(dir);
  server = await startGateway(dir);
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function post<T>(path: string, body: unknown, cookie?: string): Promise<{ status: number; body: Envelope<T>; setCookie: string[] }> {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Envelope<T>, setCookie: res.headers.getSetCookie() };
}

async function login(memberId: string): Promise<string> {
  const r = await post('/api/dev/login', { memberId });
  expect(r.status).toBe(200);
  const sid = r.setCookie.map((c) => c.split(';')[0]!).find((c) => c.startsWith('sid='));
  if (!sid) throw new Error(`no session cookie for ${memberId}`);
  return sid;
}

type ClaimAnswer = Envelope<{ claimId: string; coupons: Array<{ couponCode: string; stockId: string }> }>;

it('1,000 users × 2 concurrent claims on 300 stock / 250 quota: exactly 250 coupons, one per user, counters and ledger agree', async () => {
  const started = Date.now();
  expect((await post('/api/dev/clock', { now: DURING })).body).toMatchObject({ ok: true });

  const users = Array.from({ length: USERS }, (_, k) => k + 1);
  const { results: cookies } = await pool(users, 50, (i) => login(userId(i)));
  const loggedIn = Date.now();

  // Both claims of a user sit next to each other, so they are taken by two workers at once.
  const calls = users.flatMap((i) => {
    const same = i % 2 === 0; // a double tap resending one requestId
    const a = `load-${i}-a`;
    return [{ i, requestId: a }, { i, requestId: same ? a : `load-${i}-b` }];
  });
  const { results, peak } = await pool(calls, IN_FLIGHT, async ({ i, requestId }) => {
    const r = await post<ClaimAnswer extends Envelope<infer T> ? T : never>('/api/campaign', { action: 'claim', data: { campaignId: prepared.campaignId, requestId } }, cookies[i - 1]);
    return { i, requestId, status: r.status, answer: r.body as ClaimAnswer };
  });
  const claimedIn = Date.now() - loggedIn;
  expect(peak).toBe(IN_FLIGHT);

  // Every answer is an envelope: ok, or one of the two refusals this race may produce.
  expect(results.every((r) => r.status === 200)).toBe(true);
  const codes: Record<string, number> = {};
  for (const r of results) {
    const key = r.answer.ok ? 'ok' : r.answer.error.code;
    codes[key] = (codes[key] ?? 0) + 1;
  }
  expect(Object.keys(codes).sort()).toEqual(expect.arrayContaining(['CAMPAIGN.QUOTA_EXHAUSTED', 'ok']));
  expect(Object.keys(codes).filter((c) => !['ok', 'CAMPAIGN.QUOTA_EXHAUSTED', 'CAMPAIGN.ALREADY_CLAIMED'].includes(c))).toEqual([]);

  // Per user: at most one coupon; two ok answers only for a resent requestId, then the same coupon.
  const couponOfUser = new Map<number, string>();
  for (const r of results) {
    if (!r.answer.ok) continue;
    expect(r.answer.data.coupons).toHaveLength(1);
    const code = r.answer.data.coupons[0]!.couponCode;
    expect(r.answer.data.claimId).toBe(`${prepared.campaignId}:${openidOf(r.i)}`);
    const prior = couponOfUser.get(r.i);
    if (prior !== undefined) {
      expect(code).toBe(prior);
      expect(r.i % 2).toBe(0);
    }
    couponOfUser.set(r.i, code);
  }
  expect(couponOfUser.size).toBe(QUOTA);

  // Each user's pair of answers is one of exactly three shapes (SQLite runs each claim alone, so a
  // second request never sees the first one half-done):
  //   a resent requestId that won: ok twice, the same answer (W1: a retried claim returns the same coupons);
  //   two requestIds that won: one ok and one ALREADY_CLAIMED;
  //   too late: QUOTA_EXHAUSTED twice.
  const shapes: Record<string, number> = {};
  for (const i of users) {
    const [a, b] = results.filter((r) => r.i === i).map((r) => r.answer);
    const shape = [a, b].map((x) => (x!.ok ? 'ok' : x!.error.code)).sort().join('+');
    shapes[`${i % 2 === 0 ? 'same' : 'new'}:${shape}`] = (shapes[`${i % 2 === 0 ? 'same' : 'new'}:${shape}`] ?? 0) + 1;
    if (i % 2 === 0 && a!.ok) expect(b).toEqual(a);
  }
  expect(Object.keys(shapes).sort()).toEqual(expect.arrayContaining(['new:CAMPAIGN.ALREADY_CLAIMED+ok', 'same:ok+ok']));
  expect(Object.keys(shapes).filter((k) => !['same:ok+ok', 'new:CAMPAIGN.ALREADY_CLAIMED+ok', 'same:CAMPAIGN.QUOTA_EXHAUSTED+CAMPAIGN.QUOTA_EXHAUSTED', 'new:CAMPAIGN.QUOTA_EXHAUSTED+CAMPAIGN.QUOTA_EXHAUSTED'].includes(k))).toEqual([]);
  expect((shapes['same:ok+ok'] ?? 0) + (shapes['new:CAMPAIGN.ALREADY_CLAIMED+ok'] ?? 0)).toBe(QUOTA);
  expect(new Set(couponOfUser.values()).size).toBe(QUOTA);

  // What the merchant sees over HTTP.
  const admin = await login(M.merchant);
  const stock = await post<{ remaining: number; issued: number }>('/api/stock', { action: 'get', data: { merchantId: SH, stockId: prepared.stockId } }, admin);
  expect(stock.body).toMatchObject({ ok: true, data: { remaining: STOCK - QUOTA, issued: QUOTA, used: 0 } });
  const ledger = await post<{ quota: { balance: number } }>('/api/account', { action: 'quotaLedger', data: { merchantId: SH, pageSize: 1 } }, admin);
  expect(ledger.body).toMatchObject({ ok: true, data: { quota: { balance: 0 }, total: QUOTA + 1 } });

  // And what is stored, read after the server has stopped.
  expect(await server.stop()).toBe(0);
  const store = new SqliteStore({ file: join(dir, 'coupon-desk.sqlite') });
  try {
    const coupons = await store.find<CouponDoc>(C.coupons, {});
    expect(coupons).toHaveLength(QUOTA);
    expect(new Set(coupons.map((c) => c.openid)).size).toBe(QUOTA);
    expect(coupons.every((c) => c.stockId === prepared.stockId && c.sourceId === prepared.campaignId && c.state === 'AVAILABLE')).toBe(true);
    const byCode = new Map(coupons.map((c) => [c.id, c]));
    for (const [i, code] of couponOfUser) expect(byCode.get(code)?.openid).toBe(openidOf(i));

    expect(await store.get<StockDoc>(C.stocks, prepared.stockId)).toMatchObject({ remaining: STOCK - QUOTA, issued: QUOTA });
    expect((await store.get<QuotaAccountDoc>(C.quotaAccounts, SH))!.balance).toBe(0);

    const entries = await store.find<LedgerDoc>(C.quotaLedger, { merchantId: SH });
    const sum = (reason: LedgerDoc['reason']) => entries.filter((e) => e.reason === reason).reduce((s, e) => s + e.delta, 0);
    expect(entries.filter((e) => e.reason === 'ISSUE')).toHaveLength(QUOTA);
    expect(sum('ISSUE')).toBe(-QUOTA);
    expect(sum('RECHARGE') + sum('ISSUE')).toBe(0);
    // Each debit records the balance it left: together they are exactly 0 … 249.
    expect(entries.filter((e) => e.reason === 'ISSUE').map((e) => e.balanceAfter).sort((a, b) => a - b)).toEqual(Array.from({ length: QUOTA }, (_, k) => k));

    const claims = await store.find<ClaimDoc>(C.claims, {});
    expect(claims).toHaveLength(QUOTA);
    expect(claims.every((c) => c.state === 'ISSUED' && c.couponCodes.length === 1)).toBe(true);
  } finally {
    await store.close();
  }
  const total = Date.now() - started;
  // Visible in the jest output when run with --verbose; the budget is the suite's timeout.
  console.log(`claims: ${JSON.stringify(codes)}; 2,000 claims in ${claimedIn} ms (${IN_FLIGHT} in flight); whole test ${total} ms`);
});
