/**
 * Live rooms (L1–L6, W2) through the real dispatcher over a temporary SQLite file: every refusal
 * with its code and figures, the shelf and push rules on a fixed clock, the audience figures, and
 * claims under a crowd of concurrent viewers with exact counts afterwards.
 */
import type { OutputOf } from '@shared/api';
import { toRfc3339 } from '@shared/time';
import { C, type MemberDoc } from '../../src/runtime/records';
import { DEMO, consumerId } from '../../src/seed/demo';
import type { StockDoc } from '../../src/stock/stock.records';
import type { RoomCouponDoc, RoomDoc } from '../../src/live/live.records';
import type { CouponDoc } from '../../src/wallet/wallet.records';
import { data, errorOf, makeHarness, type Harness } from '../support/harness';

type Stock = OutputOf<'stock', 'create'>;
type Room = OutputOf<'live', 'createRoom'>;
type Console = OutputOf<'live', 'room'>;
type Viewer = OutputOf<'live', 'watch'>;
type Rooms = OutputOf<'live', 'rooms'>;
type Claim = OutputOf<'live', 'claim'>;

jest.setTimeout(120_000);

const NOW = '2026-11-22T10:00:00+08:00';
const NOW_MS = Date.parse(NOW);
const SH = DEMO.carrefourSh;
const { merchant: ADMIN, host: HOST, staff: STAFF } = DEMO.members;
const APPID = 'wxebb78adbe8371f8c';
const APPID_LIVE = 'wx5a3f9c21d7e4b680';
const APPID_BJ = 'wx91c2e8f04a6d3b17';
const MIN = 60_000;
const viewer = (n: number) => consumerId(n);

let h: Harness;
let seq = 0;
beforeEach(async () => {
  h = await makeHarness(NOW);
});
afterEach(async () => {
  await h.close();
});

const rid = (p = 'live') => `${p}-req-${String(++seq).padStart(6, '0')}`;
const at = (ms: number) => toRfc3339(ms);
/** The clock to `NOW + minutes`. */
const moveTo = (minutes: number) => h.clock.set(new Date(NOW_MS + minutes * MIN));

// ---- stocks ----

function stockDraft(over: Record<string, unknown> = {}) {
  return {
    merchantId: SH,
    requestId: rid('stock'),
    name: '全员裂变通优惠券',
    funding: 'PREPAID',
    faceValue: 50_000,
    minSpend: 500_000,
    availableBegin: '2026-11-23T00:00:00+08:00',
    availableEnd: '2026-12-22T23:59:59+08:00',
    timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0,
    excludedGoodsCodes: [],
    instructions: '满5000元减500元，全场通用',
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantity: 100,
    perUserLimit: 2,
    usableMerchantIds: [SH],
    usableStoreIds: [],
    cardPackInsertable: true,
    purpose: 'GENERAL',
    ...over,
  };
}

/** A stock of 家乐福上海: created, then activated and authorized for `APPID` unless told otherwise. */
async function makeStock(over: Record<string, unknown> = {}, opts: { activate?: boolean; authorize?: boolean } = {}): Promise<Stock> {
  const s = data(await h.call<Stock>(ADMIN, 'stock', 'create', stockDraft(over)));
  if (opts.activate === false) return s;
  data(await h.call(ADMIN, 'stock', 'activate', { merchantId: SH, stockId: s.stockId }));
  if (opts.authorize !== false) data(await h.call(ADMIN, 'stock', 'authorizeAppid', { merchantId: SH, stockId: s.stockId, appid: APPID }));
  return s;
}

// ---- rooms ----

function roomInput(over: Record<string, unknown> = {}) {
  return {
    merchantId: SH,
    requestId: rid('room'),
    appid: APPID,
    name: '家乐福双十二直播专场',
    hostName: '小美',
    startAt: at(h.clock.now().getTime() + 10 * MIN),
    endAt: at(h.clock.now().getTime() + 130 * MIN),
    ...over,
  };
}

const createRoom = (over: Record<string, unknown> = {}, member: string = HOST) => h.call<Room>(member, 'live', 'createRoom', roomInput(over));
const control = (roomId: string, op: string, member: string = HOST) => h.call<Console>(member, 'live', 'control', { merchantId: SH, roomId, op });
const addCoupon = (roomId: string, stockId: string, quantity: number, member: string = HOST) => h.call<Console>(member, 'live', 'addCoupon', { merchantId: SH, roomId, stockId, quantity });
const shelve = (roomId: string, stockId: string, onShelf: boolean) => h.call<Console>(HOST, 'live', 'shelve', { merchantId: SH, roomId, stockId, onShelf });
const push = (roomId: string, stockId: string, durationSeconds?: number) =>
  h.call<Console>(HOST, 'live', 'push', { merchantId: SH, roomId, stockId, ...(durationSeconds === undefined ? {} : { durationSeconds }) });
const consoleOf = (roomId: string) => h.call<Console>(HOST, 'live', 'room', { merchantId: SH, roomId });
const join = (member: string, roomId: string) => h.call<Viewer>(member, 'live', 'join', { roomId });
const leave = (member: string, roomId: string) => h.call<Viewer>(member, 'live', 'leave', { roomId });
const watch = (member: string, roomId: string) => h.call<Viewer>(member, 'live', 'watch', { roomId });
const claim = (member: string, roomId: string, stockId: string, requestId = rid('claim')) => h.call<Claim>(member, 'live', 'claim', { roomId, stockId, requestId });

/** A room that is live, with `stocks` added (quantity each), on the shelf, at NOW + 10 min. */
async function liveRoom(stocks: Array<{ stockId: string; quantity: number }> = []): Promise<string> {
  const room = data(await createRoom());
  for (const s of stocks) {
    data(await addCoupon(room.roomId, s.stockId, s.quantity));
    data(await shelve(room.roomId, s.stockId, true));
  }
  h.clock.advance(10 * MIN);
  data(await control(room.roomId, 'start'));
  return room.roomId;
}

const couponIn = (c: Console, stockId: string) => {
  const found = c.coupons.find((x) => x.stockId === stockId);
  if (!found) throw new Error(`coupon ${stockId} not in room`);
  return found;
};

describe('live.createRoom (L1)', () => {
  it('creates a NOT_STARTED room for the host, with replay and comments on, listed with its figures', async () => {
    const before = h.snapshot();
    const room = data(await createRoom());
    expect(room).toMatchObject({
      merchantId: SH, appid: APPID, name: '家乐福双十二直播专场', hostName: '小美', state: 'NOT_STARTED', stateLabel: '未开始',
      replay: true, comments: true, liveSeconds: 0, startAt: '2026-11-22T10:10:00+08:00', endAt: '2026-11-22T12:10:00+08:00', createdAt: NOW,
    });
    expect(room.roomId).toMatch(/^room_[0-9a-f]{16}$/);
    const after = h.snapshot();
    expect(after.c_liveRooms).toBe(before.c_liveRooms! + 1);
    expect(after.c_auditLog).toBe(before.c_auditLog! + 1);
    const list = data(await h.call<Rooms>(ADMIN, 'live', 'rooms', { merchantId: SH }));
    expect(list.total).toBe(1);
    expect(list.rooms[0]).toMatchObject({ roomId: room.roomId, online: 0, onShelfCount: 0, state: 'NOT_STARTED' });
  });

  it('is idempotent per requestId and refuses the same id with another payload', async () => {
    const input = roomInput();
    const first = data(await h.call<Room>(HOST, 'live', 'createRoom', input));
    const before = h.snapshot();
    expect(data(await h.call<Room>(HOST, 'live', 'createRoom', input))).toEqual(first);
    expect(errorOf(await h.call(HOST, 'live', 'createRoom', { ...input, name: '另一个直播间名称' })).code).toBe('REQUEST.ID_REUSED');
    expect(h.snapshot()).toEqual(before);
  });

  it.each([
    ['abcde', 5, false],
    ['abcdef', 6, true],
    ['直播直播直播直播直播直播直播直播ab', 34, true],
    ['直播直播直播直播直播直播直播直播abc', 35, false],
    ['直播间', 6, true],
  ])('name %s (width %i): accepted %s', async (name, width, accepted) => {
    const before = h.snapshot();
    const out = await createRoom({ name });
    if (accepted) {
      expect(data(out).name).toBe(name);
      return;
    }
    const err = errorOf(out);
    expect(err.code).toBe('REQUEST.INVALID');
    const message = width < 6 ? `长度 ${width} 不足 6` : `长度 ${width} 超过上限 34`;
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'L1', path: 'name', level: 'error', message: expect.stringContaining(message) })]);
    expect(h.snapshot()).toEqual(before);
  });

  it('start 9 minutes ahead is refused with the earliest time, 10 minutes is accepted', async () => {
    const before = h.snapshot();
    const err = errorOf(await createRoom({ startAt: at(NOW_MS + 9 * MIN), endAt: at(NOW_MS + 69 * MIN) }));
    expect(err.code).toBe('LIVE.RULE_VIOLATION');
    expect(err.issues).toEqual([{ rule: 'L1', path: 'startAt', level: 'error', message: '开播时间 2026-11-22 10:09 需至少在 10 分钟后（最早 2026-11-22 10:10）' }]);
    expect(h.snapshot()).toEqual(before);
    expect(data(await createRoom({ startAt: at(NOW_MS + 10 * MIN), endAt: at(NOW_MS + 70 * MIN) })).state).toBe('NOT_STARTED');
  });

  it('length: 29 minutes and 24 h + 1 min are refused, 30 minutes and 24 h accepted', async () => {
    const start = NOW_MS + 60 * MIN;
    const before = h.snapshot();
    const short = errorOf(await createRoom({ startAt: at(start), endAt: at(start + 29 * MIN) }));
    expect(short.code).toBe('LIVE.RULE_VIOLATION');
    expect(short.issues).toEqual([{ rule: 'L1', path: 'endAt', level: 'error', message: '直播时长 29 分钟，需不少于 30 分钟' }]);
    const long = errorOf(await createRoom({ startAt: at(start), endAt: at(start + 24 * 60 * MIN + MIN) }));
    expect(long.code).toBe('LIVE.RULE_VIOLATION');
    expect(long.issues).toEqual([{ rule: 'L1', path: 'endAt', level: 'error', message: '直播时长 24.1 小时，最长 24 小时' }]);
    expect(h.snapshot()).toEqual(before);
    expect(data(await createRoom({ startAt: at(start), endAt: at(start + 30 * MIN) })).endAt).toBe('2026-11-22T11:30:00+08:00');
    expect(data(await createRoom({ startAt: at(start), endAt: at(start + 24 * 60 * MIN) })).endAt).toBe('2026-11-23T11:00:00+08:00');
  });

  it('reports every violation at once: start too soon, too short, an APPID of another merchant', async () => {
    const err = errorOf(await createRoom({ appid: APPID_BJ, startAt: at(NOW_MS + 5 * MIN), endAt: at(NOW_MS + 20 * MIN) }));
    expect(err.code).toBe('LIVE.RULE_VIOLATION');
    expect(err.issues?.map((i) => [i.rule, i.path])).toEqual([['L1', 'startAt'], ['L1', 'endAt'], ['L1', 'appid']]);
    expect(err.issues?.[2]?.message).toBe(`APPID ${APPID_BJ} 不是本商户的小程序`);
  });

  it('is for admins and hosts of the merchant only', async () => {
    expect(errorOf(await createRoom({}, STAFF)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await createRoom({}, viewer(1))).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await h.call(HOST, 'live', 'createRoom', roomInput({ merchantId: DEMO.coffee, appid: 'wx0d7b3e5c9a1f2468' }))).code).toBe('AUTH.FORBIDDEN');
    const room = data(await createRoom({}, ADMIN));
    expect(errorOf(await h.call(viewer(1), 'live', 'room', { merchantId: SH, roomId: room.roomId })).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await h.call('sp-admin', 'live', 'room', { merchantId: DEMO.coffee, roomId: room.roomId })).code).toBe('LIVE.ROOM_NOT_FOUND');
  });
});

describe('live.addCoupon (L2)', () => {
  let roomId: string;
  beforeEach(async () => {
    roomId = data(await createRoom()).roomId;
  });

  it('adds an authorized RUNNING 全场券 with its summary, validity and stock', async () => {
    const s = await makeStock();
    const c = data(await addCoupon(roomId, s.stockId, 100));
    expect(c.coupons).toEqual([{
      stockId: s.stockId, name: '全员裂变通优惠券', summary: '满5000元减500元', availableBegin: '2026-11-23T00:00:00+08:00', availableEnd: '2026-12-22T23:59:59+08:00',
      stockRemaining: 100, quantity: 100, claimed: 0, onShelf: false, pushEndsAt: null, pushSecondsLeft: 0,
    }]);
    expect(c.onShelfCount).toBe(0);
    expect(c.maxOnShelf).toBe(3);
    expect(errorOf(await addCoupon(roomId, s.stockId, 1)).code).toBe('LIVE.COUPON_ALREADY_ADDED');
  });

  const l2 = async (stockId: string, quantity = 10) => {
    const before = h.snapshot();
    const err = errorOf(await addCoupon(roomId, stockId, quantity));
    expect(err.code).toBe('LIVE.RULE_VIOLATION');
    expect(h.snapshot()).toEqual(before);
    return err.issues ?? [];
  };

  it('refuses a stock that is not RUNNING: 未激活 (请先激活) and 已暂停 (请先重启)', async () => {
    const unactivated = await makeStock({}, { activate: false });
    expect(await l2(unactivated.stockId)).toEqual([
      { rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${unactivated.stockId} 状态为「未激活」，需为运行中`, hint: '请先激活' },
      // An unactivated stock cannot be authorized either (S14).
      { rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${unactivated.stockId} 未授权给直播间小程序 ${APPID}`, hint: '需由商户管理员在「APPID 营销授权」中授权给该小程序后再添加' },
    ]);
    const paused = await makeStock();
    data(await h.call(ADMIN, 'stock', 'pause', { merchantId: SH, stockId: paused.stockId }));
    expect(await l2(paused.stockId)).toEqual([
      { rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${paused.stockId} 状态为「已暂停」，需为运行中`, hint: '请先重启' },
    ]);
  });

  it('refuses a 单品券', async () => {
    const s = await makeStock({ scope: 'SINGLE_ITEM', availableGoodsCodes: ['SKU-001'] });
    expect(await l2(s.stockId)).toEqual([{ rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${s.stockId} 是单品券，直播间仅支持全场券` }]);
  });

  it('refuses a stock made for quota campaigns (配额发券)', async () => {
    const s = await makeStock({ purpose: 'QUOTA_CAMPAIGN' });
    expect(await l2(s.stockId)).toEqual([{ rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${s.stockId} 的用途是配额发券，直播间需用通用券` }]);
  });

  it('refuses a stock not authorized for the room\'s APPID (authorized for another APPID does not count)', async () => {
    const s = await makeStock({}, { authorize: false });
    data(await h.call(ADMIN, 'stock', 'authorizeAppid', { merchantId: SH, stockId: s.stockId, appid: APPID_LIVE }));
    expect(await l2(s.stockId)).toEqual([
      { rule: 'L2', path: 'stockId', level: 'error', message: `批次 ${s.stockId} 未授权给直播间小程序 ${APPID}`, hint: '需由商户管理员在「APPID 营销授权」中授权给该小程序后再添加' },
    ]);
  });

  it('refuses a quantity above the remaining stock (101 of 100), accepts exactly the remaining', async () => {
    const s = await makeStock();
    expect(await l2(s.stockId, 101)).toEqual([{ rule: 'L2', path: 'quantity', level: 'error', message: '直播间发放数量 101 张超过批次剩余库存 100 张' }]);
    expect(couponIn(data(await addCoupon(roomId, s.stockId, 100)), s.stockId).quantity).toBe(100);
  });

  it('names every failing rule of one stock at once', async () => {
    const s = await makeStock({ scope: 'SINGLE_ITEM', availableGoodsCodes: ['SKU-001'], purpose: 'QUOTA_CAMPAIGN' }, { activate: false });
    const issues = await l2(s.stockId, 500);
    expect(issues.map((i) => [i.rule, i.path, i.message])).toEqual([
      ['L2', 'stockId', `批次 ${s.stockId} 状态为「未激活」，需为运行中`],
      ['L2', 'stockId', `批次 ${s.stockId} 是单品券，直播间仅支持全场券`],
      ['L2', 'stockId', `批次 ${s.stockId} 的用途是配额发券，直播间需用通用券`],
      ['L2', 'stockId', `批次 ${s.stockId} 未授权给直播间小程序 ${APPID}`],
      ['L2', 'quantity', '直播间发放数量 500 张超过批次剩余库存 100 张'],
    ]);
  });

  it('an unknown 批次号 is STOCK.NOT_FOUND with the field named; a quantity of 0 is invalid', async () => {
    const err = errorOf(await addCoupon(roomId, '9999999999', 1));
    expect(err.code).toBe('STOCK.NOT_FOUND');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'L2', path: 'stockId' })]);
    const s = await makeStock();
    const zero = errorOf(await addCoupon(roomId, s.stockId, 0));
    expect(zero.code).toBe('REQUEST.INVALID');
    expect(zero.issues).toEqual([expect.objectContaining({ rule: 'L2', path: 'quantity' })]);
  });
});

describe('live.shelve (L3)', () => {
  it('at most 3 on the shelf: the 4th is refused with 3 / 3, a slot frees when one is taken off', async () => {
    const roomId = data(await createRoom()).roomId;
    const stocks = [await makeStock(), await makeStock(), await makeStock(), await makeStock()];
    for (const s of stocks) data(await addCoupon(roomId, s.stockId, 10));
    for (const s of stocks.slice(0, 3)) data(await shelve(roomId, s.stockId, true));
    const before = h.snapshot();
    const err = errorOf(await shelve(roomId, stocks[3]!.stockId, true));
    expect(err.code).toBe('LIVE.SHELF_FULL');
    expect(err.message).toBe('已上架优惠券数量 3 / 3，请先下架一张');
    expect(h.snapshot()).toEqual(before);
    let c = data(await consoleOf(roomId));
    expect(c.onShelfCount).toBe(3);
    expect(couponIn(c, stocks[3]!.stockId).onShelf).toBe(false);
    // Shelving one already on the shelf changes nothing.
    expect(data(await shelve(roomId, stocks[0]!.stockId, true)).onShelfCount).toBe(3);
    data(await shelve(roomId, stocks[0]!.stockId, false));
    c = data(await shelve(roomId, stocks[3]!.stockId, true));
    expect(c.onShelfCount).toBe(3);
    expect(c.coupons.map((x) => x.onShelf)).toEqual([false, true, true, true]);
    expect(errorOf(await shelve(roomId, '1234567890', true)).code).toBe('LIVE.COUPON_NOT_IN_ROOM');
  });

  it('concurrent shelving never passes 3', async () => {
    const roomId = data(await createRoom()).roomId;
    const stocks = [];
    for (let i = 0; i < 6; i++) stocks.push(await makeStock());
    for (const s of stocks) data(await addCoupon(roomId, s.stockId, 10));
    const out = await Promise.all(stocks.map((s) => shelve(roomId, s.stockId, true)));
    expect(out.filter((e) => e.ok)).toHaveLength(3);
    expect(out.filter((e) => !e.ok).map((e) => errorOf(e).code)).toEqual(['LIVE.SHELF_FULL', 'LIVE.SHELF_FULL', 'LIVE.SHELF_FULL']);
    const c = data(await consoleOf(roomId));
    expect(c.onShelfCount).toBe(3);
    expect(c.coupons.filter((x) => x.onShelf)).toHaveLength(3);
  });

  it('cannot take a coupon off the shelf while it is pushed; can once the push has ended', async () => {
    const s = await makeStock();
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 10 }]);
    data(await push(roomId, s.stockId, 60));
    h.clock.advance(13_000);
    const err = errorOf(await shelve(roomId, s.stockId, false));
    expect(err.code).toBe('LIVE.COUPON_BEING_PUSHED');
    expect(err.message).toBe(`批次 ${s.stockId} 正在推送（剩余 47 秒），推送结束后才能下架`);
    h.clock.advance(48_000);
    expect(couponIn(data(await shelve(roomId, s.stockId, false)), s.stockId).onShelf).toBe(false);
  });
});

describe('live.push (L4)', () => {
  it('only while 直播中 and only an on-shelf coupon', async () => {
    const [a, b] = [await makeStock(), await makeStock()];
    const room = data(await createRoom());
    data(await addCoupon(room.roomId, a.stockId, 10));
    data(await addCoupon(room.roomId, b.stockId, 10));
    data(await shelve(room.roomId, a.stockId, true));
    const notLive = errorOf(await push(room.roomId, a.stockId));
    expect(notLive.code).toBe('LIVE.NOT_LIVE');
    expect(notLive.message).toBe('直播间当前「未开始」，直播中才能推送');
    moveTo(10);
    data(await control(room.roomId, 'start'));
    expect(errorOf(await push(room.roomId, b.stockId)).code).toBe('LIVE.NOT_ON_SHELF');
    expect(errorOf(await push(room.roomId, '1234567890')).code).toBe('LIVE.COUPON_NOT_IN_ROOM');
    data(await control(room.roomId, 'pause'));
    expect(errorOf(await push(room.roomId, a.stockId)).message).toBe('直播间当前「已暂停」，直播中才能推送');
    const push0 = errorOf(await push(room.roomId, a.stockId, 5));
    expect(push0.code).toBe('REQUEST.INVALID');
    expect(push0.issues).toEqual([expect.objectContaining({ rule: 'L4', path: 'durationSeconds' })]);
  });

  it('one push at a time; the push counts down on the clock and ends by itself, then another may be pushed', async () => {
    const [a, b] = [await makeStock(), await makeStock()];
    const roomId = await liveRoom([{ stockId: a.stockId, quantity: 10 }, { stockId: b.stockId, quantity: 10 }]);
    const pushAt = h.clock.now().getTime();
    let c = data(await push(roomId, a.stockId));
    expect(couponIn(c, a.stockId)).toMatchObject({ pushEndsAt: '2026-11-22T10:11:00+08:00', pushSecondsLeft: 60 });
    expect(couponIn(c, b.stockId)).toMatchObject({ pushEndsAt: null, pushSecondsLeft: 0 });

    h.clock.advance(13_000);
    c = data(await consoleOf(roomId));
    expect(couponIn(c, a.stockId).pushSecondsLeft).toBe(47);
    const busy = errorOf(await push(roomId, b.stockId));
    expect(busy.code).toBe('LIVE.PUSH_IN_PROGRESS');
    expect(busy.message).toBe(`批次 ${a.stockId} 正在推送，剩余 47 秒`);
    expect(errorOf(await push(roomId, a.stockId)).code).toBe('LIVE.PUSH_IN_PROGRESS');

    // At the last instant it still counts as pushed; a millisecond later it has ended.
    h.clock.set(new Date(pushAt + 60_000));
    expect(couponIn(data(await consoleOf(roomId)), a.stockId).pushSecondsLeft).toBe(0);
    expect(errorOf(await push(roomId, b.stockId)).code).toBe('LIVE.PUSH_IN_PROGRESS');
    h.clock.set(new Date(pushAt + 60_001));
    c = data(await consoleOf(roomId));
    expect(couponIn(c, a.stockId)).toMatchObject({ pushEndsAt: null, pushSecondsLeft: 0 });
    expect(data(await watch(viewer(1), roomId)).pushed).toBeNull();

    c = data(await push(roomId, b.stockId, 10));
    expect(couponIn(c, b.stockId).pushSecondsLeft).toBe(10);
    h.clock.advance(10_001);
    // The same coupon may be pushed again after its push ended.
    expect(couponIn(data(await push(roomId, b.stockId, 600)), b.stockId).pushSecondsLeft).toBe(600);
  });

  it('pausing stops a running push; viewers see it gone', async () => {
    const a = await makeStock();
    const roomId = await liveRoom([{ stockId: a.stockId, quantity: 10 }]);
    data(await push(roomId, a.stockId));
    expect(data(await watch(viewer(1), roomId)).pushed?.stockId).toBe(a.stockId);
    data(await control(roomId, 'pause'));
    expect(data(await watch(viewer(1), roomId)).pushed).toBeNull();
    data(await control(roomId, 'resume'));
    expect(data(await watch(viewer(1), roomId)).pushed).toBeNull();
    expect(errorOf(await claim(viewer(1), roomId, a.stockId)).code).toBe('LIVE.NOT_PUSHED');
  });
});

describe('live.control', () => {
  it('start → pause → resume → end, with live time counted without the pause', async () => {
    const roomId = data(await createRoom()).roomId;
    moveTo(10);
    let c = data(await control(roomId, 'start'));
    expect(c.room).toMatchObject({ state: 'LIVE', stateLabel: '直播中', liveSeconds: 0 });
    h.clock.advance(3 * 3600_000 + 20 * MIN);
    c = data(await control(roomId, 'pause'));
    expect(c.room).toMatchObject({ state: 'PAUSED', stateLabel: '已暂停', liveSeconds: 12_000 });
    h.clock.advance(30 * MIN);
    expect(data(await consoleOf(roomId)).room.liveSeconds).toBe(12_000);
    c = data(await control(roomId, 'resume'));
    h.clock.advance(207_000);
    c = data(await consoleOf(roomId));
    expect(c.room.liveSeconds).toBe(12_207); // 03:23:27
    c = data(await control(roomId, 'replayOff'));
    expect(c.room.replay).toBe(false);
    c = data(await control(roomId, 'commentsOff'));
    expect(c.room.comments).toBe(false);
    c = data(await control(roomId, 'end'));
    expect(c.room).toMatchObject({ state: 'ENDED', stateLabel: '已结束', liveSeconds: 12_207, replay: false, comments: false });
  });

  it.each([
    ['NOT_STARTED', 'pause', '直播间当前「未开始」，不能暂停直播'],
    ['NOT_STARTED', 'resume', '直播间当前「未开始」，不能继续直播'],
    ['NOT_STARTED', 'end', '直播间当前「未开始」，不能结束直播'],
    ['LIVE', 'start', '直播间当前「直播中」，不能开始直播'],
    ['LIVE', 'resume', '直播间当前「直播中」，不能继续直播'],
    ['PAUSED', 'pause', '直播间当前「已暂停」，不能暂停直播'],
    ['PAUSED', 'start', '直播间当前「已暂停」，不能开始直播'],
    ['ENDED', 'start', '直播间当前「已结束」，不能开始直播'],
    ['ENDED', 'resume', '直播间当前「已结束」，不能继续直播'],
    ['ENDED', 'end', '直播间当前「已结束」，不能结束直播'],
    ['ENDED', 'replayOn', '直播已结束，不能开启回放'],
    ['ENDED', 'commentsOff', '直播已结束，不能关闭评论'],
  ])('from %s, %s is LIVE.ILLEGAL_TRANSITION', async (state, op, message) => {
    const roomId = data(await createRoom()).roomId;
    const path: Record<string, string[]> = { NOT_STARTED: [], LIVE: ['start'], PAUSED: ['start', 'pause'], ENDED: ['start', 'end'] };
    for (const o of path[state]!) data(await control(roomId, o));
    const before = h.snapshot();
    const err = errorOf(await control(roomId, op));
    expect(err.code).toBe('LIVE.ILLEGAL_TRANSITION');
    expect(err.message).toBe(message);
    expect(h.snapshot()).toEqual(before);
    expect(data(await consoleOf(roomId)).room.state).toBe(state);
  });

  it('an ended room takes no more coupons', async () => {
    const s = await makeStock();
    const roomId = await liveRoom();
    data(await control(roomId, 'end'));
    expect(errorOf(await addCoupon(roomId, s.stockId, 1)).code).toBe('LIVE.ILLEGAL_TRANSITION');
  });

  it('an ended room\'s shelf stays as it was: neither taken off nor put on, and nothing written', async () => {
    const [on, off] = [await makeStock(), await makeStock()];
    const roomId = await liveRoom([{ stockId: on.stockId, quantity: 5 }]);
    data(await addCoupon(roomId, off.stockId, 5));
    data(await control(roomId, 'end'));
    const before = h.snapshot();
    const coupons = await h.store.find(C.roomCoupons, { roomId });
    for (const [stockId, onShelf, verb] of [[on.stockId, false, '下架'], [off.stockId, true, '上架']] as const) {
      const e = errorOf(await shelve(roomId, stockId, onShelf));
      expect([e.code, e.message]).toEqual(['LIVE.ILLEGAL_TRANSITION', `直播已结束，不能${verb}优惠券`]);
    }
    expect(h.snapshot()).toEqual(before);
    expect(await h.store.find(C.roomCoupons, { roomId })).toEqual(coupons);
  });
});

describe('live.join / leave (L5, L6)', () => {
  it('online, unique viewers, views and average watch time follow joins, leaves and the clock', async () => {
    const roomId = await liveRoom();
    const t0 = h.clock.now().getTime();
    data(await join(viewer(1), roomId));
    data(await join(viewer(2), roomId));
    let s = data(await consoleOf(roomId)).stats;
    expect(s).toEqual({ online: 2, viewers: 2, views: 2, avgWatchSeconds: 0 });

    h.clock.set(new Date(t0 + 100_000));
    data(await leave(viewer(1), roomId));
    s = data(await consoleOf(roomId)).stats;
    // viewer 1: 100 s done; viewer 2: 100 s running.
    expect(s).toEqual({ online: 1, viewers: 2, views: 2, avgWatchSeconds: 100 });

    // Leaving twice counts once.
    data(await leave(viewer(1), roomId));
    expect(data(await consoleOf(roomId)).stats.online).toBe(1);

    data(await join(viewer(1), roomId)); // back: another view, not another viewer
    // A second tab of viewer 2: another view, nobody more online.
    data(await join(viewer(2), roomId));
    s = data(await consoleOf(roomId)).stats;
    expect(s).toEqual({ online: 2, viewers: 2, views: 4, avgWatchSeconds: 100 });

    h.clock.set(new Date(t0 + 400_000));
    // viewer 1: 100 + 300 running; viewer 2: 400 running → (400 + 400) / 2 = 400 s = 6分40秒.
    expect(data(await consoleOf(roomId)).stats).toEqual({ online: 2, viewers: 2, views: 4, avgWatchSeconds: 400 });
    data(await leave(viewer(1), roomId));
    data(await leave(viewer(2), roomId));
    h.clock.advance(3600_000);
    expect(data(await consoleOf(roomId)).stats).toEqual({ online: 0, viewers: 2, views: 4, avgWatchSeconds: 400 });
    const list = data(await h.call<Rooms>(HOST, 'live', 'rooms', { merchantId: SH }));
    expect(list.rooms[0]).toMatchObject({ roomId, online: 0 });
  });

  it('a viewer sees the room and nothing pushed; an unknown room is LIVE.ROOM_NOT_FOUND', async () => {
    const roomId = await liveRoom();
    expect(data(await join(viewer(1), roomId))).toMatchObject({ roomId, name: '家乐福双十二直播专场', hostName: '小美', state: 'LIVE', stateLabel: '直播中', pushed: null });
    expect(errorOf(await join(viewer(1), 'room_0000000000000000')).code).toBe('LIVE.ROOM_NOT_FOUND');
    expect(errorOf(await h.call(null, 'live', 'join', { roomId })).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('100 viewers joining at once are 100 online', async () => {
    const roomId = await liveRoom();
    await h.store.transaction(async (tx) => {
      for (let i = 1; i <= 100; i++) await tx.set(C.members, { id: `crowd-${i}`, openid: `o-crowd-${i}`, nickname: `观众${i}`, memberships: [] } satisfies MemberDoc);
    });
    const out = await Promise.all(Array.from({ length: 100 }, (_, i) => join(`crowd-${i + 1}`, roomId)));
    expect(out.every((e) => e.ok)).toBe(true);
    expect(data(await consoleOf(roomId)).stats).toMatchObject({ online: 100, viewers: 100, views: 100 });
  });
});

describe('live.claim (W2)', () => {
  it('claims the pushed coupon: a LIVE coupon in the wallet, 已领取 and 库存 move, no quota spent', async () => {
    const s = await makeStock();
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 10 }]);
    const quotaBefore = h.snapshot().c_quotaLedger;
    data(await push(roomId, s.stockId));
    const seen = data(await watch(viewer(1), roomId));
    expect(seen.pushed).toMatchObject({ stockId: s.stockId, name: '全员裂变通优惠券', summary: '满5000元减500元', left: 10, myClaims: 0, perUserLimit: 2, pushSecondsLeft: 60 });
    const requestId = rid('claim');
    const out = data(await claim(viewer(1), roomId, s.stockId, requestId));
    expect(out.coupons).toEqual([expect.objectContaining({ stockId: s.stockId, source: 'LIVE', sourceId: roomId, summary: '满5000元减500元', status: 'AVAILABLE' })]);
    // A retry with the same requestId returns the same coupon and takes nothing more.
    expect(data(await claim(viewer(1), roomId, s.stockId, requestId))).toEqual(out);
    const c = data(await consoleOf(roomId));
    expect(couponIn(c, s.stockId)).toMatchObject({ claimed: 1, stockRemaining: 99 });
    expect(data(await watch(viewer(1), roomId)).pushed).toMatchObject({ left: 9, myClaims: 1 });
    expect(h.snapshot().c_quotaLedger).toBe(quotaBefore);
    const wallet = data(await h.call<{ coupons: Array<{ stockId: string; source: string }> }>(viewer(1), 'wallet', 'list', {}));
    expect(wallet.coupons).toEqual([expect.objectContaining({ stockId: s.stockId, source: 'LIVE' })]);
  });

  it('only while pushed: before the push, after it ended, another stock, a paused room', async () => {
    const [a, b] = [await makeStock(), await makeStock()];
    const roomId = await liveRoom([{ stockId: a.stockId, quantity: 10 }, { stockId: b.stockId, quantity: 10 }]);
    const before = h.snapshot();
    const notYet = errorOf(await claim(viewer(1), roomId, a.stockId));
    expect(notYet.code).toBe('LIVE.NOT_PUSHED');
    expect(notYet.message).toBe('该券当前未在推送，推送期间才能领取');
    data(await push(roomId, a.stockId, 30));
    expect(errorOf(await claim(viewer(1), roomId, b.stockId)).code).toBe('LIVE.NOT_PUSHED');
    h.clock.advance(30_001);
    expect(errorOf(await claim(viewer(1), roomId, a.stockId)).code).toBe('LIVE.NOT_PUSHED');
    const after = h.snapshot();
    expect(after.c_coupons).toBe(before.c_coupons);
  });

  it('per-user limit: the 3rd claim of a 2-per-user stock is refused with the figures', async () => {
    const s = await makeStock({ perUserLimit: 2 });
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 10 }]);
    data(await push(roomId, s.stockId));
    data(await claim(viewer(1), roomId, s.stockId));
    data(await claim(viewer(1), roomId, s.stockId));
    const err = errorOf(await claim(viewer(1), roomId, s.stockId));
    expect(err.code).toBe('LIVE.PER_USER_LIMIT');
    expect(err.message).toBe('每人限领 2 张，你已领取 2 张');
    expect(data(await watch(viewer(1), roomId)).pushed).toMatchObject({ myClaims: 2, left: 8 });
    expect(couponIn(data(await consoleOf(roomId)), s.stockId)).toMatchObject({ claimed: 2, stockRemaining: 98 });
  });

  it('room quantity: 已领完 once the room\'s quantity is claimed, though the stock has more', async () => {
    const s = await makeStock({ perUserLimit: 5 });
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 2 }]);
    data(await push(roomId, s.stockId));
    data(await claim(viewer(1), roomId, s.stockId));
    data(await claim(viewer(2), roomId, s.stockId));
    const err = errorOf(await claim(viewer(3), roomId, s.stockId));
    expect(err.code).toBe('LIVE.ROOM_SOLD_OUT');
    expect(err.message).toBe('直播间的 2 张券已领完');
    expect(data(await watch(viewer(3), roomId)).pushed).toMatchObject({ left: 0, myClaims: 0 });
    // The refusal gave the viewer's count back.
    const counter = await h.store.get<{ id: string; count: number }>(C.liveClaimCounters, `${s.stockId}:o-demo-consumer-03`);
    expect(counter?.count ?? 0).toBe(0);
  });

  it('a stock paused, stopped or past its window while pushed issues nothing: 暂不可领 with the reason, not 已领完', async () => {
    const s = await makeStock({ availableEnd: '2026-11-22T10:15:00+08:00', availableBegin: '2026-11-22T10:00:00+08:00' });
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 10 }]);
    data(await push(roomId, s.stockId, 600));
    data(await h.call(ADMIN, 'stock', 'pause', { merchantId: SH, stockId: s.stockId }));
    const before = h.snapshot();
    const paused = errorOf(await claim(viewer(1), roomId, s.stockId));
    expect(paused.code).toBe('LIVE.STOCK_UNAVAILABLE');
    expect(paused.message).toBe('「全员裂变通优惠券」已暂停，暂不能领取');
    expect(h.snapshot()).toEqual(before);
    data(await h.call(ADMIN, 'stock', 'restart', { merchantId: SH, stockId: s.stockId }));
    data(await claim(viewer(1), roomId, s.stockId));
    h.clock.set(new Date(Date.parse('2026-11-22T10:15:01+08:00')));
    const expired = errorOf(await claim(viewer(2), roomId, s.stockId));
    expect(expired.code).toBe('LIVE.STOCK_UNAVAILABLE');
    expect(expired.message).toBe('「全员裂变通优惠券」已过期，暂不能领取');
    expect(await h.store.find<CouponDoc>(C.coupons, { stockId: s.stockId })).toHaveLength(1);
  });

  it('a stock stopped while pushed: 已终止, 暂不能领取', async () => {
    const s = await makeStock();
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 10 }]);
    data(await push(roomId, s.stockId, 600));
    data(await h.call(ADMIN, 'stock', 'stop', { merchantId: SH, stockId: s.stockId }));
    const before = h.snapshot();
    const stopped = errorOf(await claim(viewer(1), roomId, s.stockId));
    expect(stopped).toMatchObject({ code: 'LIVE.STOCK_UNAVAILABLE', message: '「全员裂变通优惠券」已终止，暂不能领取' });
    expect(h.snapshot()).toEqual(before);
  });

  it('a stock with no unit left is 已领完 (LIVE.STOCK_OUT), though the room still has some', async () => {
    const s = await makeStock({ totalQuantity: 1, perUserLimit: 1 });
    const roomA = await liveRoom([{ stockId: s.stockId, quantity: 1 }]);
    const roomB = await liveRoom([{ stockId: s.stockId, quantity: 1 }]);
    data(await push(roomA, s.stockId, 600));
    data(await push(roomB, s.stockId, 600));
    data(await claim(viewer(1), roomA, s.stockId));
    const before = h.snapshot();
    const out = errorOf(await claim(viewer(2), roomB, s.stockId));
    expect(out).toMatchObject({ code: 'LIVE.STOCK_OUT', message: '券已领完' });
    expect(h.snapshot()).toEqual(before);
    expect(couponIn(data(await consoleOf(roomB)), s.stockId)).toMatchObject({ claimed: 0, stockRemaining: 0 });
  });

  it('a claim whose S7 wait would start the coupon after the stock\'s end is refused (暂不可领), saying so, and takes nothing', async () => {
    const s = await makeStock({ availableBegin: '2026-11-22T10:00:00+08:00', availableEnd: '2026-11-24T10:00:30+08:00', effectiveAfterClaimDays: 2 });
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 10 }]);
    data(await push(roomId, s.stockId, 600));
    h.clock.set(new Date(Date.parse('2026-11-22T10:00:00+08:00')));
    data(await claim(viewer(1), roomId, s.stockId));
    h.clock.set(new Date(Date.parse('2026-11-22T10:01:00+08:00')));
    const late = errorOf(await claim(viewer(2), roomId, s.stockId));
    expect(late.code).toBe('LIVE.STOCK_UNAVAILABLE');
    expect(late.message).toBe('「全员裂变通优惠券」领取后 2 天才生效，已晚于可用结束时间 2026-11-24 10:00:30，现在领取将无法使用');
    expect(couponIn(data(await consoleOf(roomId)), s.stockId)).toMatchObject({ claimed: 1 });
    expect(await h.store.find<CouponDoc>(C.coupons, { stockId: s.stockId })).toHaveLength(1);
  });

  const crowd = async (n: number) => {
    await h.store.transaction(async (tx) => {
      for (let i = 1; i <= n; i++) await tx.set(C.members, { id: `crowd-${i}`, openid: `o-crowd-${i}`, nickname: `观众${i}`, memberships: [] } satisfies MemberDoc);
    });
    return Array.from({ length: n }, (_, i) => `crowd-${i + 1}`);
  };

  const codes = (out: Array<{ ok: boolean }>) => {
    const tally: Record<string, number> = {};
    for (const e of out) {
      const k = e.ok ? 'OK' : errorOf(e as never).code;
      tally[k] = (tally[k] ?? 0) + 1;
    }
    return tally;
  };

  const couponsOf = async (stockId: string) => (await h.store.find<CouponDoc>(C.coupons, { stockId })).length;

  it('1,000 viewers claiming at once: the room quantity holds exactly', async () => {
    const s = await makeStock({ totalQuantity: 1000, perUserLimit: 1 });
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 137 }]);
    data(await push(roomId, s.stockId, 600));
    const members = await crowd(1000);
    const out = await Promise.all(members.map((m) => claim(m, roomId, s.stockId)));
    expect(codes(out)).toEqual({ OK: 137, 'LIVE.ROOM_SOLD_OUT': 863 });
    expect(await couponsOf(s.stockId)).toBe(137);
    const rc = await h.store.get<RoomCouponDoc>(C.roomCoupons, `${roomId}:${s.stockId}`);
    const stock = await h.store.get<StockDoc>(C.stocks, s.stockId);
    expect(rc?.claimed).toBe(137);
    expect(stock).toMatchObject({ remaining: 863, issued: 137 });
  });

  it('1,000 claims at once, 20 taps each by 50 viewers: the per-user limit holds exactly', async () => {
    const s = await makeStock({ totalQuantity: 1000, perUserLimit: 3 });
    const roomId = await liveRoom([{ stockId: s.stockId, quantity: 1000 }]);
    data(await push(roomId, s.stockId, 600));
    const taps = Array.from({ length: 1000 }, (_, i) => viewer((i % 50) + 1));
    const out = await Promise.all(taps.map((m) => claim(m, roomId, s.stockId)));
    expect(codes(out)).toEqual({ OK: 150, 'LIVE.PER_USER_LIMIT': 850 });
    const coupons = await h.store.find<CouponDoc>(C.coupons, { stockId: s.stockId });
    const perUser = new Map<string, number>();
    for (const c of coupons) perUser.set(c.openid, (perUser.get(c.openid) ?? 0) + 1);
    expect(perUser.size).toBe(50);
    expect([...perUser.values()].every((n) => n === 3)).toBe(true);
    expect(await h.store.get<StockDoc>(C.stocks, s.stockId)).toMatchObject({ remaining: 850, issued: 150 });
  });

  it('1,000 claims at once across two rooms sharing a stock: the remaining stock holds exactly', async () => {
    const s = await makeStock({ totalQuantity: 150, perUserLimit: 1 });
    const roomA = await liveRoom([{ stockId: s.stockId, quantity: 100 }]);
    const roomB = await liveRoom([{ stockId: s.stockId, quantity: 100 }]);
    data(await push(roomA, s.stockId, 600));
    data(await push(roomB, s.stockId, 600));
    const members = await crowd(1000);
    const out = await Promise.all(members.map((m, i) => claim(m, i % 2 ? roomB : roomA, s.stockId)));
    const tally = codes(out);
    expect(tally.OK).toBe(150);
    expect((tally['LIVE.STOCK_OUT'] ?? 0) + (tally['LIVE.ROOM_SOLD_OUT'] ?? 0)).toBe(850);
    expect(tally['LIVE.STOCK_OUT']).toBeGreaterThan(0);
    expect(await couponsOf(s.stockId)).toBe(150);
    const [a, b] = await Promise.all([roomA, roomB].map((r) => h.store.get<RoomCouponDoc>(C.roomCoupons, `${r}:${s.stockId}`)));
    expect(a!.claimed + b!.claimed).toBe(150);
    expect(a!.claimed).toBeLessThanOrEqual(100);
    expect(b!.claimed).toBeLessThanOrEqual(100);
    expect(await h.store.get<StockDoc>(C.stocks, s.stockId)).toMatchObject({ remaining: 0, issued: 150 });
    const stuck = await h.store.find<{ id: string; count: number }>(C.liveClaimCounters, { count: { gt: 1 } });
    expect(stuck).toEqual([]);
    const room = await h.store.get<RoomDoc>(C.liveRooms, roomA);
    expect(room?.state).toBe('LIVE');
  });
});
