import { useEffect, useState } from 'react';
import type { Stock, StockStatus } from '@shared/stock/schema';
import { call, toCloudError } from '@/services/cloud';
import { showError } from '@/components/feedback';
import { go } from '@/lib/routes';
import { useActing } from './useActing';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';
import { useStockChanged } from './useStockEvents';

const PAGE_SIZE = 20;
const ADMINS = ['SP_ADMIN', 'MERCHANT_ADMIN'] as const;

/** 代金券列表: the acting merchant's stocks by status, newest first, a page at a time. */
export function useStockList() {
  const params = usePageParams();
  const { session, acting, forbidden } = useActing([...ADMINS, 'LIVE_HOST']);
  const merchantId = acting ? (params.merchantId ?? acting.merchantId) : null;
  const [status, setStatus] = useState<StockStatus | undefined>();
  const key = merchantId ? `${merchantId}:${status ?? 'ALL'}` : null;
  const first = useRemote(key, () => call('stock', 'list', { merchantId: merchantId ?? '', ...(status ? { status } : {}), page: 1, pageSize: PAGE_SIZE }));
  const [more, setMore] = useState<Stock[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const { reload } = first;

  // A new first page invalidates whatever was appended to the old one.
  useEffect(() => {
    setMore([]);
    setPage(1);
  }, [first.data]);

  useStockChanged(() => void reload());

  const seen = new Set<string>();
  const stocks = [...(first.data?.stocks ?? []), ...more].filter((s) => (seen.has(s.stockId) ? false : (seen.add(s.stockId), true)));
  const total = first.data?.total ?? 0;
  const canManage = !!acting && (ADMINS as readonly string[]).includes(acting.role);

  return {
    session,
    acting,
    forbidden,
    remote: first,
    status,
    setStatus,
    stocks,
    total,
    hasMore: stocks.length < total,
    loadingMore,
    canManage,
    loadMore: async () => {
      if (!merchantId || loadingMore) return;
      setLoadingMore(true);
      try {
        const next = await call('stock', 'list', { merchantId, ...(status ? { status } : {}), page: page + 1, pageSize: PAGE_SIZE });
        setMore((m) => [...m, ...next.stocks]);
        setPage(page + 1);
      } catch (e) {
        showError(toCloudError(e));
      } finally {
        setLoadingMore(false);
      }
    },
    open: (s: Stock) => go('stockDetail', { merchantId: s.merchantId, stockId: s.stockId }),
    create: () => go('stockCreate', merchantId && merchantId !== acting?.merchantId ? { merchantId } : {}),
  };
}
