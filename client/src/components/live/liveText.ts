/**
 * Pure wording and arithmetic of the live pages: what a figure says at a given server instant.
 * Countdowns are computed here from `pushEndsAt` and the ticking server clock, never polled.
 */
import { ROOM_STATE_LABELS, type RoomState } from '@shared/live/schema';
import { formatClock, formatDurationZh, formatShanghai, toMillis } from '@shared/time';
import type { LiveConsole, LiveViewerState } from '@/services/realtime';

export type RoomCoupon = LiveConsole['coupons'][number];
export type PushedCoupon = NonNullable<LiveViewerState['pushed']>;

export { formatClock, formatDurationZh };

/** Push lengths offered to the host; 60 s is the default (PUSH_SECONDS.default). */
export const PUSH_CHOICES = [30, 60, 120, 300] as const;
export const pushChoiceLabel = (s: number): string => (s <= 60 ? `${s}秒` : `${s / 60}分钟`);

export const ROOM_TAG_TYPES: Record<RoomState, 'default' | 'primary' | 'success' | 'warning' | 'danger'> = {
  NOT_STARTED: 'default',
  LIVE: 'danger',
  PAUSED: 'warning',
  ENDED: 'default',
};
export const roomStateLabel = (s: RoomState): string => ROOM_STATE_LABELS[s];

/** Seconds left of a push at `nowMs` (0 once over). */
export function secondsLeft(pushEndsAt: string | null, nowMs: number): number {
  if (!pushEndsAt) return 0;
  return Math.max(0, Math.ceil((toMillis(pushEndsAt) - nowMs) / 1000));
}

export type CouponPhase = 'OFF_SHELF' | 'ON_SHELF' | 'PUSHING';

/** 未上架 / 已上架 / 推送中 47s, at the ticking server instant. */
export function couponPhase(c: RoomCoupon, nowMs: number): { phase: CouponPhase; label: string; secondsLeft: number } {
  const left = secondsLeft(c.pushEndsAt, nowMs);
  if (left > 0) return { phase: 'PUSHING', label: `推送中 ${left}s`, secondsLeft: left };
  return c.onShelf ? { phase: 'ON_SHELF', label: '已上架', secondsLeft: 0 } : { phase: 'OFF_SHELF', label: '未上架', secondsLeft: 0 };
}

/** The coupon pushed right now in the room, if any (a push ends by itself, without an event). */
export function pushingNow(coupons: readonly RoomCoupon[], nowMs: number): RoomCoupon | undefined {
  return coupons.find((c) => secondsLeft(c.pushEndsAt, nowMs) > 0);
}

/** Live time at `nowMs`: the state's figure plus the time since, while live. */
export function liveSecondsAt(state: LiveConsole, nowMs: number): number {
  const since = state.room.state === 'LIVE' ? Math.max(0, Math.floor((nowMs - toMillis(state.now)) / 1000)) : 0;
  return state.room.liveSeconds + since;
}

/** 2020/07/07 - 2020/07/31, as the seed writes 有效期. */
export const validityText = (begin: string, end: string): string =>
  begin && end ? `${formatShanghai(begin, 'YYYY/MM/DD')} - ${formatShanghai(end, 'YYYY/MM/DD')}` : '—';

/** 11月22日 10:10 – 12:10 (the end's date only when it is another day). */
export function scheduleText(startAt: string, endAt: string): string {
  const sameDay = formatShanghai(startAt, 'YYYY-MM-DD') === formatShanghai(endAt, 'YYYY-MM-DD');
  return `${formatShanghai(startAt, 'MM月DD日 HH:mm')} – ${formatShanghai(endAt, sameDay ? 'HH:mm' : 'MM月DD日 HH:mm')}`;
}

/** A length in minutes as Chinese: 90 → 1小时30分钟. */
export function minutesText(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return h ? `${h}小时${rest ? `${rest}分钟` : ''}` : `${rest}分钟`;
}

/** A viewer's refusal in plain Chinese. */
export function claimRefusal(code: string, message: string, pushed?: PushedCoupon): { title: string; text: string } {
  switch (code) {
    case 'LIVE.PER_USER_LIMIT':
      return { title: '已达每人限领', text: pushed ? `每人限领 ${pushed.perUserLimit} 张，你已领过了` : message };
    case 'LIVE.ROOM_SOLD_OUT':
    case 'LIVE.STOCK_OUT':
      return { title: '已领完', text: '这张券已经被抢光了，下次早点来' };
    case 'LIVE.STOCK_UNAVAILABLE':
      // The message names the coupon and why (已暂停 / 已终止 / 已过期, or why it could never be used).
      return { title: '暂不可领', text: message };
    case 'LIVE.NOT_PUSHED':
      return { title: '推送已结束', text: '这张券的推送已结束，留意主播的下一次推送' };
    default:
      return { title: '领取失败', text: message };
  }
}
