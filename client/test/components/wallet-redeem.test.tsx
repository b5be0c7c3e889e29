/**
 * 核销 at the till against a fake backend: only `call` of services/cloud.ts is replaced (the network
 * boundary); session, hooks, shared validation and NutUI components are the real ones.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import type { Me } from '@shared/account/schema';
import { CloudError, NETWORK_ERROR } from '@/services/cloud';
import { SessionProvider } from '@/hooks/useSession';
import RedeemPage from '@/pages/wallet/redeem/index';
import { backend, callMock, calls, type Handler } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});

const SH = '1900000101';
const CODE = '384729105521';

const staff: Me = {
  memberId: 'store-staff',
  nickname: '陈晨（古北店店员）',
  consumer: false,
  memberships: [{ role: 'STORE_STAFF', merchantId: SH, merchantName: '家乐福上海', storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] }],
};

const stores = [
  { storeId: 'st-sh-gubei', merchantId: SH, name: '家乐福古北店', address: '上海市长宁区水城南路268号', lat: 31.1986, lng: 121.3979 },
  { storeId: 'st-sh-wujiaochang', merchantId: SH, name: '家乐福五角场店', address: '上海市杨浦区淞沪路8号', lat: 31.3021, lng: 121.5135 },
  { storeId: 'st-sh-jinqiao', merchantId: SH, name: '家乐福金桥店', address: '上海市浦东新区张杨路3611号', lat: 31.2603, lng: 121.5937 },
];

const base: Record<string, Handler> = {
  'account.me': () => staff,
  'account.stores': () => ({ stores }),
};

/** What the server answers for a redemption of `d` (满100减20). */
const redeemed = (d: Record<string, unknown>, replayed = false) => {
  const orderAmount = Number(d.orderAmount);
  const excluded = ((d.goods as Array<{ code: string; amount: number }> | undefined) ?? []).reduce((s, g) => s + g.amount, 0);
  return {
    redemptionId: `${SH}:${String(d.orderId)}`, couponCode: d.couponCode, orderId: d.orderId, storeId: d.storeId, orderAmount,
    eligibleAmount: orderAmount - excluded, discount: 2000, payable: orderAmount - 2000, redeemedAt: '2026-12-03T11:05:00+08:00', replayed,
  };
};

/** What the server's preview answers for `d` (满100减20). */
const previewed = (d: Record<string, unknown>, replayed = false) => {
  const r = redeemed(d, replayed);
  return {
    couponCode: d.couponCode, storeId: d.storeId, couponName: '家乐福满100减20', summary: '满100元减20元', faceValue: 2000, minSpend: 10000,
    orderAmount: r.orderAmount, eligibleAmount: r.eligibleAmount, discount: r.discount, payable: r.payable, replayed,
  };
};

const redeemCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'wallet' && action === 'redeem');

/** NutUI's Input renders Taro's <taro-input-core>, whose native input appears once it has rendered. */
async function type(selector: string, text: string) {
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>(`${selector} taro-input-core input`);
    if (!el) throw new Error(`${selector} not rendered yet`);
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
}

const tap = (text: string) => fireEvent.click(screen.getByText(text));

async function renderPage() {
  render(
    <SessionProvider>
      <RedeemPage />
    </SessionProvider>,
  );
  await screen.findByText('家乐福古北店');
}

async function fillAndConfirm(amount: string) {
  await type('.redeem-code-input', '3847 2910 5521');
  await type('.redeem-amount-input', amount);
  tap('核销');
  await waitFor(() => confirmButton());
}

function confirmButton(): HTMLElement {
  const el = document.querySelector<HTMLElement>('.redeem-confirm__ok');
  if (!el) throw new Error('the confirmation is not open');
  return el;
}

/** The result's title (a toast may say the same words). */
const resultTitle = (text: string) => screen.findByText(text, { selector: '.redeem-result__title' });

beforeEach(() => {
  callMock.mockReset();
  Current.router = { params: {}, path: '/pages/wallet/redeem/index' } as unknown as typeof Current.router;
  window.localStorage.clear();
});

test('the staff sees only their own stores, and 扫码 is off in H5 with a note', async () => {
  backend(base);
  await renderPage();
  expect(screen.getByText('家乐福五角场店')).toBeTruthy();
  expect(screen.queryByText('家乐福金桥店')).toBeNull();
  expect(screen.getByText(/扫码仅在微信小程序中可用/)).toBeTruthy();
});

test('invalid input shows the Chinese field errors and calls nothing', async () => {
  backend(base);
  await renderPage();
  await type('.redeem-code-input', '38472910');
  await type('.redeem-amount-input', '12.345');
  tap('核销');
  expect(await screen.findByText('券码为 12 位数字（已输入 8 位）')).toBeTruthy();
  expect(screen.getByText('订单金额需为金额，最多两位小数，如 128.50')).toBeTruthy();
  await act(() => new Promise((r) => setTimeout(r, 50)));
  expect(redeemCalls()).toHaveLength(0);
});

test('amounts typed in 元 are sent in fen, and the result shows 优惠 and 实付', async () => {
  backend({ ...base, 'wallet.preview': (d) => previewed(d), 'wallet.redeem': (d) => redeemed(d) });
  await renderPage();
  tap('家乐福五角场店');
  await type('.redeem-code-input', '3847 2910 5521');
  await type('.redeem-amount-input', '128.5');
  tap('+ 添加商品');
  await type('.goods-line__code', 'TOBACCO-01');
  await type('.goods-line__amount', '20.05');
  tap('核销');

  // The confirmation shows the coupon's terms and the previewed figures in 元 before anything is spent.
  expect(await screen.findByText('128.50 元')).toBeTruthy();
  expect(screen.getByText('20.05 元')).toBeTruthy();
  expect(screen.getByText('家乐福满100减20')).toBeTruthy();
  expect(screen.getByText('满100元减20元')).toBeTruthy();
  expect(screen.getByText('−20.00 元')).toBeTruthy(); // 优惠
  expect(screen.getByText('108.50 元')).toBeTruthy(); // 实付
  expect(screen.getByText('108.45 元')).toBeTruthy(); // 参与优惠金额
  expect(calls('wallet', 'preview')).toHaveLength(1);
  expect(redeemCalls()).toHaveLength(0);
  fireEvent.click(confirmButton());

  await waitFor(() => expect(redeemCalls()).toHaveLength(1));
  const [, , data] = redeemCalls()[0]!;
  expect(data).toEqual({
    merchantId: SH,
    storeId: 'st-sh-wujiaochang',
    couponCode: CODE,
    orderId: expect.stringMatching(/^PO\d{18}$/),
    orderAmount: 12850,
    goods: [{ code: 'TOBACCO-01', amount: 2005 }],
  });

  expect(await resultTitle('核销成功')).toBeTruthy();
  expect(screen.getByText('20.00 元')).toBeTruthy(); // 优惠
  expect(screen.getByText('108.50 元')).toBeTruthy(); // 实付
  expect(screen.getByText('108.45 元')).toBeTruthy(); // 参与优惠金额 (without the excluded goods)
  expect(screen.queryByText(/重复提交/)).toBeNull();
});

test('a refusal is shown at 核销, before any confirmation, and 返回修改 keeps what was typed', async () => {
  backend({
    ...base,
    'wallet.preview': () => {
      throw new CloudError('WALLET.BELOW_MIN_SPEND', '订单金额 80.00 元，未达到使用门槛 100.00 元');
    },
  });
  await renderPage();
  await type('.redeem-code-input', '3847 2910 5521');
  await type('.redeem-amount-input', '80');
  tap('核销');

  expect(await resultTitle('未达到使用门槛')).toBeTruthy();
  expect(screen.getByText('订单金额 80.00 元，未达到使用门槛 100.00 元')).toBeTruthy();
  expect(screen.getByText('订单金额（不含不参与优惠的商品）需达到使用门槛')).toBeTruthy();

  expect(document.querySelector('.redeem-confirm__ok')).toBeNull();
  expect(redeemCalls()).toHaveLength(0);

  tap('返回修改');
  await waitFor(() => expect(document.querySelector<HTMLInputElement>('.redeem-amount-input taro-input-core input')?.value).toBe('80'));
});

test('a refusal at confirm (the coupon spent meanwhile) is shown the same way', async () => {
  backend({
    ...base,
    'wallet.preview': (d) => previewed(d),
    'wallet.redeem': () => {
      throw new CloudError('WALLET.COUPON_USED', '券 384729105521 已于 2026-12-03 11:05 使用');
    },
  });
  await renderPage();
  await fillAndConfirm('150');
  fireEvent.click(confirmButton());
  expect(await resultTitle('券已使用')).toBeTruthy();
});

test('an order that already redeemed this coupon says so in the confirmation, with that redemption\'s store and figures', async () => {
  // Redeemed earlier at 五角场 for 150 元; typed now at 古北 for 99 元 with a goods line.
  const first = { storeId: 'st-sh-wujiaochang', orderAmount: 15000 };
  backend({ ...base, 'wallet.preview': (d) => previewed({ ...d, ...first }, true), 'wallet.redeem': (d) => redeemed({ ...d, ...first }, true) });
  await renderPage();
  tap('+ 添加商品');
  await type('.goods-line__code', 'MILK-1L');
  await type('.goods-line__amount', '10');
  await fillAndConfirm('99');
  expect(screen.getByText('此订单已核销过这张券，确认不会再次扣券')).toBeTruthy();
  const dialog = document.querySelector('.redeem-confirm')!;
  expect(dialog.textContent).toContain('家乐福五角场店');
  expect(dialog.textContent).not.toContain('家乐福古北店');
  expect(dialog.textContent).toContain('150.00 元');
  expect(dialog.textContent).not.toContain('MILK-1L');
});

test.each([
  ['WALLET.COUPON_USED', '券已使用', '券 384729105521 已于 2026-12-03 11:05 使用'],
  ['WALLET.COUPON_NOT_FOUND', '券码不存在', '券码 384729105521 不存在'],
  ['WALLET.STORE_NOT_ALLOWED', '本门店不可用', '券「家乐福满100减20」不能在家乐福古北店使用'],
  ['WALLET.COUPON_NOT_USABLE_NOW', '券当前不可用', '券尚未生效，2026-12-04 00:00 起可用'],
])('%s reads as 「%s」 with the server\'s figures', async (code, title, message) => {
  backend({
    ...base,
    'wallet.preview': () => {
      throw new CloudError(code, message);
    },
  });
  await renderPage();
  await type('.redeem-code-input', '3847 2910 5521');
  await type('.redeem-amount-input', '150');
  tap('核销');
  expect(await resultTitle(title)).toBeTruthy();
  expect(screen.getByText(message)).toBeTruthy();
});

test('a retry after a network error sends the same order and shows it as already done', async () => {
  let attempts = 0;
  backend({
    ...base,
    'wallet.preview': (d) => previewed(d),
    'wallet.redeem': (d) => {
      attempts += 1;
      // The first answer is lost on the way back: the server did redeem it.
      if (attempts === 1) throw new CloudError(NETWORK_ERROR, '网络异常，请检查网络后重试');
      return redeemed(d, true);
    },
  });
  await renderPage();
  await fillAndConfirm('150');
  fireEvent.click(confirmButton());

  expect(await screen.findByText(/网络异常，核销结果未知/)).toBeTruthy();
  await waitFor(() => expect(confirmButton().textContent).toContain('重试'));
  fireEvent.click(confirmButton());

  expect(await resultTitle('核销成功')).toBeTruthy();
  expect(screen.getByText('该订单已于 2026.12.03 11:05 核销，本次为重复提交，未再次扣券')).toBeTruthy();
  const [first, second] = redeemCalls();
  expect(second![2]).toEqual(first![2]);
  expect(screen.getByText('130.00 元')).toBeTruthy(); // 实付 150 − 20
});

test('a double tap on 核销, then on 确认核销, sends one preview and one redemption', async () => {
  backend({ ...base, 'wallet.preview': (d) => previewed(d), 'wallet.redeem': (d) => redeemed(d) });
  await renderPage();
  await type('.redeem-code-input', '3847 2910 5521');
  await type('.redeem-amount-input', '128.5');
  const go = screen.getByText('核销');
  // Both taps land before React renders again, as two taps in one frame do on a phone.
  act(() => {
    fireEvent.click(go);
    fireEvent.click(go);
  });
  await waitFor(() => expect(document.querySelector('.redeem-confirm__ok')).not.toBeNull());
  expect(calls('wallet', 'preview')).toHaveLength(1);
  const ok = confirmButton();
  act(() => {
    fireEvent.click(ok);
    fireEvent.click(ok);
  });
  expect(await resultTitle('核销成功')).toBeTruthy();
  expect(redeemCalls()).toHaveLength(1);
});
