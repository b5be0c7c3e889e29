import { Text, View } from '@tarojs/components';
import './stock.scss';

/** Label / value rows; values wrap instead of overflowing a narrow screen. */
export function StockRows({ rows }: { rows: ReadonlyArray<readonly [string, string]> }) {
  return (
    <View className="stock-rows">
      {rows.map(([k, v]) => (
        <View key={k} className="stock-rows__row">
          <Text className="stock-rows__key">{k}</Text>
          <Text className="stock-rows__value">{v}</Text>
        </View>
      ))}
    </View>
  );
}
