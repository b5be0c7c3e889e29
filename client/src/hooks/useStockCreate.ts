import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { yuanToFen } from '@shared/money';
import { timeRuleSchema } from '@shared/stock/schema';
import { parseWith } from '@shared/validation';
import { addDays, toMillis, toRfc3339 } from '@shared/time';
import { call } from '@/services/cloud';
import { showError, showFormErrors, showToast } from '@/components/feedback';
import { replace } from '@/lib/routes';
import { hhmmToSeconds, secondsToHhmm, TIME_RULE_LABELS, timeRuleText, validityLong } from '@/components/stock/stockText';
import { ADMINS, useActingMerchant } from './useActing';
import { useRemote } from './useRemote';
import { useRetriableCreate } from './useRetriableCreate';
import { useFormDraft } from './useFormDraft';
import { emitStockChanged } from './useStockEvents';
import { initialForm, STEP_KEYS, stepOf, toDraftInput, topKey, useStockForm, type TimeRuleKind } from './useStockForm';

export const STEP_TITLES = ['基础规则', '其他规则', '确认创建'] as const;
export const SLOTS_MAX = 10;
export const RANGES_MAX = 20;
export const CODES_MAX = 50;
const GOODS_CODE = /^[A-Za-z0-9_-]{1,128}$/;
const MERCHANT_ID = /^\d{6,16}$/;

/**
 * 创建代金券: three steps over one form, checked like the server on every change; one requestId per
 * confirmation, kept for a retry after a network error so a retry can never create twice.
 */
export function useStockCreate() {
  const am = useActingMerchant(ADMINS);
  const { session, acting, forbidden, forOther } = am;
  // The forms want a string: empty until the session is known.
  const merchantId = am.merchantId ?? '';
  const stores = useRemote(acting ? merchantId : null, () => call('account', 'stores', { merchantId }));

  // 免充值 (S2): the merchant's own product flag. Unknown (loading, offline) leaves it to the
  // server; a later answer (a refusal, 我已开通 checked again) overrides the first read.
  const merchant = useRemote(acting ? `merchant:${merchantId}` : null, () => call('account', 'merchant', { merchantId }));
  // Kept with the merchant it was said of: another merchant starts from its own flag.
  const [noCashNow, setNoCashNow] = useState<{ merchantId: string; enabled: boolean } | null>(null);
  const noCashEnabled = (noCashNow?.merchantId === merchantId ? noCashNow.enabled : undefined) ?? merchant.data?.noCashEnabled ?? true;
  const recheckNoCash = async () => {
    try {
      const m = await call('account', 'merchant', { merchantId });
      setNoCashNow({ merchantId, enabled: m.noCashEnabled });
      if (!m.noCashEnabled) showToast('商户平台显示尚未开通免充值，开通后再试', 'warn');
    } catch (e) {
      showError(e);
    }
  };
  const storeMerchant = useMemo(() => new Map((stores.data?.stores ?? []).map((s) => [s.storeId, s.merchantId])), [stores.data]);
  const f = useStockForm({ merchantId, noCashEnabled, storeMerchant });
  const { form, set, check } = f;

  // ---- steps ----
  const [step, setStep] = useState(0);
  const stepHasErrors = (i: number) => check.issues.some((x) => x.level === 'error' && stepOf(x.path) === i) || f.serverIssues.some((x) => x.level === 'error' && stepOf(x.path) === i);

  const next = () => {
    const keys = STEP_KEYS[step];
    if (keys) f.touchAll(keys);
    if (stepHasErrors(step)) {
      showFormErrors();
      return;
    }
    setStep((s) => Math.min(s + 1, STEP_TITLES.length - 1));
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };
  const goStep = (i: number) => {
    if (i < step) setStep(i);
    else if (i === step + 1) next();
  };

  const kept = useFormDraft('stock', acting ? merchantId : '', { form, step, touched: [...f.touched] }, (d) => {
    // null: another merchant without a draft, a blank form. A draft from before a field existed
    // gets that field's blank value.
    f.load(d && { ...initialForm(new Date(), merchantId), ...d.form }, d?.touched);
    setStep(d ? Math.min(Math.max(0, d.step), STEP_TITLES.length - 1) : 0);
  });
  const discardDraft = () => {
    kept.clear();
    f.load(null);
    setStep(0);
  };

  // ---- edits that touch several fields ----
  const chooseRule = (kind: TimeRuleKind) => {
    set('ruleKind', kind);
    if (kind === 'IRREGULAR' && form.ranges.length === 0) {
      const end = Math.min(toMillis(addDays(form.availableBegin, 1)), toMillis(form.availableEnd));
      set('ranges', [{ begin: form.availableBegin, end: toRfc3339(end) }]);
    }
  };
  const toggleWeekday = (v: number) => set('weekdays', form.weekdays.includes(v) ? form.weekdays.filter((w) => w !== v) : [...form.weekdays, v]);
  const addSlot = () => {
    if (form.slots.length >= SLOTS_MAX) return;
    const last = form.slots[form.slots.length - 1];
    const from = Math.min(hhmmToSeconds(last?.end ?? '') ?? 8 * 3600, 23 * 3600);
    set('slots', [...form.slots, { begin: secondsToHhmm(from), end: secondsToHhmm(Math.min(from + 3600, 86_340)) }]);
  };
  const removeSlot = (i: number) => set('slots', form.slots.filter((_, k) => k !== i));
  const addRange = () => {
    if (form.ranges.length >= RANGES_MAX) return;
    const last = form.ranges[form.ranges.length - 1];
    const begin = last ? toMillis(addDays(last.end, 1)) : toMillis(form.availableBegin);
    const end = Math.min(toMillis(addDays(begin, 1)), toMillis(form.availableEnd));
    set('ranges', [...form.ranges, { begin: toRfc3339(begin), end: toRfc3339(Math.max(end, begin)) }]);
  };
  const removeRange = (i: number) => set('ranges', form.ranges.filter((_, k) => k !== i));

  /** Add typed codes (space, comma or newline separated); a Chinese reason when they cannot be added. */
  const addCodes = (key: 'excludedGoodsCodes' | 'availableGoodsCodes', text: string): string | undefined => {
    const codes = text.split(/[\s,，;；]+/).map((c) => c.trim()).filter(Boolean);
    if (!codes.length) return '请输入商品编码';
    const bad = codes.find((c) => !GOODS_CODE.test(c));
    if (bad) return `商品编码 ${bad} 需为 1–128 位字母、数字、_ 或 -`;
    const fresh = codes.filter((c, i) => !form[key].includes(c) && codes.indexOf(c) === i);
    if (!fresh.length) return '商品编码已在列表中';
    if (form[key].length + fresh.length > CODES_MAX) return `最多 ${CODES_MAX} 个商品编码`;
    set(key, [...form[key], ...fresh]);
    return undefined;
  };
  const removeCode = (key: 'excludedGoodsCodes' | 'availableGoodsCodes', code: string) => set(key, form[key].filter((c) => c !== code));

  const addMerchant = (text: string): string | undefined => {
    const id = text.trim();
    if (!MERCHANT_ID.test(id)) return '商户号为 6–16 位数字';
    if (form.usableMerchantIds.includes(id)) return '该商户号已在列表中';
    set('usableMerchantIds', [...form.usableMerchantIds, id]);
    return undefined;
  };
  const removeMerchant = (id: string) => {
    if (id === merchantId) return;
    set('usableMerchantIds', form.usableMerchantIds.filter((m) => m !== id));
  };
  const toggleStore = (storeId: string) => set('usableStoreIds', form.usableStoreIds.includes(storeId) ? form.usableStoreIds.filter((s) => s !== storeId) : [...form.usableStoreIds, storeId]);

  // ---- pickers: whole values back from the native date/time pickers ----
  const setSlot = (index: number, edge: 'begin' | 'end', hhmm: string) => set('slots', form.slots.map((x, i) => (i === index ? { ...x, [edge]: hhmm } : x)));
  const setRange = (index: number, edge: 'begin' | 'end', iso: string) => set('ranges', form.ranges.map((x, i) => (i === index ? { ...x, [edge]: iso } : x)));

  // ---- confirmation and the call ----
  const [submitting, setSubmitting] = useState(false);
  const create = useRetriableCreate('stock');

  const firstStepWithErrors = (keys: readonly string[]) => {
    const steps = keys.map((p) => stepOf(p)).filter((s): s is number => s !== undefined);
    return steps.length ? Math.min(...steps) : undefined;
  };

  const submit = async () => {
    if (submitting || !acting) return;
    f.touchAll(STEP_KEYS.flat());
    const draft = check.draft;
    if (!draft) {
      const errorPaths = check.issues.filter((i) => i.level === 'error').map((i) => i.path);
      const target = firstStepWithErrors(errorPaths);
      if (target !== undefined) setStep(target);
      showFormErrors('还有未通过校验的项，请修改后再创建');
      return;
    }
    const payload = { merchantId, ...draft };
    setSubmitting(true);
    const out = await create.send(payload, (requestId) => call('stock', 'create', { ...payload, requestId }));
    setSubmitting(false);
    if (out.ok) {
      kept.clear();
      emitStockChanged(out.value.stockId);
      replace('stockDetail', { merchantId: out.value.merchantId, stockId: out.value.stockId, created: '1' });
      return;
    }
    // A network failure keeps the requestId: the retry returns the first result if it was created.
    if (out.error.isNetwork) return;
    const err = out.error;
    if (err.code === 'STOCK.NO_CASH_NOT_ENABLED') setNoCashNow({ merchantId, enabled: false });
    f.setServerIssues(err.issues);
    const target = firstStepWithErrors(err.issues.filter((i) => i.level === 'error').map((i) => i.path));
    if (target !== undefined) setStep(target);
    showError(err);
  };

  // ---- the preview card (示例区), drawn from whatever parses so far ----
  const input = toDraftInput(form);
  const rule = parseWith(timeRuleSchema, input.timeRule);
  const preview = {
    name: form.name.trim(),
    faceValue: yuanToFen(form.faceValueText) ?? undefined,
    minSpend: yuanToFen(form.minSpendText) ?? undefined,
    validity: validityLong(form),
    ruleText: rule.ok ? timeRuleText(rule.value, Number(input.effectiveAfterClaimDays) || 0) : TIME_RULE_LABELS[form.ruleKind],
  };
  const storeNames = new Map((stores.data?.stores ?? []).map((s) => [s.storeId, s.name]));

  /** Issues that block creation, for the final check, with the step to fix each on. */
  const blocking = [...f.serverIssues, ...check.issues].filter((i, k, all) => i.level === 'error' && all.findIndex((j) => j.path === i.path && j.message === i.message) === k);

  return {
    session,
    forbidden,
    acting,
    merchantId,
    stores,
    noCashEnabled,
    /** 我已开通: ask the server again rather than take the merchant's word. */
    recheckNoCash: () => void recheckNoCash(),
    ...f,
    draftRestored: kept.restored,
    discardDraft,
    preview,
    merchantName: forOther ? (merchant.data?.name ?? '') : (acting?.merchantName ?? ''),
    storeName: (id: string) => storeNames.get(id) ?? id,
    step,
    next,
    goStep,
    back: () => setStep((s) => Math.max(0, s - 1)),
    chooseRule,
    toggleWeekday,
    addSlot,
    removeSlot,
    addRange,
    removeRange,
    addCodes,
    removeCode,
    addMerchant,
    removeMerchant,
    toggleStore,
    setSlot,
    setRange,
    blocking,
    stepOfIssue: (path: string) => stepOf(path) ?? (topKey(path) ? undefined : 0),
    submitting,
    networkFailed: create.networkFailed,
    submit,
  };
}

export type StockCreateVm = ReturnType<typeof useStockCreate>;
