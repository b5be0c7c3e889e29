/**
 * 暂停 and 重启 of a campaign and of a voucher stock ask first, as 终止 does, against a
 * fake `call` (the network boundary only); Taro's H5 modal is the real one.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import type { Me } from '@shared/account/schema';
import type { Campaign } from '@shared/campaign/schema';
import type { Stock } from '@shared/stock/schema';
import { SessionProvider } from '@/hooks/useSession';
import CampaignDetailPage from '@/pages/campaign/detail/index';
import StockDetailPage from '@/pages/stock/detail/index';
import { backend, callMock, calls } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});
// The chart (ECharts on a canvas) has nothing to do with the actions, and jsdom has no canvas.
jest.mock('@/components/campaign/TrendChart', () => ({ TrendChart: () => null }));

const MERCHANT = '1900000101';
const STOCK_ID = '1234567890';
const CAMPAIGN_ID = 'cmp_abc';

const admin: Me = {
  memberId: 'merchant-admin',
  nickname: '王强（家乐福上海）',
  consumer: false,
  memberships: [{ role: 'MERCHANT_ADMIN', merchantId: MERCHANT, merchantName: '家乐福上海', storeIds: [] }],
};

const at = '2031-03-08T10:00:00+08:00';
const campaign = (paused: boolean): Campaign & { latestStats: null; totals: { claims: number; redemptions: number; redeemedAmount: number; orderAmount: number } } => ({
  campaignId: CAMPAIGN_ID, merchantId: MERCHANT, createdByMerchantId: MERCHANT, promotionType: 'STORE',
  delivery: { logo: 'local:logo/abc123def456.png', brandName: '家乐福', title: '周末满100减30', subtitle: '到店专享', startAt: at, endAt: '2031-03-24T00:00:00+08:00' },
  content: { kind: 'SINGLE', stockId: STOCK_ID },
  targeting: { storeIds: ['st-sh-gubei'] },
  status: paused ? 'PAUSED' : 'DELIVERING', paused, version: 2, createdAt: at, updatedAt: at,
  latestStats: null, totals: { claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0 },
});

const stock = (status: 'PAUSED' | 'RUNNING'): Stock => ({
  stockId: STOCK_ID, merchantId: MERCHANT, name: '周末满100减30', funding: 'PREPAID', faceValue: 3000, minSpend: 10000,
  availableBegin: at, availableEnd: '2031-03-31T23:59:59+08:00', timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0,
  excludedGoodsCodes: [], instructions: '', scope: 'ALL', availableGoodsCodes: [], totalQuantity: 100, perUserLimit: 1,
  usableMerchantIds: [MERCHANT], usableStoreIds: [], cardPackInsertable: true, purpose: 'GENERAL', status,
  budget: 300_000, remaining: 100, issued: 0, used: 0, createdAt: at, updatedAt: at, activatedAt: at,
  allowedActions: status === 'PAUSED' ? ['restart', 'stop'] : ['pause', 'stop'],
});

const modal = () => document.querySelector('.taro__modal') as HTMLElement;
const modalShown = () => !!modal() && modal().style.display !== 'none';
/** Taps a button of Taro's H5 modal (取消 is labelled 再想想 here). */
const tapModal = (label: string) => fireEvent.click(screen.getByText(label, { selector: '.taro-model__btn' }));

beforeEach(() => {
  callMock.mockReset();
  window.localStorage.clear();
});

/** The action asks first: 再想想 sends nothing; its confirm button sends it once, and the page then offers the opposite action. */
async function asksFirst(fn: 'campaign' | 'stock', action: 'pause' | 'restart', title: string, text: string) {
  const [label, confirm, next] = action === 'restart' ? ['重启', '确认重启', '暂停'] : ['暂停', '确认暂停', '重启'];
  fireEvent.click(await screen.findByText(label));
  await waitFor(() => expect(modalShown()).toBe(true));
  expect(modal().textContent).toContain(title);
  expect(modal().textContent).toContain(text);
  tapModal('再想想');
  await waitFor(() => expect(modalShown()).toBe(false));
  expect(calls(fn, action)).toHaveLength(0);

  fireEvent.click(screen.getByText(label));
  await waitFor(() => expect(modalShown()).toBe(true));
  tapModal(confirm);
  await waitFor(() => expect(calls(fn, action)).toHaveLength(1));
  expect(await screen.findByText(next)).toBeTruthy();
}

describe('重启活动', () => {
  let paused: boolean;
  beforeEach(() => {
    paused = true;
    Current.router = { params: { campaignId: CAMPAIGN_ID }, path: '/pages/campaign/detail/index' } as unknown as typeof Current.router;
    backend({
      'account.me': () => admin,
      'account.stores': () => ({ stores: [] }),
      'campaign.get': () => ({
        campaign: campaign(paused), daily: [], statsUpdatedAt: null, statsNote: '数据仅作为参考，不作为对账依据', history: [], stocks: [],
        quota: { opened: true, balance: 500 }, allowedActions: paused ? ['update', 'restart'] : ['update', 'pause'],
      }),
      'campaign.restart': () => {
        paused = false;
        return campaign(false);
      },
    });
  });

  test('says that restarting sends coupons and spends quota, and only restarts on 确认重启', async () => {
    render(<SessionProvider><CampaignDetailPage /></SessionProvider>);
    await asksFirst('campaign', 'restart', '确认重启活动？', '重启后将继续发券，每发出一张券消耗 1 个配额');
    expect(calls('campaign', 'restart')[0]?.[2]).toEqual({ merchantId: MERCHANT, campaignId: CAMPAIGN_ID });
  });
});

describe('重启批次', () => {
  beforeEach(() => {
    Current.router = { params: { stockId: STOCK_ID }, path: '/pages/stock/detail/index' } as unknown as typeof Current.router;
    backend({
      'account.me': () => admin,
      'account.stores': () => ({ stores: [] }),
      'stock.get': () => stock('PAUSED'),
      'stock.restart': () => stock('RUNNING'),
    });
  });

  test('says that restarting sends coupons again, and only restarts on 确认重启', async () => {
    render(<SessionProvider><StockDetailPage /></SessionProvider>);
    await asksFirst('stock', 'restart', '确认重启批次？', '批次「周末满100减30」重启后将继续发券');
    expect(calls('stock', 'restart')[0]?.[2]).toEqual({ merchantId: MERCHANT, stockId: STOCK_ID });
  });
});

describe('暂停批次', () => {
  beforeEach(() => {
    Current.router = { params: { stockId: STOCK_ID }, path: '/pages/stock/detail/index' } as unknown as typeof Current.router;
    backend({
      'account.me': () => admin,
      'account.stores': () => ({ stores: [] }),
      'stock.get': () => stock('RUNNING'),
      'stock.pause': () => stock('PAUSED'),
    });
  });

  test('says that pausing stops its campaigns and live rooms, and only pauses on 确认暂停', async () => {
    render(<SessionProvider><StockDetailPage /></SessionProvider>);
    await asksFirst('stock', 'pause', '确认暂停批次？', '关联的活动和直播间都将领不到本批次的券');
    expect(calls('stock', 'pause')[0]?.[2]).toEqual({ merchantId: MERCHANT, stockId: STOCK_ID });
  });
});
