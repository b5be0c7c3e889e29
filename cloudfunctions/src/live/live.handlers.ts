import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { checkRoomCoupon, checkRoomTimes } from '@shared/live/rules';
import { MAX_ON_SHELF, PUSH_SECONDS, ROOM_STATE_LABELS, type ControlOp, type RoomState } from '@shared/live/schema';
import { blocking } from '@shared/result';
import { toRfc3339 } from '@shared/time';
import { couponSummary } from '@shared/wallet/validity';
import { audit, auditApplied } from '../runtime/audit';
import type { Ctx, DomainHandlers } from '../runtime/context';
import { idempotent } from '../runtime/idempotency';
import { C, type AppidDoc } from '../runtime/records';
import type { StockAuthorizationDoc, StockDoc } from '../stock/stock.records';
import { toStock } from '../stock/stock.repository';
import type { Store } from '../store/port';
import { claimLive } from './live.claim';
import { roomChanged } from './live.events';
import { claimCounterId, type LiveClaimCounterDoc, type RoomCouponDoc, type RoomDoc, type RoomViewerDoc } from './live.records';

export async function loadRoom(ctx: Ctx, roomId: string, merchantId?: string): Promise<RoomDoc> {
  const room = await ctx.store.get<RoomDoc>(C.liveRooms, roomId);
  if (!room || (merchantId !== undefined && room.merchantId !== merchantId)) throw new AppError('LIVE.ROOM_NOT_FOUND', `直播间 ${roomId} 不存在`);
  return room;
}

/**
 * A room coupon, its push hold filled in (0: not held) when it was added before holds existed: the
 * guards of a take-off and a push compare it, and a missing field matches neither.
 */
async function loadRoomCoupon(store: Store, id: string): Promise<RoomCouponDoc | null> {
  const rc = await store.get<RoomCouponDoc>(C.roomCoupons, id);
  if (!rc || rc.pushEndsAtMs !== undefined) return rc;
  await store.update(C.roomCoupons, id, { set: { pushEndsAtMs: 0 } }, { pushEndsAtMs: null });
  return store.get<RoomCouponDoc>(C.roomCoupons, id);
}

const liveSeconds = (r: RoomDoc, now: number) => Math.floor((r.liveAccumMs + (r.liveSinceMs ? now - r.liveSinceMs : 0)) / 1000);

function toRoom(r: RoomDoc, now: number) {
  return {
    roomId: r.id, merchantId: r.merchantId, appid: r.appid, name: r.name, hostName: r.hostName, startAt: r.startAt, endAt: r.endAt,
    state: r.state, stateLabel: ROOM_STATE_LABELS[r.state], replay: r.replay, comments: r.comments, liveSeconds: liveSeconds(r, now), createdAt: r.createdAt,
  };
}

const pushActive = (r: RoomDoc, now: number) => r.state === 'LIVE' && r.pushEndsAtMs >= now;

/** What the room views read: the store and the clock, never who asks (so a feed can share them). */
type ViewDeps = Pick<Ctx, 'store' | 'clock'>;

/** L5: everything the host's console shows, at `now`. */
export async function consoleState(ctx: ViewDeps, room: RoomDoc) {
  const now = ctx.clock.now().getTime();
  const coupons = await ctx.store.find<RoomCouponDoc>(C.roomCoupons, { roomId: room.id }, { orderBy: [['addedAt', 'asc']] });
  const stocks = coupons.length ? await ctx.store.find<StockDoc>(C.stocks, { id: { in: coupons.map((c) => c.stockId) } }) : [];
  const byId = new Map(stocks.map((s) => [s.id, s]));
  const running = room.online * now - room.onlineStartSumMs;
  return {
    room: toRoom(room, now),
    now: toRfc3339(now),
    stats: { online: room.online, viewers: room.viewers, views: room.views, avgWatchSeconds: room.viewers ? Math.round((room.watchMsDone + Math.max(0, running)) / room.viewers / 1000) : 0 },
    coupons: coupons.map((c) => {
      const s = byId.get(c.stockId);
      const pushing = pushActive(room, now) && room.pushStockId === c.stockId;
      return {
        stockId: c.stockId, name: s?.name ?? '', summary: s ? couponSummary(s) : '', availableBegin: s?.availableBegin ?? '', availableEnd: s?.availableEnd ?? '',
        stockRemaining: s?.remaining ?? 0, quantity: c.quantity, claimed: c.claimed, onShelf: c.onShelf,
        pushEndsAt: pushing ? toRfc3339(room.pushEndsAtMs) : null, pushSecondsLeft: pushing ? Math.ceil((room.pushEndsAtMs - now) / 1000) : 0,
      };
    }),
    onShelfCount: room.onShelfCount,
    maxOnShelf: MAX_ON_SHELF,
  };
}

/** The coupon pushed right now with its room allocation, the same for every viewer of the room. */
export async function pushedNow(ctx: ViewDeps, room: RoomDoc, now: number): Promise<{ stock: StockDoc; rc: RoomCouponDoc } | null> {
  if (!pushActive(room, now)) return null;
  const [stock, rc] = await Promise.all([
    ctx.store.get<StockDoc>(C.stocks, room.pushStockId),
    ctx.store.get<RoomCouponDoc>(C.roomCoupons, `${room.id}:${room.pushStockId}`),
  ]);
  return stock && rc ? { stock, rc } : null;
}

/** What a viewer sees: the room, and the coupon pushed right now with what is left and how many are theirs. */
export function viewerView(room: RoomDoc, pushed: { stock: StockDoc; rc: RoomCouponDoc } | null, myClaims: number, now: number) {
  const p = pushed && {
    stockId: pushed.stock.id, name: pushed.stock.name, summary: couponSummary(pushed.stock), availableBegin: pushed.stock.availableBegin, availableEnd: pushed.stock.availableEnd,
    pushEndsAt: toRfc3339(room.pushEndsAtMs), pushSecondsLeft: Math.ceil((room.pushEndsAtMs - now) / 1000),
    left: Math.max(0, Math.min(pushed.rc.quantity - pushed.rc.claimed, pushed.stock.remaining)), myClaims, perUserLimit: pushed.stock.perUserLimit,
  };
  return { roomId: room.id, name: room.name, hostName: room.hostName, state: room.state, stateLabel: ROOM_STATE_LABELS[room.state], now: toRfc3339(now), pushed: p };
}

export async function viewerState(ctx: Ctx, room: RoomDoc) {
  const now = ctx.clock.now().getTime();
  const pushed = await pushedNow(ctx, room, now);
  const mine = pushed && (await ctx.store.get<LiveClaimCounterDoc>(C.liveClaimCounters, claimCounterId(pushed.stock.id, ctx.actor.openid)));
  return viewerView(room, pushed, mine?.count ?? 0, now);
}

const TRANSITIONS: Partial<Record<ControlOp, { from: RoomState[]; to: RoomState }>> = {
  start: { from: ['NOT_STARTED'], to: 'LIVE' },
  pause: { from: ['LIVE'], to: 'PAUSED' },
  resume: { from: ['PAUSED'], to: 'LIVE' },
  end: { from: ['LIVE', 'PAUSED'], to: 'ENDED' },
};
const OP_LABELS: Record<ControlOp, string> = { start: '开始直播', pause: '暂停直播', resume: '继续直播', end: '结束直播', replayOn: '开启回放', replayOff: '关闭回放', commentsOn: '开启评论', commentsOff: '关闭评论' };

export const liveHandlers: DomainHandlers<'live'> = {
  async rooms({ merchantId, page = 1, pageSize = 20 }, ctx) {
    const now = ctx.clock.now().getTime();
    const [docs, total] = await Promise.all([
      ctx.store.find<RoomDoc>(C.liveRooms, { merchantId }, { orderBy: [['startAt', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize }),
      ctx.store.count(C.liveRooms, { merchantId }),
    ]);
    return { rooms: docs.map((r) => ({ ...toRoom(r, now), online: r.online, onShelfCount: r.onShelfCount })), total };
  },

  async createRoom(input, ctx) {
    const now = ctx.clock.now();
    const issues = checkRoomTimes(input, now);
    const bound = await ctx.store.get<AppidDoc>(C.appids, input.appid);
    if (!bound || bound.merchantId !== input.merchantId) issues.push({ rule: 'L1', path: 'appid', level: 'error', message: `APPID ${input.appid} 不是本商户的小程序` });
    return idempotent(ctx, input.requestId, input, async (tx) => {
      if (blocking(issues).length) throw new AppError('LIVE.RULE_VIOLATION', issues[0]!.message, issues);
      const at = toRfc3339(now);
      const room: RoomDoc = {
        id: `room_${randomBytes(8).toString('hex')}`, merchantId: input.merchantId, appid: input.appid, name: input.name, hostName: input.hostName,
        startAt: toRfc3339(input.startAt), endAt: toRfc3339(input.endAt), state: 'NOT_STARTED', replay: true, comments: true, liveAccumMs: 0, liveSinceMs: 0,
        pushStockId: '', pushEndsAtMs: 0, onShelfCount: 0, online: 0, viewers: 0, views: 0, watchMsDone: 0, onlineStartSumMs: 0, createdAt: at,
      };
      await tx.insert(C.liveRooms, room);
      await audit(tx, ctx, { merchantId: input.merchantId, targetType: 'liveRoom', targetId: room.id, detail: { name: room.name } });
      return toRoom(room, now.getTime());
    });
  },

  async room({ merchantId, roomId }, ctx) {
    return consoleState(ctx, await loadRoom(ctx, roomId, merchantId));
  },

  async control({ merchantId, roomId, op }, ctx) {
    const store = ctx.store;
    // A guarded update of the room, not a transaction: on CloudBase a transaction writing the room
    // conflicts with every viewer's join and leave (they count on the room's document) and fails
    // under an audience. The guard holds the fields the change is worked out from, so only another
    // host's control or push in between makes it read the room again.
    const { room, stopped } = await store.batch(async () => {
      for (let round = 0; ; round++) {
        const now = ctx.clock.now().getTime();
        const r = await loadRoom(ctx, roomId, merchantId);
        const t = TRANSITIONS[op];
        let patch: Partial<RoomDoc>;
        if (t) {
          if (!t.from.includes(r.state)) throw new AppError('LIVE.ILLEGAL_TRANSITION', `直播间当前「${ROOM_STATE_LABELS[r.state]}」，不能${OP_LABELS[op]}`);
          const wasLive = r.state === 'LIVE';
          patch = {
            state: t.to,
            liveAccumMs: wasLive ? r.liveAccumMs + (now - r.liveSinceMs) : r.liveAccumMs,
            liveSinceMs: t.to === 'LIVE' ? now : 0,
            // A pause or the end stops a running push.
            ...(t.to !== 'LIVE' ? { pushEndsAtMs: 0, pushStockId: '' } : {}),
          };
        } else {
          if (r.state === 'ENDED') throw new AppError('LIVE.ILLEGAL_TRANSITION', `直播已结束，不能${OP_LABELS[op]}`);
          patch = op.startsWith('replay') ? { replay: op === 'replayOn' } : { comments: op === 'commentsOn' };
        }
        const guard = { state: r.state, liveAccumMs: r.liveAccumMs, liveSinceMs: r.liveSinceMs, pushStockId: r.pushStockId, pushEndsAtMs: r.pushEndsAtMs };
        if (await store.update(C.liveRooms, roomId, { set: patch }, guard)) {
          await auditApplied(ctx, { merchantId, targetType: 'liveRoom', targetId: roomId, detail: { op } });
          return { room: { ...r, ...patch }, stopped: t !== undefined && t.to !== 'LIVE' && pushActive(r, now) ? r : null };
        }
        if (round === 4) throw new AppError('INTERNAL.CONFLICT');
      }
    });
    // The stopped push no longer holds its coupon on the shelf (guarded: not a hold of a later push).
    if (stopped) await store.update(C.roomCoupons, `${roomId}:${stopped.pushStockId}`, { set: { pushEndsAtMs: 0 } }, { pushEndsAtMs: stopped.pushEndsAtMs });
    roomChanged(roomId);
    return consoleState(ctx, room);
  },

  async addCoupon({ merchantId, roomId, stockId, quantity }, ctx) {
    const room = await loadRoom(ctx, roomId, merchantId);
    if (room.state === 'ENDED') throw new AppError('LIVE.ILLEGAL_TRANSITION', '直播已结束，不能添加优惠券');
    const now = ctx.clock.now();
    const stock = await ctx.store.get<StockDoc>(C.stocks, stockId);
    if (!stock || stock.merchantId !== merchantId) throw new AppError('STOCK.NOT_FOUND', `代金券批次 ${stockId} 不存在`, [{ rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${stockId} 不存在或不属于本商户` }]);
    const authorized = !!(await ctx.store.get<StockAuthorizationDoc>(C.stockAuthorizations, `${stockId}:${room.appid}`));
    const issues = checkRoomCoupon(toStock(stock, now.getTime()), { appid: room.appid, authorized, quantity });
    if (issues.length) throw new AppError('LIVE.RULE_VIOLATION', issues.length === 1 ? issues[0]!.message : `该券有 ${issues.length} 处不符合直播间要求`, issues);
    const doc: RoomCouponDoc = { id: `${roomId}:${stockId}`, roomId, stockId, merchantId, quantity, claimed: 0, onShelf: false, pushEndsAtMs: 0, addedAt: toRfc3339(now) };
    await ctx.store.transaction(async (tx) => {
      if (await tx.get(C.roomCoupons, doc.id)) throw new AppError('LIVE.COUPON_ALREADY_ADDED', `批次 ${stockId} 已添加到直播间`);
      await tx.insert(C.roomCoupons, doc);
      await audit(tx, ctx, { merchantId, targetType: 'liveRoom', targetId: roomId, detail: { addCoupon: stockId, quantity } });
    });
    roomChanged(roomId);
    return consoleState(ctx, room);
  },

  async shelve({ merchantId, roomId, stockId, onShelf }, ctx) {
    const store = ctx.store;
    const id = `${roomId}:${stockId}`;
    const changed = await store.batch(async () => {
      const room = await loadRoom(ctx, roomId, merchantId);
      // An ended room's shelf is its record: what was on offer stays as it was.
      if (room.state === 'ENDED') throw new AppError('LIVE.ILLEGAL_TRANSITION', `直播已结束，不能${onShelf ? '上架' : '下架'}优惠券`);
      const rc = await loadRoomCoupon(store, id);
      if (!rc) throw new AppError('LIVE.COUPON_NOT_IN_ROOM', `批次 ${stockId} 未添加到直播间`);
      if (rc.onShelf === onShelf) return false;
      if (onShelf) {
        // L3: the shelf count moves with a guarded increment, so two hosts cannot both fill slot 3.
        if (!(await store.update(C.liveRooms, roomId, { inc: { onShelfCount: 1 } }, { onShelfCount: { lte: MAX_ON_SHELF - 1 } }))) {
          throw new AppError('LIVE.SHELF_FULL', `已上架优惠券数量 ${MAX_ON_SHELF} / ${MAX_ON_SHELF}，请先下架一张`);
        }
        if (await store.update(C.roomCoupons, id, { set: { onShelf } }, { onShelf: false })) return true;
        await store.update(C.liveRooms, roomId, { inc: { onShelfCount: -1 } });
        return false;
      }
      // L3: not while pushed — guarded on the push's hold, which a push takes before it starts.
      const now = ctx.clock.now().getTime();
      if (!(await store.update(C.roomCoupons, id, { set: { onShelf } }, { onShelf: true, pushEndsAtMs: { lt: now } }))) {
        const held = await store.get<RoomCouponDoc>(C.roomCoupons, id);
        if (!held?.onShelf) return false;
        throw new AppError('LIVE.COUPON_BEING_PUSHED', `批次 ${stockId} 正在推送（剩余 ${Math.ceil((held.pushEndsAtMs - now) / 1000)} 秒），推送结束后才能下架`);
      }
      await store.update(C.liveRooms, roomId, { inc: { onShelfCount: -1 } });
      return true;
    });
    if (changed) roomChanged(roomId);
    return consoleState(ctx, await loadRoom(ctx, roomId, merchantId));
  },

  async push({ merchantId, roomId, stockId, durationSeconds = PUSH_SECONDS.default }, ctx) {
    const store = ctx.store;
    const id = `${roomId}:${stockId}`;
    const notLive = (r: RoomDoc) => new AppError('LIVE.NOT_LIVE', `直播间当前「${ROOM_STATE_LABELS[r.state]}」，直播中才能推送`);
    const busy = (r: RoomDoc, now: number) => new AppError('LIVE.PUSH_IN_PROGRESS', `批次 ${r.pushStockId} 正在推送，剩余 ${Math.max(0, Math.ceil((r.pushEndsAtMs - now) / 1000))} 秒`);
    await store.batch(async () => {
      const room = await loadRoom(ctx, roomId, merchantId);
      const now = ctx.clock.now().getTime();
      if (room.state !== 'LIVE') throw notLive(room);
      const rc = await loadRoomCoupon(store, id);
      if (!rc) throw new AppError('LIVE.COUPON_NOT_IN_ROOM', `批次 ${stockId} 未添加到直播间`);
      if (!rc.onShelf) throw new AppError('LIVE.NOT_ON_SHELF', `批次 ${stockId} 未上架，请先上架`);
      if (pushActive(room, now)) throw busy(room, now);
      const pushEndsAtMs = now + durationSeconds * 1000;
      // First hold the coupon on the shelf until the push ends (a take-off is guarded on the hold), then
      // push: the two meet on the coupon's document whichever comes first. Guarded single-document
      // updates, not a transaction: on CloudBase one writing the room would conflict with every
      // viewer's join and leave (they count on the room's document) and fail under an audience.
      if (!(await store.update(C.roomCoupons, id, { set: { pushEndsAtMs } }, { onShelf: true, pushEndsAtMs: rc.pushEndsAtMs }))) {
        // Taken off the shelf meanwhile, or held by another push, or released by a pause (then the
        // room says which).
        const current = await store.get<RoomCouponDoc>(C.roomCoupons, id);
        if (!current?.onShelf) throw new AppError('LIVE.NOT_ON_SHELF', `批次 ${stockId} 未上架，请先上架`);
        const latest = await loadRoom(ctx, roomId, merchantId);
        if (latest.state !== 'LIVE') throw notLive(latest);
        throw pushActive(latest, now) ? busy(latest, now) : new AppError('INTERNAL.CONFLICT');
      }
      // L4: one push at a time — the guard admits a new push only once the last one has ended.
      if (!(await store.update(C.liveRooms, roomId, { set: { pushStockId: stockId, pushEndsAtMs } }, { pushEndsAtMs: { lt: now }, state: 'LIVE' }))) {
        await store.update(C.roomCoupons, id, { set: { pushEndsAtMs: rc.pushEndsAtMs } }, { pushEndsAtMs });
        const current = await loadRoom(ctx, roomId, merchantId);
        // The guard also refuses a room paused or ended since it was read: that is not a push in progress.
        throw current.state !== 'LIVE' ? notLive(current) : busy(current, now);
      }
      await auditApplied(ctx, { merchantId, targetType: 'liveRoom', targetId: roomId, detail: { push: stockId, durationSeconds } });
    });
    roomChanged(roomId);
    return consoleState(ctx, await loadRoom(ctx, roomId, merchantId));
  },

  async join({ roomId }, ctx) {
    const room = await loadRoom(ctx, roomId);
    const now = ctx.clock.now().getTime();
    const id = `${roomId}:${ctx.actor.openid}`;
    await ctx.store.batch(async () => {
      const viewer: RoomViewerDoc = { id, roomId, openid: ctx.actor.openid, online: true, sessionStartMs: now, watchMs: 0, views: 1 };
      if (await ctx.store.insert(C.roomViewers, viewer)) {
        await ctx.store.update(C.liveRooms, roomId, { inc: { online: 1, viewers: 1, views: 1, onlineStartSumMs: now } });
      } else if (await ctx.store.update(C.roomViewers, id, { set: { online: true, sessionStartMs: now }, inc: { views: 1 } }, { online: false })) {
        await ctx.store.update(C.liveRooms, roomId, { inc: { online: 1, views: 1, onlineStartSumMs: now } });
      } else {
        // Already watching (a second tab, a reconnect): another view, not another person online.
        await ctx.store.update(C.roomViewers, id, { inc: { views: 1 } });
        await ctx.store.update(C.liveRooms, roomId, { inc: { views: 1 } });
      }
    });
    roomChanged(roomId);
    return viewerState(ctx, { ...room, ...(await loadRoom(ctx, roomId)) });
  },

  async leave({ roomId }, ctx) {
    await loadRoom(ctx, roomId);
    const now = ctx.clock.now().getTime();
    const id = `${roomId}:${ctx.actor.openid}`;
    const viewer = await ctx.store.get<RoomViewerDoc>(C.roomViewers, id);
    if (viewer?.online) {
      await ctx.store.batch(async () => {
        // Guarded by the session it ends, so a leave racing a re-join cannot end the new session.
        const watched = Math.max(0, now - viewer.sessionStartMs);
        if (await ctx.store.update(C.roomViewers, id, { set: { online: false }, inc: { watchMs: watched } }, { online: true, sessionStartMs: viewer.sessionStartMs })) {
          await ctx.store.update(C.liveRooms, roomId, { inc: { online: -1, watchMsDone: watched, onlineStartSumMs: -viewer.sessionStartMs } });
        }
      });
      roomChanged(roomId);
    }
    return viewerState(ctx, await loadRoom(ctx, roomId));
  },

  async watch({ roomId }, ctx) {
    return viewerState(ctx, await loadRoom(ctx, roomId));
  },

  claim: (input, ctx) => claimLive(input, ctx),
};
