import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatCount } from '@/lib/format';
import { validityText, type PushedCoupon } from './liveText';
import './live.scss';

interface Props {
  coupon: PushedCoupon;
  secondsLeft: number;
  limitReached: boolean;
  soldOut: boolean;
  claiming: boolean;
  onClaim: () => void;
}

/** The coupon the host is pushing: what it is, the countdown, what is left, and one big 领取. */
export function PushedCouponCard({ coupon: c, secondsLeft, limitReached, soldOut, claiming, onClaim }: Props) {
  const done = soldOut ? '已领完' : limitReached ? '已达每人限领' : '';
  return (
    <View className="live-pushed" aria-live="polite">
      <View className="live-pushed__ticket">
        <View className="live-pushed__value">
          <Text className="live-pushed__summary">{c.summary}</Text>
          <Text className="live-pushed__name">{c.name}</Text>
          <Text className="live-pushed__validity">有效期 {validityText(c.availableBegin, c.availableEnd)}</Text>
        </View>
        <View className="live-pushed__timer">
          <Text className="live-pushed__seconds">{secondsLeft}s</Text>
          <Text className="live-pushed__timer-label">后结束</Text>
        </View>
      </View>
      <View className="live-pushed__meta">
        <Text>剩余 {formatCount(c.left)} 张</Text>
        <Text>每人限领 {c.perUserLimit} 张{c.myClaims ? ` · 已领 ${c.myClaims} 张` : ''}</Text>
      </View>
      {done ? (
        <View className="live-pushed__claim live-pushed__done">{done}</View>
      ) : (
        <Button className="live-pushed__claim" type="primary" size="xlarge" block loading={claiming} disabled={claiming} onClick={onClaim}>
          立即领取
        </Button>
      )}
    </View>
  );
}
