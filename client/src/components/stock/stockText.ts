/**
 * How a voucher stock reads in Chinese, in one place: the list, the detail, the confirmation and
 * the preview card all say the same thing the same way.
 */
import { fenToYuanShort } from '@shared/money';
import type { Stock, StockStatus, TimeRule } from '@shared/stock/schema';
import { formatShanghai } from '@shared/time';
import { formatRange } from '@/lib/format';
import type { TagTone } from '@/lib/tagTones';

/** Mon … Sun in the order a Chinese calendar shows them; values as the API counts (0 = Sunday). */
export const WEEKDAYS: ReadonlyArray<{ value: number; label: string }> = [
  { value: 1, label: '一' },
  { value: 2, label: '二' },
  { value: 3, label: '三' },
  { value: 4, label: '四' },
  { value: 5, label: '五' },
  { value: 6, label: '六' },
  { value: 0, label: '日' },
];

const WEEKDAY_LABEL = new Map(WEEKDAYS.map((w) => [w.value, w.label]));

export const TIME_RULE_LABELS: Record<TimeRule['kind'], string> = {
  ANYTIME: '有效期内，任意时段可用',
  DAYS_AFTER_CLAIM: '有效期内，用户领券后 N 天内可用',
  WEEKLY: '有效期内，规则日期可用',
  IRREGULAR: '有效期内，不规则日期可用',
};

export const FUNDING_DESCRIPTIONS = {
  PREPAID: '使用本商户号余额，商户订单实收不变',
  NO_CASH: '扣减商户订单实收金额',
} as const;

export const SCOPE_LABELS = { ALL: '全场券', SINGLE_ITEM: '单品券' } as const;
export const PURPOSE_LABELS = { GENERAL: '通用', QUOTA_CAMPAIGN: '配额发券' } as const;

/** Tag colour per status. */
export const STATUS_TAG_TONES: Record<StockStatus, TagTone> = {
  UNACTIVATED: 'blue',
  RUNNING: 'green',
  PAUSED: 'orange',
  STOPPED: 'grey',
  EXPIRED: 'grey',
};

/** Seconds of the day → "HH:mm" (86400 → "24:00"). */
export function secondsToHhmm(sec: number): string {
  const h = Math.floor(sec / 3600);
  const m = Math.floor((sec % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** "HH:mm" → seconds of the day; null when it is not a time. */
export function hhmmToSeconds(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min > 0)) return null;
  return h * 3600 + min * 60;
}

/** 满5000元减500元 */
export const couponSummary = (faceValue: number, minSpend: number): string => `满${fenToYuanShort(minSpend)}元减${fenToYuanShort(faceValue)}元`;

/** [1,2,3,4,5] → 周一至周五; [6,0] → 周六、日; in calendar order. */
export function weekdaysText(days: readonly number[]): string {
  const order = WEEKDAYS.map((w) => w.value).filter((v) => days.includes(v));
  if (!order.length) return '';
  if (order.length === 7) return '每天';
  const idx = order.map((v) => WEEKDAYS.findIndex((w) => w.value === v));
  const contiguous = idx.every((x, i) => i === 0 || x === (idx[i - 1] ?? -2) + 1);
  const label = (v: number) => WEEKDAY_LABEL.get(v) ?? String(v);
  if (contiguous && order.length >= 3) return `周${label(order[0] ?? 0)}至周${label(order[order.length - 1] ?? 0)}`;
  return `周${order.map(label).join('、')}`;
}

const shortDateTime = (iso: string) => formatShanghai(iso, 'MM-DD HH:mm');

/**
 * The time rule in one line, as a consumer reads it on the coupon. With a wait before the coupon
 * takes effect (S7), the N days run from then: 生效后 N 天内可用.
 */
export function timeRuleText(rule: TimeRule, effectiveAfterClaimDays = 0): string {
  switch (rule.kind) {
    case 'ANYTIME':
      return '有效期内任意时段可用';
    case 'DAYS_AFTER_CLAIM':
      return `${effectiveAfterClaimDays > 0 ? '生效后' : '领券后'} ${rule.days} 天内可用`;
    case 'WEEKLY': {
      const slots = rule.slots.map((s) => `${secondsToHhmm(s.begin)}-${secondsToHhmm(s.end)}`).join('、');
      const days = weekdaysText(rule.weekdays);
      return `${days || '每周'}${slots ? ` ${slots}` : ''} 可用`;
    }
    case 'IRREGULAR': {
      const first = rule.ranges[0];
      if (!first) return '指定日期可用';
      const head = `${shortDateTime(first.begin)} 至 ${shortDateTime(first.end)}`;
      return rule.ranges.length > 1 ? `${head} 等 ${rule.ranges.length} 个时段可用` : `${head} 可用`;
    }
  }
}

/** 券生效时间 */
export const effectiveText = (days: number): string => (days > 0 ? `领取后第 ${days} 天生效` : '领取后立即生效');

export const validityLong = (s: Pick<Stock, 'availableBegin' | 'availableEnd'>): string => formatRange(s.availableBegin, s.availableEnd);
