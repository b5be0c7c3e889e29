import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { TAG_TONES } from '@/lib/tagTones';
import type { MerchantWithQuota } from '@shared/account/schema';
import { formatCount, MERCHANT_KIND_LABELS } from '@/lib/format';
import './account.scss';

/** A merchant with its 商户号, brand group, kind and quota balance; `actions` on the right. */
export function MerchantCard({ merchant, actions, selected }: { merchant: MerchantWithQuota; actions?: ReactNode; selected?: boolean }) {
  const { quota } = merchant;
  return (
    <View className={`merchant-card ${selected ? 'merchant-card--selected' : ''}`}>
      <View className="merchant-card__main">
        <View className="merchant-card__title">
          <Text className="merchant-card__name">{merchant.name}</Text>
          <Tag
            round
            background={TAG_TONES[merchant.kind === 'SERVICE_PROVIDER' ? 'green' : 'grey'].background}
            color={TAG_TONES[merchant.kind === 'SERVICE_PROVIDER' ? 'green' : 'grey'].color}
          >
            {MERCHANT_KIND_LABELS[merchant.kind]}
          </Tag>
        </View>
        <Text className="merchant-card__meta">商户号 {merchant.merchantId}</Text>
        <Text className="merchant-card__meta">品牌组 {merchant.brandGroupName ?? '未加入品牌组'}</Text>
      </View>
      <View className="merchant-card__side">
        {quota.opened ? (
          <>
            <Text className="merchant-card__balance">{formatCount(quota.balance)}</Text>
            <Text className="merchant-card__unit">配额余额（张）</Text>
          </>
        ) : (
          <Text className="merchant-card__unopened">未开户</Text>
        )}
        {actions ? <View className="merchant-card__actions">{actions}</View> : null}
      </View>
    </View>
  );
}
