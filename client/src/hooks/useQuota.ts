import { useEffect, useState } from 'react';
import type { LedgerEntry } from '@shared/account/schema';
import { call, toCloudError } from '@/services/cloud';
import { showError } from '@/components/feedback';
import { onQuotaChanged } from '@/lib/events';
import { useActing } from './useActing';
import { useRemote } from './useRemote';

const PAGE_SIZE = 20;

/** The acting merchant's quota balance and ledger, newest first, a page at a time. */
export function useQuota() {
  const { session, acting, forbidden } = useActing(['SP_ADMIN', 'MERCHANT_ADMIN']);
  const merchantId = acting?.merchantId ?? null;
  const first = useRemote(merchantId, () => call('account', 'quotaLedger', { merchantId: merchantId ?? '', page: 1, pageSize: PAGE_SIZE }));
  const [more, setMore] = useState<LedgerEntry[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const { reload } = first;

  // A new first page invalidates whatever was appended to the old one.
  useEffect(() => {
    setMore([]);
    setPage(1);
  }, [first.data]);

  useEffect(() => onQuotaChanged(() => void reload()), [reload]);

  const entries = [...(first.data?.entries ?? []), ...more];
  const total = first.data?.total ?? 0;

  return {
    session,
    acting,
    forbidden,
    remote: first,
    quota: first.data?.quota,
    entries,
    total,
    hasMore: entries.length < total,
    loadingMore,
    loadMore: async () => {
      if (!merchantId || loadingMore) return;
      setLoadingMore(true);
      try {
        const next = await call('account', 'quotaLedger', { merchantId, page: page + 1, pageSize: PAGE_SIZE });
        setMore((m) => [...m, ...next.entries]);
        setPage(page + 1);
      } catch (e) {
        showError(toCloudError(e));
      } finally {
        setLoadingMore(false);
      }
    },
  };
}
