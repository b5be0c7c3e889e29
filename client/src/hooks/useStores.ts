import type { StoreInfo } from '@shared/account/schema';
import { call } from '@/services/cloud';
import { useActingMerchant } from './useActing';
import { useRemote } from './useRemote';

/**
 * Stores of the acting merchant, or of `?merchantId=` (an SP looking at a sub-merchant; the
 * server decides whether that is allowed). Store staff see their own stores marked.
 */
export function useStores() {
  const { session, acting, forbidden, merchantId, forOther } = useActingMerchant(['SP_ADMIN', 'MERCHANT_ADMIN', 'LIVE_HOST', 'STORE_STAFF']);
  const remote = useRemote(merchantId, () => call('account', 'stores', { merchantId: merchantId ?? '' }));
  const mine = new Set(acting?.role === 'STORE_STAFF' ? acting.storeIds : []);

  return {
    session,
    forbidden,
    remote,
    merchantName: acting && !forOther ? acting.merchantName : undefined,
    merchantId,
    stores: remote.data?.stores ?? [],
    isMine: (s: StoreInfo) => mine.has(s.storeId),
  };
}
