/**
 * Live rooms when calls cross, on SQLite and on CloudBase (the TCB stub): a claim against a room
 * paused, ended or re-pushed while it was on its way, a push against a room paused or ended meanwhile.
 */
import type { RoomCouponDoc } from '../../src/live/live.records';
import { C } from '../../src/runtime/records';
import { consumerId } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import type { CouponDoc } from '../../src/wallet/wallet.records';
import { data, errorOf } from '../support/harness';
import { beforeNext, eachLiveWorld, ENGINES, HOST, liveRoom, makeStock, rid, SH, type Claim, type Console, type LiveWorld } from './live.worlds';

jest.setTimeout(60_000);

describe.each(ENGINES)('live rooms on %s', (engine) => {
  let w: LiveWorld;
  eachLiveWorld(engine, (world) => (w = world));

  const control = (roomId: string, op: string) => w.call<Console>(HOST, 'live', 'control', { merchantId: SH, roomId, op });
  const push = (roomId: string, stockId: string, durationSeconds: number) => w.call<Console>(HOST, 'live', 'push', { merchantId: SH, roomId, stockId, durationSeconds });
  const claim = (n: number, roomId: string, stockId: string) => w.call<Claim>(consumerId(n), 'live', 'claim', { roomId, stockId, requestId: rid('claim') });

  /** What a claim takes: coupons issued, the room's 已领取, the stock's remaining, the viewers' counters. */
  async function taken(roomId: string, stockId: string) {
    const [coupons, rc, stock, counters] = await Promise.all([
      w.store.find<CouponDoc>(C.coupons, { stockId }),
      w.store.get<RoomCouponDoc>(C.roomCoupons, `${roomId}:${stockId}`),
      w.store.get<StockDoc>(C.stocks, stockId),
      w.store.find(C.liveClaimCounters, {}),
    ]);
    return { coupons: coupons.length, claimed: rc?.claimed, remaining: stock?.remaining, counters: counters.length };
  }

  describe('live.claim (L4): the room is read again when the claim takes its units', () => {
    it.each(['pause', 'end'])('the host %ss the room as a claim is on its way: LIVE.NOT_PUSHED, nothing issued or taken', async (op) => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      data(await push(roomId, s.stockId, 60));
      beforeNext(w.store, ['batch'], async () => data(await control(roomId, op)));
      const err = errorOf(await claim(1, roomId, s.stockId));
      expect(err.code).toBe('LIVE.NOT_PUSHED');
      expect(await taken(roomId, s.stockId)).toEqual({ coupons: 0, claimed: 0, remaining: 100, counters: 0 });
    });

    it('the push runs out and another coupon is pushed as a claim of the first is on its way: LIVE.NOT_PUSHED', async () => {
      const [a, b] = [await makeStock(w), await makeStock(w)];
      const roomId = await liveRoom(w, [{ stockId: a.stockId, quantity: 10 }, { stockId: b.stockId, quantity: 10 }]);
      data(await push(roomId, a.stockId, 30));
      beforeNext(w.store, ['batch'], async () => {
        w.clock.advance(30_001);
        data(await push(roomId, b.stockId, 60));
      });
      expect(errorOf(await claim(1, roomId, a.stockId)).code).toBe('LIVE.NOT_PUSHED');
      expect(await taken(roomId, a.stockId)).toEqual({ coupons: 0, claimed: 0, remaining: 100, counters: 0 });
      // The coupon pushed now is claimed as usual.
      expect(data(await claim(1, roomId, b.stockId)).coupons).toEqual([expect.objectContaining({ stockId: b.stockId, source: 'LIVE' })]);
    });
  });

  describe('live.push (L4): the room is paused or ended as the push is written', () => {
    it.each([['pause', '已暂停'], ['end', '已结束']])('%s: LIVE.NOT_LIVE with the room\'s state, nothing pushed', async (op, label) => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      beforeNext(w.store, ['update', 'transaction'], async () => data(await control(roomId, op)));
      const err = errorOf(await push(roomId, s.stockId, 60));
      expect(err).toMatchObject({ code: 'LIVE.NOT_LIVE', message: `直播间当前「${label}」，直播中才能推送` });
      const c = data(await w.call<Console>(HOST, 'live', 'room', { merchantId: SH, roomId }));
      expect(c.coupons).toEqual([expect.objectContaining({ stockId: s.stockId, pushEndsAt: null, pushSecondsLeft: 0 })]);
    });
  });
});
