import { AppError } from '@shared/errors';
import { STOCK_STATUS_LABELS } from '@shared/stock/schema';
import { stockStatus } from '@shared/stock/status';
import type { Ctx } from '../runtime/context';
import { priorAnswer, requestRecord } from '../runtime/idempotency';
import { C } from '../runtime/records';
import { DuplicateKeyError, TransactionConflictError, type Store } from '../store/port';
import type { StockDoc } from '../stock/stock.records';
import { issueCoupon, neverUsableReason, toCoupon } from '../wallet/coupon';
import { roomChanged } from './live.events';
import { claimCounterId, type LiveClaimCounterDoc, type RoomCouponDoc, type RoomDoc } from './live.records';

/** Why the stock issues nothing now, or null: 已领完 only when no unit is left, else its state. */
function stockRefusal(stock: StockDoc, nowMs: number): AppError | null {
  if (stock.remaining < 1) return new AppError('LIVE.STOCK_OUT');
  const status = stockStatus(stock.state, stock.availableEndMs, nowMs);
  return status === 'RUNNING' ? null : new AppError('LIVE.STOCK_UNAVAILABLE', `「${stock.name}」${STOCK_STATUS_LABELS[status]}，暂不能领取`);
}

/**
 * Takes one of the viewer's `limit` claims of a stock. The counter exists only above 0: the first
 * claim creates it at 1 and an undo that brings it back to 0 removes it, so a refused claim leaves
 * no document behind (on CloudBase, where its writes are not rolled back).
 */
async function takeViewerClaim(store: Store, counterId: string, limit: number): Promise<boolean> {
  // A second round when another claim of this viewer's created or removed the counter in between.
  for (let round = 0; round < 2; round++) {
    if (await store.update(C.liveClaimCounters, counterId, { inc: { count: 1 } }, { count: { lte: limit - 1 } })) return true;
    if (await store.insert<LiveClaimCounterDoc>(C.liveClaimCounters, { id: counterId, count: 1 })) return true;
  }
  return false;
}

/*
 * W2, a viewer's claim of the pushed coupon. First every refusal the room, the stock and the counts
 * as read can tell, before anything is written. Then three limits, each a guarded atomic increment on
 * its own document, taken in order and given back in reverse if a later one refuses (claims racing
 * for the last units):
 *   1. the viewer's count for this stock  (`liveClaimCounters/<stockId>:<openid>`, count < perUserLimit)
 *   2. the room's quantity                (`roomCoupons/<roomId>:<stockId>`, claimed < quantity)
 *   3. the stock's remaining              (`stocks/<stockId>`, remaining >= 1)
 * Live claims spend no quota. As for campaign claims, the sequence runs in `store.batch`: one
 * transaction on SQLite, compensated single-document steps on CloudBase.
 */
type LiveClaimResult = { claimId: string; coupons: ReturnType<typeof toCoupon>[] };

export async function claimLive(input: { roomId: string; stockId: string; requestId: string }, ctx: Ctx): Promise<LiveClaimResult> {
  const prior = await priorAnswer<LiveClaimResult>(ctx, input.requestId, input);
  if (prior) return prior;
  const { roomId, stockId } = input;
  const store = ctx.store;
  const counterId = claimCounterId(stockId, ctx.actor.openid);

  const result = await store.batch(async () => {
    // Read inside the batch: on SQLite a pause, an end or another push committed while this claim
    // waited stops it (L4), as a pause stops a campaign claim queued behind it.
    const room = await store.get<RoomDoc>(C.liveRooms, roomId);
    if (!room) throw new AppError('LIVE.ROOM_NOT_FOUND');
    const now = ctx.clock.now();
    const notPushed = (r: RoomDoc) => r.state !== 'LIVE' || r.pushStockId !== stockId || r.pushEndsAtMs < now.getTime();
    const pushEnded = () => new AppError('LIVE.NOT_PUSHED', '该券当前未在推送，推送期间才能领取');
    if (notPushed(room)) throw pushEnded();
    const stock = await store.get<StockDoc>(C.stocks, stockId);
    const rc = await store.get<RoomCouponDoc>(C.roomCoupons, `${roomId}:${stockId}`);
    if (!stock || !rc) throw new AppError('LIVE.COUPON_NOT_IN_ROOM');
    const refusal = stockRefusal(stock, now.getTime());
    if (refusal) throw refusal;
    const claimId = `live:${roomId}:${ctx.actor.openid}:${input.requestId}`;
    const coupon = issueCoupon(stock, ctx.actor, { kind: 'LIVE', id: roomId, claimId }, now);
    const unusable = neverUsableReason(coupon);
    if (unusable) throw new AppError('LIVE.STOCK_UNAVAILABLE', unusable);
    const limitReached = () => new AppError('LIVE.PER_USER_LIMIT', `每人限领 ${stock.perUserLimit} 张，你已领取 ${stock.perUserLimit} 张`);
    const soldOut = () => new AppError('LIVE.ROOM_SOLD_OUT', `直播间的 ${rc.quantity} 张券已领完`);
    const mine = await store.get<LiveClaimCounterDoc>(C.liveClaimCounters, counterId);
    if ((mine?.count ?? 0) >= stock.perUserLimit) throw limitReached();
    if (rc.claimed >= rc.quantity) throw soldOut();

    const undo: Array<() => Promise<unknown>> = [];
    let issuing: { code: string; out: LiveClaimResult } | null = null;
    try {
      if (!(await takeViewerClaim(store, counterId, stock.perUserLimit))) {
        // Out of rounds with the viewer's other claims creating and removing the counter: at the
        // limit only if the count says so.
        const counter = await store.get<LiveClaimCounterDoc>(C.liveClaimCounters, counterId);
        throw (counter?.count ?? 0) >= stock.perUserLimit ? limitReached() : new AppError('INTERNAL.CONFLICT');
      }
      undo.push(async () => {
        await store.update(C.liveClaimCounters, counterId, { inc: { count: -1 } });
        await store.delete(C.liveClaimCounters, counterId, { count: { lte: 0 } });
      });
      if (!(await store.update(C.roomCoupons, rc.id, { inc: { claimed: 1 } }, { claimed: { lte: rc.quantity - 1 } }))) throw soldOut();
      undo.push(() => store.update(C.roomCoupons, rc.id, { inc: { claimed: -1 } }));
      if (!(await store.update(C.stocks, stockId, { inc: { remaining: -1, issued: 1 } }, { remaining: { gte: 1 }, state: 'RUNNING', availableEndMs: { gte: now.getTime() } }))) {
        // Changed since it was read (CloudBase only: on SQLite nothing interleaves with the batch). A
        // stock that still has units and runs lost a race for its last one, which was given back:
        // a retry may get it.
        const changed = await store.get<StockDoc>(C.stocks, stockId);
        throw (changed ? stockRefusal(changed, now.getTime()) : new AppError('LIVE.STOCK_UNAVAILABLE')) ?? new AppError('INTERNAL.CONFLICT');
      }
      undo.push(() => store.update(C.stocks, stockId, { inc: { remaining: 1, issued: -1 } }));
      // On CloudBase the room may have been paused, ended or re-pushed since it was read (nothing
      // holds it): looked at again now that the units are taken, so a claim issues only if the push
      // still ran once it held them.
      if (!store.atomicBatch) {
        const latest = await store.get<RoomDoc>(C.liveRooms, roomId);
        if (!latest || notPushed(latest)) throw pushEnded();
      }
      const out: LiveClaimResult = { claimId, coupons: [toCoupon(coupon, now.getTime())] };
      issuing = { code: coupon.id, out };
      await store.transaction(async (tx) => {
        await tx.insert(C.coupons, coupon);
        await tx.insert(C.requests, requestRecord(ctx, input.requestId, input, out));
      });
      return out;
    } catch (e) {
      // As for campaign claims: a commit that failed to answer may have been applied. Then the coupon
      // exists and undoing the counts would oversell; when even that cannot be read, keep them.
      if (issuing && !(e instanceof TransactionConflictError) && !(e instanceof DuplicateKeyError)) {
        const issued = await store.get(C.coupons, issuing.code).catch(() => undefined);
        if (issued === undefined) throw e;
        if (issued) return issuing.out;
      }
      for (const step of undo.reverse()) await step();
      throw e;
    }
  }).catch(async (e: unknown) => {
    // The same requestId racing itself (a retry while the first was queued): answer as the first.
    if ((e instanceof DuplicateKeyError && e.collection === C.requests) || (e instanceof AppError && e.code === 'LIVE.PER_USER_LIMIT')) {
      const first = await priorAnswer<LiveClaimResult>(ctx, input.requestId, input);
      if (first) return first;
    }
    throw e;
  });
  roomChanged(roomId);
  return result;
}
