import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Stock } from '@shared/stock/schema';
import { formatCount, formatYuan } from '@/lib/format';
import { StockStatusTag } from './StockStatusTag';
import { couponSummary } from './stockText';
import './stock.scss';

/** The top of the detail page: name, status, 满X减Y, 批次号 with 复制, and the counts. */
export function StockHero({ stock, onCopy }: { stock: Stock; onCopy: () => void }) {
  const counts: Array<[string, string]> = [
    ['剩余', `${formatCount(stock.remaining)} 张`],
    ['已发放', `${formatCount(stock.issued)} 张`],
    ['已核销', `${formatCount(stock.used)} 张`],
    ['预算', `${formatYuan(stock.budget)} 元`],
  ];
  return (
    <View className="stock-hero">
      <View className="stock-hero__head">
        <Text className="stock-hero__name">{stock.name}</Text>
        <StockStatusTag status={stock.status} />
      </View>
      <Text className="stock-hero__summary">{couponSummary(stock.faceValue, stock.minSpend)}</Text>
      <View className="stock-hero__id">
        <Text className="stock-hero__id-text" userSelect>
          批次号 <Text className="stock-hero__stock-id">{stock.stockId}</Text>
        </Text>
        <Button className="stock-hero__copy" size="small" fill="outline" type="primary" onClick={onCopy}>
          复制批次号
        </Button>
      </View>
      <View className="stock-counts">
        {counts.map(([label, value]) => (
          <View key={label} className={`stock-counts__item stock-counts__item--${label}`}>
            <Text className="stock-counts__value">{value}</Text>
            <Text className="stock-counts__label">{label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
