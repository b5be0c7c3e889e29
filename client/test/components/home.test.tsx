/**
 * Home per role and the membership switcher, against a fake `call` (the network boundary only).
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '@shared/account/schema';
import { call, devApi } from '@/services/cloud';
import * as routes from '@/lib/routes';
import { SessionProvider, useSession, type SessionValue } from '@/hooks/useSession';
import HomePage from '@/pages/home/index';
import StockListPage from '@/pages/stock/list/index';
import { callMock, calls } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});

function signedInAs(me: Me) {
  callMock.mockImplementation(((fn: string, action: string) =>
    fn === 'account' && action === 'me' ? Promise.resolve(me) : Promise.reject(new Error(`unexpected ${fn}.${action}`))) as unknown as typeof call);
}

// Page lifecycle hooks come from Taro's React runtime, which jsdom does not run.
Object.assign(Taro, { useDidShow: () => undefined });

const renderHome = () => render(<SessionProvider><HomePage /></SessionProvider>);

beforeEach(() => {
  callMock.mockReset();
  window.localStorage.clear();
});

test('a member with two roles switches the acting merchant, and the pick is remembered', async () => {
  signedInAs({
    memberId: 'm-1',
    nickname: '王强',
    consumer: false,
    memberships: [
      { role: 'MERCHANT_ADMIN', merchantId: '1900000101', merchantName: '家乐福上海', storeIds: [] },
      { role: 'LIVE_HOST', merchantId: '1900000201', merchantName: '星火咖啡', storeIds: [] },
    ],
  });
  const first = renderHome();
  expect(await screen.findByText('家乐福上海')).toBeTruthy();
  expect(screen.getByText('配额余额/流水')).toBeTruthy();

  fireEvent.click(screen.getByText('切换'));
  // Taro's H5 action sheet renders its entries into the page; the member taps the second one.
  expect(await screen.findByText('家乐福上海·商户管理员（当前）')).toBeTruthy();
  fireEvent.click(await screen.findByText('星火咖啡·直播主播'));

  await waitFor(() => expect(screen.getByText('直播主播')).toBeTruthy());
  // A live host has no quota tile; only what exists for the role is shown.
  expect(screen.queryByText('配额余额/流水')).toBeNull();
  expect(screen.getByText('门店')).toBeTruthy();
  expect(Taro.getStorageSync('coupon-desk.acting')).toEqual({ memberId: 'm-1', role: 'LIVE_HOST', merchantId: '1900000201' });

  first.unmount();
  renderHome();
  expect(await screen.findByText('直播主播')).toBeTruthy();
});

test('a consumer gets the friendly home without merchant tiles', async () => {
  signedInAs({ memberId: 'consumer-01', nickname: '赵同学1', consumer: true, memberships: [] });
  renderHome();
  expect(await screen.findByText('领券，省钱，就这么简单')).toBeTruthy();
  expect(screen.queryByText('常用功能')).toBeNull();
  expect(screen.queryByText('切换')).toBeNull();
});

test('a member of 8 merchants reaches every one of them, 5 a page behind 更多…', async () => {
  const memberships = Array.from({ length: 8 }, (_, i) => ({
    role: 'MERCHANT_ADMIN' as const, merchantId: `19000001${String(i).padStart(2, '0')}`, merchantName: `商户${i + 1}号`, storeIds: [],
  }));
  signedInAs({ memberId: 'sp-admin', nickname: '李娜', consumer: false, memberships });
  renderHome();
  const acting = () => document.querySelector('.home-header__merchant')?.textContent;
  await waitFor(() => expect(acting()).toBe('商户1号'));
  // Taro's H5 sheet is one element, hidden and refilled: only its entries while shown count.
  const sheet = () => document.querySelector<HTMLElement>('.taro__actionSheet');
  const entry = (text: string) => screen.findByText((content, el) =>
    el?.className === 'taro-actionsheet__cell' && content.startsWith(text) && sheet()?.style.display !== 'none');
  // What the sheet lists below its title.
  const shown = () => Array.from(sheet()?.querySelectorAll('.taro-actionsheet__cell') ?? [], (c) => c.textContent).slice(1);

  for (const [i, m] of memberships.entries()) {
    fireEvent.click(screen.getByText('切换'));
    if (i === 0) {
      await entry('更多…');
      expect(shown()).toEqual(['商户1号·商户管理员（当前）', '商户2号·商户管理员', '商户3号·商户管理员', '商户4号·商户管理员', '商户5号·商户管理员', '更多…']);
    }
    if (i >= 5) {
      fireEvent.click(await entry('更多…'));
      await entry('商户6号·');
      if (i === 5) expect(shown()).toEqual(['商户6号·商户管理员', '商户7号·商户管理员', '商户8号·商户管理员']);
    }
    fireEvent.click(await entry(`${m.merchantName}·`));
    await waitFor(() => expect(acting()).toBe(m.merchantName));
    await waitFor(() => expect(sheet()?.style.display).toBe('none'));
  }
  expect(Taro.getStorageSync('coupon-desk.acting')).toEqual({ memberId: 'sp-admin', role: 'MERCHANT_ADMIN', merchantId: '1900000107' });
});

const sub = (merchantId: string, name: string) => ({
  merchantId, name, kind: 'SUB_MERCHANT', providerId: '1900000001', brandGroupId: null, brandGroupName: null, noCashEnabled: false,
  quota: { opened: true, balance: 0, openedAt: null },
});

function spBackend(more: (fn: string, action: string, data: Record<string, unknown>) => unknown = () => undefined) {
  callMock.mockImplementation(((fn: string, action: string, data: Record<string, unknown>) => {
    let extra: unknown;
    try {
      extra = more(fn, action, data);
    } catch (e) {
      return Promise.reject(e);
    }
    if (extra !== undefined) return Promise.resolve(extra);
    if (fn === 'account' && action === 'me') {
      return Promise.resolve({
        memberId: 'sp-admin', nickname: '李敏', consumer: false,
        memberships: [{ role: 'SP_ADMIN', merchantId: '1900000001', merchantName: '券管家（服务商）', storeIds: [] }],
      });
    }
    if (fn === 'account' && action === 'merchants') {
      return Promise.resolve({
        provider: { ...sub('1900000001', '券管家（服务商）'), kind: 'SERVICE_PROVIDER' },
        merchants: [{ ...sub('1900000001', '券管家服务商'), kind: 'SERVICE_PROVIDER' }, sub('1900000101', '家乐福上海')],
        unopened: [sub('1900000201', '星火咖啡')],
      });
    }
    return Promise.reject(new Error(`unexpected ${fn}.${action}`));
  }) as unknown as typeof call);
}

test('an SP admin acts for one of its sub-merchants: the first by default, another picked on home', async () => {
  spBackend();
  const first = renderHome();
  // A sub-merchant is the default; the provider itself is offered last.
  expect(await screen.findByText('管理中：家乐福上海')).toBeTruthy();
  fireEvent.click(screen.getByText('换商户'));
  expect(await screen.findByText('家乐福上海（当前）')).toBeTruthy();
  fireEvent.click(await screen.findByText('星火咖啡'));
  expect(await screen.findByText('管理中：星火咖啡')).toBeTruthy();
  expect(Taro.getStorageSync('coupon-desk.target.sp-admin')).toEqual({ spId: '1900000001', merchantId: '1900000201' });

  first.unmount();
  renderHome();
  expect(await screen.findByText('管理中：星火咖啡')).toBeTruthy();
});

test('an SP admin may act for the provider itself, listed last, and the pick survives a relaunch', async () => {
  spBackend();
  const first = renderHome();
  expect(await screen.findByText('管理中：家乐福上海')).toBeTruthy();
  fireEvent.click(screen.getByText('换商户'));
  await screen.findByText('家乐福上海（当前）');
  const cells = Array.from(document.querySelectorAll('.taro-actionsheet__cell'), (c) => c.textContent).slice(1);
  expect(cells).toEqual(['家乐福上海（当前）', '星火咖啡', '券管家（本服务商）']);
  fireEvent.click(screen.getByText('券管家（本服务商）'));
  expect(await screen.findByText('管理中：券管家（本服务商）')).toBeTruthy();

  first.unmount();
  renderHome();
  expect(await screen.findByText('管理中：券管家（本服务商）')).toBeTruthy();
});

test("an SP admin's merchant pages load the chosen sub-merchant, never the provider's own empty lists", async () => {
  Taro.setStorageSync('coupon-desk.target.sp-admin', { spId: '1900000001', merchantId: '1900000201' });
  spBackend((fn, action) => (fn === 'stock' && action === 'list' ? { stocks: [], total: 0, page: 1, pageSize: 20 } : undefined));
  render(<SessionProvider><StockListPage /></SessionProvider>);
  await waitFor(() => expect(calls('stock', 'list')).toHaveLength(1));
  expect(calls('stock', 'list')[0]?.[2]).toMatchObject({ merchantId: '1900000201' });
});

test("an SP admin's failed merchant load is said on home with 重试, and merchant pages never fall back to the provider", async () => {
  let fail = true;
  spBackend((fn, action) => {
    if (fn === 'account' && action === 'merchants' && fail) throw new Error('offline');
    return fn === 'stock' && action === 'list' ? { stocks: [], total: 0, page: 1, pageSize: 20 } : undefined;
  });
  // One session for the whole run, as in the app: home, then a merchant page, then home again.
  const app = (page: 'home' | 'stocks') => <SessionProvider>{page === 'home' ? <HomePage /> : <StockListPage />}</SessionProvider>;
  const view = render(app('home'));
  expect(await screen.findByText('商户加载失败')).toBeTruthy();
  expect(screen.queryByText(/管理中/)).toBeNull();
  expect(calls('account', 'merchants')).toHaveLength(1);

  // A merchant page waits (never the provider's own lists) and asks once more, not in a loop.
  view.rerender(app('stocks'));
  await waitFor(() => expect(calls('account', 'merchants')).toHaveLength(2));
  await new Promise((r) => setTimeout(r, 50));
  expect(calls('account', 'merchants')).toHaveLength(2);
  expect(calls('stock', 'list')).toHaveLength(0);

  view.rerender(app('home'));
  expect(await screen.findByText('商户加载失败')).toBeTruthy();
  fail = false;
  fireEvent.click(screen.getByText('重试'));
  expect(await screen.findByText('管理中：家乐福上海')).toBeTruthy();
});

test("one member's merchant pick is not another's on the same phone, and sign-out forgets the loaded list", async () => {
  spBackend();
  const logout = jest.spyOn(devApi, 'logout').mockResolvedValue();
  const relaunch = jest.spyOn(routes, 'relaunch').mockImplementation(() => undefined);
  let session: SessionValue | undefined;
  const Probe = () => {
    session = useSession();
    return null;
  };
  render(<SessionProvider><Probe /><HomePage /></SessionProvider>);
  expect(await screen.findByText('管理中：家乐福上海')).toBeTruthy();
  fireEvent.click(screen.getByText('换商户'));
  fireEvent.click(await screen.findByText('星火咖啡'));
  expect(await screen.findByText('管理中：星火咖啡')).toBeTruthy();

  fireEvent.click(screen.getByText('切换演示账号'));
  await waitFor(() => expect(relaunch).toHaveBeenCalledWith('login'));
  // Another admin of the same provider signs in: the provider's default, not the first one's pick.
  const other: Me = {
    memberId: 'sp-admin-2', nickname: '周洁', consumer: false,
    memberships: [{ role: 'SP_ADMIN', merchantId: '1900000001', merchantName: '券管家服务商', storeIds: [] }],
  };
  act(() => session!.signedIn(other));
  expect(await screen.findByText('管理中：家乐福上海')).toBeTruthy();
  expect(calls('account', 'merchants')).toHaveLength(2);

  // The first member again: the list is loaded afresh, and their own pick comes back.
  fireEvent.click(screen.getByText('切换演示账号'));
  await waitFor(() => expect(logout).toHaveBeenCalledTimes(2));
  act(() => session!.signedIn({ ...other, memberId: 'sp-admin', nickname: '李敏' }));
  expect(await screen.findByText('管理中：星火咖啡')).toBeTruthy();
  expect(calls('account', 'merchants')).toHaveLength(3);
  logout.mockRestore();
  relaunch.mockRestore();
});

test("signing out removes that member's create drafts, and only theirs", async () => {
  spBackend();
  const logout = jest.spyOn(devApi, 'logout').mockResolvedValue();
  const relaunch = jest.spyOn(routes, 'relaunch').mockImplementation(() => undefined);
  Taro.setStorageSync('coupon-desk.draft.campaign.sp-admin.1900000101', { v: 1, form: {}, step: 1, touched: [] });
  Taro.setStorageSync('coupon-desk.draft.stock.sp-admin.1900000001', { v: 1, form: {}, step: 0, touched: ['name'] });
  Taro.setStorageSync('coupon-desk.draft.stock.merchant-admin.1900000101', { v: 1, form: {}, step: 0, touched: ['name'] });
  renderHome();
  await screen.findByText('管理中：家乐福上海');
  fireEvent.click(screen.getByText('切换演示账号'));
  await waitFor(() => expect(relaunch).toHaveBeenCalledWith('login'));
  expect(Taro.getStorageInfoSync().keys.filter((k) => k.startsWith('coupon-desk.draft.'))).toEqual(['coupon-desk.draft.stock.merchant-admin.1900000101']);
  logout.mockRestore();
  relaunch.mockRestore();
});
