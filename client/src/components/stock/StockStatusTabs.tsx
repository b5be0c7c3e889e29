import { STOCK_STATUS_LABELS, STOCK_STATUSES, type StockStatus } from '@shared/stock/schema';
import { StatusTabs } from '../StatusTabs';

const LABELS = STOCK_STATUSES.map((s) => [s, STOCK_STATUS_LABELS[s]] as const);

/** 全部 / 未激活 / 运行中 / 已暂停 / 已终止 / 已过期. */
export function StockStatusTabs({ value, onChange }: { value: StockStatus | undefined; onChange: (s: StockStatus | undefined) => void }) {
  return <StatusTabs labels={LABELS} value={value} onChange={onChange} />;
}
