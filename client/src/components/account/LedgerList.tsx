import { Text, View } from '@tarojs/components';
import type { LedgerEntry } from '@shared/account/schema';
import { formatCount, formatDelta, formatTime } from '@/lib/format';
import { EmptyState } from '@/components/EmptyState';
import './account.scss';

const REASON_LABELS: Record<LedgerEntry['reason'], string> = { RECHARGE: '配额充值', ISSUE: '发券扣减' };

/** Quota ledger entries: what moved, when, and the balance after. */
export function LedgerList({ entries }: { entries: readonly LedgerEntry[] }) {
  if (!entries.length) return <EmptyState size="small" title="暂无流水" description="充值或发券后会在这里看到记录" />;
  return (
    <View className="ledger">
      {entries.map((e) => (
        <View key={e.entryId} className="ledger__row">
          <View className="ledger__left">
            <Text className="ledger__reason">{REASON_LABELS[e.reason]}</Text>
            <Text className="ledger__time">{formatTime(e.at)}</Text>
          </View>
          <View className="ledger__right">
            <Text className={`ledger__delta ${e.delta > 0 ? 'ledger__delta--in' : 'ledger__delta--out'}`}>{formatDelta(e.delta)}</Text>
            <Text className="ledger__after">余额 {formatCount(e.balanceAfter)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
