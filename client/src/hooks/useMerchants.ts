import type { MerchantWithQuota } from '@shared/account/schema';
import { call } from '@/services/cloud';
import { go } from '@/lib/routes';
import { useActing } from './useActing';
import { useQuotaChanged } from './useQuotaEvents';
import { useRemote } from './useRemote';

/** The SP's merchant list (A4) with quota balances, and the not-yet-opened ones. */
export function useMerchants() {
  const { session, acting, forbidden } = useActing(['SP_ADMIN']);
  const spId = acting?.merchantId ?? null;
  const remote = useRemote(spId, () => call('account', 'merchants', { merchantId: spId ?? '' }));
  const { reload } = remote;

  useQuotaChanged(() => void reload());

  return {
    session,
    acting,
    forbidden,
    remote,
    merchants: remote.data?.merchants ?? [],
    unopened: remote.data?.unopened ?? [],
    recharge: (m: MerchantWithQuota) => go('recharge', { merchantId: m.merchantId }),
    /** 【管理】: act for that merchant from now on (every merchant page), starting at its campaigns. */
    manage: (m: MerchantWithQuota) => {
      session.chooseTarget({ merchantId: m.merchantId, name: m.name });
      go('campaignList', { merchantId: m.merchantId });
    },
  };
}
