import { fenToYuan } from '../money';
import type { TimeRule } from '../stock/schema';
import { formatDateTime, formatShanghai, startOfDay, toMillis } from '../time';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** What a coupon keeps of its stock when it is issued: enough to validate it later on its own. */
export interface CouponTerms {
  stockId: string;
  name: string;
  faceValue: number;
  minSpend: number;
  availableBegin: string;
  availableEnd: string;
  timeRule: TimeRule;
  effectiveAfterClaimDays: number;
  excludedGoodsCodes: string[];
  scope: 'ALL' | 'SINGLE_ITEM';
  availableGoodsCodes: string[];
  usableMerchantIds: string[];
  usableStoreIds: string[];
}

/**
 * W3: the real validity window of one coupon, from S5 (the stock's window), S6 (领券后 N 天内可用)
 * and S7 (生效 N 天后). Weekly slots and irregular ranges narrow it further: see `usableAt`.
 * As WeChat Pay counts them, the N days of S6 run from the moment the coupon takes effect: after the
 * S7 wait, and from the window's start for a coupon claimed before it opens. Counted from the claim
 * instead, a wait of N days or more would issue coupons that are never usable.
 */
export function couponWindow(terms: Pick<CouponTerms, 'availableBegin' | 'availableEnd' | 'effectiveAfterClaimDays' | 'timeRule'>, claimedAt: string): { validFrom: number; validUntil: number } {
  const claimed = toMillis(claimedAt);
  const begin = toMillis(terms.availableBegin);
  const end = toMillis(terms.availableEnd);
  const validFrom = Math.max(begin, claimed + terms.effectiveAfterClaimDays * DAY_MS);
  const validUntil = terms.timeRule.kind === 'DAYS_AFTER_CLAIM' ? Math.min(end, validFrom + terms.timeRule.days * DAY_MS) : end;
  return { validFrom, validUntil };
}

const hhmm = (sec: number) => `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}`;

/** Null when the coupon may be used at `now`; otherwise the Chinese reason, with the figures. */
export function usableAt(terms: CouponTerms, window: { validFrom: number; validUntil: number }, now: number): string | null {
  if (now < window.validFrom) return `券尚未生效，${formatDateTime(window.validFrom)} 起可用`;
  if (now > window.validUntil) return `券已过期（有效期至 ${formatDateTime(window.validUntil)}）`;
  const rule = terms.timeRule;
  if (rule.kind === 'WEEKLY') {
    const day = startOfDay(now).getTime();
    const weekday = Number(formatShanghai(now, 'd'));
    const second = Math.floor((now - day) / 1000);
    if (!rule.weekdays.includes(weekday)) return `券仅${rule.weekdays.map((w) => WEEKDAYS[w]).join('、')}可用，今天是${WEEKDAYS[weekday]}`;
    // A slot is [begin, end): its last usable second is end − 1.
    if (!rule.slots.some((s) => second >= s.begin && second < s.end)) {
      return `券仅在 ${rule.slots.map((s) => `${hhmm(s.begin)}–${hhmm(s.end)}`).join('、')} 可用，现在是 ${formatShanghai(now, 'HH:mm:ss')}`;
    }
  } else if (rule.kind === 'IRREGULAR') {
    if (!rule.ranges.some((r) => now >= toMillis(r.begin) && now <= toMillis(r.end))) {
      return `券仅在 ${rule.ranges.map((r) => `${formatDateTime(r.begin)} 至 ${formatDateTime(r.end)}`).join('；')} 可用`;
    }
  }
  return null;
}

/** 满5000元减500元 */
export const couponSummary = (t: Pick<CouponTerms, 'faceValue' | 'minSpend'>): string =>
  `满${fenToYuan(t.minSpend).replace(/\.00$/, '')}元减${fenToYuan(t.faceValue).replace(/\.00$/, '')}元`;
