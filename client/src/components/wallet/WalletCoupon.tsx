import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Coupon } from '@shared/wallet/schema';
import { CouponTicket } from './CouponTicket';
import { couponCodeText } from './walletText';
import './wallet.scss';

/**
 * A coupon in 我的卡包: the ticket, and under it the 12-digit 券码 large enough to read out or
 * show at the till, with 复制. Used and expired coupons keep their code, small and grey.
 */
export function WalletCoupon({ coupon, onCopy }: { coupon: Coupon; onCopy: (code: string) => void }) {
  const usable = coupon.status === 'AVAILABLE';
  return (
    <View className="wallet-coupon" data-code={coupon.couponCode}>
      <CouponTicket coupon={coupon} tag={usable ? null : <Text className={`coupon-status coupon-status--${coupon.status.toLowerCase()}`}>{coupon.statusLabel}</Text>}>
        <View className={`wallet-code ${usable ? '' : 'wallet-code--muted'}`}>
          <View className="wallet-code__body">
            <Text className="wallet-code__label">券码</Text>
            <Text className="wallet-code__value" userSelect>
              {couponCodeText(coupon.couponCode)}
            </Text>
          </View>
          {usable ? (
            <Button className="wallet-code__copy" size="small" fill="outline" type="primary" onClick={() => onCopy(coupon.couponCode)}>
              复制
            </Button>
          ) : null}
        </View>
        {usable ? <Text className="wallet-code__hint">买单时向店员出示券码，由店员核销</Text> : null}
      </CouponTicket>
    </View>
  );
}
