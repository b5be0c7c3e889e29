import * as z from 'zod/mini';
import { appidString, stockIdSchema, stockIdString } from '../stock/schema';
import { field, idSchema, integer, merchantIdSchema, pageSchema, requestIdSchema, rfc3339, widthText } from '../validation';

export const ROOM_STATES = ['NOT_STARTED', 'LIVE', 'PAUSED', 'ENDED'] as const;
export type RoomState = (typeof ROOM_STATES)[number];
export const ROOM_STATE_LABELS: Record<RoomState, string> = { NOT_STARTED: '未开始', LIVE: '直播中', PAUSED: '已暂停', ENDED: '已结束' };

export const MAX_ON_SHELF = 3;
export const PUSH_SECONDS = { min: 10, max: 600, default: 60 } as const;
export const ROOM_MIN_LEAD_MINUTES = 10;
export const ROOM_LENGTH_MINUTES = { min: 30, max: 24 * 60 } as const;

export const roomIdSchema = idSchema('直播间 ID');

export const createRoomInput = z.strictObject({
  merchantId: merchantIdSchema,
  requestId: requestIdSchema,
  appid: field(appidString(), { label: '小程序 APPID', rule: 'L1' }),
  name: field(widthText({ maxWidth: 34, minWidth: 6 }), { label: '直播间名称', rule: 'L1' }),
  hostName: field(widthText({ maxWidth: 30 }), { label: '主播昵称', rule: 'L1' }),
  startAt: field(rfc3339(), { label: '开播时间', rule: 'L1' }),
  endAt: field(rfc3339(), { label: '结束时间', rule: 'L1' }),
});

export const roomRef = z.strictObject({ merchantId: merchantIdSchema, roomId: roomIdSchema });
export const listRoomsInput = z.strictObject({ merchantId: merchantIdSchema, ...pageSchema });

export const CONTROL_OPS = ['start', 'pause', 'resume', 'end', 'replayOn', 'replayOff', 'commentsOn', 'commentsOff'] as const;
export type ControlOp = (typeof CONTROL_OPS)[number];
export const controlInput = z.strictObject({ merchantId: merchantIdSchema, roomId: roomIdSchema, op: field(z.enum(CONTROL_OPS), { label: '操作' }) });

export const addCouponInput = z.strictObject({
  merchantId: merchantIdSchema,
  roomId: roomIdSchema,
  stockId: field(stockIdString(), { label: '批次号', rule: 'L2' }),
  quantity: field(integer(1, 10_000_000), { label: '直播间发放数量', rule: 'L2' }),
});
export const shelveInput = z.strictObject({
  merchantId: merchantIdSchema,
  roomId: roomIdSchema,
  stockId: stockIdSchema,
  onShelf: field(z.boolean(), { label: '上架', rule: 'L3' }),
});
export const pushInput = z.strictObject({
  merchantId: merchantIdSchema,
  roomId: roomIdSchema,
  stockId: stockIdSchema,
  durationSeconds: z.optional(field(integer(PUSH_SECONDS.min, PUSH_SECONDS.max), { label: '推送时长（秒）', rule: 'L4' })),
});
export const viewerRoomRef = z.strictObject({ roomId: roomIdSchema });
export const liveClaimInput = z.strictObject({ roomId: roomIdSchema, stockId: stockIdSchema, requestId: requestIdSchema });

export const roomStatsSchema = z.object({
  online: z.int(),
  viewers: z.int(),
  views: z.int(),
  /** Seconds; finished sessions plus the running ones up to now, over unique viewers. */
  avgWatchSeconds: z.int(),
});

export const roomCouponSchema = z.object({
  stockId: z.string(),
  name: z.string(),
  /** 满5000元减500元 */
  summary: z.string(),
  availableBegin: z.string(),
  availableEnd: z.string(),
  /** The stock's remaining (库存). */
  stockRemaining: z.int(),
  quantity: z.int(),
  claimed: z.int(),
  onShelf: z.boolean(),
  /** While pushed: when the push ends. */
  pushEndsAt: z.nullable(z.string()),
  pushSecondsLeft: z.int(),
});

export const roomSchema = z.object({
  roomId: z.string(),
  merchantId: z.string(),
  appid: z.string(),
  name: z.string(),
  hostName: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  state: z.enum(ROOM_STATES),
  stateLabel: z.string(),
  replay: z.boolean(),
  comments: z.boolean(),
  /** Seconds live so far (pauses excluded). */
  liveSeconds: z.int(),
  createdAt: z.string(),
});

export const consoleSchema = z.object({
  room: roomSchema,
  now: z.string(),
  stats: roomStatsSchema,
  coupons: z.array(roomCouponSchema),
  onShelfCount: z.int(),
  maxOnShelf: z.int(),
});

export const viewerStateSchema = z.object({
  roomId: z.string(),
  name: z.string(),
  hostName: z.string(),
  state: z.enum(ROOM_STATES),
  stateLabel: z.string(),
  now: z.string(),
  /** The coupon being pushed right now, if any. */
  pushed: z.nullable(z.object({
    stockId: z.string(),
    name: z.string(),
    summary: z.string(),
    availableBegin: z.string(),
    availableEnd: z.string(),
    pushEndsAt: z.string(),
    pushSecondsLeft: z.int(),
    left: z.int(),
    myClaims: z.int(),
    perUserLimit: z.int(),
  })),
});
