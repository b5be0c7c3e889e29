/**
 * 直播控制台 and 观看直播 against a fake backend: `call` (services/cloud) and `subscribeRoom`
 * (services/realtime) are the network boundary and are replaced; session, hooks, the shared rules
 * and NutUI are the real ones. States are pushed through the captured subscription, as SSE would.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import Taro from '@tarojs/taro';
import type { Me } from '@shared/account/schema';
import { toRfc3339 } from '@shared/time';
import { CloudError, NETWORK_ERROR } from '@/services/cloud';
import { subscribeRoom, type LiveConsole, type LiveViewerState, type RoomHandlers } from '@/services/realtime';
import { SessionProvider } from '@/hooks/useSession';
import LiveConsolePage from '@/pages/live/console/index';
import LiveWatchPage from '@/pages/live/watch/index';
import { backend, callMock, type Handler } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});
jest.mock('@/services/realtime', () => {
  const actual = jest.requireActual<typeof import('@/services/realtime')>('@/services/realtime');
  return { ...actual, subscribeRoom: jest.fn() };
});

// Page lifecycle hooks come from Taro's framework runtime, which jsdom does not run: mounted = shown.
Object.assign(Taro, { useDidShow: () => undefined, useDidHide: () => undefined, useUnload: () => undefined });

const subscribeMock = subscribeRoom as unknown as jest.Mock<() => void, [string, { merchantId?: string }, RoomHandlers<LiveConsole | LiveViewerState>]>;
const MERCHANT = '1900000101';
const ROOM = 'room_0123456789abcdef';
const STOCK = '1234567890';

const host: Me = {
  memberId: 'live-host',
  nickname: '小美（主播）',
  consumer: false,
  memberships: [{ role: 'LIVE_HOST', merchantId: MERCHANT, merchantName: '家乐福上海', storeIds: [] }],
};
const consumer: Me = { memberId: 'consumer-07', nickname: '王同学7', consumer: true, memberships: [] };

/** The subscription the page opened, to push states through. */
function feed() {
  const last = subscribeMock.mock.calls[subscribeMock.mock.calls.length - 1];
  if (!last) throw new Error('no subscription');
  return last[2];
}

const nowIso = () => toRfc3339(Date.now());

function consoleState(over: Partial<LiveConsole> = {}, coupon: Partial<LiveConsole['coupons'][number]> = {}): LiveConsole {
  return {
    room: {
      roomId: ROOM, merchantId: MERCHANT, appid: 'wxebb78adbe8371f8c', name: '家乐福双十二直播专场', hostName: '小美',
      startAt: '2026-11-22T10:10:00+08:00', endAt: '2026-11-22T12:10:00+08:00', state: 'LIVE', stateLabel: '直播中',
      replay: true, comments: true, liveSeconds: 12_207, createdAt: '2026-11-22T10:00:00+08:00',
    },
    now: nowIso(),
    stats: { online: 1, viewers: 8, views: 14, avgWatchSeconds: 400 },
    coupons: [{
      stockId: STOCK, name: '全员裂变通优惠券', summary: '满5000元减500元', availableBegin: '2020-07-07T00:00:00+08:00', availableEnd: '2020-07-31T23:59:59+08:00',
      stockRemaining: 100, quantity: 100, claimed: 0, onShelf: true, pushEndsAt: null, pushSecondsLeft: 0, ...coupon,
    }],
    onShelfCount: 1,
    maxOnShelf: 3,
    ...over,
  };
}

const text = (sel: string) => document.querySelector(sel)?.textContent?.trim();

beforeEach(() => {
  callMock.mockReset();
  subscribeMock.mockReset();
  subscribeMock.mockReturnValue(() => undefined);
  window.localStorage.clear();
});

describe('直播控制台', () => {
  beforeEach(() => {
    Current.router = { params: { roomId: ROOM }, path: '/pages/live/console/index' } as unknown as typeof Current.router;
  });

  async function renderConsole(handlers: Record<string, Handler> = {}) {
    backend({ 'account.me': () => host, ...handlers });
    render(<SessionProvider><LiveConsolePage /></SessionProvider>);
    await waitFor(() => expect(subscribeMock).toHaveBeenCalled());
    expect(subscribeMock.mock.calls[0]?.[0]).toBe(ROOM);
    expect(subscribeMock.mock.calls[0]?.[1]).toEqual({ merchantId: MERCHANT });
  }

  test('观看链接 copies the viewers\' link; when copying is refused, says so and shows the link to copy by hand', async () => {
    await renderConsole();
    act(() => feed().onState(consoleState()));
    const link = `${window.location.origin}/#/pages/live/watch/index?roomId=${ROOM}`;
    // The browser's copy command is the boundary (jsdom has none): Taro's H5 clipboard is the real one.
    const copied: string[] = [];
    const execCommand = jest.fn((cmd: string) => {
      if (cmd === 'copy') copied.push(document.body.querySelector('textarea')?.value ?? '');
      return true;
    });
    Object.assign(document, { execCommand });
    fireEvent.click(await screen.findByText('观看链接'));
    await waitFor(() => expect(document.body.textContent).toContain('观看链接已复制'));
    expect(copied).toEqual([link]);

    execCommand.mockImplementation(() => {
      throw new Error('not allowed');
    });
    fireEvent.click(screen.getByText('观看链接'));
    await waitFor(() => expect(document.body.textContent).toContain(`复制失败，请手动复制：${link}`));
    Object.assign(document, { execCommand: undefined });
  });

  test('lays out the seed\'s console and takes new figures from the feed without reloading', async () => {
    await renderConsole();
    act(() => feed().onState(consoleState({}, { pushEndsAt: toRfc3339(Date.now() + 47_000), pushSecondsLeft: 47 })));
    expect(await screen.findByText('数据面板')).toBeTruthy();
    expect(text('.live-stats__cell--online .live-stats__value')).toBe('1');
    expect(text('.live-stats__cell--viewers .live-stats__value')).toBe('8');
    expect(text('.live-stats__cell--views .live-stats__value')).toBe('14');
    expect(text('.live-stats__cell--avg .live-stats__value')).toBe('6分40秒');
    expect(text('.live-control__duration')).toBe('03:23:27');
    // The name as the name, the offer as the offer; the room's and the stock's counts each labelled.
    expect(text('.live-coupon__title')).toBe('全员裂变通优惠券');
    expect(text('.live-coupon__offer')).toBe('满5000元减500元');
    expect(screen.getByText('有效期：2020/07/07 - 2020/07/31')).toBeTruthy();
    expect(text('.live-coupon__counts')).toBe('本场投放 100 张 · 已领 0 张 · 批次剩余 100 张');
    expect(text('.live-control__switch--replay .live-control__switch-text')).toBe('开启');
    expect(text('.live-control__switch--comments .live-control__switch-text')).toBe('开启');
    expect(text('.live-coupon__status')).toBe('推送中 47s');
    expect(text('.live-push__count-n')).toBe('1 / 3');
    // Coupons are all a room pushes (L4): no 商品 or 抽奖 tabs that lead nowhere.
    expect(screen.queryByText('商品')).toBeNull();
    expect(screen.queryByText('抽奖')).toBeNull();

    act(() => feed().onState(consoleState({ stats: { online: 2, viewers: 9, views: 15, avgWatchSeconds: 400 } }, { claimed: 3, stockRemaining: 97, pushEndsAt: toRfc3339(Date.now() + 45_000) })));
    await waitFor(() => expect(text('.live-coupon__claimed')).toBe('3'));
    expect(text('.live-stats__cell--online .live-stats__value')).toBe('2');
    expect(text('.live-coupon__counts')).toBe('本场投放 100 张 · 已领 3 张 · 批次剩余 97 张');
    // Only `subscribeRoom` brought them: nothing was read again.
    expect(callMock.mock.calls.filter(([fn]) => fn === 'live')).toEqual([]);
  });

  test('an older state never replaces a newer one', async () => {
    await renderConsole();
    act(() => feed().onState(consoleState({}, { claimed: 5 })));
    await waitFor(() => expect(text('.live-coupon__claimed')).toBe('5'));
    act(() => feed().onState(consoleState({ now: toRfc3339(Date.now() - 10_000) }, { claimed: 2 })));
    expect(text('.live-coupon__claimed')).toBe('5');
  });

  test('推送 sends the chosen length (60 s by default, 2 min chosen) and shows the answer at once', async () => {
    const pushes: Record<string, unknown>[] = [];
    await renderConsole({
      'live.push': (d) => {
        pushes.push(d);
        return consoleState({}, { pushEndsAt: toRfc3339(Date.now() + 120_000), pushSecondsLeft: 120 });
      },
    });
    act(() => feed().onState(consoleState()));
    await screen.findByText('已上架');
    expect(document.querySelector('.live-push__duration--active')?.textContent).toBe('60秒');
    fireEvent.click(screen.getByText('2分钟'));
    fireEvent.click(document.querySelector('.live-coupon__push taro-button-core, .live-coupon__push') as Element);
    await waitFor(() => expect(text('.live-coupon__status')).toMatch(/^推送中 1(19|20)s$/));
    expect(pushes).toEqual([{ merchantId: MERCHANT, roomId: ROOM, stockId: STOCK, durationSeconds: 120 }]);
  });

  test('添加优惠券 lists every L2 rule the stock fails, with the fixes', async () => {
    await renderConsole({
      'stock.list': () => ({ stocks: [], total: 0 }),
      'stock.authorizations': () => ({ authorizations: [], total: 0 }),
      'live.addCoupon': () => {
        throw new CloudError('LIVE.RULE_VIOLATION', '该券有 3 处不符合直播间要求', [
          { rule: 'L2', path: 'stockId', level: 'error', message: '批次 7777777777 状态为「未激活」，需为运行中', hint: '请先激活' },
          { rule: 'L2', path: 'stockId', level: 'error', message: '批次 7777777777 是单品券，直播间仅支持全场券' },
          { rule: 'L2', path: 'quantity', level: 'error', message: '直播间发放数量 500 张超过批次剩余库存 100 张' },
        ]);
      },
    });
    act(() => feed().onState(consoleState()));
    fireEvent.click(await screen.findByText('+ 添加优惠券'));
    const inputs = await waitFor(() => {
      const found = document.querySelectorAll<HTMLInputElement>('.live-add taro-input-core input');
      if (found.length < 2) throw new Error('inputs not rendered');
      return found;
    });
    fireEvent.input(inputs[0]!, { target: { value: '7777777777' } });
    fireEvent.input(inputs[1]!, { target: { value: '500' } });
    fireEvent.click(screen.getByText('添加'));
    expect(await screen.findByText('该券有 3 处不符合直播间要求')).toBeTruthy();
    expect(screen.getByText('批次 7777777777 状态为「未激活」，需为运行中')).toBeTruthy();
    expect(screen.getByText('请先激活')).toBeTruthy();
    expect(screen.getByText('批次 7777777777 是单品券，直播间仅支持全场券')).toBeTruthy();
    expect(screen.getByText('直播间发放数量 500 张超过批次剩余库存 100 张')).toBeTruthy();
  });

  test('an ended room offers no shelf, push or add, and says why', async () => {
    await renderConsole();
    act(() => feed().onState(consoleState({ room: { ...consoleState().room, state: 'ENDED', stateLabel: '已结束' } })));
    expect(await screen.findByText('直播已结束，优惠券不能再添加、上架或推送')).toBeTruthy();
    expect(text('.live-coupon__title')).toBe('全员裂变通优惠券');
    expect(document.querySelector('.live-coupon__unshelve')).toBeNull();
    expect(document.querySelector('.live-coupon__push')).toBeNull();
    expect(screen.queryByText('+ 添加优惠券')).toBeNull();
    expect(document.querySelector('.live-push__durations')).toBeNull();
  });

  const stockOf = (stockId: string, name: string, remaining: number, scope = 'ALL') => ({ stockId, name, remaining, scope });
  const authOf = (stockId: string, appid: string) => ({ stockId, appid, stockName: '', status: 'AUTHORIZED' });

  test('添加优惠券 offers the stocks authorized for the room\'s APPID; the others are shown disabled', async () => {
    const authCalls: unknown[] = [];
    await renderConsole({
      'stock.list': () => ({
        stocks: [stockOf('1111111111', '直播满100减15', 1000), stockOf('2222222222', '直播满100减15', 800), stockOf('3333333333', '单品券', 50, 'SINGLE_ITEM')],
        total: 3,
      }),
      'stock.authorizations': (d) => {
        authCalls.push(d);
        return { authorizations: [authOf('2222222222', 'wxebb78adbe8371f8c')], total: 1 };
      },
    });
    act(() => feed().onState(consoleState()));
    fireEvent.click(await screen.findByText('+ 添加优惠券'));
    expect(await screen.findByText('批次号 2222222222 · 剩余 800 张')).toBeTruthy();
    expect(authCalls[0]).toMatchObject({ merchantId: MERCHANT, appid: 'wxebb78adbe8371f8c' });
    const picks = Array.from(document.querySelectorAll('.live-add__pick'));
    // The authorized one first; the unauthorized one disabled and saying why; the single-item one not at all.
    expect(picks.map((p) => p.textContent)).toEqual([
      '直播满100减15批次号 2222222222 · 剩余 800 张',
      '直播满100减15批次号 1111111111 · 剩余 1,000 张未授权给本直播小程序',
    ]);
    fireEvent.click(picks[1]!);
    const input = document.querySelector<HTMLInputElement>('.live-add taro-input-core input');
    expect(input?.value ?? '').toBe('');
    fireEvent.click(picks[0]!);
    await waitFor(() => expect(document.querySelector<HTMLInputElement>('.live-add taro-input-core input')?.value).toBe('2222222222'));
    expect(screen.queryByText(/暂无已授权/)).toBeNull();
  });

  test('添加优惠券 reads every page: a stock authorized on the second page of authorizations is offered', async () => {
    const pages: number[] = [];
    await renderConsole({
      'stock.list': (d) => (d.page === 1
        ? { stocks: Array.from({ length: 100 }, (_, i) => stockOf(String(4000000000 + i), `其他券${i}`, 10)), total: 101 }
        : { stocks: [stockOf('2222222222', '第二页的券', 800)], total: 101 }),
      'stock.authorizations': (d) => {
        pages.push(Number(d.page));
        return d.page === 1
          ? { authorizations: Array.from({ length: 100 }, (_, i) => authOf(String(5000000000 + i), 'wxebb78adbe8371f8c')), total: 101 }
          : { authorizations: [authOf('2222222222', 'wxebb78adbe8371f8c')], total: 101 };
      },
    });
    act(() => feed().onState(consoleState()));
    fireEvent.click(await screen.findByText('+ 添加优惠券'));
    expect(await screen.findByText('批次号 2222222222 · 剩余 800 张')).toBeTruthy();
    expect(pages).toEqual([1, 2]);
    const first = document.querySelector('.live-add__pick');
    expect(first?.textContent).toBe('第二页的券批次号 2222222222 · 剩余 800 张');
  });

  test('with nothing authorized for the room, a host is told to ask the merchant admin', async () => {
    await renderConsole({
      'stock.list': () => ({ stocks: [stockOf('1111111111', '直播满100减15', 1000)], total: 1 }),
      'stock.authorizations': () => ({ authorizations: [], total: 0 }),
    });
    act(() => feed().onState(consoleState()));
    fireEvent.click(await screen.findByText('+ 添加优惠券'));
    expect(await screen.findByText('暂无已授权给本直播小程序（wxebb78adbe8371f8c）的运行中全场券，请联系商户管理员在「APPID 营销授权」中授权')).toBeTruthy();
    expect(screen.queryByText('去授权')).toBeNull();
  });
});

describe('观看直播', () => {
  beforeEach(() => {
    Current.router = { params: { roomId: ROOM }, path: '/pages/live/watch/index' } as unknown as typeof Current.router;
  });

  const viewerState = (pushed: Partial<NonNullable<LiveViewerState['pushed']>> | null): LiveViewerState => ({
    roomId: ROOM, name: '家乐福双十二直播专场', hostName: '小美', state: 'LIVE', stateLabel: '直播中', now: nowIso(),
    pushed: pushed === null ? null : {
      stockId: STOCK, name: '全员裂变通优惠券', summary: '满5000元减500元', availableBegin: '2026-11-23T00:00:00+08:00', availableEnd: '2026-12-22T23:59:59+08:00',
      pushEndsAt: toRfc3339(Date.now() + 47_000), pushSecondsLeft: 47, left: 10, myClaims: 0, perUserLimit: 1, ...pushed,
    },
  });

  test('joins on show, shows the pushed coupon counting down, and says a refusal plainly', async () => {
    const joins: unknown[] = [];
    backend({
      'account.me': () => consumer,
      'live.join': (d) => {
        joins.push(d);
        return viewerState({});
      },
      'live.watch': () => viewerState({ left: 0 }),
      'live.claim': () => {
        throw new CloudError('LIVE.ROOM_SOLD_OUT', '直播间的 10 张券已领完');
      },
    });
    render(<SessionProvider><LiveWatchPage /></SessionProvider>);
    expect(await screen.findByText('满5000元减500元')).toBeTruthy();
    expect(joins).toEqual([{ roomId: ROOM }]);
    expect(text('.live-pushed__seconds')).toMatch(/^4[67]s$/);
    expect(screen.getByText('剩余 10 张')).toBeTruthy();
    fireEvent.click(screen.getByText('立即领取'));
    await waitFor(() => expect(text('.live-result__title')).toBe('已领完'));
    expect(screen.getByText('这张券已经被抢光了，下次早点来')).toBeTruthy();
    // What is left came back with the refusal's re-read: the button says it too.
    await waitFor(() => expect(text('.live-pushed__claim')).toBe('已领完'));
    const claims = callMock.mock.calls.filter(([fn, action]) => fn === 'live' && action === 'claim');
    expect(claims).toHaveLength(1);
    expect(claims[0]?.[2]).toEqual({ roomId: ROOM, stockId: STOCK, requestId: expect.stringMatching(/^lc-/) });
  });

  test('a double tap on 立即领取 sends one claim; a retry after a network failure reuses its requestId', async () => {
    let attempts = 0;
    backend({
      'account.me': () => consumer,
      'live.join': () => viewerState({}),
      'live.watch': () => viewerState({}),
      'live.claim': () => {
        attempts += 1;
        if (attempts === 1) throw new CloudError(NETWORK_ERROR, '网络异常，请检查网络后重试');
        return { coupons: [{ couponCode: '384729105521', stockId: STOCK, name: '全员裂变通优惠券', summary: '满5000元减500元' }] };
      },
    });
    render(<SessionProvider><LiveWatchPage /></SessionProvider>);
    const button = await screen.findByText('立即领取');
    // Two taps in the same tick: the second one is ignored.
    fireEvent.click(button);
    fireEvent.click(button);
    const claims = () => callMock.mock.calls.filter(([fn, action]) => fn === 'live' && action === 'claim');
    await waitFor(() => expect(text('.live-pushed__claim')).toBe('立即领取'));
    expect(claims()).toHaveLength(1);
    // The answer was lost: the next tap is the same claim.
    fireEvent.click(screen.getByText('立即领取'));
    await waitFor(() => expect(claims()).toHaveLength(2));
    expect(claims()[1]?.[2]).toEqual(claims()[0]?.[2]);
  });

  test('推送已结束 when the push ended under the tap; nothing pushed says so', async () => {
    backend({
      'account.me': () => consumer,
      'live.join': () => viewerState({}),
      'live.watch': () => viewerState(null),
      'live.claim': () => {
        throw new CloudError('LIVE.NOT_PUSHED', '该券当前未在推送，推送期间才能领取');
      },
    });
    render(<SessionProvider><LiveWatchPage /></SessionProvider>);
    fireEvent.click(await screen.findByText('立即领取'));
    expect(await screen.findByText('推送已结束')).toBeTruthy();
    act(() => feed().onState(viewerState(null)));
    expect(await screen.findByText('主播还没有推送优惠券，留意直播间，推送后可在这里领取')).toBeTruthy();
  });
});
