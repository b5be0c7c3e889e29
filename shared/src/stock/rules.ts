import { fenToYuan } from '../money';
import type { Issue } from '../result';
import { addDays, formatDate, formatDateTime, toMillis } from '../time';
import { BEGIN_AHEAD_MAX_DAYS, WINDOW_MAX_DAYS, type StockDraft } from './schema';

/** What the stock rules need to know besides the draft. */
export interface StockRuleEnv {
  now: Date;
  creator: {
    merchantId: string;
    noCashEnabled: boolean;
    /**
     * Where the creator's coupons may be usable besides itself: its brand group (同品牌商户号组合),
     * or, for a service provider, its sub-merchants.
     */
    brandGroupMerchantIds: readonly string[];
  };
  /** Stores of the merchants the draft names (storeId → merchantId). */
  storeMerchant: ReadonlyMap<string, string>;
}

const DAY_MS = 86_400_000;
const err = (rule: string, path: string, message: string, hint?: string): Issue => (hint ? { rule, path, level: 'error', message, hint } : { rule, path, level: 'error', message });

const hhmm = (sec: number) => `${String(Math.floor(sec / 3600)).padStart(2, '0')}:${String(Math.floor((sec % 3600) / 60)).padStart(2, '0')}`;
const WEEKDAY = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * The cross-field rules S2–S12 that a schema cannot express. Field shapes and ranges are checked
 * by `stockDraftSchema` first; this returns every violation, not the first.
 */
export function checkStockDraft(d: StockDraft, env: StockRuleEnv): Issue[] {
  const issues: Issue[] = [];
  const now = env.now.getTime();
  const begin = toMillis(d.availableBegin);
  const end = toMillis(d.availableEnd);

  // S2
  if (d.funding === 'NO_CASH' && !env.creator.noCashEnabled) {
    issues.push(err('S2', 'funding', '免充值代金券产品功能尚未开通', '请先在商户平台「营销中心」立即开通免充值代金券产品功能，或改用预充值'));
  }

  // S4
  if (d.minSpend <= d.faceValue) {
    issues.push(err('S4', 'minSpend', `使用门槛 ${fenToYuan(d.minSpend)} 元需大于面额 ${fenToYuan(d.faceValue)} 元`, `将门槛提高到 ${fenToYuan(d.faceValue + 1)} 元以上，或降低面额`));
  }

  // S5
  if (begin < now) {
    issues.push(err('S5', 'availableBegin', `可用开始时间 ${formatDateTime(begin)} 早于当前时间 ${formatDateTime(now)}`, '开始时间需不早于现在'));
  }
  const latestBegin = addDays(now, BEGIN_AHEAD_MAX_DAYS).getTime();
  if (begin > latestBegin) {
    issues.push(err('S5', 'availableBegin', `可用开始时间 ${formatDate(begin)} 超出 ${BEGIN_AHEAD_MAX_DAYS} 天内的范围（最晚 ${formatDateTime(latestBegin)}）`));
  }
  if (end <= begin) {
    issues.push(err('S5', 'availableEnd', `可用结束时间 ${formatDateTime(end)} 需晚于开始时间 ${formatDateTime(begin)}`));
  } else if (end - begin > WINDOW_MAX_DAYS * DAY_MS) {
    const days = Math.ceil(((end - begin) / DAY_MS) * 10) / 10;
    issues.push(err('S5', 'availableEnd', `可用时间跨度 ${days} 天，最长 ${WINDOW_MAX_DAYS} 天`, `结束时间最晚为 ${formatDateTime(begin + WINDOW_MAX_DAYS * DAY_MS)}`));
  }

  // S6
  const rule = d.timeRule;
  if (rule.kind === 'WEEKLY') {
    const seen = new Set<number>();
    rule.weekdays.forEach((w, i) => {
      if (seen.has(w)) issues.push(err('S6', `timeRule.weekdays.${i}`, `${WEEKDAY[w] ?? w} 重复选择`));
      seen.add(w);
    });
    const slots = rule.slots.map((s, i) => ({ ...s, i }));
    for (const s of slots) {
      if (s.begin >= s.end) issues.push(err('S6', `timeRule.slots.${s.i}`, `时段 ${hhmm(s.begin)}–${hhmm(s.end)} 的结束时刻需晚于开始时刻`));
    }
    const sorted = slots.filter((s) => s.begin < s.end).sort((a, b) => a.begin - b.begin);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.begin < prev.end) issues.push(err('S6', `timeRule.slots.${cur.i}`, `时段 ${hhmm(cur.begin)}–${hhmm(cur.end)} 与 ${hhmm(prev.begin)}–${hhmm(prev.end)} 重叠`));
    }
  } else if (rule.kind === 'IRREGULAR') {
    const ranges = rule.ranges.map((r, i) => ({ b: toMillis(r.begin), e: toMillis(r.end), i }));
    for (const r of ranges) {
      if (r.b >= r.e) issues.push(err('S6', `timeRule.ranges.${r.i}`, `日期段 ${formatDateTime(r.b)} 至 ${formatDateTime(r.e)} 的结束需晚于开始`));
      else if (r.b < begin || r.e > end) {
        issues.push(err('S6', `timeRule.ranges.${r.i}`, `日期段 ${formatDateTime(r.b)} 至 ${formatDateTime(r.e)} 超出可用时间 ${formatDateTime(begin)} 至 ${formatDateTime(end)}`));
      }
    }
    const sorted = ranges.filter((r) => r.b < r.e).sort((a, b) => a.b - b.b);
    for (let k = 1; k < sorted.length; k++) {
      const prev = sorted[k - 1]!;
      const cur = sorted[k]!;
      if (cur.b < prev.e) issues.push(err('S6', `timeRule.ranges.${cur.i}`, `日期段 ${formatDateTime(cur.b)} 至 ${formatDateTime(cur.e)} 与上一段重叠`));
    }
  }
  // DAYS_AFTER_CLAIM needs no cross-check: validity is clipped at availableEnd (W3).

  // S7: a coupon claimed at the very start must still become usable before the window closes.
  if (d.effectiveAfterClaimDays > 0 && end > begin) {
    const effective = begin + d.effectiveAfterClaimDays * DAY_MS;
    if (effective >= end) {
      issues.push(err('S7', 'effectiveAfterClaimDays', `领取后 ${d.effectiveAfterClaimDays} 天生效（最早 ${formatDateTime(effective)}），已晚于可用结束时间 ${formatDateTime(end)}`, '缩短生效天数或延后结束时间'));
    }
  }

  // S10
  if (d.scope === 'SINGLE_ITEM' && d.availableGoodsCodes.length === 0) {
    issues.push(err('S10', 'availableGoodsCodes', '单品券需至少填写 1 个可用商品编码'));
  }
  if (d.scope === 'ALL' && d.availableGoodsCodes.length > 0) {
    issues.push(err('S10', 'availableGoodsCodes', '全场券不填写可用商品编码；如需限定商品请选择单品券'));
  }

  // S12
  const group = new Set([env.creator.merchantId, ...env.creator.brandGroupMerchantIds]);
  d.usableMerchantIds.forEach((m, i) => {
    if (!group.has(m)) issues.push(err('S12', `usableMerchantIds.${i}`, `商户号 ${m} 不是本商户或其同品牌商户`, '可用商户需为创建商户本身、同品牌商户号组合中的商户，或服务商的特约商户'));
  });
  if (new Set(d.usableMerchantIds).size !== d.usableMerchantIds.length) {
    issues.push(err('S12', 'usableMerchantIds', '可用商户重复'));
  }
  const usable = new Set(d.usableMerchantIds);
  d.usableStoreIds.forEach((s, i) => {
    const owner = env.storeMerchant.get(s);
    if (!owner || !usable.has(owner)) issues.push(err('S12', `usableStoreIds.${i}`, `门店 ${s} 不属于所选可用商户`));
  });

  return issues;
}

/** faceValue × totalQuantity (S11), fen. */
export const stockBudget = (d: Pick<StockDraft, 'faceValue' | 'totalQuantity'>): number => d.faceValue * d.totalQuantity;
