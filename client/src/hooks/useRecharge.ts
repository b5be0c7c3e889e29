import { useMemo, useState } from 'react';
import { rechargeQuotaInput, type MerchantWithQuota, type RechargeQuotaOutput } from '@shared/account/schema';
import type { Issue } from '@shared/result';
import { parseWith } from '@shared/validation';
import { call } from '@/services/cloud';
import { showError, showToast } from '@/components/feedback';
import { issueAt } from '@/lib/issues';
import { backTo } from '@/lib/routes';
import { useActing } from './useActing';
import { usePageParams } from './usePageParams';
import { emitQuotaChanged } from './useQuotaEvents';
import { useRemote } from './useRemote';
import { useRetriableCreate } from './useRetriableCreate';

/** Stands in for the requestId while the draft is checked: the real one is minted at confirmation. */
const DRAFT_REQUEST_ID = 'draft-request';

export const AMOUNT_PRESETS = [1000, 5000, 10000, 50000] as const;

/** What was typed, as the schema should see it: empty → missing, digits → integer, else as typed. */
export function toAmount(text: string): number | undefined {
  const t = text.trim();
  if (!t) return undefined;
  return Number(t);
}

/**
 * Quota is a count of coupons. The field takes a decimal point (a number keyboard that drops it
 * would turn 12.5 into 125 unseen), so a fraction is refused here in words.
 */
function notWhole(text: string): Issue[] {
  const t = text.trim();
  if (!t || /^\d+$/.test(t)) return [];
  return [{
    path: 'amount',
    level: 'error',
    message: /^\d*\.\d*$/.test(t) ? '充值配额需为整数张，不能有小数' : '充值配额只能填数字',
    hint: '配额按张计，请输入整数，如 1000',
  }];
}

/**
 * Recharge quota for a merchant of the acting service provider (A2, A3).
 * The amount is checked with the shared `rechargeQuotaInput` on every keystroke; the call carries a
 * requestId minted once per confirmation and reused when the user retries after a network error,
 * so a retry can never recharge twice.
 */
export function useRecharge() {
  const params = usePageParams();
  const { session, acting, forbidden } = useActing(['SP_ADMIN']);
  const spId = acting?.merchantId ?? null;
  const list = useRemote(spId, () => call('account', 'merchants', { merchantId: spId ?? '' }));

  const [targetId, setTargetId] = useState<string | undefined>(params.merchantId);
  const candidates: MerchantWithQuota[] = useMemo(
    () => (list.data ? [...list.data.merchants, ...list.data.unopened] : []),
    [list.data],
  );
  const target = candidates.find((m) => m.merchantId === targetId);
  const targetMissing = !!targetId && !!list.data && !target;

  // ---- the form ----
  const [amountText, setAmountText] = useState('');
  const [touched, setTouched] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const amount = toAmount(amountText);
  const check = parseWith(rechargeQuotaInput, { merchantId: targetId ?? '', amount, requestId: DRAFT_REQUEST_ID });
  const issues = [...notWhole(amountText), ...(check.ok ? [] : check.issues), ...serverIssues];

  // ---- confirmation and the call ----
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const recharge = useRetriableCreate('recharge');
  const [result, setResult] = useState<RechargeQuotaOutput>();
  const ledger = useRemote(result ? result.entryId : null, () =>
    call('account', 'quotaLedger', { merchantId: result?.merchantId ?? '', page: 1, pageSize: 10 }),
  );

  const changeAmount = (text: string) => {
    setAmountText(text);
    setTouched(true);
    setServerIssues([]);
  };

  const submit = () => {
    setTouched(true);
    if (!check.ok || !target || notWhole(amountText).length) return;
    recharge.clearNetworkFailed();
    setConfirming(true);
  };

  const confirm = async () => {
    if (!check.ok || !target || submitting || notWhole(amountText).length) return;
    const payload = { merchantId: target.merchantId, amount: check.value.amount };
    setSubmitting(true);
    const out = await recharge.send(payload, (requestId) => call('account', 'rechargeQuota', { ...payload, requestId }));
    setSubmitting(false);
    if (out.ok) {
      setConfirming(false);
      setResult(out.value);
      showToast('充值成功', 'success');
      emitQuotaChanged(out.value.merchantId);
      void list.reload();
    } else if (!out.error.isNetwork) {
      // A network failure keeps the dialog open on 重试 (same requestId, so no second recharge).
      setConfirming(false);
      setServerIssues(out.error.issues);
      showError(out.error);
    }
  };

  return {
    session,
    forbidden,
    list,
    candidates,
    target,
    targetMissing,
    pick: (m: MerchantWithQuota) => {
      setTargetId(m.merchantId);
      setServerIssues([]);
    },
    changeTarget: () => setTargetId(undefined),

    amountText,
    changeAmount,
    amountIssue: touched ? issueAt(issues, 'amount', true) : undefined,
    submit,

    confirming,
    amount: check.ok ? check.value.amount : undefined,
    balanceAfter: check.ok && target ? target.quota.balance + check.value.amount : undefined,
    submitting,
    networkFailed: recharge.networkFailed,
    confirm,
    cancel: () => setConfirming(false),

    result,
    ledger,
    again: () => {
      setResult(undefined);
      setAmountText('');
      setTouched(false);
    },
    toMerchants: () => backTo('merchants'),
  };
}
