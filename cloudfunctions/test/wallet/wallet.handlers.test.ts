/**
 * W3 and W4 through the real dispatcher over a temporary SQLite file: `wallet.list` (statuses and the
 * validity each coupon really has, in Shanghai time) and `wallet.redeem` at the till (every refusal
 * with its code and figures; idempotent per order).
 *
 * Campaign coupons are claimed through `campaign.claim`. Quota campaigns only take ANYTIME stocks
 * (R8), so coupons with DAYS_AFTER_CLAIM / WEEKLY / IRREGULAR rules are issued the way a live-room
 * claim does it: `issueCoupon` on a stock created and activated through `stock.*`.
 */
import type { OutputOf } from '@shared/api';
import { actorForMemberId } from '../../src/runtime/actor';
import { C, type AuditDoc, type MemberDoc } from '../../src/runtime/records';
import { consumerId, DEMO } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import { issueCoupon } from '../../src/wallet/coupon';
import type { CouponDoc, RedemptionDoc } from '../../src/wallet/wallet.records';
import { data, errorOf, type Harness } from '../support/harness';
import {
  AVAIL_END, BJ, M, NOW, SH,
  makeStock, rid, singleDraft, eachCampaignWorld,
  type CampaignOut, type StockOut, type Uploads,
} from '../campaign/campaign.fixtures';

type ClaimOut = OutputOf<'campaign', 'claim'>;
type ListOut = OutputOf<'wallet', 'list'>;
type RedeemOut = OutputOf<'wallet', 'redeem'>;
type Coupon = ClaimOut['coupons'][number];

/** 2026-11-25 is a Wednesday. */
const DURING = '2026-11-25T10:00:00+08:00';
const GUBEI = 'st-sh-gubei';
const WUJIAOCHANG = 'st-sh-wujiaochang';
const JINQIAO = 'st-sh-jinqiao';
const U1 = consumerId(1);
const U2 = consumerId(2);
const STAFF = M.staff;

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

const at = (t: string) => h.clock.set(new Date(t));

/** Stocks and campaigns are created at NOW (S5, F5 want them ahead); the clock then goes back where it was. */
async function created<T>(fn: () => Promise<T>): Promise<T> {
  const was = h.clock.now();
  at(NOW);
  try {
    return await fn();
  } finally {
    h.clock.set(was);
  }
}

const campaignOf = (stockOver: Record<string, unknown> = {}, draftOver: Record<string, unknown> = {}) => created(async () => {
  const stock = await makeStock(h, SH, stockOver);
  const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...singleDraft(SH, files, stock.stockId, draftOver), requestId: rid('cmp') }));
  return { stock, campaign };
});

/** A campaign coupon claimed through `campaign.claim` at the current clock. */
async function claimed(member: string, stockOver: Record<string, unknown> = {}, draftOver: Record<string, unknown> = {}): Promise<Coupon> {
  const { campaign } = await campaignOf(stockOver, draftOver);
  const out = data(await h.call<ClaimOut>(member, 'campaign', 'claim', { campaignId: campaign.campaignId, requestId: rid('claim') }));
  return out.coupons[0]!;
}

/** A coupon issued as a live-room claim does it, at the current clock, from a real activated stock. */
async function issued(member: string, stockOver: Record<string, unknown>): Promise<CouponDoc> {
  const s = await created(() => makeStock(h, SH, { purpose: 'GENERAL', ...stockOver }));
  const stock = (await h.store.get<StockDoc>(C.stocks, s.stockId))!;
  const actor = (await actorForMemberId(h.store, member))!;
  const coupon = issueCoupon(stock, actor, { kind: 'LIVE', id: 'room-test', claimId: `live:${member}:${s.stockId}` }, h.clock.now());
  expect(await h.store.insert(C.coupons, coupon)).toBe(true);
  return coupon;
}

const list = (member: string, input: Record<string, unknown> = {}) => h.call<ListOut>(member, 'wallet', 'list', input);

const order = (() => {
  let n = 0;
  return () => `ORD-${String(++n).padStart(6, '0')}`;
})();

const redeem = (member: string, input: Record<string, unknown>) =>
  h.call<RedeemOut>(member, 'wallet', 'redeem', { merchantId: SH, storeId: GUBEI, orderId: order(), orderAmount: 15_000, ...input });

function dump(): Record<string, Record<string, unknown>> {
  const tables = h.store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [
    name,
    Object.fromEntries((h.store.db.prepare(`SELECT id, doc FROM ${name} ORDER BY id`).all() as { id: string; doc: string }[]).map((r) => [r.id, JSON.parse(r.doc)])),
  ]));
}

/** Refused with `code` and `message`, and nothing in the database changed. */
async function refused(member: string, input: Record<string, unknown>, code: string, message?: string | RegExp) {
  const before = dump();
  const err = errorOf(await redeem(member, input));
  expect(err.code).toBe(code);
  if (typeof message === 'string') expect(err.message).toBe(message);
  else if (message) expect(err.message).toMatch(message);
  expect(dump()).toEqual(before);
  return err;
}

describe('wallet.list (W3)', () => {
  const RANGES = [
    { begin: '2026-11-28T00:00:00+08:00', end: '2026-11-29T23:59:59+08:00' },
    { begin: '2026-12-12T00:00:00+08:00', end: '2026-12-12T23:59:59+08:00' },
  ];

  it('可使用 / 已使用 / 已过期 with each coupon’s real window, in Shanghai time, newest first', async () => {
    at(DURING);
    const a = await claimed(U1);
    h.clock.advance(60_000);
    const e = await claimed(U1, { name: '两天后生效满减券', effectiveAfterClaimDays: 2 });
    h.clock.advance(60_000);
    const d = await issued(U1, { name: '领券后1天内可用', timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 1 } });
    h.clock.advance(60_000);
    const w = await issued(U1, { name: '工作日午间券', timeRule: { kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], slots: [{ begin: 36_000, end: 50_400 }] } });
    h.clock.advance(60_000);
    const r = await issued(U1, { name: '周末专享券', timeRule: { kind: 'IRREGULAR', ranges: RANGES } });
    await claimed(U2); // someone else's coupon never shows
    at('2026-11-25T10:30:00+08:00');
    data(await redeem(STAFF, { couponCode: a.couponCode }));

    at('2026-11-26T15:00:00+08:00');
    const all = data(await list(U1));
    expect(all.total).toBe(5);
    expect(all.coupons.map((c) => c.couponCode)).toEqual([r.id, w.id, d.id, e.couponCode, a.couponCode]);
    const by = new Map(all.coupons.map((c) => [c.couponCode, c]));

    expect(by.get(a.couponCode)).toMatchObject({
      status: 'USED', statusLabel: '已使用', usedAt: '2026-11-25T10:30:00+08:00', unusableReason: null,
      validFrom: '2026-11-25T10:00:00+08:00', validUntil: AVAIL_END, claimedAt: '2026-11-25T10:00:00+08:00', source: 'CAMPAIGN',
    });
    // S7: usable two days after the claim.
    expect(by.get(e.couponCode)).toMatchObject({
      status: 'AVAILABLE', statusLabel: '可使用', validFrom: '2026-11-27T10:01:00+08:00', validUntil: AVAIL_END,
      unusableReason: '券尚未生效，2026-11-27 10:01 起可用', usedAt: null,
    });
    // S6 领券后 1 天内可用: claim + 24 h, and it is past.
    expect(by.get(d.id)).toMatchObject({
      status: 'EXPIRED', statusLabel: '已过期', validFrom: '2026-11-25T10:02:00+08:00', validUntil: '2026-11-26T10:02:00+08:00',
      unusableReason: null, timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 1 }, source: 'LIVE',
    });
    // Thursday 15:00 in Shanghai: the right day, after the 10:00–14:00 slot.
    expect(by.get(w.id)).toMatchObject({
      status: 'AVAILABLE', validFrom: '2026-11-25T10:03:00+08:00', validUntil: AVAIL_END,
      unusableReason: '券仅在 10:00–14:00 可用，现在是 15:00:00',
    });
    expect(by.get(r.id)).toMatchObject({
      status: 'AVAILABLE', validFrom: '2026-11-25T10:04:00+08:00', validUntil: AVAIL_END, timeRule: { kind: 'IRREGULAR', ranges: RANGES },
      unusableReason: '券仅在 2026-11-28 00:00 至 2026-11-29 23:59:59；2026-12-12 00:00 至 2026-12-12 23:59:59 可用',
    });

    expect(data(await list(U1, { status: 'AVAILABLE' }))).toEqual({ total: 3, coupons: [by.get(r.id), by.get(w.id), by.get(e.couponCode)] });
    expect(data(await list(U1, { status: 'USED' }))).toEqual({ total: 1, coupons: [by.get(a.couponCode)] });
    expect(data(await list(U1, { status: 'EXPIRED' }))).toEqual({ total: 1, coupons: [by.get(d.id)] });
    expect(data(await list(U1, { page: 2, pageSize: 2 }))).toEqual({ total: 5, coupons: [by.get(d.id), by.get(e.couponCode)] });
    expect(data(await list(U2)).total).toBe(1);
  });

  it('the unusable reason follows the clock: the weekly slot and irregular range open and close', async () => {
    at(DURING);
    const w = await issued(U1, { timeRule: { kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], slots: [{ begin: 36_000, end: 50_400 }] } });
    const r = await issued(U1, { name: '周末专享券', timeRule: { kind: 'IRREGULAR', ranges: RANGES } });
    const reasons = async () => Object.fromEntries(data(await list(U1)).coupons.map((c) => [c.couponCode, c.unusableReason]));

    at('2026-11-27T13:59:59+08:00'); // Friday, last second of the slot
    expect(await reasons()).toEqual({ [w.id]: null, [r.id]: expect.stringMatching(/^券仅在 2026-11-28 00:00 至/) });
    at('2026-11-28T00:00:00+08:00'); // Saturday midnight: the range opens, the weekday rule closes
    expect(await reasons()).toEqual({ [w.id]: '券仅周一、周二、周三、周四、周五可用，今天是周六', [r.id]: null });
    at('2026-11-29T23:59:59+08:00');
    expect((await reasons())[r.id]).toBeNull();
    at('2026-11-30T00:00:00+08:00');
    expect(await reasons()).toEqual({ [w.id]: '券仅在 10:00–14:00 可用，现在是 00:00:00', [r.id]: expect.stringMatching(/可用$/) });
  });

  it('DAYS_AFTER_CLAIM is clipped at availableEnd; the coupon expires one second after it', async () => {
    at('2026-12-15T09:00:00+08:00');
    const d = await issued(U1, { timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 30 } });
    expect(data(await list(U1)).coupons[0]).toMatchObject({ couponCode: d.id, validFrom: '2026-12-15T09:00:00+08:00', validUntil: AVAIL_END, status: 'AVAILABLE' });
    at(AVAIL_END);
    expect(data(await list(U1, { status: 'AVAILABLE' })).total).toBe(1);
    h.clock.advance(1_000);
    expect(data(await list(U1, { status: 'EXPIRED' })).coupons.map((c) => [c.couponCode, c.statusLabel])).toEqual([[d.id, '已过期']]);
  });

  it('effectiveAfterClaimDays never starts before availableBegin', async () => {
    at(NOW); // 2026-11-22 10:00, before the window opens on 11-23
    const e = await issued(U1, { effectiveAfterClaimDays: 1, availableBegin: '2026-11-24T00:00:00+08:00' });
    const got = data(await list(U1)).coupons[0]!;
    expect(got).toMatchObject({ couponCode: e.id, validFrom: '2026-11-24T00:00:00+08:00', unusableReason: '券尚未生效，2026-11-24 00:00 起可用' });
  });
});

describe('wallet.redeem (W4)', () => {
  it('succeeds for store staff: discount = faceValue, payable, eligibleAmount; coupon USED, audit kept, stock used +1', async () => {
    at(DURING);
    const c = await claimed(U1);
    const stockId = c.stockId;
    at('2026-11-25T12:00:00+08:00');
    const before = h.snapshot();
    const out = data(await redeem(STAFF, { couponCode: c.couponCode, orderId: 'ORD-A1', orderAmount: 15_000 }));
    expect(out).toEqual({
      redemptionId: `${SH}:ORD-A1`, couponCode: c.couponCode, orderId: 'ORD-A1', storeId: GUBEI,
      orderAmount: 15_000, eligibleAmount: 15_000, discount: 3_000, payable: 12_000, redeemedAt: '2026-11-25T12:00:00+08:00', replayed: false,
    });
    const after = h.snapshot();
    expect(after.c_redemptions).toBe((before.c_redemptions ?? 0) + 1);
    expect(after.c_auditLog).toBe(before.c_auditLog! + 1);
    expect(await h.store.get<CouponDoc>(C.coupons, c.couponCode)).toMatchObject({ state: 'USED', usedAt: '2026-11-25T12:00:00+08:00', redemptionId: `${SH}:ORD-A1` });
    expect(await h.store.get<RedemptionDoc>(C.redemptions, `${SH}:ORD-A1`)).toMatchObject({ staffId: STAFF, stockId, discount: 3_000, eligibleAmount: 15_000 });
    const audits = await h.store.find<AuditDoc>(C.auditLog, { operation: 'wallet.redeem' });
    expect(audits).toEqual([expect.objectContaining({ actorId: STAFF, merchantId: SH, targetId: c.couponCode, detail: { orderId: 'ORD-A1', storeId: GUBEI, discount: 3_000, orderAmount: 15_000 } })]);
    const stock = data(await h.call<StockOut>(M.merchant, 'stock', 'get', { merchantId: SH, stockId }));
    expect(stock).toMatchObject({ issued: 1, used: 1, remaining: 999 });
    expect(data(await list(U1)).coupons[0]).toMatchObject({ status: 'USED', usedAt: '2026-11-25T12:00:00+08:00' });
  });

  it('is idempotent per orderId: the same order and coupon replays; the same order with another coupon is ORDER_ALREADY_USED', async () => {
    at(DURING);
    const c = await claimed(U1);
    const other = await claimed(U1, { name: '家乐福满200减60', faceValue: 6_000, minSpend: 20_000 });
    const first = data(await redeem(STAFF, { couponCode: c.couponCode, orderId: 'ORD-B1', orderAmount: 15_000 }));
    h.clock.advance(5 * 60_000);
    const before = dump();
    const again = data(await redeem(STAFF, { couponCode: c.couponCode, orderId: 'ORD-B1', orderAmount: 15_000 }));
    expect(again).toEqual({ ...first, replayed: true });
    expect(dump()).toEqual(before);
    await refused(STAFF, { couponCode: other.couponCode, orderId: 'ORD-B1', orderAmount: 30_000 }, 'WALLET.ORDER_ALREADY_USED', `订单 ORD-B1 已核销券 ${c.couponCode}`);
    expect(data(await h.call<StockOut>(M.merchant, 'stock', 'get', { merchantId: SH, stockId: c.stockId })).used).toBe(1);
    // The other coupon is still usable on another order.
    expect(data(await redeem(STAFF, { couponCode: other.couponCode, orderId: 'ORD-B2', orderAmount: 30_000 }))).toMatchObject({ discount: 6_000, payable: 24_000 });
  });

  it('an unknown code is WALLET.COUPON_NOT_FOUND', async () => {
    at(DURING);
    await refused(STAFF, { couponCode: '000000000001' }, 'WALLET.COUPON_NOT_FOUND', '券码 000000000001 不存在');
  });

  it('a used coupon is WALLET.COUPON_USED, naming when', async () => {
    at(DURING);
    const c = await claimed(U1);
    at('2026-11-25T12:00:00+08:00');
    data(await redeem(STAFF, { couponCode: c.couponCode }));
    h.clock.advance(3_600_000);
    await refused(STAFF, { couponCode: c.couponCode }, 'WALLET.COUPON_USED', `券 ${c.couponCode} 已于 2026-11-25 12:00 使用`);
  });

  it('an expired coupon is WALLET.COUPON_EXPIRED with its end; its last instant still redeems', async () => {
    at(DURING);
    const d = await issued(U1, { timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 1 } });
    const late = await issued(U2, { timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 1 } });
    at('2026-11-26T10:00:00+08:00');
    h.clock.advance(1);
    await refused(STAFF, { couponCode: d.id }, 'WALLET.COUPON_EXPIRED', '券已过期（有效期至 2026-11-26 10:00）');
    at('2026-11-26T10:00:00+08:00');
    expect(data(await redeem(STAFF, { couponCode: late.id })).discount).toBe(3_000);
  });

  it('before its effective day the coupon is WALLET.COUPON_NOT_USABLE_NOW; from that instant it redeems', async () => {
    at(DURING);
    const e = await claimed(U1, { effectiveAfterClaimDays: 2 });
    at('2026-11-27T09:59:59+08:00');
    await refused(STAFF, { couponCode: e.couponCode }, 'WALLET.COUPON_NOT_USABLE_NOW', '券尚未生效，2026-11-27 10:00 起可用');
    at('2026-11-27T10:00:00+08:00');
    expect(data(await redeem(STAFF, { couponCode: e.couponCode })).replayed).toBe(false);
  });

  it('outside the weekly slot is WALLET.COUPON_NOT_USABLE_NOW with the slot and the time; its last second redeems', async () => {
    at(DURING);
    const w = await issued(U1, { timeRule: { kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], slots: [{ begin: 36_000, end: 50_400 }] } });
    at('2026-11-25T14:00:00+08:00');
    await refused(STAFF, { couponCode: w.id }, 'WALLET.COUPON_NOT_USABLE_NOW', '券仅在 10:00–14:00 可用，现在是 14:00:00');
    at('2026-11-28T11:00:00+08:00'); // Saturday
    await refused(STAFF, { couponCode: w.id }, 'WALLET.COUPON_NOT_USABLE_NOW', '券仅周一、周二、周三、周四、周五可用，今天是周六');
    at('2026-11-27T13:59:59+08:00'); // Friday
    expect(data(await redeem(STAFF, { couponCode: w.id })).redeemedAt).toBe('2026-11-27T13:59:59+08:00');
  });

  it('outside the irregular ranges is WALLET.COUPON_NOT_USABLE_NOW', async () => {
    at(DURING);
    const r = await issued(U1, { timeRule: { kind: 'IRREGULAR', ranges: [{ begin: '2026-11-28T00:00:00+08:00', end: '2026-11-29T23:59:59+08:00' }] } });
    at('2026-11-30T00:00:00+08:00');
    await refused(STAFF, { couponCode: r.id }, 'WALLET.COUPON_NOT_USABLE_NOW', '券仅在 2026-11-28 00:00 至 2026-11-29 23:59:59 可用');
    at('2026-11-29T23:59:59+08:00');
    expect(data(await redeem(STAFF, { couponCode: r.id })).discount).toBe(3_000);
  });

  it('a store outside usableStoreIds is WALLET.STORE_NOT_ALLOWED, naming the coupon and the store', async () => {
    at(DURING);
    const c = await claimed(U1, { name: '古北店专享券', usableStoreIds: [GUBEI] }, { targeting: { storeIds: [GUBEI] } });
    await refused(STAFF, { couponCode: c.couponCode, storeId: WUJIAOCHANG }, 'WALLET.STORE_NOT_ALLOWED', '券「古北店专享券」不能在家乐福五角场店使用');
    expect(data(await redeem(STAFF, { couponCode: c.couponCode, storeId: GUBEI })).storeId).toBe(GUBEI);
  });

  it('below the minimum spend once excluded goods are taken out: the message names both amounts', async () => {
    at(DURING);
    const c = await claimed(U1, { excludedGoodsCodes: ['TOBACCO-01', 'GIFTCARD'] });
    const goods = [{ code: 'TOBACCO-01', amount: 5_000 }, { code: 'MILK-1L', amount: 7_000 }];
    await refused(STAFF, { couponCode: c.couponCode, orderAmount: 12_000, goods }, 'WALLET.BELOW_MIN_SPEND',
      '订单 120.00 元 扣除不参与优惠的商品 50.00 元 后为 70.00 元，未达到使用门槛 100.00 元');
    // Without excluded goods the plain order amount is named.
    await refused(STAFF, { couponCode: c.couponCode, orderAmount: 9_999 }, 'WALLET.BELOW_MIN_SPEND', '订单金额 99.99 元，未达到使用门槛 100.00 元');
    // Exactly the threshold after exclusions redeems.
    const ok = data(await redeem(STAFF, { couponCode: c.couponCode, orderAmount: 15_000, goods: [{ code: 'GIFTCARD', amount: 5_000 }, { code: 'MILK-1L', amount: 10_000 }] }));
    expect(ok).toMatchObject({ orderAmount: 15_000, eligibleAmount: 10_000, discount: 3_000, payable: 12_000 });
  });

  it('goods adding up to more than the order are REQUEST.INVALID', async () => {
    at(DURING);
    const c = await claimed(U1);
    await refused(STAFF, { couponCode: c.couponCode, orderAmount: 10_000, goods: [{ code: 'A', amount: 6_000 }, { code: 'B', amount: 5_000 }] }, 'REQUEST.INVALID', '商品明细合计 110.00 元 超过订单金额 100.00 元');
  });

  it('a single-item coupon counts only its goods', async () => {
    at(DURING);
    const c = await claimed(U1, { name: '指定牛奶券', scope: 'SINGLE_ITEM', availableGoodsCodes: ['MILK-1L', 'MILK-2L'] });
    await refused(STAFF, { couponCode: c.couponCode, orderAmount: 30_000, goods: [{ code: 'MILK-1L', amount: 8_000 }, { code: 'BREAD', amount: 22_000 }] }, 'WALLET.BELOW_MIN_SPEND',
      '可用商品金额 80.00 元，未达到使用门槛 100.00 元');
    await refused(STAFF, { couponCode: c.couponCode, orderAmount: 30_000 }, 'WALLET.BELOW_MIN_SPEND', '可用商品金额 0.00 元，未达到使用门槛 100.00 元');
    const ok = data(await redeem(STAFF, { couponCode: c.couponCode, orderAmount: 30_000, goods: [{ code: 'MILK-1L', amount: 8_000 }, { code: 'MILK-2L', amount: 4_000 }, { code: 'BREAD', amount: 18_000 }] }));
    expect(ok).toMatchObject({ orderAmount: 30_000, eligibleAmount: 12_000, discount: 3_000, payable: 27_000 });
  });

  it('staff of another store, staff of another merchant and every other role are AUTH.FORBIDDEN', async () => {
    at(DURING);
    const c = await claimed(U1);
    const jinqiaoStaff: MemberDoc = { id: 'staff-jinqiao', openid: 'o-staff-jinqiao', nickname: '金桥店店员', memberships: [{ role: 'STORE_STAFF', merchantId: SH, storeIds: [JINQIAO] }] };
    const bjStaff: MemberDoc = { id: 'staff-bj', openid: 'o-staff-bj', nickname: '中关村店店员', memberships: [{ role: 'STORE_STAFF', merchantId: BJ, storeIds: ['st-bj-zhongguancun'] }] };
    await h.store.set(C.members, jinqiaoStaff);
    await h.store.set(C.members, bjStaff);

    // store-staff works at 古北 and 五角场, not at 金桥.
    await refused(STAFF, { couponCode: c.couponCode, storeId: JINQIAO }, 'AUTH.FORBIDDEN', `你不是门店 ${JINQIAO} 的店员，不能在此核销`);
    await refused('staff-jinqiao', { couponCode: c.couponCode, storeId: GUBEI }, 'AUTH.FORBIDDEN', `你不是门店 ${GUBEI} 的店员，不能在此核销`);
    await refused('staff-bj', { couponCode: c.couponCode, storeId: GUBEI }, 'AUTH.FORBIDDEN');
    await refused('staff-bj', { couponCode: c.couponCode, merchantId: BJ, storeId: GUBEI }, 'AUTH.FORBIDDEN');
    // A store of another merchant passed as if it were SH's.
    await refused(STAFF, { couponCode: c.couponCode, storeId: 'st-bj-zhongguancun' }, 'AUTH.FORBIDDEN');
    for (const member of [M.merchant, M.sp, M.host, U1]) await refused(member, { couponCode: c.couponCode }, 'AUTH.FORBIDDEN');
    expect(errorOf(await h.call(null, 'wallet', 'redeem', { merchantId: SH, storeId: GUBEI, couponCode: c.couponCode, orderId: 'X', orderAmount: 100 })).code).toBe('AUTH.UNAUTHENTICATED');
    // …and the coupon is still there for the right staff.
    expect(data(await redeem(STAFF, { couponCode: c.couponCode, storeId: WUJIAOCHANG })).storeId).toBe(WUJIAOCHANG);
    expect(DEMO.members.staff).toBe(STAFF);
  });
});

describe('wallet.preview (W4, before the staff confirm)', () => {
  type PreviewOut = OutputOf<'wallet', 'preview'>;
  const preview = (input: Record<string, unknown>) =>
    h.call<PreviewOut>(STAFF, 'wallet', 'preview', { merchantId: SH, storeId: GUBEI, orderId: order(), orderAmount: 15_000, ...input });

  it('shows the coupon’s terms and what the order comes to, writes nothing, and the redemption then comes to the same', async () => {
    at(DURING);
    const c = await claimed(U1, { excludedGoodsCodes: ['GIFTCARD'] });
    const input = { couponCode: c.couponCode, orderId: 'ORD-P1', orderAmount: 18_000, goods: [{ code: 'GIFTCARD', amount: 5_000 }, { code: 'MILK-1L', amount: 13_000 }] };
    const before = dump();
    const seen = data(await preview(input));
    expect(dump()).toEqual(before);
    expect(seen).toEqual({
      couponCode: c.couponCode, storeId: GUBEI, couponName: c.name, summary: '满100元减30元', faceValue: 3_000, minSpend: 10_000,
      orderAmount: 18_000, eligibleAmount: 13_000, discount: 3_000, payable: 15_000, replayed: false,
    });
    const done = data(await redeem(STAFF, input));
    expect(done).toMatchObject({ orderAmount: seen.orderAmount, eligibleAmount: seen.eligibleAmount, discount: seen.discount, payable: seen.payable });
    // The same order looked at again: that redemption's figures, marked as done.
    expect(data(await preview(input))).toEqual({ ...seen, replayed: true });
    // …also when looked at from another store with another amount: where and what it was.
    expect(data(await preview({ ...input, storeId: WUJIAOCHANG, orderAmount: 9_000, goods: [] }))).toEqual({ ...seen, replayed: true });
  });

  it('refuses exactly as the redemption would, with the same code and message, and writes nothing', async () => {
    at(DURING);
    const c = await claimed(U1, { name: '古北店专享券', usableStoreIds: [GUBEI] }, { targeting: { storeIds: [GUBEI] } });
    const used = await claimed(U2);
    data(await redeem(STAFF, { couponCode: used.couponCode, orderId: 'ORD-P2' }));
    const cases: Array<Record<string, unknown>> = [
      { couponCode: c.couponCode, orderAmount: 9_999 },
      { couponCode: c.couponCode, storeId: WUJIAOCHANG },
      { couponCode: used.couponCode },
      { couponCode: '000000000000' },
      { couponCode: c.couponCode, orderId: 'ORD-P2' },
      { couponCode: c.couponCode, storeId: JINQIAO },
    ];
    for (const input of cases) {
      const fixed = { orderId: order(), ...input };
      const before = dump();
      const p = errorOf(await preview(fixed));
      expect(dump()).toEqual(before);
      const r = errorOf(await redeem(STAFF, fixed));
      expect([input, p.code, p.message]).toEqual([input, r.code, r.message]);
    }
  });
});
