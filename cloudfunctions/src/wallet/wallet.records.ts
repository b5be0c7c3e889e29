import type { CouponTerms } from '@shared/wallet/validity';

/** One issued coupon. The id is the 12-digit code the consumer shows at the till. */
export interface CouponDoc extends CouponTerms {
  id: string;
  openid: string;
  memberId: string;
  /** The stock's creator: whose budget pays the discount. */
  stockMerchantId: string;
  source: 'CAMPAIGN' | 'LIVE';
  sourceId: string;
  claimId: string;
  claimedAt: string;
  validFromMs: number;
  validUntilMs: number;
  state: 'AVAILABLE' | 'USED';
  usedAt: string | null;
  redemptionId: string | null;
}

/**
 * A campaign claim: `<campaignId>:<openid>` — the deterministic id that makes "each coupon once per
 * user" (F6) hold whatever the concurrency. PENDING while its decrements run, ISSUED after.
 */
export interface ClaimDoc {
  id: string;
  campaignId: string;
  openid: string;
  requestId: string;
  state: 'PENDING' | 'ISSUED';
  couponCodes: string[];
  at: string;
}

/** `<merchantId>:<orderId>`: one redemption per order (W4 idempotency). */
export interface RedemptionDoc {
  id: string;
  /** The redeeming merchant (its store, its till). */
  merchantId: string;
  /**
   * The merchant the coupon was given out for: its campaign's, or its live room's. Its redemption
   * export lists these, wherever they were redeemed.
   */
  ownerMerchantId: string;
  storeId: string;
  orderId: string;
  couponCode: string;
  stockId: string;
  campaignId: string | null;
  orderAmount: number;
  eligibleAmount: number;
  discount: number;
  redeemedAt: string;
  redeemedAtMs: number;
  staffId: string;
}
