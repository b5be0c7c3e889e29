/**
 * A refused live claim writes nothing, on SQLite and on CloudBase (the TCB stub), where a batch is
 * not rolled back and every step the claim took must be given back, the viewer's counter included.
 */
import type { RoomCouponDoc } from '../../src/live/live.records';
import { C } from '../../src/runtime/records';
import { consumerId } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import type { CouponDoc } from '../../src/wallet/wallet.records';
import { data, errorOf } from '../support/harness';
import { ADMIN, beforeNext, eachLiveWorld, ENGINES, HOST, liveRoom, makeStock, rid, SH, writesSince, type Claim, type LiveWorld } from './live.worlds';

jest.setTimeout(60_000);

const openid = (n: number) => `o-demo-consumer-${String(n).padStart(2, '0')}`;

describe.each(ENGINES)('refused live claims on %s', (engine) => {
  let w: LiveWorld;
  eachLiveWorld(engine, (world) => (w = world));

  const push = async (roomId: string, stockId: string) => data(await w.call(HOST, 'live', 'push', { merchantId: SH, roomId, stockId, durationSeconds: 600 }));
  const pauseStock = (stockId: string) => w.call(ADMIN, 'stock', 'pause', { merchantId: SH, stockId });
  const claim = (n: number, roomId: string, stockId: string) => w.call<Claim>(consumerId(n), 'live', 'claim', { roomId, stockId, requestId: rid('claim') });

  /** The viewers' counters (id → count), the coupons, the room's 已领取 and the stock's remaining. */
  async function state(roomId: string, stockId: string) {
    const [counters, coupons, rc, stock] = await Promise.all([
      w.store.find<{ id: string; count: number }>(C.liveClaimCounters, {}),
      w.store.count(C.coupons, { stockId }),
      w.store.get<RoomCouponDoc>(C.roomCoupons, `${roomId}:${stockId}`),
      w.store.get<StockDoc>(C.stocks, stockId),
    ]);
    return { counters: Object.fromEntries(counters.map((c) => [c.id, c.count])), coupons, claimed: rc?.claimed, remaining: stock?.remaining };
  }

  /** Runs `refused`, expecting `code`, and checks it changed nothing (on CloudBase: sent no write at all). */
  async function refusedWithoutWrites(roomId: string, stockId: string, code: string, refused: () => Promise<unknown>) {
    const before = await state(roomId, stockId);
    const from = w.stub?.requests.length ?? 0;
    expect(errorOf((await refused()) as never).code).toBe(code);
    if (w.stub) expect(writesSince(w.stub, from)).toEqual([]);
    expect(await state(roomId, stockId)).toEqual(before);
  }

  it('room sold out, per-user limit, stock out, stock paused: no counter is left for the refused viewers', async () => {
    const s = await makeStock(w, { totalQuantity: 3, perUserLimit: 1 });
    const roomA = await liveRoom(w, [{ stockId: s.stockId, quantity: 2 }]);
    const roomB = await liveRoom(w, [{ stockId: s.stockId, quantity: 3 }]);
    await push(roomA, s.stockId);
    await push(roomB, s.stockId);
    data(await claim(1, roomA, s.stockId));
    data(await claim(2, roomA, s.stockId));
    await refusedWithoutWrites(roomA, s.stockId, 'LIVE.ROOM_SOLD_OUT', () => claim(3, roomA, s.stockId));
    await refusedWithoutWrites(roomB, s.stockId, 'LIVE.PER_USER_LIMIT', () => claim(1, roomB, s.stockId));
    data(await pauseStock(s.stockId));
    await refusedWithoutWrites(roomB, s.stockId, 'LIVE.STOCK_UNAVAILABLE', () => claim(4, roomB, s.stockId));
    data(await w.call(ADMIN, 'stock', 'restart', { merchantId: SH, stockId: s.stockId }));
    data(await claim(5, roomB, s.stockId));
    await refusedWithoutWrites(roomB, s.stockId, 'LIVE.STOCK_OUT', () => claim(6, roomB, s.stockId));
    expect(await state(roomB, s.stockId)).toEqual({ counters: { [`${s.stockId}:${openid(1)}`]: 1, [`${s.stockId}:${openid(2)}`]: 1, [`${s.stockId}:${openid(5)}`]: 1 }, coupons: 3, claimed: 1, remaining: 0 });
  });

  // On SQLite nothing runs between the claim's reads and its writes: these windows are CloudBase's.
  if (engine === 'cloudbase') {
    it('the room\'s last unit goes to another viewer as this claim takes its count: ROOM_SOLD_OUT, its counter taken back and removed', async () => {
      const s = await makeStock(w, { perUserLimit: 1 });
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 1 }]);
      await push(roomId, s.stockId);
      beforeNext(w.store, ['update'], async () => data(await claim(2, roomId, s.stockId)), ([collection]) => collection === C.roomCoupons);
      expect(errorOf(await claim(1, roomId, s.stockId)).code).toBe('LIVE.ROOM_SOLD_OUT');
      expect(await state(roomId, s.stockId)).toEqual({ counters: { [`${s.stockId}:${openid(2)}`]: 1 }, coupons: 1, claimed: 1, remaining: 99 });
      expect(await w.store.find<CouponDoc>(C.coupons, { openid: openid(1) })).toEqual([]);
    });

    it('the stock is paused as the claim takes its unit: 暂不可领, every count given back and no counter left', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      await push(roomId, s.stockId);
      beforeNext(w.store, ['update'], async () => data(await pauseStock(s.stockId)), ([collection]) => collection === C.stocks);
      expect(errorOf(await claim(1, roomId, s.stockId))).toMatchObject({ code: 'LIVE.STOCK_UNAVAILABLE', message: '「全员裂变通优惠券」已暂停，暂不能领取' });
      expect(await state(roomId, s.stockId)).toEqual({ counters: {}, coupons: 0, claimed: 0, remaining: 100 });
    });

    it('a viewer\'s second claim keeps the first one\'s count when it is refused', async () => {
      const s = await makeStock(w, { perUserLimit: 2 });
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 2 }]);
      await push(roomId, s.stockId);
      data(await claim(1, roomId, s.stockId));
      beforeNext(w.store, ['update'], async () => data(await claim(2, roomId, s.stockId)), ([collection]) => collection === C.roomCoupons);
      expect(errorOf(await claim(1, roomId, s.stockId)).code).toBe('LIVE.ROOM_SOLD_OUT');
      expect((await state(roomId, s.stockId)).counters).toEqual({ [`${s.stockId}:${openid(1)}`]: 1, [`${s.stockId}:${openid(2)}`]: 1 });
    });
  }
});
