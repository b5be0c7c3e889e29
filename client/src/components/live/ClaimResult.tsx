import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ClaimOutcome } from '@/hooks/useLiveWatch';
import './live.scss';

/** 领取成功 (with the coupon) or the refusal, in plain Chinese. */
export function ClaimResult({ outcome, onWallet, onDismiss }: { outcome: ClaimOutcome; onWallet: () => void; onDismiss: () => void }) {
  if (outcome.kind === 'claimed') {
    return (
      <View className="live-result live-result--claimed" aria-live="polite">
        <Text className="live-result__title">领取成功</Text>
        <Text className="live-result__text">{outcome.coupon.summary}「{outcome.coupon.name}」已放入卡包</Text>
        <View className="live-result__actions">
          <Button className="live-result__btn" fill="outline" type="primary" onClick={onWallet}>去卡包查看</Button>
          <Button className="live-result__btn" fill="none" onClick={onDismiss}>知道了</Button>
        </View>
      </View>
    );
  }
  return (
    <View className={`live-result live-result--refused live-result--${outcome.code.replace('LIVE.', '').toLowerCase()}`} aria-live="polite">
      <Text className="live-result__title">{outcome.title}</Text>
      <Text className="live-result__text">{outcome.text}</Text>
      <View className="live-result__actions">
        <Button className="live-result__btn" fill="none" onClick={onDismiss}>知道了</Button>
      </View>
    </View>
  );
}
