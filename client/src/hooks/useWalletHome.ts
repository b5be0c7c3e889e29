import { call } from '@/services/cloud';
import { go } from '@/lib/routes';
import { useRemote } from './useRemote';
import { useWalletChanged } from './useWalletEvents';
import type { PublicCampaign } from './useClaim';

/**
 * The consumer's home: 我的卡包, and the campaigns delivering right now (`campaign.discover`) to
 * claim from. A claim elsewhere refreshes the list (its 已领取 marks).
 */
export function useWalletHome() {
  const discover = useRemote('discover', () => call('campaign', 'discover', { page: 1, pageSize: 10 }));
  const { reload } = discover;
  useWalletChanged(() => void reload());
  return {
    discover,
    campaigns: discover.data?.campaigns ?? [],
    openWallet: () => go('walletList'),
    openCampaign: (c: PublicCampaign) => go('walletClaim', { campaignId: c.campaignId }),
  };
}
