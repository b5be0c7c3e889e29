/**
 * 创建代金券 against a fake backend: only `call` of services/cloud.ts is replaced (the network
 * boundary); session, hooks, the shared schema and rules, and NutUI components are the real ones.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Current } from '@tarojs/runtime';
import type { Me } from '@shared/account/schema';
import type { Stock } from '@shared/stock/schema';
import { CloudError } from '@/services/cloud';
import * as routes from '@/lib/routes';
import { SessionProvider, useSession, type SessionValue } from '@/hooks/useSession';
import StockCreatePage from '@/pages/stock/create/index';
import { backend, callMock, calls, type Handler } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});

const MERCHANT = '1900000101';

const me: Me = {
  memberId: 'merchant-admin',
  nickname: '王强（家乐福上海）',
  consumer: false,
  memberships: [{ role: 'MERCHANT_ADMIN', merchantId: MERCHANT, merchantName: '家乐福上海', storeIds: [] }],
};

const created = (d: Record<string, unknown>): Stock => ({
  ...(d as unknown as Stock),
  stockId: '1234567890',
  status: 'UNACTIVATED',
  budget: 0,
  remaining: 1000,
  issued: 0,
  used: 0,
  createdAt: '2026-11-22T10:00:00+08:00',
  updatedAt: '2026-11-22T10:00:00+08:00',
  activatedAt: null,
  allowedActions: ['activate'],
});

const merchantDetail = (noCashEnabled: boolean) => ({
  merchantId: MERCHANT, name: '家乐福上海', kind: 'SUB_MERCHANT', providerId: '1900000001', brandGroupId: null, brandGroupName: null,
  noCashEnabled, quota: { opened: true, balance: 0, openedAt: null }, peers: [],
});

const baseHandlers = (noCash = true): Record<string, Handler> => ({
  'account.me': () => me,
  'account.merchant': () => merchantDetail(noCash),
  'account.stores': () => ({
    stores: [{ storeId: 'st-sh-gubei', merchantId: MERCHANT, name: '家乐福古北店', address: '上海市长宁区水城南路268号', lat: 31.19, lng: 121.39 }],
  }),
});

const createCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'stock' && action === 'create');

/** NutUI's Input renders Taro's <taro-input-core>, whose native input appears once it has rendered. */
async function typeInto(field: string, text: string, nth = 0) {
  const input = await waitFor(() => {
    const el = document.querySelectorAll<HTMLInputElement>(`.form-field--${field} taro-input-core input`)[nth];
    if (!el) throw new Error(`input of ${field} not rendered yet`);
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
}

const tap = (text: string) => fireEvent.click(screen.getByText(text));
const tapSubmit = () => {
  const el = document.querySelector('.stock-submit');
  if (!el) throw new Error('no 确认创建 button');
  fireEvent.click(el);
};

async function renderPage() {
  render(
    <SessionProvider>
      <StockCreatePage />
    </SessionProvider>,
  );
  await screen.findByText('营销经费');
}

async function renderPageAt(text: string) {
  render(<SessionProvider><StockCreatePage /></SessionProvider>);
  await screen.findByText(text);
}

beforeEach(() => {
  callMock.mockReset();
  Current.router = { params: {}, path: '/pages/stock/create/index' } as unknown as typeof Current.router;
  window.localStorage.clear();
});

test('a name wider than 9 Chinese characters shows the S1 error while typing, with the width counter', async () => {
  backend(baseHandlers());
  await renderPage();

  await typeInto('name', '周末');
  expect(await screen.findByText('4/18')).toBeTruthy();
  expect(screen.queryByText(/超过上限/)).toBeNull();

  await typeInto('name', '全员裂变通线上商城优惠');
  expect(await screen.findByText('22/18')).toBeTruthy();
  expect(await screen.findByText('券名称：长度 22 超过上限 18（最多 9 个中文字符，1 个中文字符 = 2 个英文字符）')).toBeTruthy();

  await typeInto('name', '满减_券');
  expect(await screen.findByText('券名称：不能包含 _ , ; |')).toBeTruthy();
});

test('a threshold not above the face value shows the S4 error from the shared rules', async () => {
  backend(baseHandlers());
  await renderPage();

  await typeInto('faceValue', '500');
  await typeInto('minSpend', '500');
  expect(await screen.findByText('使用门槛 500.00 元需大于面额 500.00 元')).toBeTruthy();
  // The rule's fix hint is shown with it.
  expect(screen.getByText('将门槛提高到 500.01 元以上，或降低面额')).toBeTruthy();

  await typeInto('minSpend', '5000');
  await waitFor(() => expect(screen.queryByText(/需大于面额/)).toBeNull());

  // 元 typed, checked against the fen limits, said in 元.
  await typeInto('faceValue', '1.234');
  expect(await screen.findByText('面额：请输入金额（元），最多两位小数')).toBeTruthy();
});

test('choosing 规则日期 shows the weekday and time-slot inputs', async () => {
  backend(baseHandlers());
  await renderPage();

  expect(screen.queryByText('周一')).toBeNull();
  tap('有效期内，规则日期可用');
  expect(await screen.findByText('周一')).toBeTruthy();
  for (const d of ['周二', '周三', '周四', '周五', '周六', '周日']) expect(screen.getByText(d)).toBeTruthy();
  // The time slots only: the validity pickers above also show times, which follow the clock.
  const slots = () => Array.from(document.querySelectorAll('.stock-slot__begin, .stock-slot__end')).map((e) => e.textContent?.replace('›', ''));
  expect(slots()).toEqual(['10:00', '22:00']);

  tap('+ 添加时段');
  await waitFor(() => expect(slots()).toEqual(['10:00', '22:00', '22:00', '23:00']));

  // No weekday left: the schema's S6 message appears under the weekdays.
  for (const d of ['周一', '周二', '周三', '周四', '周五']) tap(d);
  expect(await screen.findByText(/每周可用日：至少选择 1 天/)).toBeTruthy();
});

test('the confirm step sends fen and seconds of day, with one requestId reused after a network error', async () => {
  let attempts = 0;
  backend({
    ...baseHandlers(),
    'stock.create': (d) => {
      attempts += 1;
      if (attempts === 1) throw new CloudError('NETWORK.ERROR', '网络异常，请检查网络后重试');
      return created(d);
    },
  });
  // Navigation is Taro's router, which jsdom does not run: record where the page goes instead.
  const replace = jest.spyOn(routes, 'replace').mockImplementation(() => undefined);
  await renderPage();

  // 基础规则
  await typeInto('name', '周末满减券');
  await typeInto('faceValue', '5.5');
  await typeInto('minSpend', '100');
  tap('有效期内，规则日期可用');
  await screen.findByText('周六');
  tap('周六');
  tap('+ 添加时段');
  expect(await screen.findByText('满100元可用')).toBeTruthy();
  tap('下一步');

  // 其他规则: only what has no default.
  await screen.findByText('发放总量');
  tap('下一步');
  expect(await screen.findByText('发放总量：必填')).toBeTruthy();
  await typeInto('totalQuantity', '1000');
  tap('家乐福古北店');
  tap('下一步');

  // 确认创建
  expect(await screen.findByText('请核对批次信息')).toBeTruthy();
  expect(screen.getByText('5.50 元')).toBeTruthy();
  expect(screen.getByText('消费满 100.00 元可使用')).toBeTruthy();
  expect(screen.getAllByText('周一至周六 10:00-22:00、22:00-23:00 可用')).toHaveLength(2);
  expect(screen.getByText('5,500.00 元')).toBeTruthy();
  expect(createCalls()).toHaveLength(0);

  tapSubmit();
  expect(await screen.findByText('重试')).toBeTruthy();
  tap('重试');
  await waitFor(() => expect(createCalls()).toHaveLength(2));

  const [, , data] = createCalls()[0]!;
  expect(data).toMatchObject({
    merchantId: MERCHANT,
    name: '周末满减券',
    funding: 'PREPAID',
    faceValue: 550,
    minSpend: 10000,
    timeRule: { kind: 'WEEKLY', weekdays: [1, 2, 3, 4, 5, 6], slots: [{ begin: 36000, end: 79200 }, { begin: 79200, end: 82800 }] },
    effectiveAfterClaimDays: 0,
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantity: 1000,
    perUserLimit: 1,
    usableMerchantIds: [MERCHANT],
    usableStoreIds: ['st-sh-gubei'],
    purpose: 'GENERAL',
    requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
  });
  expect(String((data as { availableBegin: string }).availableBegin)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+08:00$/);
  const ids = createCalls().map(([, , d]) => (d as { requestId: string }).requestId);
  expect(ids[1]).toBe(ids[0]);
  // Created: on to the new stock's detail page, in place of the form.
  await waitFor(() => expect(replace).toHaveBeenCalledWith('stockDetail', { merchantId: MERCHANT, stockId: '1234567890', created: '1' }));
  // Created: the kept draft goes, the next 创建代金券 starts blank.
  expect(window.localStorage.getItem(`coupon-desk.draft.stock.merchant-admin.${MERCHANT}`)).toBeNull();
  replace.mockRestore();
});

test('an unfinished stock comes back after leaving the page, on its step, until 清空', async () => {
  backend(baseHandlers());
  const first = render(<SessionProvider><StockCreatePage /></SessionProvider>);
  await screen.findByText('营销经费');
  // Nothing typed yet: nothing to restore.
  expect(screen.queryByText('已恢复上次未完成的草稿')).toBeNull();
  await typeInto('name', '周末满减券');
  await typeInto('faceValue', '10');
  await typeInto('minSpend', '100');
  tap('下一步');
  await screen.findByText('发放总量');
  first.unmount();

  await renderPageAt('发放总量');
  expect(screen.getByText('已恢复上次未完成的草稿')).toBeTruthy();
  tap('上一步');
  await waitFor(() => expect(document.querySelector<HTMLInputElement>('.form-field--name taro-input-core input')?.value).toBe('周末满减券'));

  tap('清空');
  await waitFor(() => expect(screen.queryByText('已恢复上次未完成的草稿')).toBeNull());
  await waitFor(() => expect(document.querySelector<HTMLInputElement>('.form-field--name taro-input-core input')?.value).toBe(''));
  expect(window.localStorage.getItem(`coupon-desk.draft.stock.merchant-admin.${MERCHANT}`)).toBeNull();
});

test("one member's unfinished stock never opens for another member of the same merchant", async () => {
  backend(baseHandlers());
  const first = render(<SessionProvider><StockCreatePage /></SessionProvider>);
  await screen.findByText('营销经费');
  await typeInto('name', '周末满减券');
  await waitFor(() => expect(window.localStorage.getItem(`coupon-desk.draft.stock.merchant-admin.${MERCHANT}`)).toContain('周末满减券'));
  first.unmount();

  backend({ ...baseHandlers(), 'account.me': () => ({ ...me, memberId: 'sp-admin', nickname: '李敏' }) });
  await renderPage();
  await waitFor(() => expect(calls('account', 'merchant').length).toBeGreaterThanOrEqual(2));
  expect(screen.queryByText('已恢复上次未完成的草稿')).toBeNull();
  expect(document.querySelector<HTMLInputElement>('.form-field--name taro-input-core input')?.value).toBe('');
});

test('switching merchant with the page open shows that merchant\'s draft or a blank form, never the last one\'s', async () => {
  const OTHER = '1900000201';
  const both: Me = { ...me, memberships: [...me.memberships, { role: 'MERCHANT_ADMIN', merchantId: OTHER, merchantName: '星火咖啡', storeIds: [] }] };
  backend({ ...baseHandlers(), 'account.me': () => both });
  let session: SessionValue | undefined;
  const Probe = () => {
    session = useSession();
    return null;
  };
  render(<SessionProvider><Probe /><StockCreatePage /></SessionProvider>);
  await screen.findByText('营销经费');
  await typeInto('name', '家乐福满减');
  const name = () => document.querySelector<HTMLInputElement>('.form-field--name taro-input-core input')?.value;
  await waitFor(() => expect(window.localStorage.getItem(`coupon-desk.draft.stock.merchant-admin.${MERCHANT}`)).toContain('家乐福满减'));

  act(() => session!.switchTo(both.memberships[1]!));
  await waitFor(() => expect(name()).toBe(''));
  expect(screen.queryByText('已恢复上次未完成的草稿')).toBeNull();
  await new Promise((r) => setTimeout(r, 50));
  expect(window.localStorage.getItem(`coupon-desk.draft.stock.merchant-admin.${OTHER}`)).toBeNull();

  act(() => session!.switchTo(both.memberships[0]!));
  await waitFor(() => expect(name()).toBe('家乐福满减'));
  expect(screen.getByText('已恢复上次未完成的草稿')).toBeTruthy();
});

test('a kept draft of another version is ignored; one from before a field existed restores with that field blank', async () => {
  backend(baseHandlers());
  const key = `coupon-desk.draft.stock.merchant-admin.${MERCHANT}`;
  const name = () => document.querySelector<HTMLInputElement>('.form-field--name taro-input-core input')?.value;
  Taro.setStorageSync(key, { form: { name: '旧版草稿' }, step: 0, touched: ['name'] });
  const first = render(<SessionProvider><StockCreatePage /></SessionProvider>);
  await screen.findByText('营销经费');
  await waitFor(() => expect(calls('account', 'merchant')).toHaveLength(1));
  expect(screen.queryByText('已恢复上次未完成的草稿')).toBeNull();
  expect(name()).toBe('');
  first.unmount();

  Taro.setStorageSync(key, { v: 1, form: { name: '只有名称' }, step: 0, touched: ['name'] });
  await renderPage();
  expect(await screen.findByText('已恢复上次未完成的草稿')).toBeTruthy();
  await waitFor(() => expect(name()).toBe('只有名称'));
  // The fields the draft lacks are the blank form's, and work.
  await typeInto('faceValue', '10');
  await typeInto('minSpend', '100');
  expect(await screen.findByText('满100元可用')).toBeTruthy();
});

test('免充值 is greyed with the reason when the merchant has not enabled it, and 我已开通 asks the server again', async () => {
  let enabled = false;
  backend({ ...baseHandlers(), 'account.merchant': () => merchantDetail(enabled) });
  await renderPage();
  expect(await screen.findByText('立即开通免充值代金券产品功能')).toBeTruthy();
  const noCash = () => screen.getByText('免充值').closest('.form-choices__item');
  expect(noCash()?.className).toContain('form-choices__item--disabled');

  // Still not enabled: stays greyed.
  tap('立即开通免充值代金券产品功能');
  // Taro's H5 modal renders into the page.
  fireEvent.click(await screen.findByText('我已开通'));
  // Asked again (the first answer was the page's own load), and the answer said so.
  await waitFor(() => expect(calls('account', 'merchant')).toHaveLength(2));
  expect(await screen.findByText('商户平台显示尚未开通免充值，开通后再试')).toBeTruthy();
  expect(noCash()?.className).toContain('form-choices__item--disabled');

  enabled = true;
  tap('立即开通免充值代金券产品功能');
  fireEvent.click((await screen.findAllByText('我已开通')).at(-1)!);
  await waitFor(() => expect(screen.queryByText('立即开通免充值代金券产品功能')).toBeNull());
  expect(noCash()?.className).not.toContain('form-choices__item--disabled');
});

test('免充值 refused for one merchant is not greyed for the next one switched to', async () => {
  const OTHER = '1900000201';
  const both: Me = { ...me, memberships: [...me.memberships, { role: 'MERCHANT_ADMIN', merchantId: OTHER, merchantName: '星火咖啡', storeIds: [] }] };
  backend({ ...baseHandlers(), 'account.me': () => both, 'account.merchant': (d) => ({ ...merchantDetail(d.merchantId === OTHER), merchantId: d.merchantId }) });
  let session: SessionValue | undefined;
  const Probe = () => {
    session = useSession();
    return null;
  };
  render(<SessionProvider><Probe /><StockCreatePage /></SessionProvider>);
  await screen.findByText('立即开通免充值代金券产品功能');
  tap('立即开通免充值代金券产品功能');
  fireEvent.click(await screen.findByText('我已开通'));
  await waitFor(() => expect(calls('account', 'merchant')).toHaveLength(2));

  act(() => session!.switchTo(both.memberships[1]!));
  await waitFor(() => expect(calls('account', 'merchant').some(([, , d]) => (d as { merchantId: string }).merchantId === OTHER)).toBe(true));
  await waitFor(() => expect(screen.queryByText('立即开通免充值代金券产品功能')).toBeNull());
  expect(screen.getByText('免充值').closest('.form-choices__item')?.className).not.toContain('form-choices__item--disabled');
});

test('server issues land on their fields and send the user back to the step', async () => {
  backend({
    ...baseHandlers(),
    'stock.create': () => {
      throw new CloudError('STOCK.NO_CASH_NOT_ENABLED', '免充值代金券产品功能尚未开通', [
        { rule: 'S2', path: 'funding', level: 'error', message: '免充值代金券产品功能尚未开通', hint: '请先在商户平台「营销中心」立即开通免充值代金券产品功能，或改用预充值' },
      ]);
    },
  });
  await renderPage();

  await typeInto('name', '免充值券');
  tap('免充值');
  await typeInto('faceValue', '10');
  await typeInto('minSpend', '100');
  tap('下一步');
  await typeInto('totalQuantity', '10');
  tap('下一步');
  await screen.findByText('请核对批次信息');
  tapSubmit();

  // Back on 基础规则, the issue under 营销经费 and the option greyed with the way to enable it.
  expect(await screen.findByText('请先在商户平台「营销中心」立即开通免充值代金券产品功能，或改用预充值')).toBeTruthy();
  expect(screen.getByText('立即开通免充值代金券产品功能')).toBeTruthy();
  expect(screen.getByText('营销经费')).toBeTruthy();
});
