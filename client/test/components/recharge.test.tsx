/**
 * The recharge page against a fake backend: only `call` of services/cloud.ts is replaced (the
 * network boundary); session, hooks, shared validation and NutUI components are the real ones.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import type { Me, MerchantWithQuota } from '@shared/account/schema';
import { CloudError } from '@/services/cloud';
import { SessionProvider } from '@/hooks/useSession';
import RechargePage from '@/pages/account/recharge/index';
import { backend, callMock, type Handler } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});

const SP = '1900000001';
const TARGET = '1900000101';

const me: Me = {
  memberId: 'sp-admin',
  nickname: '李敏',
  consumer: false,
  memberships: [{ role: 'SP_ADMIN', merchantId: SP, merchantName: '云选科技', storeIds: [] }],
};

const target: MerchantWithQuota = {
  merchantId: TARGET,
  name: '家乐福上海',
  kind: 'SUB_MERCHANT',
  providerId: SP,
  brandGroupId: 'bg-1',
  brandGroupName: '家乐福',
  noCashEnabled: false,
  quota: { opened: true, balance: 5000, openedAt: '2026-11-20T10:00:00+08:00' },
};

const rechargeCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'account' && action === 'rechargeQuota');

function baseHandlers(): Record<string, Handler> {
  return {
    'account.me': () => me,
    'account.merchants': () => ({ merchants: [target], unopened: [] }),
    'account.quotaLedger': (d) => ({
      merchantId: d.merchantId,
      quota: { opened: true, balance: 6200, openedAt: target.quota.openedAt },
      entries: [
        { entryId: 'e2', merchantId: TARGET, delta: 1200, balanceAfter: 6200, reason: 'RECHARGE', refId: 'r2', at: '2026-11-22T10:00:00+08:00', actorId: 'sp-admin' },
        { entryId: 'e1', merchantId: TARGET, delta: 5000, balanceAfter: 5000, reason: 'RECHARGE', refId: 'r1', at: '2026-11-20T10:00:00+08:00', actorId: 'sp-admin' },
      ],
      total: 2,
    }),
  };
}

/** NutUI's Input renders Taro's <taro-input-core>, whose native input appears once it has rendered. */
async function typeAmount(text: string) {
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>('taro-input-core input');
    if (!el) throw new Error('amount input not rendered yet');
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
}

const tap = (text: string) => fireEvent.click(screen.getByText(text));

async function renderPage() {
  render(
    <SessionProvider>
      <RechargePage />
    </SessionProvider>,
  );
  await screen.findByText('家乐福上海');
}

beforeEach(() => {
  callMock.mockReset();
  // What Taro's router sets before creating the page: /pages/account/recharge/index?merchantId=…
  Current.router = { params: { merchantId: TARGET }, path: '/pages/account/recharge/index' } as unknown as typeof Current.router;
  window.localStorage.clear();
});

test('an invalid amount shows the Chinese field error and calls nothing', async () => {
  backend(baseHandlers());
  await renderPage();

  await typeAmount('0');
  expect(await screen.findByText('充值配额：不能小于 1')).toBeTruthy();

  await typeAmount('');
  expect(await screen.findByText('充值配额：必填')).toBeTruthy();

  await typeAmount('20000000');
  expect(await screen.findByText('充值配额：不能大于 10000000')).toBeTruthy();

  // A decimal point is kept as typed (12.5 never becomes 125) and refused in words.
  await typeAmount('12.5');
  expect(await screen.findByText('充值配额需为整数张，不能有小数')).toBeTruthy();
  expect(document.querySelector<HTMLInputElement>('taro-input-core input')?.value).toBe('12.5');

  tap('充值');
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(screen.queryByText('充值后余额')).toBeNull();
  expect(rechargeCalls()).toHaveLength(0);
});

test('a valid amount goes through the confirmation and shows the new balance', async () => {
  backend({
    ...baseHandlers(),
    'account.rechargeQuota': (d) => ({
      merchantId: d.merchantId, amount: d.amount, balance: 6200, openedAccount: false, entryId: 'e2', at: '2026-11-22T10:00:00+08:00',
    }),
  });
  await renderPage();

  await typeAmount('1200');
  tap('充值');
  expect(await screen.findByText('充值后余额')).toBeTruthy();
  expect(screen.getByText('6,200 张')).toBeTruthy();
  expect(rechargeCalls()).toHaveLength(0);

  tap('确认充值');
  await waitFor(() => expect(rechargeCalls()).toHaveLength(1));
  const [, , data] = rechargeCalls()[0]!;
  expect(data).toEqual({ merchantId: TARGET, amount: 1200, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });

  expect(await screen.findByText('当前配额余额')).toBeTruthy();
  expect(screen.getByText('6,200')).toBeTruthy();
  // The recent ledger is loaded for the same merchant.
  expect(await screen.findByText('+1,200')).toBeTruthy();
});

test('a retry after a network error reuses the requestId', async () => {
  let attempts = 0;
  backend({
    ...baseHandlers(),
    'account.rechargeQuota': (d) => {
      attempts += 1;
      if (attempts === 1) throw new CloudError('NETWORK.ERROR', '网络异常，请检查网络后重试');
      return { merchantId: d.merchantId, amount: d.amount, balance: 5300, openedAccount: false, entryId: 'e9', at: '2026-11-22T10:00:00+08:00' };
    },
  });
  await renderPage();

  await typeAmount('300');
  tap('充值');
  await screen.findByText('确认充值');
  tap('确认充值');
  expect(await screen.findByText('重试')).toBeTruthy();
  tap('重试');

  await screen.findByText('当前配额余额');
  const ids = rechargeCalls().map(([, , d]) => (d as { requestId: string }).requestId);
  expect(ids).toHaveLength(2);
  expect(ids[1]).toBe(ids[0]);
});
