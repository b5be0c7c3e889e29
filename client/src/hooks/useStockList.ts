import { useState } from 'react';
import type { Stock, StockStatus } from '@shared/stock/schema';
import { call } from '@/services/cloud';
import { go } from '@/lib/routes';
import { ADMINS, useActingMerchant } from './useActing';
import { usePagedList } from './usePagedList';
import { useStockChanged } from './useStockEvents';

const PAGE_SIZE = 20;

/** 代金券列表: the acting merchant's stocks by status, newest first, a page at a time. */
export function useStockList() {
  const { session, acting, forbidden, merchantId, scope, canManage } = useActingMerchant([...ADMINS, 'LIVE_HOST']);
  const [status, setStatus] = useState<StockStatus | undefined>();
  const key = merchantId ? `${merchantId}:${status ?? 'ALL'}` : null;
  const { remote, items: stocks, total, hasMore, loadingMore, loadMore } = usePagedList(
    key,
    (page) => call('stock', 'list', { merchantId: merchantId ?? '', ...(status ? { status } : {}), page, pageSize: PAGE_SIZE }),
    (p) => p.stocks,
    (s) => s.stockId,
  );

  useStockChanged(() => void remote.reload());

  return {
    session,
    acting,
    forbidden,
    remote,
    status,
    setStatus,
    stocks,
    total,
    hasMore,
    loadingMore,
    canManage,
    loadMore,
    open: (s: Stock) => go('stockDetail', { merchantId: s.merchantId, stockId: s.stockId }),
    create: () => go('stockCreate', scope),
  };
}
