import { randomInt } from 'node:crypto';
import { COUPON_STATUS_LABELS, type Coupon, type CouponStatus } from '@shared/wallet/schema';
import { couponSummary, couponWindow, usableAt } from '@shared/wallet/validity';
import { formatDateTime, toRfc3339 } from '@shared/time';
import type { Actor } from '../runtime/context';
import type { StockDoc } from '../stock/stock.records';
import type { CouponDoc } from './wallet.records';

export const newCouponCode = (): string => String(randomInt(100_000_000_000, 999_999_999_999));

/** A coupon of `stock` for `actor`, with its validity fixed at the claim instant (W3). */
export function issueCoupon(stock: StockDoc, actor: Actor, source: { kind: 'CAMPAIGN' | 'LIVE'; id: string; claimId: string }, now: Date, code = newCouponCode()): CouponDoc {
  const claimedAt = toRfc3339(now);
  const w = couponWindow(stock, claimedAt);
  // Spelled out rather than a spread of the stock's terms: V8 builds a spread followed by this many
  // properties about ten times slower, and this runs once per coupon claimed.
  return {
    stockId: stock.id, name: stock.name, faceValue: stock.faceValue, minSpend: stock.minSpend, availableBegin: stock.availableBegin,
    availableEnd: stock.availableEnd, timeRule: stock.timeRule, effectiveAfterClaimDays: stock.effectiveAfterClaimDays,
    excludedGoodsCodes: stock.excludedGoodsCodes, scope: stock.scope, availableGoodsCodes: stock.availableGoodsCodes,
    usableMerchantIds: stock.usableMerchantIds, usableStoreIds: stock.usableStoreIds,
    id: code, openid: actor.openid, memberId: actor.memberId, stockMerchantId: stock.merchantId,
    source: source.kind, sourceId: source.id, claimId: source.claimId, claimedAt, validFromMs: w.validFrom, validUntilMs: w.validUntil,
    state: 'AVAILABLE', usedAt: null, redemptionId: null,
  };
}

/** Null when the coupon can be used at some point; else why not: an S7 wait that runs past availableEnd. */
export function neverUsableReason(c: CouponDoc): string | null {
  if (c.validFromMs <= c.validUntilMs) return null;
  return `「${c.name}」领取后 ${c.effectiveAfterClaimDays} 天才生效，已晚于可用结束时间 ${formatDateTime(c.validUntilMs)}，现在领取将无法使用`;
}

export function couponStatus(c: CouponDoc, nowMs: number): CouponStatus {
  if (c.state === 'USED') return 'USED';
  return nowMs > c.validUntilMs ? 'EXPIRED' : 'AVAILABLE';
}

export function toCoupon(c: CouponDoc, nowMs: number): Coupon {
  const status = couponStatus(c, nowMs);
  return {
    couponCode: c.id, stockId: c.stockId, name: c.name, faceValue: c.faceValue, minSpend: c.minSpend, summary: couponSummary(c),
    status, statusLabel: COUPON_STATUS_LABELS[status], validFrom: toRfc3339(c.validFromMs), validUntil: toRfc3339(c.validUntilMs),
    unusableReason: status === 'AVAILABLE' ? usableAt(c, { validFrom: c.validFromMs, validUntil: c.validUntilMs }, nowMs) : null,
    timeRule: c.timeRule, effectiveAfterClaimDays: c.effectiveAfterClaimDays, excludedGoodsCodes: c.excludedGoodsCodes, usableMerchantIds: c.usableMerchantIds, usableStoreIds: c.usableStoreIds,
    source: c.source, sourceId: c.sourceId, claimedAt: c.claimedAt, usedAt: c.usedAt,
  };
}
