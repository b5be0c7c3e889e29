import { Text, View } from '@tarojs/components';
import { fenToYuanShort } from '@shared/money';
import './stock.scss';

interface Props {
  name: string;
  faceValue: number | undefined;
  minSpend: number | undefined;
  validity: string;
  ruleText: string;
}

/** 示例区: the coupon as a consumer will see it in WeChat, redrawn as the form changes. */
export function CouponPreview({ name, faceValue, minSpend, validity, ruleText }: Props) {
  return (
    <View className="coupon-preview" aria-label="示例区">
      <View className="coupon-preview__label">示例区 · 用户看到的券</View>
      <View className="coupon-preview__ticket">
        <View className="coupon-preview__value">
          <Text className="coupon-preview__amount">
            <Text className="coupon-preview__yen">¥</Text>
            {faceValue !== undefined ? fenToYuanShort(faceValue) : '--'}
          </Text>
          <Text className="coupon-preview__threshold">
            {minSpend !== undefined ? `满${fenToYuanShort(minSpend)}元可用` : '满-元可用'}
          </Text>
        </View>
        <View className="coupon-preview__info">
          <Text className={`coupon-preview__name ${name ? '' : 'coupon-preview__placeholder'}`}>{name || '券名称'}</Text>
          <Text className="coupon-preview__line">{validity}</Text>
          <Text className="coupon-preview__line">{ruleText}</Text>
        </View>
      </View>
    </View>
  );
}
