import { View } from '@tarojs/components';
import { COUPON_STATUSES, COUPON_STATUS_LABELS, type CouponStatus } from '@shared/wallet/schema';
import './wallet.scss';

/** 可使用 / 已使用 / 已过期 */
export function CouponTabs({ value, onChange }: { value: CouponStatus; onChange: (s: CouponStatus) => void }) {
  return (
    <View className="coupon-tabs" role="tablist">
      {COUPON_STATUSES.map((s) => (
        <View
          key={s}
          role="tab"
          aria-selected={s === value}
          className={`coupon-tabs__item coupon-tabs__item--${s.toLowerCase()} ${s === value ? 'coupon-tabs__item--active' : ''}`}
          onClick={() => onChange(s)}
        >
          {COUPON_STATUS_LABELS[s]}
        </View>
      ))}
    </View>
  );
}
