import { View } from '@tarojs/components';
import { STOCK_STATUS_LABELS, STOCK_STATUSES, type StockStatus } from '@shared/stock/schema';
import './stock.scss';

const TABS: ReadonlyArray<{ value: StockStatus | undefined; label: string }> = [
  { value: undefined, label: '全部' },
  ...STOCK_STATUSES.map((s) => ({ value: s, label: STOCK_STATUS_LABELS[s] })),
];

/** 全部 / 未激活 / 运行中 / 已暂停 / 已终止 / 已过期: six short tabs fit one row on a 375 px phone. */
export function StatusFilter({ value, onChange }: { value: StockStatus | undefined; onChange: (s: StockStatus | undefined) => void }) {
  return (
    <View className="stock-filter" role="tablist">
      {TABS.map((t) => (
        <View
          key={t.label}
          role="tab"
          aria-selected={t.value === value}
          className={`stock-filter__item ${t.value === value ? 'stock-filter__item--active' : ''}`}
          onClick={() => onChange(t.value)}
        >
          {t.label}
        </View>
      ))}
    </View>
  );
}
