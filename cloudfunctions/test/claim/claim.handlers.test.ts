/**
 * W1 through the real dispatcher over a temporary SQLite file: `campaign.claim` issues one coupon per
 * stock of the campaign, takes one from each stock and n from the owner's quota, and refuses every
 * other case with its own code while writing nothing at all (the whole database is compared).
 */
import type { OutputOf } from '@shared/api';
import type { CampaignDoc } from '../../src/campaign/campaign.records';
import { C, type LedgerDoc, type QuotaAccountDoc } from '../../src/runtime/records';
import { consumerId } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import type { ClaimDoc, CouponDoc } from '../../src/wallet/wallet.records';
import { data, errorOf, type Harness } from '../support/harness';
import {
  AVAIL_END, END, M, SH, START,
  makeStock, packDraft, rid, singleDraft, eachCampaignWorld,
  type CampaignOut, type StockOut, type Uploads,
} from '../campaign/campaign.fixtures';

type ClaimOut = OutputOf<'campaign', 'claim'>;

const DURING = '2026-11-25T10:00:00+08:00';
const U1 = consumerId(1);
const U2 = consumerId(2);
const openidOf = (n: number) => `o-demo-consumer-${String(n).padStart(2, '0')}`;

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

const claim = (member: string, campaignId: string, requestId = rid('claim')) =>
  h.call<ClaimOut>(member, 'campaign', 'claim', { campaignId, requestId });

async function singleCampaign(over: Record<string, unknown> = {}): Promise<{ stock: StockOut; campaign: CampaignOut }> {
  const stock = await makeStock(h, SH, over);
  const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...singleDraft(SH, files, stock.stockId), requestId: rid('cmp') }));
  return { stock, campaign };
}

async function packCampaign(): Promise<{ stocks: StockOut[]; campaign: CampaignOut }> {
  const stocks = [
    await makeStock(h, SH),
    await makeStock(h, SH, { name: '家乐福满200减50', faceValue: 5_000, minSpend: 20_000 }),
    await makeStock(h, SH, { name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 }),
  ];
  const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...packDraft(SH, files, stocks.map((s) => s.stockId)), requestId: rid('cmp') }));
  return { stocks, campaign };
}

/** Every row of every collection: a refused call must leave this identical. */
function dump(): Record<string, Record<string, unknown>> {
  const tables = h.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [
    name,
    Object.fromEntries((h.store.db.prepare(`SELECT id, doc FROM ${name} ORDER BY id`).all() as { id: string; doc: string }[]).map((r) => [r.id, JSON.parse(r.doc)])),
  ]));
}

const stockDoc = async (id: string) => (await h.store.get<StockDoc>(C.stocks, id))!;
const balance = async () => (await h.store.get<QuotaAccountDoc>(C.quotaAccounts, SH))!.balance;
const issueEntries = () => h.store.find<LedgerDoc>(C.quotaLedger, { merchantId: SH, reason: 'ISSUE' });
const couponsOf = (openid: string) => h.store.find<CouponDoc>(C.coupons, { openid });
const setStock = (id: string, set: Record<string, unknown>) => h.store.update(C.stocks, id, { set });
const setBalance = (n: number) => h.store.update(C.quotaAccounts, SH, { set: { balance: n } });
const at = (t: string) => h.clock.set(new Date(t));

/** Asserts `call` is refused with `code` and that nothing in the database changed. */
async function refusedWithoutWrites(call: () => Promise<unknown>, code: string): Promise<{ code: string; message: string }> {
  const before = dump();
  const env = (await call()) as Parameters<typeof errorOf>[0];
  const err = errorOf(env);
  expect(err.code).toBe(code);
  expect(dump()).toEqual(before);
  return err;
}

describe('campaign.claim: issuing', () => {
  it('a DELIVERING single campaign gives 1 coupon: stock −1 remaining +1 issued, quota −1, one ISSUE entry of −1', async () => {
    const { stock, campaign } = await singleCampaign();
    at(DURING);
    const before = h.snapshot();
    const balanceBefore = await balance();
    const out = data(await claim(U1, campaign.campaignId));

    expect(out.claimId).toBe(`${campaign.campaignId}:${openidOf(1)}`);
    expect(out.coupons).toHaveLength(1);
    expect(out.coupons[0]).toEqual({
      couponCode: expect.stringMatching(/^\d{12}$/),
      stockId: stock.stockId, name: stock.name, faceValue: 3_000, minSpend: 10_000, summary: '满100元减30元',
      status: 'AVAILABLE', statusLabel: '可使用', validFrom: DURING, validUntil: AVAIL_END, unusableReason: null,
      timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [], usableMerchantIds: [SH], usableStoreIds: [],
      source: 'CAMPAIGN', sourceId: campaign.campaignId, claimedAt: DURING, usedAt: null,
    });

    expect(await stockDoc(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    expect(await balance()).toBe(balanceBefore - 1);
    expect(await issueEntries()).toEqual([expect.objectContaining({ delta: -1, balanceAfter: balanceBefore - 1, refId: out.claimId, actorId: U1 })]);
    const after = h.snapshot();
    expect(after.c_coupons).toBe((before.c_coupons ?? 0) + 1);
    expect(after.c_claims).toBe((before.c_claims ?? 0) + 1);
    expect(after.c_quotaLedger).toBe(before.c_quotaLedger! + 1);
    expect(after.c_requests).toBe(before.c_requests! + 1);
    expect(await h.store.get<ClaimDoc>(C.claims, out.claimId)).toMatchObject({ state: 'ISSUED', couponCodes: [out.coupons[0]!.couponCode], openid: openidOf(1) });
    expect((await couponsOf(openidOf(1))).map((c) => c.id)).toEqual([out.coupons[0]!.couponCode]);
  });

  it('a gift pack gives 3 coupons: each stock −1/+1, quota −3, ONE ISSUE ledger entry of −3', async () => {
    const { stocks, campaign } = await packCampaign();
    at(DURING);
    const balanceBefore = await balance();
    const out = data(await claim(U1, campaign.campaignId));

    expect(out.coupons.map((c) => c.stockId)).toEqual(stocks.map((s) => s.stockId));
    expect(out.coupons.map((c) => c.summary)).toEqual(['满100元减30元', '满200元减50元', '满50元减10元']);
    expect(new Set(out.coupons.map((c) => c.couponCode)).size).toBe(3);
    for (const s of stocks) expect(await stockDoc(s.stockId)).toMatchObject({ remaining: 999, issued: 1 });
    expect(await balance()).toBe(balanceBefore - 3);
    const entries = await issueEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ delta: -3, balanceAfter: balanceBefore - 3, reason: 'ISSUE', refId: out.claimId });
    expect((await couponsOf(openidOf(1))).map((c) => c.id).sort()).toEqual(out.coupons.map((c) => c.couponCode).sort());
  });

  it('a retry with the same requestId returns the same coupons and writes nothing', async () => {
    const { campaign } = await packCampaign();
    at(DURING);
    const requestId = rid('claim');
    const first = data(await claim(U1, campaign.campaignId, requestId));
    const before = dump();
    h.clock.advance(60_000);
    const again = data(await claim(U1, campaign.campaignId, requestId));
    expect(again).toEqual(first);
    expect(dump()).toEqual(before);
  });

  it('a second claim with another requestId is CAMPAIGN.ALREADY_CLAIMED (F6), nothing written', async () => {
    const { campaign } = await singleCampaign();
    at(DURING);
    data(await claim(U1, campaign.campaignId));
    const err = await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.ALREADY_CLAIMED');
    expect(err.message).toBe('每张券每人限领一次，你已领取过');
    // Another user still may.
    expect(data(await claim(U2, campaign.campaignId)).coupons).toHaveLength(1);
  });

  it('the same requestId for another campaign is REQUEST.ID_REUSED, nothing written', async () => {
    const a = await singleCampaign();
    const b = await singleCampaign({ name: '家乐福满200减60', faceValue: 6_000, minSpend: 20_000 });
    at(DURING);
    const requestId = rid('claim');
    data(await claim(U1, a.campaign.campaignId, requestId));
    await refusedWithoutWrites(() => claim(U1, b.campaign.campaignId, requestId), 'REQUEST.ID_REUSED');
    expect(await couponsOf(openidOf(1))).toHaveLength(1);
  });

  it('the start instant claims; one second before is NOT_STARTED and writes nothing (the same requestId works later)', async () => {
    const { campaign } = await singleCampaign();
    at(START);
    h.clock.advance(-1_000);
    const requestId = rid('claim');
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId, requestId), 'CAMPAIGN.NOT_STARTED');
    at(START);
    expect(data(await claim(U1, campaign.campaignId, requestId)).coupons[0]).toMatchObject({ claimedAt: START, validFrom: START });
  });

  it('the end instant itself still claims; one ms after it is ENDED and writes nothing', async () => {
    const { stock, campaign } = await singleCampaign();
    at(END);
    expect(data(await claim(U1, campaign.campaignId)).coupons).toHaveLength(1);
    h.clock.advance(1);
    await refusedWithoutWrites(() => claim(U2, campaign.campaignId), 'CAMPAIGN.ENDED');
    expect(await stockDoc(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
  });

  it('a paused campaign (campaign.pause) is CAMPAIGN.PAUSED, nothing written; after campaign.restart it claims', async () => {
    const { campaign } = await singleCampaign();
    at(DURING);
    const ref = { merchantId: SH, campaignId: campaign.campaignId };
    expect(data(await h.call<CampaignOut>(M.merchant, 'campaign', 'pause', ref)).status).toBe('PAUSED');
    expect(await h.store.get<CampaignDoc>(C.campaigns, campaign.campaignId)).toMatchObject({ paused: true });
    const requestId = rid('claim');
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId, requestId), 'CAMPAIGN.PAUSED');
    expect(data(await h.call<CampaignOut>(M.merchant, 'campaign', 'restart', ref)).status).toBe('DELIVERING');
    expect(data(await claim(U1, campaign.campaignId, requestId)).coupons).toHaveLength(1);
  });

  it('a paused flag on a campaign that has not started yet still answers PAUSED (not NOT_STARTED)', async () => {
    const { campaign } = await singleCampaign();
    expect(await h.store.update(C.campaigns, campaign.campaignId, { set: { paused: true } })).toBe(true);
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.PAUSED');
  });

  it('an unknown campaign is CAMPAIGN.NOT_FOUND', async () => {
    at(DURING);
    await refusedWithoutWrites(() => claim(U1, 'cmp_does_not_exist'), 'CAMPAIGN.NOT_FOUND');
  });
});

describe('campaign.claim: stock and quota refusals undo everything', () => {
  it('the last unit goes to the first claimer; the next is CAMPAIGN.STOCK_OUT with nothing written', async () => {
    const { stock, campaign } = await singleCampaign();
    at(DURING);
    await setStock(stock.stockId, { remaining: 1 });
    data(await claim(U1, campaign.campaignId));
    expect(await stockDoc(stock.stockId)).toMatchObject({ remaining: 0, issued: 1 });
    const balanceBefore = await balance();
    await refusedWithoutWrites(() => claim(U2, campaign.campaignId), 'CAMPAIGN.STOCK_OUT');
    expect(await balance()).toBe(balanceBefore);
    expect(await h.store.get(C.claims, `${campaign.campaignId}:${openidOf(2)}`)).toBeNull();
  });

  it('quota below n (2 for a pack of 3) is CAMPAIGN.QUOTA_EXHAUSTED: the three stock decrements are undone', async () => {
    const { stocks, campaign } = await packCampaign();
    at(DURING);
    await setBalance(2);
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.QUOTA_EXHAUSTED');
    for (const s of stocks) expect(await stockDoc(s.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(await balance()).toBe(2);
    await setBalance(3);
    expect(data(await claim(U1, campaign.campaignId)).coupons).toHaveLength(3);
    expect(await balance()).toBe(0);
  });

  it('quota 0 refuses a single campaign', async () => {
    const { stock, campaign } = await singleCampaign();
    at(DURING);
    await setBalance(0);
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.QUOTA_EXHAUSTED');
    expect(await stockDoc(stock.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
  });

  it('a pack whose third stock is out issues nothing: the first two stocks and the quota are unchanged', async () => {
    const { stocks, campaign } = await packCampaign();
    at(DURING);
    await setStock(stocks[2]!.stockId, { remaining: 0 });
    const balanceBefore = await balance();
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.STOCK_OUT');
    expect(await stockDoc(stocks[0]!.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(await stockDoc(stocks[1]!.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
    expect(await stockDoc(stocks[2]!.stockId)).toMatchObject({ remaining: 0, issued: 0 });
    expect(await balance()).toBe(balanceBefore);
    expect(await couponsOf(openidOf(1))).toEqual([]);
  });

  it('a stock paused after the campaign was created is CAMPAIGN.STOCK_UNAVAILABLE; after restart the claim goes through', async () => {
    const { stock, campaign } = await singleCampaign();
    at(DURING);
    expect(data(await h.call<StockOut>(M.merchant, 'stock', 'pause', { merchantId: SH, stockId: stock.stockId })).status).toBe('PAUSED');
    const requestId = rid('claim');
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId, requestId), 'CAMPAIGN.STOCK_UNAVAILABLE');
    expect(await stockDoc(stock.stockId)).toMatchObject({ remaining: 1_000, issued: 0, state: 'PAUSED' });
    data(await h.call<StockOut>(M.merchant, 'stock', 'restart', { merchantId: SH, stockId: stock.stockId }));
    expect(data(await claim(U1, campaign.campaignId, requestId)).coupons).toHaveLength(1);
  });

  it('a claim whose S7 wait would start the coupon after availableEnd is STOCK_UNAVAILABLE, saying so, nothing written', async () => {
    const { stock, campaign } = await singleCampaign({ effectiveAfterClaimDays: 26 });
    at('2026-11-24T10:00:00+08:00');
    const early = data(await claim(U2, campaign.campaignId)).coupons[0]!;
    expect(early).toMatchObject({ validFrom: '2026-12-20T10:00:00+08:00', validUntil: '2026-12-20T23:59:59+08:00', effectiveAfterClaimDays: 26 });
    at(DURING);
    const err = await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.STOCK_UNAVAILABLE');
    expect(err.message).toBe('「家乐福满100减30」领取后 26 天才生效，已晚于可用结束时间 2026-12-20 23:59:59，现在领取将无法使用');
    expect(await stockDoc(stock.stockId)).toMatchObject({ remaining: 999, issued: 1 });
  });

  it('a pack whose middle stock is paused: STOCK_UNAVAILABLE, the first stock’s decrement undone', async () => {
    const { stocks, campaign } = await packCampaign();
    at(DURING);
    data(await h.call<StockOut>(M.merchant, 'stock', 'pause', { merchantId: SH, stockId: stocks[1]!.stockId }));
    await refusedWithoutWrites(() => claim(U1, campaign.campaignId), 'CAMPAIGN.STOCK_UNAVAILABLE');
    expect(await stockDoc(stocks[0]!.stockId)).toMatchObject({ remaining: 1_000, issued: 0 });
  });

  it('the stock view shows the issued count after claims by several users', async () => {
    const { stock, campaign } = await singleCampaign();
    at(DURING);
    for (let n = 1; n <= 5; n++) data(await claim(consumerId(n), campaign.campaignId));
    const view = data(await h.call<StockOut>(M.merchant, 'stock', 'get', { merchantId: SH, stockId: stock.stockId }));
    expect(view).toMatchObject({ remaining: 995, issued: 5, used: 0 });
    expect(await issueEntries()).toHaveLength(5);
    expect((await issueEntries()).reduce((s, e) => s + e.delta, 0)).toBe(-5);
  });
});
