/**
 * How coupons, claims and redemptions read in Chinese, in one place: the claim page, 我的卡包 and
 * the till say the same thing the same way.
 */
import { fenToYuanShort } from '@shared/money';
import { formatShanghai } from '@shared/time';

/** "384729105521" → "3847 2910 5521": twelve digits read aloud at the till in groups of four. */
export const couponCodeText = (code: string): string => code.replace(/(\d{4})(?=\d)/g, '$1 ');

/** Digits only: a pasted "3847 2910 5521" or a scanned "券码:384729105521" becomes the code. */
export const digitsOf = (text: string): string => text.replace(/\D+/g, '');

/** An instant in Shanghai wall time, minutes only: "2026.12.03 11:00". */
export const shortTime = (t: string): string => formatShanghai(t, 'YYYY.MM.DD HH:mm');

/** "¥20" / "¥0.5": the big number on a ticket. */
export const faceValueText = (fen: number): string => fenToYuanShort(fen);

/** A refusal as the user reads it: a short title, the server's message with its figures below. */
export interface Refusal {
  code: string;
  title: string;
  message: string;
}

/** Claim refusals (W1, F6): say what happened, not the code. */
export const CLAIM_REFUSAL_TITLES: Record<string, string> = {
  'CAMPAIGN.NOT_FOUND': '活动不存在',
  'CAMPAIGN.NOT_STARTED': '活动尚未开始',
  'CAMPAIGN.PAUSED': '活动已暂停',
  'CAMPAIGN.ENDED': '活动已结束',
  'CAMPAIGN.ALREADY_CLAIMED': '你已领取过',
  'CAMPAIGN.STOCK_OUT': '券已领完',
  'CAMPAIGN.STOCK_UNAVAILABLE': '券暂不可领取',
  'CAMPAIGN.QUOTA_EXHAUSTED': '券已发完',
  'INTERNAL.CONFLICT': '领取的人有点多',
};

/** Redemption refusals (W4); the message carries the figures (门槛、有效期、门店). */
export const REDEEM_REFUSAL_TITLES: Record<string, string> = {
  'WALLET.COUPON_NOT_FOUND': '券码不存在',
  'WALLET.COUPON_USED': '券已使用',
  'WALLET.COUPON_EXPIRED': '券已过期',
  'WALLET.COUPON_NOT_USABLE_NOW': '券当前不可用',
  'WALLET.STORE_NOT_ALLOWED': '本门店不可用',
  'WALLET.BELOW_MIN_SPEND': '未达到使用门槛',
  'WALLET.ORDER_ALREADY_USED': '订单号已核销过其他券',
  'AUTH.FORBIDDEN': '无权在此门店核销',
};

/** What the staff can do about each refusal: one line, next to the figures. */
export const REDEEM_REFUSAL_HINTS: Record<string, string> = {
  'WALLET.COUPON_NOT_FOUND': '请核对顾客卡包中的 12 位券码',
  'WALLET.COUPON_USED': '每张券只能核销一次',
  'WALLET.COUPON_EXPIRED': '过期的券不能再使用',
  'WALLET.COUPON_NOT_USABLE_NOW': '请在券的可用时段内核销',
  'WALLET.STORE_NOT_ALLOWED': '请顾客到券适用的门店使用',
  'WALLET.BELOW_MIN_SPEND': '订单金额（不含不参与优惠的商品）需达到使用门槛',
  'WALLET.ORDER_ALREADY_USED': '一个订单只能核销一张券；核销另一张券请换一个订单号',
};
