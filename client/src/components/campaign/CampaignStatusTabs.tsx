import { CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@shared/campaign/schema';
import { StatusTabs } from '../StatusTabs';

const LABELS = CAMPAIGN_STATUSES.map((s) => [s, CAMPAIGN_STATUS_LABELS[s]] as const);

/** 全部 / 未开始 / 投放中 / 已暂停 / 已结束 (M1). */
export function CampaignStatusTabs({ value, onChange }: { value: CampaignStatus | undefined; onChange: (s: CampaignStatus | undefined) => void }) {
  return <StatusTabs labels={LABELS} value={value} onChange={onChange} />;
}
