import { call } from '@/services/cloud';
import { useActing } from './useActing';
import { usePagedList } from './usePagedList';
import { useQuotaChanged } from './useQuotaEvents';

const PAGE_SIZE = 20;

/** The acting merchant's quota balance and ledger, newest first, a page at a time. */
export function useQuota() {
  const { session, acting, forbidden } = useActing(['SP_ADMIN', 'MERCHANT_ADMIN']);
  const merchantId = acting?.merchantId ?? null;
  const { remote, items: entries, total, hasMore, loadingMore, loadMore } = usePagedList(
    merchantId,
    (page) => call('account', 'quotaLedger', { merchantId: merchantId ?? '', page, pageSize: PAGE_SIZE }),
    (p) => p.entries,
    (e) => e.entryId,
  );
  const { reload } = remote;

  useQuotaChanged(() => void reload());

  return {
    session,
    acting,
    forbidden,
    remote,
    quota: remote.data?.quota,
    entries,
    total,
    hasMore,
    loadingMore,
    loadMore,
  };
}
