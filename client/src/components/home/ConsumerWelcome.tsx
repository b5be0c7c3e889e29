import { Text, View } from '@tarojs/components';
import { Coupon } from '@nutui/icons-react-taro';
import { WalletHome } from '@/components/wallet/WalletHome';
import './home.scss';

/** Consumers have no merchant tools yet: a friendly word on where coupons come from. */
export function ConsumerWelcome() {
  return (
    <>
      <View className="home-section consumer-welcome">
        <Coupon size={48} color="#07c160" />
        <Text className="consumer-welcome__title">领券，省钱，就这么简单</Text>
        <Text className="consumer-welcome__text">
          关注商家的小程序直播和优惠活动，领到的优惠券可在门店买单时直接抵扣。
        </Text>
      </View>
      {/* 我的卡包 and the campaigns delivering now (wallet feature). */}
      <WalletHome />
    </>
  );
}
