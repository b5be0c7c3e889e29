import { Text, View } from '@tarojs/components';
import type { LiveConsole } from '@/services/realtime';
import { formatCount } from '@/lib/format';
import { formatDurationZh } from './liveText';
import './live.scss';

/** 数据面板 · 观看数据: 当前在线人数, 观看人数, 观看次数, 平均观看时长 — live, no reload. */
export function StatsPanel({ stats }: { stats: LiveConsole['stats'] }) {
  const cells: Array<[key: string, label: string, value: string]> = [
    ['online', '当前在线人数', formatCount(stats.online)],
    ['viewers', '观看人数', formatCount(stats.viewers)],
    ['views', '观看次数', formatCount(stats.views)],
    ['avg', '平均观看时长', formatDurationZh(stats.avgWatchSeconds)],
  ];
  return (
    <View className="live-panel live-stats">
      <View className="live-panel__title">数据面板</View>
      <View className="live-panel__subtitle">观看数据</View>
      <View className="live-stats__grid">
        {cells.map(([key, label, value]) => (
          <View key={key} className={`live-stats__cell live-stats__cell--${key}`}>
            <Text className="live-stats__label">{label}</Text>
            <Text className="live-stats__value">{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
