import { useState } from 'react';
import type { Issue } from '@shared/result';
import { authorizeAppidInput } from '@shared/stock/schema';
import { parseWith } from '@shared/validation';
import { call, toCloudError, type CloudError } from '@/services/cloud';
import { showError, showToast } from '@/components/feedback';
import { issueAt } from '@/lib/issues';
import { go } from '@/lib/routes';
import { ADMINS, useActingMerchant } from './useActing';
import { usePagedList } from './usePagedList';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';

const PAGE_SIZE = 20;

/** A refused authorization, said plainly, with the way out when there is one. */
export interface AuthorizeFailure {
  code: string;
  title: string;
  text: string;
  hint?: string;
  action?: { label: string; run: () => void };
}

/**
 * APPID 营销授权 (S14): authorize a RUNNING stock for a mini-program APPID bound to the merchant, and
 * the list of authorizations. `?stockId=` prefills the 批次号 (from a stock's detail page).
 */
export function useStockAuthorizations() {
  const params = usePageParams();
  const { session, acting, forbidden, merchantId, canManage } = useActingMerchant([...ADMINS, 'LIVE_HOST']);

  const appids = useRemote(merchantId, () => call('account', 'appids', { merchantId: merchantId ?? '' }));
  const running = useRemote(canManage ? merchantId : null, () => call('stock', 'list', { merchantId: merchantId ?? '', status: 'RUNNING', page: 1, pageSize: 20 }));
  const { remote: list, items: authorizations, total, hasMore, loadingMore, loadMore } = usePagedList(
    merchantId,
    (page) => call('stock', 'authorizations', { merchantId: merchantId ?? '', page, pageSize: PAGE_SIZE }),
    (p) => p.authorizations,
    (a) => `${a.stockId}:${a.appid}`,
  );

  // ---- the form ----
  const [appid, setAppid] = useState('');
  const [stockId, setStockId] = useState(params.stockId ?? '');
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set(params.stockId ? ['stockId'] : []));
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<AuthorizeFailure>();
  const [submitting, setSubmitting] = useState(false);
  const check = parseWith(authorizeAppidInput, { merchantId: merchantId ?? '', stockId: stockId.trim(), appid: appid.trim() });
  const issues = [...serverIssues, ...(check.ok ? [] : check.issues.filter((i) => touched.has(i.path)))];

  const edit = (field: 'appid' | 'stockId', value: string) => {
    if (field === 'appid') setAppid(value);
    else setStockId(value);
    setTouched((t) => new Set([...t, field]));
    setServerIssues((s) => s.filter((i) => i.path !== field));
    setFailure(undefined);
  };

  const toDetail = (id: string) => () => go('stockDetail', { merchantId: merchantId ?? '', stockId: id });

  function failureOf(err: CloudError, id: string): AuthorizeFailure | undefined {
    const hint = err.issues.find((i) => i.hint)?.hint;
    switch (err.code) {
      case 'STOCK.NOT_ACTIVATED':
        return { code: err.code, title: '批次未激活，请先激活', text: `批次 ${id} 还未激活，激活后才能授权给小程序。`, action: { label: '去激活', run: toDetail(id) } };
      case 'STOCK.PAUSED':
        return { code: err.code, title: '批次已暂停，请先重启', text: `批次 ${id} 已暂停，重启后才能授权。`, action: { label: '去重启', run: toDetail(id) } };
      case 'STOCK.STOPPED':
        return { code: err.code, title: '批次已终止', text: `批次 ${id} 已终止，终止不可恢复，不能再授权。请换一个运行中的批次。` };
      case 'STOCK.EXPIRED':
        return { code: err.code, title: '批次已过期', text: `批次 ${id} 已过可用时间，不能授权。` };
      case 'STOCK.APPID_NOT_BOUND':
        return { code: err.code, title: 'APPID 未绑定本商户', text: err.message, ...(hint ? { hint } : {}) };
      case 'STOCK.NOT_FOUND':
        return { code: err.code, title: '找不到该批次', text: `本商户没有批次号为 ${id} 的代金券，请检查批次号。` };
      default:
        return undefined;
    }
  }

  const submit = async () => {
    setTouched(new Set(['appid', 'stockId']));
    if (!check.ok || !merchantId || submitting) return;
    setSubmitting(true);
    setFailure(undefined);
    try {
      const out = await call('stock', 'authorizeAppid', check.value);
      showToast(out.alreadyAuthorized ? '该 APPID 已授权过此批次' : '授权成功', 'success');
      setServerIssues([]);
      void list.reload();
    } catch (e) {
      const err = toCloudError(e);
      const f = failureOf(err, check.value.stockId);
      // A refusal of the stock's state is said once, in the card with its way out; a wrong APPID or
      // 批次号 also marks its field.
      if (err.code === 'STOCK.NOT_FOUND') setServerIssues([{ rule: 'S14', path: 'stockId', level: 'error', message: err.message }]);
      else setServerIssues(f && err.code !== 'STOCK.APPID_NOT_BOUND' ? [] : err.issues);
      if (f) setFailure(f);
      else showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  return {
    session,
    acting,
    forbidden,
    canManage,
    appids,
    running: running.data?.stocks ?? [],
    list,
    authorizations,
    total,
    hasMore,
    loadingMore,
    loadMore,
    appid,
    stockId,
    setAppid: (v: string) => edit('appid', v),
    setStockId: (v: string) => edit('stockId', v),
    appidIssue: issueAt(issues, 'appid', true),
    stockIdIssue: issueAt(issues, 'stockId', true),
    failure,
    submitting,
    submit,
  };
}

export type StockAuthorizationsVm = ReturnType<typeof useStockAuthorizations>;

