import { Text, View } from '@tarojs/components';
import type { Stock } from '@shared/stock/schema';
import { formatCount } from '@/lib/format';
import { StockStatusTag } from './StockStatusTag';
import { couponSummary, validityLong } from './stockText';
import './stock.scss';

/** One stock in the list: what it is, its 批次号, when it can be used, how many are left. */
export function StockCard({ stock, onOpen }: { stock: Stock; onOpen: (s: Stock) => void }) {
  return (
    <View className="stock-card" onClick={() => onOpen(stock)}>
      <View className="stock-card__head">
        <Text className="stock-card__name">{stock.name}</Text>
        <StockStatusTag status={stock.status} />
      </View>
      <Text className="stock-card__summary">{couponSummary(stock.faceValue, stock.minSpend)}</Text>
      <Text className="stock-card__meta">批次号 {stock.stockId}</Text>
      <Text className="stock-card__meta">{validityLong(stock)}</Text>
      <View className="stock-card__foot">
        <Text className="stock-card__remaining">
          剩余 {formatCount(stock.remaining)} / 共 {formatCount(stock.totalQuantity)} 张
        </Text>
        <Text className="stock-card__more">详情 ›</Text>
      </View>
    </View>
  );
}
