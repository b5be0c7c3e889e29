import type { InputOf } from '@shared/api';
import { AppError } from '@shared/errors';
import { fenToYuan } from '@shared/money';
import { formatDateTime, toRfc3339 } from '@shared/time';
import { couponSummary, usableAt } from '@shared/wallet/validity';
import { audit } from '../runtime/audit';
import type { Ctx, DomainHandlers } from '../runtime/context';
import { C, type StoreDoc } from '../runtime/records';
import { DuplicateKeyError, type Filter, type Store } from '../store/port';
import { toCoupon } from './coupon';
import type { CouponDoc, RedemptionDoc } from './wallet.records';

/** The merchant a coupon was given out for: its campaign's or live room's (the stock's when gone). */
async function ownerOf(store: Store, coupon: CouponDoc): Promise<string> {
  const source = await store.get<{ id: string; merchantId: string }>(coupon.source === 'CAMPAIGN' ? C.campaigns : C.liveRooms, coupon.sourceId);
  return source?.merchantId ?? coupon.stockMerchantId;
}

const yuan = (fen: number) => `${fenToYuan(fen)} 元`;

type RedeemInput = InputOf<'wallet', 'redeem'>;

/** The first answer again for a retried order; another coupon on a redeemed order is refused. */
function replayed(r: RedemptionDoc, input: RedeemInput) {
  if (r.couponCode !== input.couponCode) throw new AppError('WALLET.ORDER_ALREADY_USED', `订单 ${input.orderId} 已核销券 ${r.couponCode}`);
  return { redemptionId: r.id, couponCode: r.couponCode, orderId: r.orderId, storeId: r.storeId, orderAmount: r.orderAmount, eligibleAmount: r.eligibleAmount, discount: r.discount, payable: r.orderAmount - r.discount, redeemedAt: r.redeemedAt, replayed: true };
}

function previewOf(coupon: CouponDoc, { storeId, orderAmount, eligibleAmount, discount, payable }: { storeId: string; orderAmount: number; eligibleAmount: number; discount: number; payable: number }) {
  return { couponCode: coupon.id, storeId, couponName: coupon.name, summary: couponSummary(coupon), faceValue: coupon.faceValue, minSpend: coupon.minSpend, orderAmount, eligibleAmount, discount, payable };
}

/**
 * W4's checks of one redemption, shared by the till's preview and the redemption itself: the
 * coupon, where and when it may be used, and what of the order it counts. Writes nothing.
 */
async function assess(input: RedeemInput, ctx: Ctx) {
  const { merchantId, storeId, couponCode, orderAmount, goods = [] } = input;
  // W4: staff redeem at the stores they work at.
  const works = ctx.actor.memberships.some((m) => m.role === 'STORE_STAFF' && m.merchantId === merchantId && m.storeIds.includes(storeId));
  const shop = await ctx.store.get<StoreDoc>(C.stores, storeId);
  if (!works || !shop || shop.merchantId !== merchantId) throw new AppError('AUTH.FORBIDDEN', `你不是门店 ${storeId} 的店员，不能在此核销`);
  const previous = await ctx.store.get<RedemptionDoc>(C.redemptions, `${merchantId}:${input.orderId}`);
  if (previous) return { previous } as const;

  const coupon = await ctx.store.get<CouponDoc>(C.coupons, couponCode);
  // A coupon this merchant cannot take is, to its staff, a coupon that does not exist: nothing
  // of another merchant's coupons (name, use) is shown.
  if (!coupon || !coupon.usableMerchantIds.includes(merchantId)) throw new AppError('WALLET.COUPON_NOT_FOUND', `券码 ${couponCode} 不存在`);
  if (coupon.state === 'USED') throw new AppError('WALLET.COUPON_USED', `券 ${couponCode} 已于 ${formatDateTime(coupon.usedAt ?? '')} 使用`);
  if (coupon.usableStoreIds.length > 0 && !coupon.usableStoreIds.includes(storeId)) {
    throw new AppError('WALLET.STORE_NOT_ALLOWED', `券「${coupon.name}」不能在${shop.name}使用`);
  }
  const now = ctx.clock.now();
  if (now.getTime() > coupon.validUntilMs) throw new AppError('WALLET.COUPON_EXPIRED', `券已过期（有效期至 ${formatDateTime(coupon.validUntilMs)}）`);
  const notNow = usableAt(coupon, { validFrom: coupon.validFromMs, validUntil: coupon.validUntilMs }, now.getTime());
  if (notNow) throw new AppError('WALLET.COUPON_NOT_USABLE_NOW', notNow);

  const goodsTotal = goods.reduce((sum, g) => sum + g.amount, 0);
  if (goodsTotal > orderAmount) {
    throw new AppError('REQUEST.INVALID', `商品明细合计 ${yuan(goodsTotal)} 超过订单金额 ${yuan(orderAmount)}`, [{ path: 'goods', level: 'error', message: `商品明细合计 ${yuan(goodsTotal)} 超过订单金额 ${yuan(orderAmount)}` }]);
  }
  let eligibleAmount: number;
  let why: string;
  if (coupon.scope === 'SINGLE_ITEM') {
    eligibleAmount = goods.filter((g) => coupon.availableGoodsCodes.includes(g.code)).reduce((s, g) => s + g.amount, 0);
    why = `可用商品金额 ${yuan(eligibleAmount)}`;
  } else {
    const excluded = goods.filter((g) => coupon.excludedGoodsCodes.includes(g.code)).reduce((s, g) => s + g.amount, 0);
    eligibleAmount = orderAmount - excluded;
    why = excluded ? `订单 ${yuan(orderAmount)} 扣除不参与优惠的商品 ${yuan(excluded)} 后为 ${yuan(eligibleAmount)}` : `订单金额 ${yuan(orderAmount)}`;
  }
  if (eligibleAmount < coupon.minSpend) throw new AppError('WALLET.BELOW_MIN_SPEND', `${why}，未达到使用门槛 ${yuan(coupon.minSpend)}`);
  return { coupon, eligibleAmount } as const;
}

export const walletHandlers: DomainHandlers<'wallet'> = {
  async list({ status, page = 1, pageSize = 20 }, ctx) {
    const now = ctx.clock.now().getTime();
    const filter: Filter = { openid: ctx.actor.openid };
    if (status === 'USED') filter.state = 'USED';
    else if (status === 'EXPIRED') Object.assign(filter, { state: 'AVAILABLE', validUntilMs: { lt: now } });
    else if (status === 'AVAILABLE') Object.assign(filter, { state: 'AVAILABLE', validUntilMs: { gte: now } });
    const [docs, total] = await Promise.all([
      ctx.store.find<CouponDoc>(C.coupons, filter, { orderBy: [['claimedAt', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize }),
      ctx.store.count(C.coupons, filter),
    ]);
    return { coupons: docs.map((d) => toCoupon(d, now)), total };
  },

  async preview(input, ctx) {
    const a = await assess(input, ctx);
    if (a.previous) {
      const r = replayed(a.previous, input);
      const coupon = await ctx.store.get<CouponDoc>(C.coupons, r.couponCode);
      if (!coupon) throw new AppError('WALLET.COUPON_NOT_FOUND', `券码 ${r.couponCode} 不存在`);
      return { ...previewOf(coupon, r), replayed: true };
    }
    const discount = a.coupon.faceValue;
    return { ...previewOf(a.coupon, { storeId: input.storeId, orderAmount: input.orderAmount, eligibleAmount: a.eligibleAmount, discount, payable: input.orderAmount - discount }), replayed: false };
  },

  async redeem(input, ctx) {
    const { merchantId, storeId, couponCode, orderId, orderAmount } = input;
    const redemptionId = `${merchantId}:${orderId}`;
    const a = await assess(input, ctx);
    if (a.previous) return replayed(a.previous, input);
    const { coupon, eligibleAmount } = a;
    const now = ctx.clock.now();
    const discount = coupon.faceValue;
    const at = toRfc3339(now);
    const doc: RedemptionDoc = {
      id: redemptionId, merchantId, ownerMerchantId: await ownerOf(ctx.store, coupon), storeId, orderId, couponCode, stockId: coupon.stockId, campaignId: coupon.source === 'CAMPAIGN' ? coupon.sourceId : null,
      orderAmount, eligibleAmount, discount, redeemedAt: at, redeemedAtMs: now.getTime(), staffId: ctx.actor.memberId,
    };
    try {
      await ctx.store.transaction(async (tx) => {
        const fresh = await tx.get<CouponDoc>(C.coupons, couponCode);
        if (!fresh || fresh.state !== 'AVAILABLE') throw new AppError('WALLET.COUPON_USED');
        await tx.insert(C.redemptions, doc);
        await tx.update(C.coupons, couponCode, { set: { state: 'USED', usedAt: at, redemptionId } });
        await audit(tx, ctx, { merchantId, targetType: 'coupon', targetId: couponCode, detail: { orderId, storeId, discount, orderAmount } });
      });
    } catch (e) {
      // The same order redeemed at the same instant elsewhere: answer as its retry would.
      if (e instanceof DuplicateKeyError && e.collection === C.redemptions) {
        const raced = await ctx.store.get<RedemptionDoc>(C.redemptions, redemptionId);
        if (raced) return replayed(raced, input);
      }
      throw e;
    }
    await ctx.store.update(C.stocks, coupon.stockId, { inc: { used: 1 } });
    return { redemptionId, couponCode, orderId, storeId, orderAmount, eligibleAmount, discount, payable: orderAmount - discount, redeemedAt: at, replayed: false };
  },
};
