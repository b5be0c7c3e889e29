import { Text, View } from '@tarojs/components';
import { formatCount, formatTime } from '@/lib/format';
import './account.scss';

/** The quota account at a glance (A2, A3). */
export function QuotaSummary({ merchantName, quota }: { merchantName: string; quota: { opened: boolean; balance: number; openedAt: string | null } }) {
  return (
    <View className="quota-summary">
      <Text className="quota-summary__merchant">{merchantName}</Text>
      <Text className="quota-summary__label">配额余额（张）</Text>
      <Text className="quota-summary__balance">{quota.opened ? formatCount(quota.balance) : '—'}</Text>
      <Text className="quota-summary__meta">
        {quota.opened && quota.openedAt ? `开户于 ${formatTime(quota.openedAt)}` : '配额账户未开通：服务商首次充值时自动开户'}
      </Text>
    </View>
  );
}
