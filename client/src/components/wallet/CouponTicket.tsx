import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { Coupon } from '@shared/wallet/schema';
import { timeRuleText } from '@/components/stock/stockText';
import { faceValueText, shortTime } from './walletText';
import './wallet.scss';

interface Props {
  coupon: Coupon;
  /** Status mark in the corner (可使用 / 已使用 / 已过期), when the list mixes them. */
  tag?: ReactNode;
  children?: ReactNode;
}

/**
 * One coupon as a ticket: the face value and threshold on the left; name, 满X元减Y元, the real
 * validity window (Shanghai time) and the time rule on the right; why it cannot be used right now
 * when that is the case. `children` go under a perforation (the 券码 in the wallet).
 */
export function CouponTicket({ coupon, tag, children }: Props) {
  const c = coupon;
  const muted = c.status !== 'AVAILABLE';
  return (
    <View className={`coupon-ticket ${muted ? 'coupon-ticket--muted' : ''}`}>
      <View className="coupon-ticket__main">
        <View className="coupon-ticket__value">
          <Text className="coupon-ticket__amount">
            <Text className="coupon-ticket__yen">¥</Text>
            {faceValueText(c.faceValue)}
          </Text>
          <Text className="coupon-ticket__summary">{c.summary}</Text>
        </View>
        <View className="coupon-ticket__info">
          <View className="coupon-ticket__name-row">
            <Text className="coupon-ticket__name">{c.name}</Text>
            {tag}
          </View>
          {/* Two lines: a whole window does not fit beside the face value on a 375-px phone. */}
          <Text className="coupon-ticket__line">有效期 {shortTime(c.validFrom)}</Text>
          <Text className="coupon-ticket__line coupon-ticket__line--until">至 {shortTime(c.validUntil)}</Text>
          <Text className="coupon-ticket__line">{timeRuleText(c.timeRule, c.effectiveAfterClaimDays)}</Text>
          {c.usedAt ? <Text className="coupon-ticket__line">已于 {shortTime(c.usedAt)} 使用</Text> : null}
        </View>
      </View>
      {c.unusableReason ? <Text className="coupon-ticket__reason">{c.unusableReason}</Text> : null}
      {children ? <View className="coupon-ticket__foot">{children}</View> : null}
    </View>
  );
}
