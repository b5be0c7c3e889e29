import { Text, View } from '@tarojs/components';
import { formatCount } from '@/lib/format';
import './campaign.scss';

/** The quota balance on top of the list (M1): how many coupons may still be issued. */
export function QuotaHeader({ merchantName, merchantId, quota }: { merchantName: string; merchantId: string; quota: { opened: boolean; balance: number } | undefined }) {
  return (
    <View className="campaign-quota">
      <View className="campaign-quota__who">
        <Text className="campaign-quota__name">{merchantName || '商户'}</Text>
        <Text className="campaign-quota__id">商户号 {merchantId}</Text>
      </View>
      <View className="campaign-quota__balance">
        {quota ? (
          quota.opened ? (
            <>
              <Text className="campaign-quota__value">{formatCount(quota.balance)}</Text>
              <Text className="campaign-quota__unit">配额余额（张）</Text>
            </>
          ) : (
            <Text className="campaign-quota__unopened">配额未开户</Text>
          )
        ) : (
          <Text className="campaign-quota__unit">—</Text>
        )}
      </View>
    </View>
  );
}
