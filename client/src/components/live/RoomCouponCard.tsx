import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { formatCount } from '@/lib/format';
import { validityText, type CouponPhase, type RoomCoupon } from './liveText';
import './live.scss';

interface Props {
  coupon: RoomCoupon;
  phase: CouponPhase;
  label: string;
  /** Why 推送 is not possible now (not live, another push running), or undefined. */
  pushBlocked: string | undefined;
  shelfFull: boolean;
  /** The room has ended: the card is a record, with no actions. */
  ended: boolean;
  busy: string | undefined;
  onShelve: (c: RoomCoupon, onShelf: boolean) => void;
  onPush: (c: RoomCoupon) => void;
}

/** One coupon of the room: its name and offer, 状态, 已领取, the room's and the stock's counts, 操作. */
export function RoomCouponCard({ coupon: c, phase, label, pushBlocked, shelfFull, ended, busy, onShelve, onPush }: Props) {
  const mine = (k: string) => busy === `${k}:${c.stockId}`;
  return (
    <View className={`live-coupon live-coupon--${phase.toLowerCase()}`} data-stock-id={c.stockId}>
      <View className="live-coupon__main">
        <View className="live-coupon__summary">
          <Text className="live-coupon__title">{c.name}</Text>
          <Text className="live-coupon__offer">{c.summary}</Text>
          <Text className="live-coupon__line">有效期：{validityText(c.availableBegin, c.availableEnd)}</Text>
          <Text className="live-coupon__line live-coupon__muted">批次号 {c.stockId}</Text>
        </View>
        <View className="live-coupon__side">
          <Text className={`live-coupon__status live-coupon__status--${phase.toLowerCase()}`}>{label}</Text>
          <Text className="live-coupon__claimed-label">已领取</Text>
          <Text className="live-coupon__claimed">{formatCount(c.claimed)}</Text>
        </View>
      </View>
      {/* The room's own quantity and the stock's remaining are different counts: each says which it is. */}
      <Text className="live-coupon__counts">
        本场投放 {formatCount(c.quantity)} 张 · 已领 {formatCount(c.claimed)} 张 · 批次剩余 {formatCount(c.stockRemaining)} 张
      </Text>
      {ended ? null : (
        <View className="live-coupon__actions">
          {phase === 'OFF_SHELF' ? (
            <Button className="live-coupon__btn live-coupon__shelve" type="primary" fill="outline" disabled={!!busy || shelfFull} loading={mine('shelve')} onClick={() => onShelve(c, true)}>
              {shelfFull ? '上架（已满 3 / 3）' : '上架'}
            </Button>
          ) : (
            <>
              <Button className="live-coupon__btn live-coupon__unshelve" fill="outline" disabled={!!busy || phase === 'PUSHING'} loading={mine('shelve')} onClick={() => onShelve(c, false)}>
                取消上架
              </Button>
              <Button className="live-coupon__btn live-coupon__push" type="primary" disabled={!!busy || !!pushBlocked} loading={mine('push')} onClick={() => onPush(c)}>
                {phase === 'PUSHING' ? '推送中' : '推送'}
              </Button>
            </>
          )}
        </View>
      )}
      {!ended && phase === 'ON_SHELF' && pushBlocked ? <Text className="live-coupon__hint">{pushBlocked}</Text> : null}
    </View>
  );
}
