import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Success, Tips } from '@nutui/icons-react-taro';
import type { ClaimOutcome } from '@/hooks/useClaim';
import { CouponTicket } from './CouponTicket';
import './wallet.scss';

interface Props {
  outcome: ClaimOutcome;
  onWallet: () => void;
  onHome: () => void;
  onAgain: () => void;
}

/** After 领取: the coupons received with their validity, or the refusal in plain Chinese. */
export function ClaimResult({ outcome, onWallet, onHome, onAgain }: Props) {
  if (outcome.kind === 'claimed') {
    return (
      <View className="claim-result claim-result--ok">
        <View className="claim-result__head">
          <Success size={40} color="#07c160" />
          <Text className="claim-result__title">领取成功</Text>
          <Text className="claim-result__text">{outcome.coupons.length} 张券已放入卡包，到店买单时出示券码即可抵扣</Text>
        </View>
        {outcome.coupons.map((c) => (
          <CouponTicket key={c.couponCode} coupon={c} />
        ))}
        <Button className="claim-result__btn" block size="large" type="primary" onClick={onWallet}>
          去卡包查看
        </Button>
      </View>
    );
  }
  const { refusal, toWallet } = outcome;
  const transient = refusal.code === 'INTERNAL.CONFLICT';
  return (
    <View className={`claim-result claim-result--refused claim-result--${refusal.code.replace(/\W+/g, '_').toLowerCase()}`}>
      <View className="claim-result__head">
        <Tips size={40} color={toWallet ? '#07c160' : '#ff9500'} />
        <Text className="claim-result__title">{refusal.title}</Text>
        <Text className="claim-result__text">{refusal.message}</Text>
      </View>
      {toWallet ? (
        <Button className="claim-result__btn" block size="large" type="primary" onClick={onWallet}>
          去卡包
        </Button>
      ) : transient ? (
        <Button className="claim-result__btn" block size="large" type="primary" onClick={onAgain}>
          再试一次
        </Button>
      ) : (
        <Button className="claim-result__btn" block size="large" fill="outline" onClick={onHome}>
          看看其他活动
        </Button>
      )}
    </View>
  );
}

/** Opened again after claiming: nothing more to claim here, the coupons are in the wallet. */
export function AlreadyClaimed({ onWallet }: { onWallet: () => void }) {
  return (
    <View className="claim-result claim-result--claimed">
      <View className="claim-result__head">
        <Success size={40} color="#07c160" />
        <Text className="claim-result__title">你已领取过</Text>
        <Text className="claim-result__text">每张券每人限领一次，券已在你的卡包里</Text>
      </View>
      <Button className="claim-result__btn" block size="large" type="primary" onClick={onWallet}>
        去卡包
      </Button>
    </View>
  );
}
