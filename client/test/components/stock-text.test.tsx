/**
 * The one-line texts a merchant reads on the stock's facts and preview, and a consumer on the coupon.
 */
import { effectiveText, timeRuleText } from '@/components/stock/stockText';

test('领券后 N 天内可用, or 生效后 N 天内可用 once the coupon waits before it takes effect (the N days then run from the effect)', () => {
  expect(timeRuleText({ kind: 'DAYS_AFTER_CLAIM', days: 3 })).toBe('领券后 3 天内可用');
  expect(timeRuleText({ kind: 'DAYS_AFTER_CLAIM', days: 3 }, 0)).toBe('领券后 3 天内可用');
  expect(timeRuleText({ kind: 'DAYS_AFTER_CLAIM', days: 3 }, 5)).toBe('生效后 3 天内可用');
  expect(effectiveText(5)).toBe('领取后第 5 天生效');
  // The wait changes nothing for the other rules.
  expect(timeRuleText({ kind: 'ANYTIME' }, 5)).toBe('有效期内任意时段可用');
  expect(timeRuleText({ kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], slots: [{ begin: 6 * 3600, end: 10 * 3600 }] }, 5)).toBe(timeRuleText({ kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5], slots: [{ begin: 6 * 3600, end: 10 * 3600 }] }));
});
