import { Text, View } from '@tarojs/components';
import { ArrowRight, Coupon as CouponIcon } from '@nutui/icons-react-taro';
import { useWalletHome } from '@/hooks/useWalletHome';
import { OfferCard } from './OfferCard';
import './wallet-home.scss';

/**
 * The consumer's part of home: 我的卡包, and the campaigns delivering right now to claim from.
 * A failed or empty campaign list just leaves that block out: the wallet is always there.
 */
export function WalletHome() {
  const vm = useWalletHome();
  return (
    <>
      <View className="wallet-entry" onClick={vm.openWallet}>
        <CouponIcon size={28} color="#07c160" />
        <View className="wallet-entry__text">
          <Text className="wallet-entry__title">我的卡包</Text>
          <Text className="wallet-entry__desc">已领取的优惠券、券码与有效期</Text>
        </View>
        <ArrowRight size={16} color="#b2b2b2" />
      </View>
      {vm.campaigns.length ? (
        <View className="wallet-discover">
          <Text className="wallet-discover__title">正在发券</Text>
          {vm.campaigns.map((c) => (
            <OfferCard key={c.campaignId} campaign={c} compact onOpen={() => vm.openCampaign(c)} />
          ))}
        </View>
      ) : null}
    </>
  );
}
