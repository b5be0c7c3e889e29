import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { LiveConsoleVm } from '@/hooks/useLiveConsole';
import { RoomCouponCard } from './RoomCouponCard';
import { PUSH_CHOICES, pushChoiceLabel } from './liveText';
import './live.scss';

/** 推送控制 (coupons only, L4): 添加优惠券, 已上架优惠券数量 n / 3, the push length, one card per coupon. */
export function PushPanel({ vm }: { vm: LiveConsoleVm }) {
  const room = vm.state?.room;
  if (!room) return null;
  const ended = room.state === 'ENDED';
  const pushBlocked = room.state !== 'LIVE'
    ? `直播中才能推送（当前${room.stateLabel}）`
    : vm.pushing
      ? `正在推送 ${vm.pushing.summary}，结束后才能推送下一张`
      : undefined;
  const shelfFull = vm.onShelfCount >= vm.maxOnShelf;
  return (
    <View className="live-panel live-push">
      <View className="live-panel__title">推送控制</View>
      {ended ? (
        // An ended room's shelf stays as it was (the server refuses changes): nothing to tap.
        <Text className="live-push__ended">直播已结束，优惠券不能再添加、上架或推送</Text>
      ) : (
        <>
          <View className="live-push__bar">
            <Button className="live-push__add" type="primary" size="large" onClick={vm.openAdd}>
              + 添加优惠券
            </Button>
            <Text className="live-push__count">
              已上架优惠券数量 <Text className={`live-push__count-n ${shelfFull ? 'live-push__count-n--full' : ''}`}>{vm.onShelfCount} / {vm.maxOnShelf}</Text>
            </Text>
          </View>
          <View className="live-push__durations">
            <Text className="live-push__durations-label">推送时长</Text>
            {PUSH_CHOICES.map((s) => (
              <View
                key={s}
                className={`live-push__duration ${vm.pushSeconds === s ? 'live-push__duration--active' : ''}`}
                role="radio"
                aria-checked={vm.pushSeconds === s}
                onClick={() => vm.setPushSeconds(s)}
              >
                {pushChoiceLabel(s)}
              </View>
            ))}
          </View>
        </>
      )}
      {vm.coupons.length ? (
        vm.coupons.map(({ coupon, phase, label }) => (
          <RoomCouponCard
            key={coupon.stockId}
            coupon={coupon}
            phase={phase}
            label={label}
            pushBlocked={phase === 'PUSHING' ? '推送中' : pushBlocked}
            shelfFull={shelfFull}
            ended={ended}
            busy={vm.busy}
            onShelve={vm.shelve}
            onPush={vm.push}
          />
        ))
      ) : ended ? null : (
        <View className="live-push__empty">
          <Text>还没有优惠券。添加已激活、已授权给本直播间小程序的全场券批次，上架后即可在直播中推送。</Text>
        </View>
      )}
    </View>
  );
}
