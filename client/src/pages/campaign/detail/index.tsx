import { PageShell } from '@/components/PageShell';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { FormSection } from '@/components/form/Field';
import { StockRows } from '@/components/stock/StockRows';
import { CampaignActions } from '@/components/campaign/CampaignActions';
import { CampaignContent } from '@/components/campaign/CampaignContent';
import { CampaignHero } from '@/components/campaign/CampaignHero';
import { ExportPanel } from '@/components/campaign/ExportPanel';
import { HistoryList } from '@/components/campaign/HistoryList';
import { StatsNote } from '@/components/campaign/StatsNote';
import { StatsTotals } from '@/components/campaign/StatsTotals';
import { TrendChart } from '@/components/campaign/TrendChart';
import { campaignRows } from '@/components/campaign/campaignText';
import { useCampaignDetail } from '@/hooks/useCampaignDetail';

export default function CampaignDetailPage() {
  const vm = useCampaignDetail();
  const { remote, data } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="配额发券活动" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!data}>
        <InlineRetry error={data ? remote.error : undefined} onRetry={() => void remote.reload()} />
        {data ? (
          <>
            <CampaignHero campaign={data.campaign} quota={data.quota} />
            {vm.canManage ? <CampaignActions vm={vm} /> : null}
            <FormSection title="数据（T+1）">
              <StatsTotals totals={data.campaign.totals} />
              <TrendChart daily={data.daily} />
              <StatsNote updatedAt={data.statsUpdatedAt} note={data.statsNote} />
            </FormSection>
            <FormSection title="投放内容">
              <CampaignContent campaign={data.campaign} stocks={data.stocks} />
            </FormSection>
            <FormSection title="活动信息">
              <StockRows rows={campaignRows(data.campaign, vm.storeName)} />
            </FormSection>
            {vm.canManage ? (
              <FormSection title="导出核销明细">
                <ExportPanel vm={vm} />
              </FormSection>
            ) : null}
            <FormSection title="历史记录">
              <HistoryList entries={data.history} />
            </FormSection>
          </>
        ) : null}
      </LoadState>
    </PageShell>
  );
}
