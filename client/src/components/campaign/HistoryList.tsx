import { Text, View } from '@tarojs/components';
import type { HistoryEntry } from '@shared/campaign/schema';
import { formatTime } from '@/lib/format';
import { OPERATION_LABELS, historyDetail } from './campaignText';
import './campaign.scss';

/** M5: every change to the campaign, newest first. */
export function HistoryList({ entries }: { entries: readonly HistoryEntry[] }) {
  if (!entries.length) return <Text className="campaign-history__empty">暂无记录</Text>;
  return (
    <View className="campaign-history">
      {entries.map((e, i) => (
        <View key={`${e.at}-${i}`} className="campaign-history__item">
          <View className="campaign-history__dot" />
          <View className="campaign-history__text">
            <View className="campaign-history__head">
              <Text className="campaign-history__op">{OPERATION_LABELS[e.operation] ?? e.operation}</Text>
              <Text className="campaign-history__at">{formatTime(e.at)}</Text>
            </View>
            <Text className="campaign-history__detail">{historyDetail(e.operation, e.detail)}</Text>
            <Text className="campaign-history__actor">操作人 {e.actorName}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
