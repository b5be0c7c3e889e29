import { useEffect, useState } from 'react';
import type { CampaignStatus } from '@shared/campaign/schema';
import { call, toCloudError } from '@/services/cloud';
import { showError } from '@/components/feedback';
import { onQuotaChanged } from '@/lib/events';
import { go } from '@/lib/routes';
import { useActing } from './useActing';
import { useCampaignChanged } from './useCampaignEvents';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';

const PAGE_SIZE = 20;
const ADMINS = ['SP_ADMIN', 'MERCHANT_ADMIN'] as const;
export const CAMPAIGN_READERS = [...ADMINS, 'STORE_STAFF'] as const;

type Item = Awaited<ReturnType<typeof listPage>>['campaigns'][number];
const listPage = (merchantId: string, status: CampaignStatus | undefined, page: number) =>
  call('campaign', 'list', { merchantId, ...(status ? { status } : {}), page, pageSize: PAGE_SIZE });

/**
 * 活动列表 (M1, M2): the merchant's quota balance and its campaigns by status, each with its latest
 * T+1 figures. An SP comes from 商户列表 【管理】 with `?merchantId=`; store staff read only.
 */
export function useCampaignList() {
  const params = usePageParams();
  const { session, acting, forbidden } = useActing(CAMPAIGN_READERS);
  const merchantId = acting ? (params.merchantId ?? acting.merchantId) : null;
  const forOther = !!acting && !!merchantId && merchantId !== acting.merchantId;
  const [status, setStatus] = useState<CampaignStatus | undefined>();
  const key = merchantId ? `${merchantId}:${status ?? 'ALL'}` : null;
  const first = useRemote(key, () => listPage(merchantId ?? '', status, 1));
  const merchant = useRemote(forOther ? merchantId : null, () => call('account', 'merchant', { merchantId: merchantId ?? '' }));
  const [more, setMore] = useState<Item[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const { reload } = first;

  useEffect(() => {
    setMore([]);
    setPage(1);
  }, [first.data]);
  useCampaignChanged(() => void reload());
  useEffect(() => onQuotaChanged(() => void reload()), [reload]);

  const seen = new Set<string>();
  const campaigns = [...(first.data?.campaigns ?? []), ...more].filter((c) => (seen.has(c.campaignId) ? false : (seen.add(c.campaignId), true)));
  const total = first.data?.total ?? 0;
  const canManage = !!acting && (ADMINS as readonly string[]).includes(acting.role);
  const scope: Record<string, string> = forOther && merchantId ? { merchantId } : {};

  return {
    session,
    acting,
    forbidden,
    remote: first,
    merchantId,
    merchantName: forOther ? (merchant.data?.name ?? '') : (acting?.merchantName ?? ''),
    status,
    setStatus,
    campaigns,
    total,
    quota: first.data?.quota,
    statsUpdatedAt: first.data?.statsUpdatedAt ?? null,
    statsNote: first.data?.statsNote ?? '',
    hasMore: campaigns.length < total,
    loadingMore,
    canManage,
    loadMore: async () => {
      if (!merchantId || loadingMore) return;
      setLoadingMore(true);
      try {
        const next = await listPage(merchantId, status, page + 1);
        setMore((m) => [...m, ...next.campaigns]);
        setPage(page + 1);
      } catch (e) {
        showError(toCloudError(e));
      } finally {
        setLoadingMore(false);
      }
    },
    open: (c: Item) => go('campaignDetail', { merchantId: c.merchantId, campaignId: c.campaignId }),
    create: () => go('campaignCreate', scope),
  };
}

export type CampaignListVm = ReturnType<typeof useCampaignList>;
