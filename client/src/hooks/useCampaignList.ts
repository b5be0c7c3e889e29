import { useState } from 'react';
import type { CampaignStatus } from '@shared/campaign/schema';
import { call } from '@/services/cloud';
import { go } from '@/lib/routes';
import { ADMINS, useActingMerchant } from './useActing';
import { useCampaignChanged } from './useCampaignEvents';
import { usePagedList } from './usePagedList';
import { useQuotaChanged } from './useQuotaEvents';
import { useRemote } from './useRemote';

const PAGE_SIZE = 20;
export const CAMPAIGN_READERS = [...ADMINS, 'STORE_STAFF'] as const;

const listPage = (merchantId: string, status: CampaignStatus | undefined, page: number) =>
  call('campaign', 'list', { merchantId, ...(status ? { status } : {}), page, pageSize: PAGE_SIZE });

/**
 * 活动列表 (M1, M2): the merchant's quota balance and its campaigns by status, each with its latest
 * T+1 figures. An SP comes from 商户列表 【管理】 with `?merchantId=`; store staff read only.
 */
export function useCampaignList() {
  const { session, acting, forbidden, merchantId, forOther, scope, canManage } = useActingMerchant(CAMPAIGN_READERS);
  const [status, setStatus] = useState<CampaignStatus | undefined>();
  const key = merchantId ? `${merchantId}:${status ?? 'ALL'}` : null;
  const { remote, items: campaigns, total, hasMore, loadingMore, loadMore } = usePagedList(
    key,
    (page) => listPage(merchantId ?? '', status, page),
    (p) => p.campaigns,
    (c) => c.campaignId,
  );
  const merchant = useRemote(forOther ? merchantId : null, () => call('account', 'merchant', { merchantId: merchantId ?? '' }));
  const { reload } = remote;

  useCampaignChanged(() => void reload());
  useQuotaChanged(() => void reload());


  return {
    session,
    acting,
    forbidden,
    remote,
    merchantId,
    merchantName: forOther ? (merchant.data?.name ?? '') : (acting?.merchantName ?? ''),
    status,
    setStatus,
    campaigns,
    total,
    quota: remote.data?.quota,
    statsUpdatedAt: remote.data?.statsUpdatedAt ?? null,
    statsNote: remote.data?.statsNote ?? '',
    hasMore,
    loadingMore,
    canManage,
    loadMore,
    open: (c: (typeof campaigns)[number]) => go('campaignDetail', { merchantId: c.merchantId, campaignId: c.campaignId }),
    create: () => go('campaignCreate', scope),
  };
}

export type CampaignListVm = ReturnType<typeof useCampaignList>;
