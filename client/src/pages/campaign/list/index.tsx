import { Button } from '@nutui/nutui-react-taro';
import { CAMPAIGN_STATUS_LABELS } from '@shared/campaign/schema';
import { PageShell } from '@/components/PageShell';
import { BottomBar } from '@/components/BottomBar';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { PagedList } from '@/components/PagedList';
import { Forbidden } from '@/components/account/Forbidden';
import { CampaignCard } from '@/components/campaign/CampaignCard';
import { QuotaHeader } from '@/components/campaign/QuotaHeader';
import { StatsNote } from '@/components/campaign/StatsNote';
import { CampaignStatusTabs } from '@/components/campaign/CampaignStatusTabs';
import { useCampaignList } from '@/hooks/useCampaignList';

export default function CampaignListPage() {
  const vm = useCampaignList();
  const { remote } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="配额发券" /></PageShell>;
  const what = vm.status ? `${CAMPAIGN_STATUS_LABELS[vm.status]}的` : '';
  return (
    <PageShell withBar={vm.canManage}>
      <CampaignStatusTabs value={vm.status} onChange={vm.setStatus} />
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data && !remote.loading}>
        <InlineRetry error={remote.data ? remote.error : undefined} onRetry={() => void remote.reload()} />
        <QuotaHeader merchantName={vm.merchantName} merchantId={vm.merchantId ?? ''} quota={vm.quota} />
        <StatsNote updatedAt={vm.statsUpdatedAt} note={vm.statsNote} />
        <PagedList
          items={vm.campaigns}
          count={`共 ${vm.total} 个${what}活动`}
          render={(c) => <CampaignCard key={c.campaignId} campaign={c} onOpen={vm.open} />}
          paging={vm}
          empty={
            vm.status ? (
              <EmptyState size="small" title={`没有「${CAMPAIGN_STATUS_LABELS[vm.status]}」的活动`} description="切换到「全部」查看其他活动" />
            ) : (
              // 新建活动 is the bar's button below: one way in, not two.
              <EmptyState
                title="暂无配额发券活动"
                description={vm.canManage ? '选好代金券，设置展示和人群，即可开始用配额发券' : '商户管理员创建活动后，会显示在这里'}
              />
            )
          }
        />
      </LoadState>
      {vm.canManage ? (
        <BottomBar>
          <Button className="campaign-create-btn" block size="large" type="primary" onClick={vm.create}>
            新建活动
          </Button>
        </BottomBar>
      ) : null}
    </PageShell>
  );
}
