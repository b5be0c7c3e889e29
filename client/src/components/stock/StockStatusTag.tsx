import { Tag } from '@nutui/nutui-react-taro';
import { STOCK_STATUS_LABELS, type StockStatus } from '@shared/stock/schema';
import { STATUS_TAG_TYPES } from './stockText';

/** 未激活 / 运行中 / 已暂停 / 已终止 / 已过期 */
export function StockStatusTag({ status }: { status: StockStatus }) {
  return (
    <Tag className={`stock-status stock-status--${status.toLowerCase()}`} type={STATUS_TAG_TYPES[status]} round>
      {STOCK_STATUS_LABELS[status]}
    </Tag>
  );
}
