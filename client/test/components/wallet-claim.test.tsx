/**
 * The consumer's claim page against a fake backend (only `call` is replaced): the card, 领取, the
 * refusals in plain Chinese, and one requestId per tap sequence.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import type { Me } from '@shared/account/schema';
import type { Coupon } from '@shared/wallet/schema';
import { CloudError, NETWORK_ERROR } from '@/services/cloud';
import { SessionProvider } from '@/hooks/useSession';
import type { PublicCampaign } from '@/hooks/useClaim';
import ClaimPage from '@/pages/wallet/claim/index';
import { backend, callMock } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});

const consumer: Me = { memberId: 'consumer-01', nickname: '赵同学1', consumer: true, memberships: [] };

const campaign = (over: Partial<PublicCampaign> = {}): PublicCampaign => ({
  campaignId: 'cmp_1', status: 'DELIVERING', statusLabel: '投放中', brandName: '家乐福', title: '满100减20元，全场通用', subtitle: '古北店到店专享',
  logoUrl: '/api/files/logo%2Fa.png', startAt: '2026-12-03T00:00:00+08:00', endAt: '2026-12-17T00:00:00+08:00', kind: 'SINGLE',
  coupons: [{ name: '家乐福满100减20', summary: '满100元减20元', availableBegin: '2026-12-02T00:00:00+08:00', availableEnd: '2026-12-31T23:59:59+08:00', smallImageUrl: null, largeImageUrl: null }],
  claimed: false,
  ...over,
});

const coupon: Coupon = {
  couponCode: '384729105521', stockId: '1234567890', name: '家乐福满100减20', faceValue: 2000, minSpend: 10000, summary: '满100元减20元',
  status: 'AVAILABLE', statusLabel: '可使用', validFrom: '2026-12-05T11:00:00+08:00', validUntil: '2026-12-31T23:59:59+08:00', unusableReason: null,
  timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [], usableMerchantIds: ['1900000101'], usableStoreIds: [], source: 'CAMPAIGN', sourceId: 'cmp_1',
  claimedAt: '2026-12-05T11:00:00+08:00', usedAt: null,
};

const claimCalls = () => callMock.mock.calls.filter(([fn, action]) => fn === 'campaign' && action === 'claim');
const claimButton = () => screen.findByText(/立即领取|重试领取/);
const resultTitle = (text: string) => screen.findByText(text, { selector: '.claim-result__title' });

async function renderPage() {
  render(
    <SessionProvider>
      <ClaimPage />
    </SessionProvider>,
  );
  await screen.findByText('古北店到店专享');
}

beforeEach(() => {
  callMock.mockReset();
  Current.router = { params: { campaignId: 'cmp_1' }, path: '/pages/wallet/claim/index' } as unknown as typeof Current.router;
  window.localStorage.clear();
});

test('the card, then 领取 shows the coupon received with its validity', async () => {
  backend({ 'account.me': () => consumer, 'campaign.public': () => campaign(), 'campaign.claim': () => ({ claimId: 'cmp_1:o-1', coupons: [coupon] }) });
  await renderPage();
  expect(screen.getByText('满100元减20元')).toBeTruthy();
  fireEvent.click(await claimButton());

  expect(await resultTitle('领取成功')).toBeTruthy();
  expect(screen.getByText('有效期 2026.12.05 11:00')).toBeTruthy();
  expect(screen.getByText('至 2026.12.31 23:59')).toBeTruthy();
  expect(screen.getByText('去卡包查看')).toBeTruthy();
  expect(claimCalls()[0]![2]).toEqual({ campaignId: 'cmp_1', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
});

test('a retry after a network error reuses the requestId; a later sequence gets a new one', async () => {
  let attempts = 0;
  backend({
    'account.me': () => consumer,
    'campaign.public': () => campaign(),
    'campaign.claim': () => {
      attempts += 1;
      if (attempts === 1) throw new CloudError(NETWORK_ERROR, '网络异常，请检查网络后重试');
      throw new CloudError('INTERNAL.CONFLICT', '系统繁忙，请稍后再试');
    },
  });
  await renderPage();
  fireEvent.click(await claimButton());
  expect(await screen.findByText(/领取结果未知/)).toBeTruthy();
  fireEvent.click(await screen.findByText('重试领取'));
  expect(await resultTitle('领取的人有点多')).toBeTruthy();
  fireEvent.click(screen.getByText('再试一次'));
  fireEvent.click(await claimButton());
  await waitFor(() => expect(claimCalls()).toHaveLength(3));
  const ids = claimCalls().map(([, , d]) => (d as { requestId: string }).requestId);
  expect(ids[1]).toBe(ids[0]);
  expect(ids[2]).not.toBe(ids[0]);
});

test('已领取过 reads in plain Chinese and leads to the wallet', async () => {
  backend({
    'account.me': () => consumer,
    'campaign.public': () => campaign(),
    'campaign.claim': () => {
      throw new CloudError('CAMPAIGN.ALREADY_CLAIMED', '每张券每人限领一次，你已领取过');
    },
  });
  await renderPage();
  fireEvent.click(await claimButton());
  expect(await resultTitle('你已领取过')).toBeTruthy();
  expect(screen.getByText('每张券每人限领一次，你已领取过')).toBeTruthy();
  expect(screen.getByText('去卡包')).toBeTruthy();
});

test('券已领完 and friends say what happened', async () => {
  backend({
    'account.me': () => consumer,
    'campaign.public': () => campaign(),
    'campaign.claim': () => {
      throw new CloudError('CAMPAIGN.STOCK_OUT', '券已领完');
    },
  });
  await renderPage();
  fireEvent.click(await claimButton());
  expect(await resultTitle('券已领完')).toBeTruthy();
  expect(screen.getByText('看看其他活动')).toBeTruthy();
});

test('a campaign not started yet offers no 领取, and a claimed one goes to the wallet', async () => {
  backend({ 'account.me': () => consumer, 'campaign.public': () => campaign({ status: 'NOT_STARTED', statusLabel: '未开始' }) });
  const first = render(<SessionProvider><ClaimPage /></SessionProvider>);
  expect(await screen.findByText('活动未开始，2026.12.03 00:00 起可领')).toBeTruthy();
  expect(screen.queryByText('立即领取')).toBeNull();
  first.unmount();

  backend({ 'account.me': () => consumer, 'campaign.public': () => campaign({ claimed: true }) });
  await renderPage();
  expect(await resultTitle('你已领取过')).toBeTruthy();
  expect(claimCalls()).toHaveLength(0);
});

test('without a readable campaign the generic card still lets the consumer claim', async () => {
  backend({
    'account.me': () => consumer,
    'campaign.public': () => {
      throw new CloudError('REQUEST.UNKNOWN_ACTION', '不存在的操作');
    },
    'campaign.claim': () => ({ claimId: 'cmp_1:o-1', coupons: [coupon] }),
  });
  render(<SessionProvider><ClaimPage /></SessionProvider>);
  expect(await screen.findByText('商家优惠券')).toBeTruthy();
  fireEvent.click(await claimButton());
  expect(await resultTitle('领取成功')).toBeTruthy();
});

test('an unknown campaign says so', async () => {
  backend({
    'account.me': () => consumer,
    'campaign.public': () => {
      throw new CloudError('CAMPAIGN.NOT_FOUND', '活动不存在');
    },
  });
  render(<SessionProvider><ClaimPage /></SessionProvider>);
  expect(await screen.findByText('链接可能有误，或活动已被删除')).toBeTruthy();
});
