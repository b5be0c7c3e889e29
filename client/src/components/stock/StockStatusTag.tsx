import { Tag } from '@nutui/nutui-react-taro';
import { STOCK_STATUS_LABELS, type StockStatus } from '@shared/stock/schema';
import { TAG_TONES } from '@/lib/tagTones';
import { STATUS_TAG_TONES } from './stockText';

/** 未激活 / 运行中 / 已暂停 / 已终止 / 已过期 */
export function StockStatusTag({ status }: { status: StockStatus }) {
  const tone = TAG_TONES[STATUS_TAG_TONES[status]];
  return (
    <Tag className={`stock-status stock-status--${status.toLowerCase()}`} background={tone.background} color={tone.color} round>
      {STOCK_STATUS_LABELS[status]}
    </Tag>
  );
}
