import { Image, Text, View } from '@tarojs/components';
import { Coupon as CouponIcon } from '@nutui/icons-react-taro';
import type { PublicCampaign } from '@/hooks/useClaim';
import { shortTime } from './walletText';
import './wallet-home.scss';

interface Props {
  campaign: PublicCampaign;
  /** The feed variant (home list): compact, with a 领取 / 已领取 mark; the claim page shows it large. */
  compact?: boolean;
  onOpen?: () => void;
}

/**
 * 入口预览 (C2): the card a consumer sees in the feed — logo, 品牌名 in front of the title, the
 * subtitle, and what the coupon(s) give.
 */
export function OfferCard({ campaign, compact, onOpen }: Props) {
  const c = campaign;
  return (
    <View className={`offer-card ${compact ? 'offer-card--compact' : ''}`} onClick={onOpen}>
      <View className="offer-card__head">
        <Image className="offer-card__logo" src={c.logoUrl} mode="aspectFill" />
        <View className="offer-card__text">
          <Text className="offer-card__title">
            <Text className="offer-card__brand">{c.brandName}</Text> {c.title}
          </Text>
          <Text className="offer-card__subtitle">{c.subtitle}</Text>
        </View>
        {compact ? (
          <Text className={`offer-card__mark ${c.claimed ? 'offer-card__mark--done' : ''}`}>{c.claimed ? '已领取' : '领取'}</Text>
        ) : null}
      </View>
      <View className="offer-card__coupons">
        {c.coupons.map((k, i) => (
          <View key={`${k.name}-${i}`} className="offer-card__coupon">
            {k.smallImageUrl && !compact ? <Image className="offer-card__thumb" src={k.smallImageUrl} mode="aspectFill" /> : null}
            <Text className="offer-card__summary">{k.summary}</Text>
            {compact ? null : (
              <Text className="offer-card__name">
                {k.name}
                {k.availableEnd ? ` · 券有效期至 ${shortTime(k.availableEnd)}` : ''}
              </Text>
            )}
          </View>
        ))}
        {c.kind === 'PACK' ? <Text className="offer-card__pack">礼包 · {c.coupons.length} 张券一起领</Text> : null}
      </View>
    </View>
  );
}

/** When the campaign itself cannot be read: the claim still works, the card says less. */
export function GenericOfferCard() {
  return (
    <View className="offer-card">
      <View className="offer-card__head">
        <View className="offer-card__logo offer-card__logo--generic">
          <CouponIcon size={28} color="#07c160" />
        </View>
        <View className="offer-card__text">
          <Text className="offer-card__title">商家优惠券</Text>
          <Text className="offer-card__subtitle">领取后放入卡包，到店买单时出示券码抵扣</Text>
        </View>
      </View>
    </View>
  );
}
