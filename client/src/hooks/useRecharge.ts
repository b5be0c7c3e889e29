import { useMemo, useRef, useState } from 'react';
import { rechargeQuotaInput, type MerchantWithQuota, type RechargeQuotaOutput } from '@shared/account/schema';
import type { Issue } from '@shared/result';
import { parseWith } from '@shared/validation';
import { call, toCloudError } from '@/services/cloud';
import { issueFor, showError, showToast } from '@/components/feedback';
import { newRequestId } from '@/lib/requestId';
import { emitQuotaChanged } from '@/lib/events';
import { backTo } from '@/lib/routes';
import { useActing } from './useActing';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';

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
  const issues = [...(check.ok ? [] : check.issues), ...serverIssues];

  // ---- confirmation and the call ----
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [networkFailed, setNetworkFailed] = useState(false);
  const pending = useRef<{ key: string; requestId: string }>();
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
    if (!check.ok || !target) return;
    setNetworkFailed(false);
    setConfirming(true);
  };

  const confirm = async () => {
    if (!check.ok || !target || submitting) return;
    const payload = { merchantId: target.merchantId, amount: check.value.amount };
    const key = `${payload.merchantId}:${payload.amount}`;
    if (!pending.current || pending.current.key !== key) pending.current = { key, requestId: newRequestId('recharge') };
    setSubmitting(true);
    try {
      const out = await call('account', 'rechargeQuota', { ...payload, requestId: pending.current.requestId });
      pending.current = undefined;
      setConfirming(false);
      setNetworkFailed(false);
      setResult(out);
      showToast('充值成功', 'success');
      emitQuotaChanged(out.merchantId);
      void list.reload();
    } catch (e) {
      const err = toCloudError(e);
      if (err.isNetwork) {
        // Outcome unknown: keep the dialog and the requestId; a retry returns the first result.
        setNetworkFailed(true);
      } else {
        pending.current = undefined;
        setConfirming(false);
        setServerIssues(err.issues);
        showError(err);
      }
    } finally {
      setSubmitting(false);
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
    amountIssue: touched ? issueFor(issues, 'amount') : undefined,
    submit,

    confirming,
    amount: check.ok ? check.value.amount : undefined,
    balanceAfter: check.ok && target ? target.quota.balance + check.value.amount : undefined,
    submitting,
    networkFailed,
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
