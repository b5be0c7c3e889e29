import { Text, View } from '@tarojs/components';
import { STATS_NOTE } from '@shared/campaign/schema';
import { formatTime } from '@/lib/format';
import './campaign.scss';

/** M2: when the T+1 figures were computed, and that they are not for reconciliation. */
export function StatsNote({ updatedAt, note }: { updatedAt: string | null; note?: string }) {
  return (
    <View className="campaign-stats-note">
      <Text className="campaign-stats-note__time">
        {updatedAt ? `数据更新于 ${formatTime(updatedAt)}` : '暂无统计数据：每天 12:00 更新前一天的数据（T+1）'}
      </Text>
      <Text className="campaign-stats-note__text">{note || STATS_NOTE}</Text>
    </View>
  );
}
