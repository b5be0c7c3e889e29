/**
 * The voucher-stock form (S1–S12) as the merchant types it, and how it becomes a `stock.create`
 * draft. Money is typed in 元 and sent in fen; times of day are typed as HH:mm and sent as seconds
 * of the day; date-times are Shanghai wall clock, sent as RFC 3339 with +08:00.
 *
 * Checking runs the shared `stockDraftSchema` and `checkStockDraft` on every change, exactly as the
 * server does, so an error shows while typing and the server only confirms it.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { yuanToFen, fenToYuan } from '@shared/money';
import type { Issue } from '@shared/result';
import { checkStockDraft, type StockRuleEnv } from '@shared/stock/rules';
import { FACE_VALUE_MAX, MIN_SPEND_MAX, stockDraftSchema, type StockDraft, type TimeRule } from '@shared/stock/schema';
import { textWidth } from '@shared/text';
import { addDays, toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';
import { hhmmToSeconds } from '@/components/stock/stockText';

export type TimeRuleKind = TimeRule['kind'];
export type DraftKey = keyof StockDraft;

export interface SlotForm {
  /** HH:mm */
  begin: string;
  end: string;
}

export interface RangeForm {
  /** RFC 3339, +08:00 */
  begin: string;
  end: string;
}

export interface StockForm {
  name: string;
  funding: StockDraft['funding'];
  faceValueText: string;
  minSpendText: string;
  availableBegin: string;
  availableEnd: string;
  ruleKind: TimeRuleKind;
  daysText: string;
  weekdays: number[];
  slots: SlotForm[];
  ranges: RangeForm[];
  effectiveMode: 'NOW' | 'DAYS';
  effectiveDaysText: string;
  excludedGoodsCodes: string[];
  instructions: string;
  scope: StockDraft['scope'];
  availableGoodsCodes: string[];
  totalQuantityText: string;
  perUserLimitText: string;
  usableMerchantIds: string[];
  usableStoreIds: string[];
  cardPackInsertable: boolean;
  purpose: StockDraft['purpose'];
}

export const NAME_MAX_WIDTH = 18;
export const DEFAULT_WINDOW_DAYS = 30;
const HALF_HOUR_MS = 30 * 60_000;
const MIN_LEAD_MS = 15 * 60_000;

/** Begin defaults to now rounded up to the next half hour, at least 15 minutes ahead (S5: begin ≥ now at creation). */
export function defaultBegin(now: Date): string {
  const t = Math.ceil((now.getTime() + MIN_LEAD_MS) / HALF_HOUR_MS) * HALF_HOUR_MS;
  return toRfc3339(t);
}

export function initialForm(now: Date, merchantId: string): StockForm {
  const begin = defaultBegin(now);
  return {
    name: '',
    funding: 'PREPAID',
    faceValueText: '',
    minSpendText: '',
    availableBegin: begin,
    availableEnd: toRfc3339(addDays(begin, DEFAULT_WINDOW_DAYS)),
    ruleKind: 'ANYTIME',
    daysText: '7',
    weekdays: [1, 2, 3, 4, 5],
    slots: [{ begin: '10:00', end: '22:00' }],
    ranges: [],
    effectiveMode: 'NOW',
    effectiveDaysText: '1',
    excludedGoodsCodes: [],
    instructions: '',
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantityText: '',
    perUserLimitText: '1',
    usableMerchantIds: merchantId ? [merchantId] : [],
    usableStoreIds: [],
    cardPackInsertable: true,
    purpose: 'GENERAL',
  };
}

/** Which form fields a draft field is typed in: touching one shows the draft field's issues. */
const FORM_TO_DRAFT: Record<keyof StockForm, DraftKey> = {
  name: 'name',
  funding: 'funding',
  faceValueText: 'faceValue',
  minSpendText: 'minSpend',
  availableBegin: 'availableBegin',
  availableEnd: 'availableEnd',
  ruleKind: 'timeRule',
  daysText: 'timeRule',
  weekdays: 'timeRule',
  slots: 'timeRule',
  ranges: 'timeRule',
  effectiveMode: 'effectiveAfterClaimDays',
  effectiveDaysText: 'effectiveAfterClaimDays',
  excludedGoodsCodes: 'excludedGoodsCodes',
  instructions: 'instructions',
  scope: 'scope',
  availableGoodsCodes: 'availableGoodsCodes',
  totalQuantityText: 'totalQuantity',
  perUserLimitText: 'perUserLimit',
  usableMerchantIds: 'usableMerchantIds',
  usableStoreIds: 'usableStoreIds',
  cardPackInsertable: 'cardPackInsertable',
  purpose: 'purpose',
};

/** The three steps: 基础规则 → 其他规则 → 确认创建 (the last has no fields of its own). */
export const STEP_KEYS: ReadonlyArray<readonly DraftKey[]> = [
  ['name', 'funding', 'faceValue', 'minSpend', 'availableBegin', 'availableEnd', 'timeRule'],
  ['effectiveAfterClaimDays', 'excludedGoodsCodes', 'instructions', 'scope', 'availableGoodsCodes', 'totalQuantity', 'perUserLimit', 'usableMerchantIds', 'usableStoreIds', 'cardPackInsertable', 'purpose'],
];

export const topKey = (path: string): string => path.split('.')[0] ?? '';

/** The step (0-based) a draft path is typed on; undefined for paths outside the form. */
export function stepOf(path: string): number | undefined {
  const k = topKey(path);
  const i = STEP_KEYS.findIndex((keys) => (keys as readonly string[]).includes(k));
  return i < 0 ? undefined : i;
}

// ---- form → draft ----

/** Empty → missing (the schema says 必填); digits → integer; anything else stays text for the schema to reject. */
function intOf(text: string): number | string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return /^\d+$/.test(t) ? Number(t) : t;
}

function fenOf(text: string): number | string | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return yuanToFen(t) ?? t;
}

/** HH:mm → seconds, or the text itself when it is not a time (the schema rejects it). */
const secOf = (text: string): number | string => hhmmToSeconds(text) ?? text;

function timeRuleOf(f: StockForm): unknown {
  switch (f.ruleKind) {
    case 'ANYTIME':
      return { kind: 'ANYTIME' };
    case 'DAYS_AFTER_CLAIM':
      return { kind: 'DAYS_AFTER_CLAIM', days: intOf(f.daysText) };
    case 'WEEKLY':
      return { kind: 'WEEKLY', weekdays: [...f.weekdays].sort((a, b) => a - b), slots: f.slots.map((s) => ({ begin: secOf(s.begin), end: secOf(s.end) })) };
    case 'IRREGULAR':
      return { kind: 'IRREGULAR', ranges: f.ranges.map((r) => ({ begin: r.begin, end: r.end })) };
  }
}

/** What `stock.create` receives besides merchantId and requestId, as typed (not yet checked). */
export function toDraftInput(f: StockForm): Record<DraftKey, unknown> {
  return {
    name: f.name.trim(),
    funding: f.funding,
    faceValue: fenOf(f.faceValueText),
    minSpend: fenOf(f.minSpendText),
    availableBegin: f.availableBegin,
    availableEnd: f.availableEnd,
    timeRule: timeRuleOf(f),
    effectiveAfterClaimDays: f.effectiveMode === 'NOW' ? 0 : intOf(f.effectiveDaysText),
    excludedGoodsCodes: f.excludedGoodsCodes,
    instructions: f.instructions,
    scope: f.scope,
    availableGoodsCodes: f.scope === 'SINGLE_ITEM' ? f.availableGoodsCodes : [],
    totalQuantity: intOf(f.totalQuantityText),
    perUserLimit: intOf(f.perUserLimitText),
    usableMerchantIds: f.usableMerchantIds,
    usableStoreIds: f.usableStoreIds,
    cardPackInsertable: f.cardPackInsertable,
    purpose: f.purpose,
  };
}

// ---- checking ----

/** The fields each cross-field rule reads, by the path of its issue: a rule is only trusted once they parse. */
const RULE_READS: Partial<Record<DraftKey, readonly DraftKey[]>> = {
  minSpend: ['minSpend', 'faceValue'],
  availableEnd: ['availableBegin', 'availableEnd'],
  timeRule: ['timeRule', 'availableBegin', 'availableEnd'],
  effectiveAfterClaimDays: ['effectiveAfterClaimDays', 'availableBegin', 'availableEnd'],
  availableGoodsCodes: ['scope', 'availableGoodsCodes'],
  usableStoreIds: ['usableStoreIds', 'usableMerchantIds'],
};

/** A draft that passes the schema, used for whichever fields do not parse yet. */
const NEUTRAL: StockDraft = {
  name: '券', funding: 'PREPAID', faceValue: 1, minSpend: 2,
  availableBegin: '2000-01-01T00:00:00+08:00', availableEnd: '2000-01-02T00:00:00+08:00',
  timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [], instructions: '', scope: 'ALL',
  availableGoodsCodes: [], totalQuantity: 1, perUserLimit: 1, usableMerchantIds: ['100000'], usableStoreIds: [], cardPackInsertable: false, purpose: 'GENERAL',
};

/** The schema speaks fen for the two money fields; the form speaks 元. */
function moneyMessage(key: 'faceValue' | 'minSpend', text: string): string {
  const label = key === 'faceValue' ? '面额' : '使用门槛';
  const max = key === 'faceValue' ? FACE_VALUE_MAX : MIN_SPEND_MAX;
  const t = text.trim();
  if (!t) return `${label}：必填`;
  if (yuanToFen(t) === null) return `${label}：请输入金额（元），最多两位小数`;
  return `${label}：需在 0.01–${fenToYuan(max)} 元之间`;
}

export interface FormCheck {
  /** Every issue of the draft, schema and rules, each once. */
  issues: Issue[];
  /** The checked draft when it has no blocking issue. */
  draft: StockDraft | undefined;
}

/**
 * Check the form as the server will: the schema first, then the cross-field rules on every part that
 * parsed (a rule that reads a field that does not parse yet stays quiet rather than guess).
 */
export function checkForm(f: StockForm, env: StockRuleEnv): FormCheck {
  const input = toDraftInput(f);
  const parsed = parseWith(stockDraftSchema, input);
  const schemaIssues = (parsed.ok ? [] : parsed.issues).map((i): Issue => {
    const k = topKey(i.path);
    if (k === 'faceValue' || k === 'minSpend') return { ...i, message: moneyMessage(k, k === 'faceValue' ? f.faceValueText : f.minSpendText) };
    return i;
  });
  const broken = new Set(schemaIssues.map((i) => topKey(i.path)));
  const merged = { ...NEUTRAL } as Record<DraftKey, unknown>;
  for (const k of Object.keys(NEUTRAL) as DraftKey[]) if (!broken.has(k)) merged[k] = input[k];
  const ruleIssues = checkStockDraft(merged as StockDraft, env).filter((i) => {
    const k = topKey(i.path) as DraftKey;
    return !(RULE_READS[k] ?? [k]).some((r) => broken.has(r));
  });
  const issues = [...schemaIssues, ...ruleIssues];
  const blocking = issues.some((i) => i.level === 'error');
  return { issues, draft: parsed.ok && !blocking ? parsed.value : undefined };
}

// ---- the hook: form state, what was touched, what the server said ----

export interface StockFormEnv {
  merchantId: string;
  /** False once the server said 免充值 is not enabled for this merchant (S2); unknown counts as enabled. */
  noCashEnabled: boolean;
  storeMerchant: ReadonlyMap<string, string>;
}

export function useStockForm(env: StockFormEnv, now: () => Date = () => new Date()) {
  const [form, setForm] = useState<StockForm>(() => initialForm(now(), env.merchantId));
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);

  // The session may still be loading when the page opens: the creator becomes the default usable merchant.
  useEffect(() => {
    if (env.merchantId) setForm((f) => (f.usableMerchantIds.length ? f : { ...f, usableMerchantIds: [env.merchantId] }));
  }, [env.merchantId]);

  const check = checkForm(form, {
    now: now(),
    // The client knows its own merchant only; the brand group is the server's to check (S12).
    creator: { merchantId: env.merchantId, noCashEnabled: env.noCashEnabled, brandGroupMerchantIds: form.usableMerchantIds },
    storeMerchant: env.storeMerchant,
  });

  const set = useCallback(<K extends keyof StockForm>(key: K, value: StockForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    const draftKey = FORM_TO_DRAFT[key];
    setTouched((t) => (t.has(draftKey) ? t : new Set([...t, draftKey])));
    setServerIssues((s) => (s.some((i) => topKey(i.path) === draftKey) ? s.filter((i) => topKey(i.path) !== draftKey) : s));
  }, []);

  /** Show every issue of these fields (a step's 下一步, or the final check). */
  const touchAll = useCallback((keys: readonly string[]) => setTouched((t) => new Set([...t, ...keys])), []);

  const visible = useMemo(
    () => [...serverIssues, ...check.issues.filter((i) => touched.has(topKey(i.path)))],
    [serverIssues, check.issues, touched],
  );

  /** A kept draft back on screen, or (without one) a blank form. */
  const load = useCallback((f: StockForm | null, keys: readonly string[] = []) => {
    setForm(f ?? initialForm(now(), env.merchantId));
    setTouched(new Set(keys));
    setServerIssues([]);
  }, [env.merchantId]);

  return {
    form,
    set,
    load,
    touched,
    check,
    /** Issues to show on the fields: the server's, and the client's for touched fields. */
    visible,
    touchAll,
    serverIssues,
    setServerIssues,
    nameWidth: textWidth(form.name.trim()),
  };
}

export type StockFormApi = ReturnType<typeof useStockForm>;
