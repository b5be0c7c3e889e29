import type { Issue } from '../result';
import type { Stock } from '../stock/schema';
import { STOCK_STATUS_LABELS } from '../stock/schema';
import { formatDateTime, toMillis } from '../time';
import { ROOM_LENGTH_MINUTES, ROOM_MIN_LEAD_MINUTES } from './schema';

const MIN = 60_000;
const err = (rule: string, path: string, message: string, hint?: string): Issue => (hint ? { rule, path, level: 'error', message, hint } : { rule, path, level: 'error', message });

/** L1: start at least 10 minutes ahead; 30 minutes ≤ length ≤ 24 hours. */
export function checkRoomTimes(input: { startAt: string; endAt: string }, now: Date): Issue[] {
  const out: Issue[] = [];
  const start = toMillis(input.startAt);
  const end = toMillis(input.endAt);
  const earliest = now.getTime() + ROOM_MIN_LEAD_MINUTES * MIN;
  if (start < earliest) out.push(err('L1', 'startAt', `开播时间 ${formatDateTime(start)} 需至少在 ${ROOM_MIN_LEAD_MINUTES} 分钟后（最早 ${formatDateTime(earliest)}）`));
  const minutes = (end - start) / MIN;
  if (minutes < ROOM_LENGTH_MINUTES.min) out.push(err('L1', 'endAt', `直播时长 ${Math.max(0, Math.floor(minutes))} 分钟，需不少于 ${ROOM_LENGTH_MINUTES.min} 分钟`));
  else if (minutes > ROOM_LENGTH_MINUTES.max) out.push(err('L1', 'endAt', `直播时长 ${Math.ceil((minutes / 60) * 10) / 10} 小时，最长 24 小时`));
  return out;
}

/** L2: which of a stock's properties keep it out of a live room, every one of them. */
export function checkRoomCoupon(stock: Stock, ctx: { appid: string; authorized: boolean; quantity: number }): Issue[] {
  const out: Issue[] = [];
  const sid = stock.stockId;
  if (stock.status !== 'RUNNING') out.push(err('L2', 'stockId', `批次 ${sid} 状态为「${STOCK_STATUS_LABELS[stock.status]}」，需为运行中`, stock.status === 'UNACTIVATED' ? '请先激活' : stock.status === 'PAUSED' ? '请先重启' : undefined));
  if (stock.scope !== 'ALL') out.push(err('L2', 'stockId', `批次 ${sid} 是单品券，直播间仅支持全场券`));
  if (stock.purpose !== 'GENERAL') out.push(err('L2', 'stockId', `批次 ${sid} 的用途是配额发券，直播间需用通用券`));
  if (!ctx.authorized) out.push(err('L2', 'stockId', `批次 ${sid} 未授权给直播间小程序 ${ctx.appid}`, '需由商户管理员在「APPID 营销授权」中授权给该小程序后再添加'));
  if (ctx.quantity > stock.remaining) out.push(err('L2', 'quantity', `直播间发放数量 ${ctx.quantity} 张超过批次剩余库存 ${stock.remaining} 张`));
  return out;
}
