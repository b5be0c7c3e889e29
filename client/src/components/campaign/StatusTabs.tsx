import { View } from '@tarojs/components';
import { CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, type CampaignStatus } from '@shared/campaign/schema';
import '@/components/stock/stock.scss';

const TABS: ReadonlyArray<{ value: CampaignStatus | undefined; label: string }> = [
  { value: undefined, label: '全部' },
  ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: CAMPAIGN_STATUS_LABELS[s] })),
];

/** 全部 / 未开始 / 投放中 / 已暂停 / 已结束 (M1). */
export function StatusTabs({ value, onChange }: { value: CampaignStatus | undefined; onChange: (s: CampaignStatus | undefined) => void }) {
  return (
    <View className="stock-filter campaign-tabs" role="tablist">
      {TABS.map((t) => (
        <View
          key={t.label}
          role="tab"
          aria-selected={t.value === value}
          className={`stock-filter__item campaign-tabs__item ${t.value === value ? 'stock-filter__item--active' : ''}`}
          onClick={() => onChange(t.value)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
