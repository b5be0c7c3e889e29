/**
 * W1 on the CloudBase adapter: the real `@cloudbase/node-sdk` against the recording TCB stub. Here a
 * batch is NOT atomic (no transaction spans guarded updates), so the claim's own ordering and undo
 * are what keep it exact: deterministic-id claim insert, one guarded `$inc` per stock and for the
 * quota, then one transaction; any refusal after the insert puts every counter back.
 *
 * The demo data, stocks, files and campaigns are written through the same adapter by the real
 * actions (`seedDemo`, `stock.create/activate`, `acceptUpload`, `campaign.create`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionName, OutputOf } from '@shared/api';
import type { Envelope } from '@shared/result';
import { LocalFileStorage } from '../../src/files/file.storage';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { FixedClock } from '../../src/runtime/clock';
import { dispatch } from '../../src/runtime/dispatch';
import { C, type LedgerDoc, type QuotaAccountDoc } from '../../src/runtime/records';
import { consumerId, seedDemo } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import { CloudbaseStore } from '../../src/store/cloudbase/cloudbase.store';
import type { ClaimDoc, CouponDoc } from '../../src/wallet/wallet.records';
import { data, errorOf, silentLog, type Harness } from '../support/harness';
import { startTcbStub, type RecordedRequest, type TcbStub } from '../support/tcb-stub';
import { APPID_SH, images, M, makeStock, NOW, packDraft, rid, SH, singleDraft, upload, type CampaignOut, type StockOut, type Uploads } from '../campaign/campaign.fixtures';

// Outside Tencent Cloud the SDK probes the metadata service on every call; this tells it not to.
process.env.TENCENTCLOUD = 'true';

jest.setTimeout(60_000);

type ClaimOut = OutputOf<'campaign', 'claim'>;
const DURING = '2026-11-25T10:00:00+08:00';
const U1 = consumerId(1);
const U2 = consumerId(2);
const openidOf = (n: number) => `o-demo-consumer-${String(n).padStart(2, '0')}`;

let stub: TcbStub;
let store: CloudbaseStore;
let h: Harness;
let files: Uploads;

beforeAll(async () => {
  stub = await startTcbStub();
});
afterAll(async () => {
  await stub.close();
});

beforeEach(async () => {
  stub.reset();
  store = new CloudbaseStore({ env: 'stub-env', serviceUrl: stub.url, secretId: 'stub-id', secretKey: 'stub-key', timeout: 5000 });
  const clock = new FixedClock(new Date(NOW));
  const dir = mkdtempSync(join(tmpdir(), 'coupon-desk-cb-'));
  const storage = new LocalFileStorage(join(dir, 'uploads'));
  h = {
    store: store as never, clock, dir,
    async call<T>(memberId: string | null, fn: FunctionName, action: string, input?: unknown) {
      const actor = memberId ? await actorForMemberId(store, memberId) : null;
      if (memberId && !actor) throw new Error(`no member ${memberId}`);
      return dispatch(fn, HANDLERS[fn] as never, { action, data: input }, { actor, clock, store, files: storage, log: silentLog }) as Promise<Envelope<T>>;
    },
    snapshot: () => ({}),
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
  await seedDemo(store, clock.now());
  // Files (only what the drafts name); PACK images are the same bytes per size, each its own fileId.
  const id = async (purpose: Parameters<typeof upload>[1], bytes: Uint8Array) => (await upload(h, purpose, bytes)).fileId;
  files = {
    logo: await id('logo', images.logo()),
    small: [await id('smallImage', images.smallPng()), await id('smallImage', images.smallPng()), await id('smallImage', images.smallPng())],
    large: [await id('largeImage', images.largePng()), await id('largeImage', images.largePng()), await id('largeImage', images.largePng())],
    seed: await id('seedPackage', new TextEncoder().encode('openid\no-seed-1\n')),
  };
});
afterEach(async () => {
  await h.close();
});

async function singleCampaign() {
  const stock = await makeStock(h, SH);
  const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...singleDraft(SH, files, stock.stockId), requestId: rid('cmp') }));
  return { stock, campaign };
}

async function packCampaign() {
  const stocks: StockOut[] = [
    await makeStock(h, SH),
    await makeStock(h, SH, { name: '家乐福满200减50', faceValue: 5_000, minSpend: 20_000 }),
    await makeStock(h, SH, { name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 }),
  ];
  const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...packDraft(SH, files, stocks.map((s) => s.stockId)), requestId: rid('cmp') }));
  return { stocks, campaign };
}

const claim = (member: string, campaignId: string, requestId = rid('claim')) => h.call<ClaimOut>(member, 'campaign', 'claim', { campaignId, requestId });

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument', 'database.startTransaction', 'database.commitTransaction', 'database.abortTransaction']);
const writes = (): RecordedRequest[] => stub.requests.filter((r) => WRITES.has(r.action));
/** A compact line per write: action, collection, id, in a transaction or not. */
const line = (r: RecordedRequest): string => {
  const short = r.action.replace('database.', '');
  if (short.endsWith('Transaction')) return short;
  const q = r.params.query as { _id?: string } | undefined;
  const d = r.params.data as Array<{ _id?: string }> | undefined;
  const id = q?._id ?? d?.[0]?._id ?? '?';
  return `${short} ${String(r.params.collectionName)}/${id}${r.params.transactionId ? ' (tx)' : ''}`;
};

const peekStock = (id: string) => stub.peek(C.stocks, id) as unknown as StockDoc & { _id: string };
const peekBalance = () => (stub.peek(C.quotaAccounts, SH) as unknown as QuotaAccountDoc).balance;
const couponsIn = () => store.find<CouponDoc>(C.coupons, {});
const ledgerIssues = () => store.find<LedgerDoc>(C.quotaLedger, { reason: 'ISSUE' });

describe('campaign.claim over CloudBase: what is sent', () => {
  it('a pack claim: claim insert by deterministic id, one guarded $inc per stock and for the quota, then one transaction', async () => {
    const { stocks, campaign } = await packCampaign();
    h.clock.set(new Date(DURING));
    const balanceBefore = peekBalance();
    stub.requests.length = 0;

    const out = data(await claim(U1, campaign.campaignId));
    const claimId = `${campaign.campaignId}:${openidOf(1)}`;
    expect(out.claimId).toBe(claimId);
    expect(out.coupons.map((c) => c.stockId)).toEqual(stocks.map((s) => s.stockId));
    const codes = out.coupons.map((c) => c.couponCode);

    expect(writes().map(line)).toEqual([
      `insertDocument ${C.claims}/${claimId}`,
      ...stocks.map((s) => `modifyDocument ${C.stocks}/${s.stockId}`),
      `modifyDocument ${C.quotaAccounts}/${SH}`,
      'startTransaction',
      ...codes.map((code) => `insertDocument ${C.coupons}/${code} (tx)`),
      expect.stringMatching(new RegExp(`^insertDocument ${C.quotaLedger}/qle_claim_.* \\(tx\\)$`)),
      `modifyDocument ${C.claims}/${claimId} (tx)`,
      expect.stringMatching(new RegExp(`^insertDocument ${C.requests}/campaign\\.claim:consumer-01:.* \\(tx\\)$`)),
      'commitTransaction',
    ]);

    const w = writes();
    expect(w[0]!.params).toMatchObject({ collectionName: C.claims, data: [expect.objectContaining({ _id: claimId, id: claimId, state: 'PENDING', couponCodes: codes })] });
    expect(w[0]!.params.transactionId).toBeUndefined();
    for (const [k, s] of stocks.entries()) {
      const r = w[1 + k]!;
      expect(r.params).toMatchObject({
        collectionName: C.stocks, queryType: 'WHERE', multi: true, merge: true, upsert: false,
        query: { _id: s.stockId, remaining: { $gte: 1 }, state: 'RUNNING', availableEndMs: { $gte: Date.parse(DURING) } },
        data: { $inc: { remaining: -1, issued: 1 } },
      });
      expect(r.params.transactionId).toBeUndefined();
    }
    expect(w[4]!.params).toMatchObject({ collectionName: C.quotaAccounts, query: { _id: SH, balance: { $gte: 3 } }, data: { $inc: { balance: -3 } } });
    expect(w[4]!.params.transactionId).toBeUndefined();
    // Inside the transaction: single documents by id only, all carrying its id.
    const txId = w.at(-1)!.params.transactionId;
    expect(txId).toEqual(expect.any(String));
    for (const r of w.slice(6, -1)) expect(r.params.transactionId).toBe(txId);
    expect(w.find((r) => line(r) === `modifyDocument ${C.claims}/${claimId} (tx)`)!.params).toMatchObject({ queryType: 'DOC', data: { $set: { state: 'ISSUED' } } });

    // And the stored result.
    for (const s of stocks) expect(peekStock(s.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    expect(peekBalance()).toBe(balanceBefore - 3);
    expect(stub.peek(C.claims, claimId)).toMatchObject({ state: 'ISSUED', couponCodes: codes });
    expect((await couponsIn()).map((c) => c.id).sort()).toEqual([...codes].sort());
    expect(await ledgerIssues()).toEqual([expect.objectContaining({ delta: -3, balanceAfter: balanceBefore - 3, refId: claimId })]);
  });

  it('a retry with the same requestId only reads; another requestId is ALREADY_CLAIMED and only reads', async () => {
    const { campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    const requestId = rid('claim');
    const first = data(await claim(U1, campaign.campaignId, requestId));
    stub.requests.length = 0;
    expect(data(await claim(U1, campaign.campaignId, requestId))).toEqual(first);
    expect(errorOf(await claim(U1, campaign.campaignId)).code).toBe('CAMPAIGN.ALREADY_CLAIMED');
    expect(writes()).toEqual([]);
    expect(stub.requests.length).toBeGreaterThan(0);
  });
});

describe('campaign.claim over CloudBase: a claim abandoned half-way', () => {
  /** What a function killed after its first decrement leaves: the PENDING claim and one unit taken. */
  async function strand(campaignId: string, stockId: string, at: string) {
    expect(await store.insert<ClaimDoc>(C.claims, { id: `${campaignId}:${openidOf(1)}`, campaignId, openid: openidOf(1), requestId: 'claim-killed-000001', state: 'PENDING', couponCodes: ['100000000001'], at })).toBe(true);
    expect(await store.update(C.stocks, stockId, { inc: { remaining: -1, issued: 1 } })).toBe(true);
  }

  it('younger than a minute it is still in progress: the user is told so and nothing is written', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    await strand(campaign.campaignId, stock.stockId, '2026-11-25T09:59:30+08:00');
    stub.requests.length = 0;
    const err = errorOf(await claim(U1, campaign.campaignId));
    expect(err).toMatchObject({ code: 'CAMPAIGN.ALREADY_CLAIMED', message: '你的领取正在处理中，请勿重复领取' });
    expect(writes()).toEqual([]);
  });

  it('older than a minute it is taken over: the user gets the coupon; the dead attempt\'s unit stays taken (undersold, not oversold)', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    await strand(campaign.campaignId, stock.stockId, '2026-11-25T09:58:59+08:00');
    const balanceBefore = peekBalance();
    const requestId = rid('claim');
    const out = data(await claim(U1, campaign.campaignId, requestId));
    expect(out.coupons).toHaveLength(1);
    expect(stub.peek(C.claims, out.claimId)).toMatchObject({ state: 'ISSUED', requestId, at: DURING, couponCodes: [out.coupons[0]!.couponCode] });
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 998, issued: 2 });
    expect(peekBalance()).toBe(balanceBefore - 1);
    expect((await couponsIn()).map((c) => c.id)).toEqual([out.coupons[0]!.couponCode]);
    // And a retry of that request replays it.
    expect(data(await claim(U1, campaign.campaignId, requestId))).toEqual(out);
  });

  it('an attempt that stalls past the minute and wakes after a takeover issues nothing and gives back its own units', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    const balanceBefore = peekBalance();
    const late = rid('claim');
    const retry = rid('claim');
    // The first attempt stalls just before its commit; meanwhile a minute passes and the user retries.
    const commit = store.transaction.bind(store);
    let retried: Promise<unknown> | null = null;
    store.transaction = (async (fn: Parameters<typeof store.transaction>[0]) => {
      if (!retried) {
        h.clock.advance(61_000);
        retried = claim(U1, campaign.campaignId, retry);
        await retried;
      }
      return commit(fn);
    }) as typeof store.transaction;

    const first = errorOf(await claim(U1, campaign.campaignId, late));
    expect(first.code).toBe('CAMPAIGN.ALREADY_CLAIMED');
    const second = data((await retried!) as Parameters<typeof data<ClaimOut>>[0]);
    expect(second.coupons).toHaveLength(1);

    const claimId = `${campaign.campaignId}:${openidOf(1)}`;
    expect(stub.peek(C.claims, claimId)).toMatchObject({ state: 'ISSUED', requestId: retry, couponCodes: [second.coupons[0]!.couponCode] });
    expect((await couponsIn()).map((c) => c.id)).toEqual([second.coupons[0]!.couponCode]);
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    expect(peekBalance()).toBe(balanceBefore - 1);
    expect(await ledgerIssues()).toHaveLength(1);
  });
});

describe('campaign.claim over CloudBase: refusals leave nothing half-written', () => {
  it('the second stock’s guarded update answering updated: 0 (a conflict) → STOCK_UNAVAILABLE; first stock and quota restored, no coupon, no claim', async () => {
    const { stocks, campaign } = await packCampaign();
    h.clock.set(new Date(DURING));
    const balanceBefore = peekBalance();
    const [s1, s2, s3] = stocks.map((s) => s.stockId) as [string, string, string];
    stub.injectOnce('database.modifyDocument', { updated: 0 }, (r) => r.params.collectionName === C.stocks && (r.params.query as { _id?: string })._id === s2);
    stub.requests.length = 0;

    const requestId = rid('claim');
    const err = errorOf(await claim(U1, campaign.campaignId, requestId));
    expect(['CAMPAIGN.STOCK_UNAVAILABLE', 'CAMPAIGN.STOCK_OUT']).toContain(err.code);
    // The stub answered 0 though 1,000 remain: the handler reads the stock and calls it unavailable.
    expect(err.code).toBe('CAMPAIGN.STOCK_UNAVAILABLE');

    const claimId = `${campaign.campaignId}:${openidOf(1)}`;
    expect(writes().map(line)).toEqual([
      `insertDocument ${C.claims}/${claimId}`,
      `modifyDocument ${C.stocks}/${s1}`,
      `modifyDocument ${C.stocks}/${s2}`,
      // The undo: the first stock's decrement back, the claim removed. No transaction was started.
      `modifyDocument ${C.stocks}/${s1}`,
      `removeDocument ${C.claims}/${claimId}`,
    ]);
    expect(writes()[3]!.params).toMatchObject({ data: { $inc: { remaining: 1, issued: -1 } } });

    for (const s of [s1, s2, s3]) expect(peekStock(s)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(peekBalance()).toBe(balanceBefore);
    expect(stub.peek(C.claims, claimId)).toBeUndefined();
    expect(await couponsIn()).toEqual([]);
    expect(await ledgerIssues()).toEqual([]);
    expect(await store.count(C.requests, { id: { in: [`campaign.claim:${U1}:${requestId}`] } })).toBe(0);

    // Nothing was recorded, so the same request goes through afterwards.
    expect(data(await claim(U1, campaign.campaignId, requestId)).coupons).toHaveLength(3);
    for (const s of [s1, s2, s3]) expect(peekStock(s)).toMatchObject({ remaining: 999, issued: 1 });
  });

  it('the same requestId on another campaign → REQUEST.ID_REUSED: the transaction refuses it, then the counters and the claim are undone', async () => {
    const a = await singleCampaign();
    const b = await singleCampaign();
    h.clock.set(new Date(DURING));
    const requestId = rid('claim');
    data(await claim(U1, a.campaign.campaignId, requestId));
    const balanceBefore = peekBalance();
    stub.requests.length = 0;

    expect(errorOf(await claim(U1, b.campaign.campaignId, requestId)).code).toBe('REQUEST.ID_REUSED');
    expect(writes().map(line).filter((l) => l.includes('Transaction'))).toEqual(['startTransaction', 'abortTransaction']);
    expect(peekStock(b.stock.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(peekBalance()).toBe(balanceBefore);
    expect(stub.peek(C.claims, `${b.campaign.campaignId}:${openidOf(1)}`)).toBeUndefined();
    expect((await couponsIn()).filter((c) => c.sourceId === b.campaign.campaignId)).toEqual([]);
  });

  it('the stock really out (remaining 0) → STOCK_OUT, nothing left behind', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    expect(await store.update(C.stocks, stock.stockId, { set: { remaining: 0 } })).toBe(true);
    const balanceBefore = peekBalance();
    expect(errorOf(await claim(U1, campaign.campaignId)).code).toBe('CAMPAIGN.STOCK_OUT');
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 0, issued: 0 });
    expect(peekBalance()).toBe(balanceBefore);
    expect(await store.count(C.claims, {})).toBe(0);
  });

  it('the quota’s guarded update refused → QUOTA_EXHAUSTED; all three stocks restored', async () => {
    const { stocks, campaign } = await packCampaign();
    h.clock.set(new Date(DURING));
    expect(await store.update(C.quotaAccounts, SH, { set: { balance: 2 } })).toBe(true);
    stub.requests.length = 0;
    expect(errorOf(await claim(U1, campaign.campaignId)).code).toBe('CAMPAIGN.QUOTA_EXHAUSTED');
    const quotaUpdate = writes().find((r) => r.params.collectionName === C.quotaAccounts)!;
    expect(quotaUpdate.params).toMatchObject({ query: { _id: SH, balance: { $gte: 3 } }, data: { $inc: { balance: -3 } } });
    expect(writes().filter((r) => r.params.collectionName === C.stocks)).toHaveLength(6); // 3 decrements, 3 undos
    for (const s of stocks) expect(peekStock(s.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(peekBalance()).toBe(2);
    expect(await store.count(C.claims, {})).toBe(0);
    expect(await couponsIn()).toEqual([]);
  });

  it('a commit that conflicts: no coupon, no ledger entry, counters and claim undone; a retry then succeeds', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    const balanceBefore = peekBalance();
    stub.injectOnce('database.commitTransaction', { error: { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' } });
    const requestId = rid('claim');
    const err = errorOf(await claim(U1, campaign.campaignId, requestId));
    expect(err.code).toBe('INTERNAL.CONFLICT');
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(peekBalance()).toBe(balanceBefore);
    expect(await store.count(C.claims, {})).toBe(0);
    expect(await couponsIn()).toEqual([]);
    expect(await ledgerIssues()).toEqual([]);
    expect(data(await claim(U1, campaign.campaignId, requestId)).coupons).toHaveLength(1);
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
  });
});

describe('campaign.claim over CloudBase: real races on the server', () => {
  it('one unit left, two users at once: one coupon, one STOCK_OUT, remaining 0, quota −1', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    await store.update(C.stocks, stock.stockId, { set: { remaining: 1 } });
    const balanceBefore = peekBalance();
    const answers = await Promise.all([claim(U1, campaign.campaignId), claim(U2, campaign.campaignId)]);
    expect(answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort()).toEqual(['CAMPAIGN.STOCK_OUT', 'ok']);
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 0, issued: 1 });
    expect(peekBalance()).toBe(balanceBefore - 1);
    expect(await couponsIn()).toHaveLength(1);
    expect(await store.find<ClaimDoc>(C.claims, {})).toEqual([expect.objectContaining({ state: 'ISSUED' })]);
  });

  it('one user, five claims at once with different requestIds: one coupon, the rest ALREADY_CLAIMED', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    const answers = await Promise.all(Array.from({ length: 5 }, () => claim(U1, campaign.campaignId)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(Array(4).fill('CAMPAIGN.ALREADY_CLAIMED'));
    expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    expect(await couponsIn()).toHaveLength(1);
  });
});

/**
 * A proxy in front of the stub that forwards every call, but can replace the answer to one commit,
 * after the stub has applied it, with a 504: the network failing at the worst moment.
 */
async function startLossyProxy(target: string) {
  let loseCommit = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const action = String((JSON.parse(body.toString('utf8')) as { action?: unknown }).action);
      void fetch(target, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(async (upstream) => {
        const text = await upstream.text();
        if (loseCommit && action === 'database.commitTransaction') {
          loseCommit = false;
          // What a gateway in between answers when the database is slow to confirm.
          res.statusCode = 504;
          res.end('upstream timed out');
          return;
        }
        res.setHeader('content-type', 'application/json');
        res.end(text);
      });
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`,
    loseNextCommit: () => {
      loseCommit = true;
    },
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

describe('campaign.claim over CloudBase: a commit applied but its answer lost', () => {
  it('is not undone: the counters still match the coupons that exist, and a retry returns them', async () => {
    const { stock, campaign } = await singleCampaign();
    h.clock.set(new Date(DURING));
    const balanceBefore = peekBalance();
    const proxy = await startLossyProxy(stub.url);
    const direct = store;
    try {
      store = new CloudbaseStore({ env: 'stub-env', serviceUrl: proxy.url, secretId: 'stub-id', secretKey: 'stub-key', timeout: 5000 });
      proxy.loseNextCommit();
      const requestId = rid('claim');
      const first = await claim(U1, campaign.campaignId, requestId);

      // Whatever the answer, what is stored must add up: the commit went through, so the coupon exists…
      const coupons = await direct.find<CouponDoc>(C.coupons, {});
      expect(coupons).toHaveLength(1);
      // …and its unit stays taken: stock, quota and ledger agree with it.
      expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
      expect(peekBalance()).toBe(balanceBefore - 1);
      expect(await direct.find<LedgerDoc>(C.quotaLedger, { reason: 'ISSUE' })).toEqual([expect.objectContaining({ delta: -1 })]);
      expect(stub.peek(C.claims, `${campaign.campaignId}:${openidOf(1)}`)).toMatchObject({ state: 'ISSUED', couponCodes: [coupons[0]!.id] });

      // The user is answered with that coupon, now or on the retry, and cannot claim a second one.
      const retry = data(await claim(U1, campaign.campaignId, requestId));
      expect(retry.coupons.map((c) => c.couponCode)).toEqual([coupons[0]!.id]);
      if (first.ok) expect(first.data).toEqual(retry);
      expect(errorOf(await claim(U1, campaign.campaignId)).code).toBe('CAMPAIGN.ALREADY_CLAIMED');
      expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    } finally {
      store = direct;
      await proxy.close();
    }
  });
});

describe('live.claim over CloudBase: a commit applied but its answer lost', () => {
  it('is not undone: the viewer\'s count, the room\'s claimed and the stock still match the coupon that exists', async () => {
    const stock = await makeStock(h, SH, { purpose: 'GENERAL', perUserLimit: 1, availableBegin: '2026-11-22T10:05:00+08:00' });
    data(await h.call(M.merchant, 'stock', 'authorizeAppid', { merchantId: SH, stockId: stock.stockId, appid: APPID_SH }));
    const now = h.clock.now().getTime();
    const room = data(await h.call<{ roomId: string }>(M.host, 'live', 'createRoom', {
      merchantId: SH, requestId: rid('room'), appid: APPID_SH, name: '家乐福直播专场', hostName: '小美',
      startAt: new Date(now + 10 * 60_000).toISOString(), endAt: new Date(now + 130 * 60_000).toISOString(),
    }));
    data(await h.call(M.host, 'live', 'addCoupon', { merchantId: SH, roomId: room.roomId, stockId: stock.stockId, quantity: 10 }));
    data(await h.call(M.host, 'live', 'shelve', { merchantId: SH, roomId: room.roomId, stockId: stock.stockId, onShelf: true }));
    h.clock.advance(10 * 60_000);
    data(await h.call(M.host, 'live', 'control', { merchantId: SH, roomId: room.roomId, op: 'start' }));
    data(await h.call(M.host, 'live', 'push', { merchantId: SH, roomId: room.roomId, stockId: stock.stockId }));

    const proxy = await startLossyProxy(stub.url);
    const direct = store;
    try {
      store = new CloudbaseStore({ env: 'stub-env', serviceUrl: proxy.url, secretId: 'stub-id', secretKey: 'stub-key', timeout: 5000 });
      proxy.loseNextCommit();
      const requestId = rid('live');
      const first = await h.call<ClaimOut>(U1, 'live', 'claim', { roomId: room.roomId, stockId: stock.stockId, requestId });

      const coupons = await direct.find<CouponDoc>(C.coupons, { source: 'LIVE' });
      expect(coupons).toHaveLength(1);
      expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
      expect(stub.peek(C.roomCoupons, `${room.roomId}:${stock.stockId}`)).toMatchObject({ claimed: 1 });
      expect(stub.peek(C.liveClaimCounters, `${stock.stockId}:${openidOf(1)}`)).toMatchObject({ count: 1 });
      if (first.ok) expect(first.data.coupons.map((c) => c.couponCode)).toEqual([coupons[0]!.id]);
      // The per-user limit (1) still holds: a second claim is refused, and nothing more is issued.
      expect(errorOf(await h.call(U1, 'live', 'claim', { roomId: room.roomId, stockId: stock.stockId, requestId: rid('live') })).code).toBe('LIVE.PER_USER_LIMIT');
      expect(peekStock(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    } finally {
      store = direct;
      await proxy.close();
    }
  });
});
