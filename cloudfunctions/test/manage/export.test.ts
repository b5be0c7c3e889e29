/**
 * M2 redemption export (`campaign.exportRedemptions`) at scale and across merchants: what one
 * export costs in store reads, and which redemptions it holds.
 */
import { join } from 'node:path';
import type { Envelope } from '@shared/result';
import type { CampaignDoc } from '../../src/campaign/campaign.records';
import { LocalFileStorage } from '../../src/files/file.storage';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { dispatch } from '../../src/runtime/dispatch';
import { C, type MemberDoc, type StoreDoc } from '../../src/runtime/records';
import type { Doc, Filter, QueryOptions, Store } from '../../src/store/port';
import type { RedemptionDoc } from '../../src/wallet/wallet.records';
import { consumerId } from '../../src/seed/demo';
import { data, silentLog, type Harness } from '../support/harness';
import { BJ, M, NOW, SH, SP, eachCampaignWorld, makeStock, rid, singleDraft, type CampaignOut, type Uploads } from '../campaign/campaign.fixtures';
import { helpers, type ExportOut, type RedeemOut } from './manage.support';
import { parseCsv } from '../support/csv';
import { HOST, liveRoom, makeStock as liveStock, type Claim, type LiveWorld } from '../live/live.worlds';

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

const { at, created, campaign, claim, redeem } = helpers(() => h, () => files);
const storage = () => new LocalFileStorage(join(h.dir, 'uploads'));


/** The data rows of an export (BOM and header dropped). */
async function rowsOf(out: ExportOut): Promise<string[][]> {
  const bytes = await storage().get(out.fileId);
  if (!bytes) throw new Error(`no file ${out.fileId}`);
  return parseCsv(Buffer.from(bytes).toString('utf8').slice(1)).slice(1);
}

/** The store, counting every read (get, find, count) per collection. */
function countingReads(store: Store): { store: Store; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const seen = (collection: string) => reads.set(collection, (reads.get(collection) ?? 0) + 1);
  const wrapped = new Proxy(store, {
    get(target, prop) {
      if (prop === 'get') return <T extends Doc>(c: string, id: string) => (seen(c), target.get<T>(c, id));
      if (prop === 'find') return <T extends Doc>(c: string, f: Filter, o?: QueryOptions) => (seen(c), target.find<T>(c, f, o));
      if (prop === 'count') return (c: string, f: Filter) => (seen(c), target.count(c, f));
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { store: wrapped, reads };
}

const DAY = '2026-11-26';
const DAY_MS = Date.parse(`${DAY}T00:00:00+08:00`);

describe('M2 campaign.exportRedemptions: a few reads whatever its size', () => {
  it('an export naming 250 campaigns and 150 stores reads each collection in batches, and names every one right', async () => {
    const base = await campaign({ when: '2026-11-22T10:00:00+08:00' });
    const baseDoc = (await h.store.get<CampaignDoc>(C.campaigns, base.campaignId))!;
    const CAMPAIGNS = 250;
    const STORES = 150;
    const ROWS = 1_500;
    const campaignId = (i: number) => `cmp_bulk_${String(i).padStart(4, '0')}`;
    const storeId = (i: number) => `st-sh-bulk-${String(i).padStart(3, '0')}`;
    await h.store.transaction(async (tx) => {
      for (let i = 0; i < CAMPAIGNS; i++) await tx.set<CampaignDoc>(C.campaigns, { ...baseDoc, id: campaignId(i), delivery: { ...baseDoc.delivery, title: `批量活动${i}` } });
      for (let i = 0; i < STORES; i++) await tx.set<StoreDoc>(C.stores, { id: storeId(i), merchantId: SH, name: `家乐福${i}号店`, address: '上海市', lat: 31.2, lng: 121.4 });
      for (let i = 0; i < ROWS; i++) {
        await tx.set<RedemptionDoc>(C.redemptions, {
          id: `${SH}:BULK-${String(i).padStart(6, '0')}`, merchantId: SH, ownerMerchantId: SH, storeId: storeId(i % STORES), orderId: `BULK-${String(i).padStart(6, '0')}`,
          couponCode: String(100_000_000_000 + i), stockId: base.stock.stockId, campaignId: campaignId(i % CAMPAIGNS),
          orderAmount: 15_000, eligibleAmount: 15_000, discount: 3_000, redeemedAt: `${DAY}T10:00:00+08:00`, redeemedAtMs: DAY_MS + 36_000_000 + i * 1_000, staffId: M.staff,
        });
      }
    });

    const { store, reads } = countingReads(h.store);
    const actor = await actorForMemberId(h.store, M.merchant);
    const call = (input: Record<string, unknown>) => dispatch('campaign', HANDLERS.campaign as never, { action: 'exportRedemptions', data: { merchantId: SH, from: DAY, to: DAY, ...input } }, { actor, clock: h.clock, store, files: storage(), log: silentLog }) as Promise<Envelope<ExportOut>>;

    const out = data(await call({}));
    expect(out.rows).toBe(ROWS);
    const rows = await rowsOf(out);
    expect(rows).toHaveLength(ROWS);
    rows.forEach((r, i) => {
      expect([r[1], r[2], r[5], r[6]]).toEqual([campaignId(i % CAMPAIGNS), `批量活动${i % CAMPAIGNS}`, `家乐福${i % STORES}号店`, storeId(i % STORES)]);
    });
    // One round trip per page of ids, not one per campaign and per store (that was 400 reads).
    expect(reads.get(C.campaigns) ?? 0).toBeLessThanOrEqual(1);
    expect(reads.get(C.stores) ?? 0).toBeLessThanOrEqual(1);
    // 1,500 redemptions are two pages of the range scan, plus its boundary check.
    expect(reads.get(C.redemptions) ?? 0).toBeLessThanOrEqual(3);
    expect([...reads.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6);

    // One campaign of them: the same few reads.
    reads.clear();
    const one = data(await call({ campaignId: campaignId(7) }));
    expect(one.rows).toBe(ROWS / CAMPAIGNS);
    expect((await rowsOf(one)).every((r) => r[1] === campaignId(7) && r[2] === '批量活动7')).toBe(true);
    expect([...reads.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
  });
});

describe('M2 campaign.exportRedemptions: the redemptions of the coupons given out for the merchant', () => {
  const exportOf = async (member: string, merchantId: string, campaignId?: string) =>
    data(await h.call<ExportOut>(member, 'campaign', 'exportRedemptions', { merchantId, ...(campaignId ? { campaignId } : {}), from: '2026-11-26', to: '2026-11-26' }));
  const ZHONGGUANCUN = 'st-bj-zhongguancun';

  /**
   * 家乐福上海 (SH) and 家乐福北京 (BJ), one brand group, each taking the other's coupons:
   *   A, SH's, coupons usable at SH and BJ: U1 redeemed at SH 古北, U2 at BJ 中关村
   *   B, SH's: U3 redeemed at SH 古北
   *   C, BJ's, coupons usable at BJ and SH: U4 redeemed at SH 古北
   */
  async function scenario() {
    const a = await campaign({ stock: { usableMerchantIds: [SH, BJ] } });
    const b = await campaign({ stock: { name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 } });
    const c = await created(async () => {
      data(await h.call(M.sp, 'account', 'rechargeQuota', { merchantId: BJ, amount: 500, requestId: rid('recharge') }));
      // R3: the SP acting for BJ adds coupons the SP made.
      const stock = await makeStock(h, SP, { name: '家乐福北京满80减20', faceValue: 2_000, minSpend: 8_000, usableMerchantIds: [BJ, SH] });
      const draft = singleDraft(BJ, files, stock.stockId, { targeting: { storeIds: [ZHONGGUANCUN] } });
      return data(await h.call<CampaignOut>(M.sp, 'campaign', 'create', { ...draft, delivery: { ...draft.delivery, title: '北京店满80减20' }, requestId: rid('cmp') }));
    }, NOW);
    const bjStaff: MemberDoc = { id: 'staff-bj', openid: 'o-staff-bj', nickname: '中关村店店员', memberships: [{ role: 'STORE_STAFF', merchantId: BJ, storeIds: [ZHONGGUANCUN] }] };
    await h.store.set(C.members, bjStaff);

    at('2026-11-25T09:00:00+08:00');
    const coupon = async (n: number, campaignId: string) => data(await claim(consumerId(n), campaignId)).coupons[0]!.couponCode;
    const [a1, a2, b3, c4] = [await coupon(1, a.campaignId), await coupon(2, a.campaignId), await coupon(3, b.campaignId), await coupon(4, c.campaignId)];
    at('2026-11-26T10:00:00+08:00');
    const shAtGubei = data(await redeem(a1, 15_000));
    at('2026-11-26T11:00:00+08:00');
    const shAtBj = data(await h.call<RedeemOut>('staff-bj', 'wallet', 'redeem', { merchantId: BJ, storeId: ZHONGGUANCUN, orderId: 'BJ-ORD-000001', orderAmount: 16_000, couponCode: a2 }));
    at('2026-11-26T12:00:00+08:00');
    const shB = data(await redeem(b3, 6_000));
    at('2026-11-26T13:00:00+08:00');
    const bjAtGubei = data(await redeem(c4, 9_000));
    at('2026-11-28T09:00:00+08:00');
    return { a, b, c, shAtGubei, shAtBj, shB, bjAtGubei };
  }

  it('the whole export holds every redemption of the merchant\'s campaigns, wherever redeemed, and no other merchant\'s coupon', async () => {
    const { a, b, shAtGubei, shAtBj, shB } = await scenario();
    const rows = await rowsOf(await exportOf(M.merchant, SH));
    // [活动ID, 券码, 门店, 订单号]
    expect(rows.map((r) => [r[1], r[4], r[5], r[7]])).toEqual([
      [a.campaignId, shAtGubei.couponCode, '家乐福古北店', shAtGubei.orderId],
      [a.campaignId, shAtBj.couponCode, '家乐福中关村店', shAtBj.orderId],
      [b.campaignId, shB.couponCode, '家乐福古北店', shB.orderId],
    ]);
  });

  it('the export of one campaign is exactly that campaign\'s rows of the whole export', async () => {
    const { a, b, c, bjAtGubei } = await scenario();
    const whole = await rowsOf(await exportOf(M.merchant, SH));
    for (const id of [a.campaignId, b.campaignId]) {
      const one = await exportOf(M.merchant, SH, id);
      const rows = await rowsOf(one);
      expect(rows).toEqual(whole.filter((r) => r[1] === id));
      expect(one.rows).toBe(rows.length);
    }
    expect((await rowsOf(await exportOf(M.merchant, SH, a.campaignId))).map((r) => r[5])).toEqual(['家乐福古北店', '家乐福中关村店']);

    // BJ's coupon redeemed at SH's store is BJ's to reconcile, in both of BJ's exports alike.
    const bjWhole = await rowsOf(await exportOf(M.sp, BJ));
    expect(bjWhole.map((r) => [r[1], r[2], r[4], r[5]])).toEqual([[c.campaignId, '北京店满80减20', bjAtGubei.couponCode, '家乐福古北店']]);
    expect(await rowsOf(await exportOf(M.sp, BJ, c.campaignId))).toEqual(bjWhole);
  });

  it('a coupon of the merchant\'s live room is in its whole export too, with no campaign', async () => {
    const w: LiveWorld = { engine: 'sqlite', store: h.store, clock: h.clock, call: (m, fn, action, input) => h.call(m, fn, action, input) };
    at('2026-11-22T10:00:00+08:00');
    const s = await liveStock(w);
    at('2026-11-26T08:00:00+08:00');
    const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
    data(await w.call(HOST, 'live', 'push', { merchantId: SH, roomId, stockId: s.stockId, durationSeconds: 60 }));
    const code = data(await w.call<Claim>(consumerId(5), 'live', 'claim', { roomId, stockId: s.stockId, requestId: rid('live') })).coupons[0]!.couponCode;
    const redeemed = data(await redeem(code, 600_000));
    at('2026-11-28T09:00:00+08:00');
    // [活动ID, 活动标题, 批次号, 券码, 门店, 订单号]
    expect((await rowsOf(await exportOf(M.merchant, SH))).map((r) => [r[1], r[2], r[3], r[4], r[5], r[7]])).toEqual([['', '', s.stockId, code, '家乐福古北店', redeemed.orderId]]);
    expect(await rowsOf(await exportOf(M.sp, BJ))).toEqual([]);
  });
});
