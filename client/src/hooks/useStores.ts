import type { StoreInfo } from '@shared/account/schema';
import { call } from '@/services/cloud';
import { useActing } from './useActing';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';

/**
 * Stores of the acting merchant, or of `?merchantId=` (an SP looking at a sub-merchant; the
 * server decides whether that is allowed). Store staff see their own stores marked.
 */
export function useStores() {
  const params = usePageParams();
  const { session, acting, forbidden } = useActing(['SP_ADMIN', 'MERCHANT_ADMIN', 'LIVE_HOST', 'STORE_STAFF']);
  const merchantId = acting ? (params.merchantId ?? acting.merchantId) : null;
  const remote = useRemote(merchantId, () => call('account', 'stores', { merchantId: merchantId ?? '' }));
  const mine = new Set(acting?.role === 'STORE_STAFF' ? acting.storeIds : []);

  return {
    session,
    forbidden,
    remote,
    merchantName: merchantId === acting?.merchantId ? acting.merchantName : undefined,
    merchantId,
    stores: remote.data?.stores ?? [],
    isMine: (s: StoreInfo) => mine.has(s.storeId),
  };
}
