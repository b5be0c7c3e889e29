import { Text, View } from '@tarojs/components';
import type { StockSummary } from '@shared/campaign/schema';
import { stockSummaryText, stockWindowText } from './campaignText';
import './campaign.scss';

/** A chosen coupon: name, 满X减Y, 批次号, remaining and its window. */
export function StockLine({ stock, stockId }: { stock: StockSummary | undefined; stockId: string }) {
  return (
    <View className="campaign-stock">
      <View className="campaign-stock__head">
        <Text className="campaign-stock__name">{stock?.name ?? `批次 ${stockId}`}</Text>
        {stock ? <Text className="campaign-stock__summary">{stockSummaryText(stock)}</Text> : null}
      </View>
      <Text className="campaign-stock__meta">批次号 {stockId}{stock ? ` · 剩余 ${stock.remaining} 张` : ''}</Text>
      {stock ? <Text className="campaign-stock__meta">{stockWindowText(stock)}</Text> : null}
    </View>
  );
}

