import { Text, View } from '@tarojs/components';
import { formatCount, formatYuan } from '@/lib/format';
import './campaign.scss';

interface Totals {
  claims: number;
  redemptions: number;
  redeemedAmount: number;
  orderAmount: number;
}

/** Campaign totals so far (T+1): 领取, 核销, 核销金额, 核销率. */
export function StatsTotals({ totals }: { totals: Totals }) {
  const rate = totals.claims ? `${(Math.round((totals.redemptions / totals.claims) * 1000) / 10).toFixed(1)}%` : '—';
  const items: Array<[string, string]> = [
    ['累计领取（张）', formatCount(totals.claims)],
    ['累计核销（张）', formatCount(totals.redemptions)],
    ['核销金额（元）', formatYuan(totals.redeemedAmount)],
    ['核销率', rate],
    ['核销订单金额（元）', formatYuan(totals.orderAmount)],
  ];
  return (
    <View className="stock-counts campaign-totals">
      {items.map(([k, v]) => (
        <View key={k} className="stock-counts__item">
          <Text className="stock-counts__value">{v}</Text>
          <Text className="stock-counts__label">{k}</Text>
        </View>
      ))}
    </View>
  );
}
