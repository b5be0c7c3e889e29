import * as z from 'zod/mini';
import { field, idSchema, integer, merchantIdSchema, pageSchema, requestIdSchema } from '../validation';
import { timeRuleSchema } from '../stock/schema';

export const COUPON_STATUSES = ['AVAILABLE', 'USED', 'EXPIRED'] as const;
export type CouponStatus = (typeof COUPON_STATUSES)[number];
export const COUPON_STATUS_LABELS: Record<CouponStatus, string> = { AVAILABLE: '可使用', USED: '已使用', EXPIRED: '已过期' };

export const couponCodeSchema = field(z.string().check(z.regex(/^\d{12}$/, { error: '券码为 12 位数字' })), { label: '券码' });

export const couponSchema = z.object({
  couponCode: z.string(),
  stockId: z.string(),
  name: z.string(),
  faceValue: z.int(),
  minSpend: z.int(),
  /** 满5000元减500元 */
  summary: z.string(),
  status: z.enum(COUPON_STATUSES),
  statusLabel: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  /** Null when it can be used right now; else why not (未生效, outside its weekly slot, …). */
  unusableReason: z.nullable(z.string()),
  timeRule: timeRuleSchema,
  /** S7: days between the claim and the coupon taking effect (0: at once). */
  effectiveAfterClaimDays: z.int(),
  excludedGoodsCodes: z.array(z.string()),
  usableMerchantIds: z.array(z.string()),
  usableStoreIds: z.array(z.string()),
  source: z.enum(['CAMPAIGN', 'LIVE']),
  sourceId: z.string(),
  claimedAt: z.string(),
  usedAt: z.nullable(z.string()),
});
export type Coupon = z.infer<typeof couponSchema>;

export const claimCampaignInput = z.strictObject({
  campaignId: idSchema('活动 ID'),
  requestId: requestIdSchema,
});
export const claimOutput = z.object({
  claimId: z.string(),
  coupons: z.array(couponSchema),
});

export const listWalletInput = z.strictObject({
  status: z.optional(field(z.enum(COUPON_STATUSES), { label: '状态' })),
  ...pageSchema,
});
export const listWalletOutput = z.object({ coupons: z.array(couponSchema), total: z.int() });

export const goodsLineSchema = z.strictObject({
  code: field(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '需为 1–128 位字母、数字、_ 或 -' })), { label: '商品编码' }),
  amount: field(integer(0, 100_000_000), { label: '商品金额（分）' }),
});

export const redeemInput = z.strictObject({
  merchantId: merchantIdSchema,
  storeId: idSchema('门店'),
  couponCode: couponCodeSchema,
  orderId: field(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: '需为 1–64 位字母、数字、_ 或 -' })), { label: '订单号' }),
  orderAmount: field(integer(1, 100_000_000), { label: '订单金额（分）' }),
  /** The order's goods; needed when the coupon excludes goods (S8) or is a single-item coupon (S10). */
  goods: z.optional(field(z.array(goodsLineSchema).check(z.maxLength(500)), { label: '商品明细' })),
});

export const redeemOutput = z.object({
  redemptionId: z.string(),
  couponCode: z.string(),
  orderId: z.string(),
  storeId: z.string(),
  orderAmount: z.int(),
  /** The part of the order the coupon counts (without excluded goods, or only the single item). */
  eligibleAmount: z.int(),
  discount: z.int(),
  payable: z.int(),
  redeemedAt: z.string(),
  /** A retry with the same orderId returns the first answer. */
  replayed: z.boolean(),
});

/** What a redemption would come to, shown at the till before the staff confirm (nothing written). */
export const redeemPreviewOutput = z.object({
  couponCode: z.string(),
  /** Where it is redeemed: the store asked for, or for a replayed order the store it was redeemed at. */
  storeId: z.string(),
  couponName: z.string(),
  /** 满100元减20元 */
  summary: z.string(),
  faceValue: z.int(),
  minSpend: z.int(),
  orderAmount: z.int(),
  eligibleAmount: z.int(),
  discount: z.int(),
  payable: z.int(),
  /** This order already redeemed this coupon: the figures are that redemption's. */
  replayed: z.boolean(),
});
