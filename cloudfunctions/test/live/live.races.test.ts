/**
 * Live rooms when calls cross, on SQLite and on CloudBase (the TCB stub): a claim against a room
 * paused, ended or re-pushed while it was on its way, a push against a room paused or ended meanwhile,
 * a push and a take-off of the same coupon at once, the shelf, pushes and the host's controls under a
 * crowd of viewers.
 */
import type { RoomCouponDoc, RoomDoc } from '../../src/live/live.records';
import { C, type AuditDoc } from '../../src/runtime/records';
import { consumerId } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import type { CouponDoc } from '../../src/wallet/wallet.records';
import { data, errorOf, silentLog } from '../support/harness';
import type { RecordedRequest } from '../support/tcb-stub';
import { beforeNext, eachLiveWorld, ENGINES, HOST, liveRoom, makeStock, midway, rid, SH, type Claim, type Console, type LiveWorld } from './live.worlds';

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

    // On CloudBase nothing holds the room while a claim takes its units one by one: the room is
    // looked at again once they are taken. (On SQLite the claim is one transaction: nothing lands mid-way.)
    if (engine === 'cloudbase') it('the host pauses the room while a claim is taking its units: LIVE.NOT_PUSHED, every unit given back', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      data(await push(roomId, s.stockId, 60));
      beforeNext(w.store, ['update'], async () => data(await control(roomId, 'pause')), ([collection]) => collection === C.stocks);
      expect(errorOf(await claim(1, roomId, s.stockId)).code).toBe('LIVE.NOT_PUSHED');
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

  describe('live.push (L4): the room is paused or ended between the push\'s reads and its writes', () => {
    it.each([['pause', '已暂停'], ['end', '已结束']])('%s: LIVE.NOT_LIVE with the room\'s state, nothing pushed', async (op, label) => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      beforeNext(w.store, midway(engine), async () => data(await control(roomId, op)));
      const err = errorOf(await push(roomId, s.stockId, 60));
      expect(err).toMatchObject({ code: 'LIVE.NOT_LIVE', message: `直播间当前「${label}」，直播中才能推送` });
      const c = data(await w.call<Console>(HOST, 'live', 'room', { merchantId: SH, roomId }));
      expect(c.coupons).toEqual([expect.objectContaining({ stockId: s.stockId, pushEndsAt: null, pushSecondsLeft: 0 })]);
    });
  });

  describe('live.shelve / live.push (L3, L4): a pushed coupon is always on the shelf', () => {
    const shelve = (roomId: string, stockId: string, onShelf: boolean) => w.call<Console>(HOST, 'live', 'shelve', { merchantId: SH, roomId, stockId, onShelf });

    /** The console as the host sees it: every coupon being pushed is on the shelf, the shelf count right. */
    async function consistentConsole(roomId: string) {
      const c = data(await w.call<Console>(HOST, 'live', 'room', { merchantId: SH, roomId }));
      for (const x of c.coupons) if (x.pushSecondsLeft > 0) expect(x).toMatchObject({ stockId: x.stockId, onShelf: true });
      expect(c.onShelfCount).toBe(c.coupons.filter((x) => x.onShelf).length);
      return c;
    }

    it('taken off the shelf between the push\'s reads and its writes: the push is refused (LIVE.NOT_ON_SHELF)', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      beforeNext(w.store, midway(engine), async () => data(await shelve(roomId, s.stockId, false)));
      expect(errorOf(await push(roomId, s.stockId, 60)).code).toBe('LIVE.NOT_ON_SHELF');
      expect((await consistentConsole(roomId)).coupons).toEqual([expect.objectContaining({ onShelf: false, pushSecondsLeft: 0 })]);
      // Back on the shelf, it is pushed as usual.
      data(await shelve(roomId, s.stockId, true));
      expect((await consistentConsole(roomId)).coupons).toEqual([expect.objectContaining({ onShelf: true, pushSecondsLeft: 0 })]);
      expect(data(await push(roomId, s.stockId, 60)).coupons).toEqual([expect.objectContaining({ onShelf: true, pushSecondsLeft: 60 })]);
    });

    it('pushed between the take-off\'s reads and its writes: the take-off is refused (LIVE.COUPON_BEING_PUSHED)', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      beforeNext(w.store, midway(engine), async () => data(await push(roomId, s.stockId, 60)));
      expect(errorOf(await shelve(roomId, s.stockId, false))).toMatchObject({ code: 'LIVE.COUPON_BEING_PUSHED', message: `批次 ${s.stockId} 正在推送（剩余 60 秒），推送结束后才能下架` });
      expect((await consistentConsole(roomId)).coupons).toEqual([expect.objectContaining({ onShelf: true, pushSecondsLeft: 60 })]);
    });

    it('two pushes of one coupon at once: the second is told which coupon is being pushed and for how long', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      beforeNext(w.store, midway(engine), async () => data(await push(roomId, s.stockId, 60)));
      expect(errorOf(await push(roomId, s.stockId, 30))).toMatchObject({ code: 'LIVE.PUSH_IN_PROGRESS', message: `批次 ${s.stockId} 正在推送，剩余 60 秒` });
      expect((await consistentConsole(roomId)).coupons).toEqual([expect.objectContaining({ onShelf: true, pushSecondsLeft: 60 })]);
    });

    it('a coupon added before pushes held it on the shelf (no hold recorded) is pushed, held, and taken off after', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      const id = `${roomId}:${s.stockId}`;
      const { pushEndsAtMs: _, ...before } = (await w.store.get<RoomCouponDoc>(C.roomCoupons, id))!;
      await w.store.set(C.roomCoupons, before);
      data(await push(roomId, s.stockId, 30));
      expect(errorOf(await shelve(roomId, s.stockId, false)).code).toBe('LIVE.COUPON_BEING_PUSHED');
      w.clock.advance(30_001);
      expect(data(await shelve(roomId, s.stockId, false)).coupons).toEqual([expect.objectContaining({ onShelf: false })]);

      // And one never pushed comes off the shelf at once.
      data(await shelve(roomId, s.stockId, true));
      const { pushEndsAtMs: __, ...again } = (await w.store.get<RoomCouponDoc>(C.roomCoupons, id))!;
      await w.store.set(C.roomCoupons, again);
      expect(data(await shelve(roomId, s.stockId, false)).coupons).toEqual([expect.objectContaining({ onShelf: false })]);
    });

    it('a take-off and a push at once, ten times over: exactly one of them succeeds each time', async () => {
      const stocks = [await makeStock(w), await makeStock(w), await makeStock(w)];
      const roomId = await liveRoom(w, stocks.map((s) => ({ stockId: s.stockId, quantity: 10 })));
      for (let round = 0; round < 10; round++) {
        const s = stocks[round % 3]!;
        const [pushed, off] = await Promise.all([push(roomId, s.stockId, 30), shelve(roomId, s.stockId, false)]);
        expect([pushed.ok, off.ok].filter(Boolean)).toHaveLength(1);
        if (!pushed.ok) expect(errorOf(pushed).code).toBe('LIVE.NOT_ON_SHELF');
        if (!off.ok) expect(errorOf(off).code).toBe('LIVE.COUPON_BEING_PUSHED');
        await consistentConsole(roomId);
        // Next round: the push over, the coupon back on the shelf.
        w.clock.advance(30_001);
        if (!off.ok) data(await shelve(roomId, s.stockId, false));
        data(await shelve(roomId, s.stockId, true));
      }
    });

    it('a push stopped by a pause no longer holds its coupon: it can be taken off the shelf at once', async () => {
      const s = await makeStock(w);
      const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
      data(await push(roomId, s.stockId, 60));
      expect(errorOf(await shelve(roomId, s.stockId, false)).code).toBe('LIVE.COUPON_BEING_PUSHED');
      data(await control(roomId, 'pause'));
      expect(data(await shelve(roomId, s.stockId, false)).coupons).toEqual([expect.objectContaining({ onShelf: false, pushSecondsLeft: 0 })]);
    });

    it('six coupons put on the shelf at once: three are, three are told the shelf is full', async () => {
      const stocks = [];
      for (let i = 0; i < 6; i++) stocks.push(await makeStock(w));
      const roomId = await liveRoom(w, []);
      for (const s of stocks) data(await w.call(HOST, 'live', 'addCoupon', { merchantId: SH, roomId, stockId: s.stockId, quantity: 10 }));
      const out = await Promise.all(stocks.map((s) => shelve(roomId, s.stockId, true)));
      expect(out.map((e) => (e.ok ? 'OK' : e.error.code)).sort()).toEqual(['LIVE.SHELF_FULL', 'LIVE.SHELF_FULL', 'LIVE.SHELF_FULL', 'OK', 'OK', 'OK']);
      expect((await consistentConsole(roomId)).onShelfCount).toBe(3);
    });

    it('pushes and take-offs while viewers keep joining and leaving: none is refused for the crowd', async () => {
      const [a, b] = [await makeStock(w), await makeStock(w)];
      const roomId = await liveRoom(w, [{ stockId: a.stockId, quantity: 10 }, { stockId: b.stockId, quantity: 10 }]);
      let live = true;
      const crowd = Array.from({ length: 10 }, async (_, i) => {
        while (live) {
          data(await w.call(consumerId(i + 1), 'live', 'join', { roomId }));
          data(await w.call(consumerId(i + 1), 'live', 'leave', { roomId }));
        }
      });
      try {
        for (let round = 0; round < 5; round++) {
          data(await push(roomId, a.stockId, 10));
          data(await shelve(roomId, b.stockId, false));
          data(await shelve(roomId, b.stockId, true));
          w.clock.advance(10_001);
        }
      } finally {
        live = false;
        await Promise.all(crowd);
      }
      await consistentConsole(roomId);
    });
  });

  describe('live.control: the host\'s controls under an audience', () => {
    it('pause, resume, replay and comments toggles and the end while viewers keep joining and leaving: none fails for the crowd', async () => {
      const roomId = await liveRoom(w, []);
      let live = true;
      const crowd = Array.from({ length: 10 }, async (_, i) => {
        while (live) {
          data(await w.call(consumerId(i + 1), 'live', 'join', { roomId }));
          data(await w.call(consumerId(i + 1), 'live', 'leave', { roomId }));
        }
      });
      const states: string[] = [];
      try {
        for (let round = 0; round < 3; round++) {
          states.push(data(await control(roomId, 'pause')).room.state);
          data(await control(roomId, 'replayOff'));
          data(await control(roomId, 'commentsOff'));
          states.push(data(await control(roomId, 'resume')).room.state);
          data(await control(roomId, 'replayOn'));
          data(await control(roomId, 'commentsOn'));
        }
        states.push(data(await control(roomId, 'end')).room.state);
      } finally {
        live = false;
        await Promise.all(crowd);
      }
      expect(states).toEqual(['PAUSED', 'LIVE', 'PAUSED', 'LIVE', 'PAUSED', 'LIVE', 'ENDED']);
      const c = data(await w.call<Console>(HOST, 'live', 'room', { merchantId: SH, roomId }));
      expect(c.room).toEqual(expect.objectContaining({ state: 'ENDED', replay: true, comments: true }));
    });

    it('two hosts pause at once: one pauses, the other is told the room is already paused', async () => {
      const roomId = await liveRoom(w, []);
      const out = await Promise.all([control(roomId, 'pause'), control(roomId, 'pause')]);
      expect(out.map((e) => (e.ok ? 'OK' : e.error.code)).sort()).toEqual(['LIVE.ILLEGAL_TRANSITION', 'OK']);
    });
  });
});

// On CloudBase a control or a push is a guarded update of the room, its audit entry a write after it.
describe('live rooms on cloudbase: the audit entry of a control or push that happened', () => {
  let w: LiveWorld;
  eachLiveWorld('cloudbase', (world) => (w = world));
  const auditWrite = (r: RecordedRequest) => r.params.collectionName === C.auditLog;
  const refuseAudit = (times: number) => {
    for (let i = 0; i < times; i++) w.stub!.injectOnce('database.insertDocument', { error: { code: 'SYS_ERR', message: 'stub: database busy' } }, auditWrite);
  };
  const entries = async (roomId: string) => (await w.store.find<AuditDoc>(C.auditLog, { targetId: roomId })).map((a) => a.detail);

  it('a failing entry is written again: the host is answered ok, the change and its entry both there once', async () => {
    const s = await makeStock(w);
    const roomId = await liveRoom(w, [{ stockId: s.stockId, quantity: 10 }]);
    const before = await entries(roomId);
    refuseAudit(2);
    expect(data(await w.call<Console>(HOST, 'live', 'control', { merchantId: SH, roomId, op: 'pause' })).room.state).toBe('PAUSED');
    data(await w.call<Console>(HOST, 'live', 'control', { merchantId: SH, roomId, op: 'resume' }));
    refuseAudit(1);
    data(await w.call<Console>(HOST, 'live', 'push', { merchantId: SH, roomId, stockId: s.stockId, durationSeconds: 60 }));
    expect((await w.store.get<RoomDoc>(C.liveRooms, roomId))?.pushStockId).toBe(s.stockId);
    expect((await entries(roomId)).slice(before.length)).toEqual([{ op: 'pause' }, { op: 'resume' }, { push: s.stockId, durationSeconds: 60 }]);
  });

  it('an entry that cannot be written at all is logged; the change it records still answers ok, not as an error to retry', async () => {
    const roomId = await liveRoom(w, []);
    const before = await entries(roomId);
    const logged = silentLog.errors.length;
    refuseAudit(3);
    expect(data(await w.call<Console>(HOST, 'live', 'control', { merchantId: SH, roomId, op: 'pause' })).room.state).toBe('PAUSED');
    expect((await w.store.get<RoomDoc>(C.liveRooms, roomId))?.state).toBe('PAUSED');
    expect(await entries(roomId)).toEqual(before);
    expect(silentLog.errors.length).toBe(logged + 1);
  });
});
