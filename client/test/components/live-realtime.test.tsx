/**
 * services/realtime `subscribeRoom`, both transports, against fakes of what they talk to: `call`
 * (the function), EventSource (H5) and the CloudBase database watch (weapp). Timers are fake.
 */
import Taro from '@tarojs/taro';
import { toRfc3339 } from '@shared/time';
import { call, CloudError } from '@/services/cloud';
import { subscribeRoom, type LiveConsole, type LiveViewerState } from '@/services/realtime';
import { callMock } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});

const ROOM = 'room_0123456789abcdef';
const MERCHANT = '1900000101';

const viewer = (n: number): LiveViewerState => ({
  roomId: ROOM, name: '家乐福双十二直播专场', hostName: '小美', state: 'LIVE', stateLabel: '直播中', now: toRfc3339(1_790_000_000_000 + n * 1000), pushed: null,
});
const consoleState = (online: number): LiveConsole => ({
  room: {
    roomId: ROOM, merchantId: MERCHANT, appid: 'wxebb78adbe8371f8c', name: '家乐福双十二直播专场', hostName: '小美', startAt: '2026-11-22T10:10:00+08:00',
    endAt: '2026-11-22T12:10:00+08:00', state: 'LIVE', stateLabel: '直播中', replay: true, comments: true, liveSeconds: 10, createdAt: '2026-11-22T10:00:00+08:00',
  },
  now: '2026-11-22T10:20:00+08:00',
  stats: { online, viewers: online, views: online, avgWatchSeconds: 0 },
  coupons: [],
  onShelfCount: 0,
  maxOnShelf: 3,
});

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  jest.useFakeTimers();
  callMock.mockReset();
});
afterEach(() => {
  jest.useRealTimers();
  process.env.TARO_ENV = 'h5';
});

describe('weapp: CloudBase watch, with a 2-second poll when the watch is refused', () => {
  let watchOptions: { onChange?: (r: unknown) => void; onError?: (r: unknown) => void } = {};
  const close = jest.fn(() => Promise.resolve());

  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
    close.mockClear();
    watchOptions = {};
    const where = jest.fn(() => ({ watch: (o: typeof watchOptions) => ((watchOptions = o), { close }) }));
    Object.assign(Taro, { cloud: { database: () => ({ collection: (name: string) => (expect(name).toBe('liveRooms'), { where }) }) } });
  });

  test('a refused watch (the database rules deny client reads) falls back to reading every 2 s', async () => {
    let n = 0;
    callMock.mockImplementation((() => Promise.resolve(viewer(++n))) as unknown as typeof call);
    const states: LiveViewerState[] = [];
    const stop = subscribeRoom(ROOM, {}, { onState: (s) => states.push(s) });
    await flush();
    expect(callMock).toHaveBeenCalledWith('live', 'watch', { roomId: ROOM });
    expect(states).toHaveLength(1);

    watchOptions.onError?.({ errMsg: 'permission denied' });
    expect(close).toHaveBeenCalled();
    jest.advanceTimersByTime(1_999);
    await flush();
    expect(states).toHaveLength(1);
    jest.advanceTimersByTime(1);
    await flush();
    expect(states).toHaveLength(2);
    jest.advanceTimersByTime(2_000);
    await flush();
    expect(states).toHaveLength(3);

    stop();
    jest.advanceTimersByTime(10_000);
    await flush();
    expect(states).toHaveLength(3);
  });

  test('a working watch reads the console through the function on each change; a final error stops it', async () => {
    let online = 0;
    callMock.mockImplementation((() => Promise.resolve(consoleState(online))) as unknown as typeof call);
    const states: LiveConsole[] = [];
    const errors: Array<[string, boolean]> = [];
    subscribeRoom(ROOM, { merchantId: MERCHANT }, { onState: (s) => states.push(s), onError: (e, final) => errors.push([e.code, final]) });
    await flush();
    expect(callMock).toHaveBeenLastCalledWith('live', 'room', { merchantId: MERCHANT, roomId: ROOM });
    online = 3;
    watchOptions.onChange?.({ docChanges: [] });
    await flush();
    expect(states.map((s) => s.stats.online)).toEqual([0, 3]);

    callMock.mockImplementation((() => Promise.reject(new CloudError('LIVE.ROOM_NOT_FOUND', '直播间不存在'))) as unknown as typeof call);
    watchOptions.onChange?.({ docChanges: [] });
    await flush();
    expect(errors).toEqual([['LIVE.ROOM_NOT_FOUND', true]]);
    expect(close).toHaveBeenCalled();
  });
});

describe('H5: Server-Sent Events with reconnect', () => {
  class FakeEventSource {
    static CLOSED = 2;
    static all: FakeEventSource[] = [];
    readyState = 1;
    onmessage: ((ev: { data: string }) => void) | null = null;
    onerror: (() => void) | null = null;
    closed = false;
    constructor(readonly url: string) {
      FakeEventSource.all.push(this);
    }
    close() {
      this.closed = true;
      this.readyState = 2;
    }
    send(body: unknown) {
      this.onmessage?.({ data: JSON.stringify(body) });
    }
  }

  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    FakeEventSource.all = [];
    Object.assign(globalThis, { EventSource: FakeEventSource });
  });

  test('delivers each envelope\'s state, ignores what is not one, and reconnects after the server refused the stream', async () => {
    const states: LiveConsole[] = [];
    const errors: string[] = [];
    const stop = subscribeRoom(ROOM, { merchantId: MERCHANT }, { onState: (s) => states.push(s), onError: (e) => errors.push(e.code) });
    const first = FakeEventSource.all[0]!;
    expect(first.url).toBe(`/api/live/${ROOM}/events?merchantId=${MERCHANT}`);
    first.send({ ok: true, data: consoleState(1) });
    first.send({ ok: true, data: { not: 'a console' } });
    first.onmessage?.({ data: 'not json' });
    first.send({ ok: false, error: { code: 'INTERNAL.ERROR', message: '系统繁忙' } });
    expect(states.map((s) => s.stats.online)).toEqual([1]);
    expect(errors).toEqual(['INTERNAL.ERROR']);

    // The browser gave up on the stream (an error answer instead of events): read once, then connect again.
    callMock.mockResolvedValue(consoleState(2) as never);
    first.readyState = FakeEventSource.CLOSED;
    first.onerror?.();
    expect(FakeEventSource.all).toHaveLength(1);
    jest.advanceTimersByTime(1_000);
    await flush();
    expect(states.map((s) => s.stats.online)).toEqual([1, 2]);
    expect(FakeEventSource.all).toHaveLength(2);
    FakeEventSource.all[1]!.send({ ok: true, data: consoleState(5) });
    expect(states.map((s) => s.stats.online)).toEqual([1, 2, 5]);

    stop();
    expect(FakeEventSource.all[1]!.closed).toBe(true);
  });

  test('a final refusal (room gone) stops reconnecting', async () => {
    const errors: Array<[string, boolean]> = [];
    subscribeRoom(ROOM, {}, { onState: () => undefined, onError: (e, final) => errors.push([e.code, final]) });
    expect(FakeEventSource.all[0]!.url).toBe(`/api/live/${ROOM}/events`);
    callMock.mockRejectedValue(new CloudError('LIVE.ROOM_NOT_FOUND', '直播间不存在'));
    FakeEventSource.all[0]!.readyState = FakeEventSource.CLOSED;
    FakeEventSource.all[0]!.onerror?.();
    jest.advanceTimersByTime(1_000);
    await flush();
    expect(errors).toEqual([['LIVE.ROOM_NOT_FOUND', true]]);
    jest.advanceTimersByTime(60_000);
    await flush();
    expect(FakeEventSource.all).toHaveLength(1);
  });
});
