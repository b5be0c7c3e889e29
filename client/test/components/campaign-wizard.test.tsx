/**
 * 新建配额发券活动 against a fake backend: only `call` (services/cloud.ts) and the picker/upload
 * of services/upload.ts are replaced — the network and the phone's album. Session, hooks, the
 * shared schema and rules, and the NutUI components are the real ones.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import type { Me } from '@shared/account/schema';
import type { Campaign, StockSummary } from '@shared/campaign/schema';
import type { Issue } from '@shared/result';
import { pickImage, uploadFile } from '@/services/upload';
import { SessionProvider } from '@/hooks/useSession';
import CampaignCreatePage from '@/pages/campaign/create/index';
import { backend as serve, callMock, calls, type Handler } from './fakeCloud';

jest.mock('@/services/cloud', () => {
  const actual = jest.requireActual<typeof import('@/services/cloud')>('@/services/cloud');
  return { ...actual, call: jest.fn() };
});
jest.mock('@/services/upload', () => {
  const actual = jest.requireActual<typeof import('@/services/upload')>('@/services/upload');
  return { ...actual, pickImage: jest.fn(), uploadFile: jest.fn() };
});

const pickMock = pickImage as jest.MockedFunction<typeof pickImage>;
const uploadMock = uploadFile as jest.MockedFunction<typeof uploadFile>;
const MERCHANT = '1900000101';
/** What the server says is the earliest start: not what the phone's clock would give. */
const EARLIEST = '2031-03-10T00:00:00+08:00';

const me: Me = {
  memberId: 'merchant-admin',
  nickname: '王强（家乐福上海）',
  consumer: false,
  memberships: [{ role: 'MERCHANT_ADMIN', merchantId: MERCHANT, merchantName: '家乐福上海', storeIds: [] }],
};

const summary = (stockId: string, over: Partial<StockSummary> = {}): StockSummary => ({
  stockId, name: `券${stockId.slice(-3)}`, faceValue: 3000, minSpend: 10000, remaining: 1000,
  availableBegin: '2031-03-01T00:00:00+08:00', availableEnd: '2031-05-01T00:00:00+08:00', scope: 'ALL', status: 'RUNNING', ...over,
});
const GOOD = summary('1000000001', { name: '周末满100减30' });
const LOW = summary('1000000002', { name: '库存不足券', remaining: 120 });
const lowIssues = (path: string): Issue[] => [
  { rule: 'R7', path, level: 'error', message: '批次 1000000002 剩余库存 120 张，需不少于 300 张' },
  { rule: 'R4', path, level: 'error', message: '批次 1000000002 不支持插入卡包', hint: '仅允许添加支持插入微信卡包的代金券' },
];

function backend(extra: Record<string, Handler> = {}) {
  const handlers: Record<string, Handler> = {
    'account.me': () => me,
    'account.stores': () => ({
      stores: [
        { storeId: 'st-sh-gubei', merchantId: MERCHANT, name: '家乐福古北店', address: '上海市长宁区水城南路268号', lat: 31.1986, lng: 121.3979 },
        { storeId: 'st-sh-wujiaochang', merchantId: MERCHANT, name: '家乐福五角场店', address: '上海市杨浦区淞沪路8号', lat: 31.3021, lng: 121.5135 },
      ],
    }),
    'account.appids': () => ({ appids: [{ appid: 'wxebb78adbe8371f8c', merchantId: MERCHANT, type: 'MINIPROGRAM', nickname: '家乐福线上商城' }] }),
    // The server's engine, reduced to what these tests need: R7/R4 for the low stock.
    'campaign.validate': (d) => {
      const content = d.content as { kind: string; stockId?: string };
      const issues = content.kind === 'SINGLE' && content.stockId === LOW.stockId ? lowIssues('content.stockId') : [];
      const named = [GOOD, LOW].filter((s) => JSON.stringify(content).includes(s.stockId));
      return { valid: issues.length === 0, issues, earliestStartAt: EARLIEST, stocks: named };
    },
    'campaign.eligibleStocks': () => ({
      stocks: [
        { stock: GOOD, eligible: true, issues: [] },
        { stock: LOW, eligible: false, issues: lowIssues('stockId') },
      ],
    }),
    ...extra,
  };
  serve(handlers);
}

async function typeInto(field: string, text: string) {
  const input = await waitFor(() => {
    const el = document.querySelector<HTMLInputElement>(`.form-field--${field} taro-input-core input`);
    if (!el) throw new Error(`input of ${field} not rendered yet`);
    return el;
  });
  fireEvent.input(input, { target: { value: text } });
}

const inputValue = (field: string) => document.querySelector<HTMLInputElement>(`.form-field--${field} taro-input-core input`)?.value;
const click = (selector: string) => {
  const el = document.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  fireEvent.click(el);
};
const next = () => click('.campaign-next');

async function renderAt(step: '投放设置' | '推广类型' = '投放设置') {
  render(
    <SessionProvider>
      <CampaignCreatePage />
    </SessionProvider>,
  );
  await screen.findByText('选择推广类型');
  if (step === '投放设置') {
    next();
    await screen.findByText('商户品牌名称');
  }
}

beforeEach(() => {
  callMock.mockReset();
  pickMock.mockReset();
  uploadMock.mockReset();
  Current.router = { params: {}, path: '/pages/campaign/create/index' } as unknown as typeof Current.router;
  window.localStorage.clear();
});

test('width counters count a Han character as 2 and F3/F4 errors appear as typed', async () => {
  backend();
  await renderAt();

  await typeInto('brandName', '家乐福');
  expect(await screen.findByText('6/14')).toBeTruthy();
  await typeInto('title', '周末满100减30');
  expect(await screen.findByText('13/24')).toBeTruthy();
  expect(screen.getByText('展示为：家乐福 周末满100减30')).toBeTruthy();
  expect(screen.queryByText(/超过上限/)).toBeNull();

  await typeInto('title', '全场满一百减三十元周末狂欢');
  expect(await screen.findByText('26/24')).toBeTruthy();
  expect(await screen.findByText('活动标题：长度 26 超过上限 24（最多 12 个中文字符，1 个中文字符 = 2 个英文字符）')).toBeTruthy();

  await typeInto('subtitle', '国庆到店专享超值优惠');
  expect(await screen.findByText('20/20')).toBeTruthy();
  expect(screen.queryByText(/活动副标题：长度/)).toBeNull();
  await typeInto('subtitle', '国庆到店专享超值优惠券');
  expect(await screen.findByText('22/20')).toBeTruthy();
  expect(await screen.findByText('活动副标题：长度 22 超过上限 20（最多 10 个中文字符，1 个中文字符 = 2 个英文字符）')).toBeTruthy();
  // Emoji are not allowed (F3: 中文、英文、数字及标点).
  await typeInto('title', '满减🎉');
  expect(await screen.findByText(/活动标题：含有不支持的字符 🎉/)).toBeTruthy();
});

test('the earliest start from campaign.validate is preselected, with a 14-day window', async () => {
  backend();
  await renderAt();
  await waitFor(() => expect(document.querySelector('.campaign-window__start .form-datetime__date')?.textContent).toContain('2031-03-10'));
  expect(document.querySelector('.campaign-window__start .form-datetime__time')?.textContent).toContain('00:00');
  expect(document.querySelector('.campaign-window__end .form-datetime__date')?.textContent).toContain('2031-03-24');
  expect(screen.getByText('共 14 天')).toBeTruthy();
  expect(screen.getByText(/最早 03月10日 00:00 开始/)).toBeTruthy();
  // 7 天 keeps the start and moves the end.
  fireEvent.click(screen.getByText('7 天'));
  await waitFor(() => expect(document.querySelector('.campaign-window__end .form-datetime__date')?.textContent).toContain('2031-03-17'));
  expect(screen.getByText('共 7 天')).toBeTruthy();
});

test('an ineligible stock shows every failing rule, typed or in the list', async () => {
  backend();
  await renderAt();

  // From the list: the ineligible one is explained, not just refused.
  fireEvent.click(screen.getByText('从已配置的代金券中选择 ›'));
  expect(await screen.findByText('共 2 张，1 张符合当前活动')).toBeTruthy();
  expect(screen.getByText('不可添加：2 项规则不符合')).toBeTruthy();
  const off = document.querySelector('.campaign-picker__item--off') as HTMLElement;
  expect(within(off).getByText('R7')).toBeTruthy();
  expect(within(off).getByText('批次 1000000002 剩余库存 120 张，需不少于 300 张')).toBeTruthy();
  expect(within(off).getByText('R4')).toBeTruthy();
  expect(within(off).getByText('仅允许添加支持插入微信卡包的代金券')).toBeTruthy();

  // Typed: added, then every failing rule from campaign.validate under it.
  fireEvent.click(screen.getByText('收起列表'));
  const stockInput = document.querySelector<HTMLInputElement>('.campaign-slot__input taro-input-core input');
  if (!stockInput) throw new Error('no 批次号 input');
  fireEvent.input(stockInput, { target: { value: LOW.stockId } });
  click('.campaign-slot__add');
  const slot = await waitFor(() => {
    const el = document.querySelector('.campaign-slot--filled') as HTMLElement | null;
    if (!el || !within(el).queryByText('R7')) throw new Error('rules not shown yet');
    return el;
  });
  expect(within(slot).getByText('批次 1000000002 剩余库存 120 张，需不少于 300 张')).toBeTruthy();
  expect(within(slot).getByText('批次 1000000002 不支持插入卡包')).toBeTruthy();
  expect(within(slot).getByText('库存不足券')).toBeTruthy();

  // It blocks the step.
  next();
  expect(await screen.findByText('请先修正标红的项')).toBeTruthy();
  expect(screen.getByText('商户品牌名称')).toBeTruthy();
});

test('going back and forth between steps keeps everything typed and chosen', async () => {
  backend();
  await renderAt('推广类型');
  fireEvent.click(screen.getByText('推广小程序+门店'));
  next();
  await screen.findByText('商户品牌名称');
  await typeInto('brandName', '家乐福');
  await typeInto('title', '周末满100减30');
  fireEvent.click(screen.getByText('礼包'));
  expect(await screen.findByText('礼包第 3 张券')).toBeTruthy();

  // Back to 推广类型 by its step, then forward again: all still there.
  fireEvent.click(screen.getByText('推广类型'));
  expect(await screen.findByText('选择推广类型')).toBeTruthy();
  expect(document.querySelector('.campaign-type--MINIPROGRAM_AND_STORE')?.className).toContain('form-choices__item--active');
  next();
  await screen.findByText('商户品牌名称');
  await waitFor(() => expect(inputValue('brandName')).toBe('家乐福'));
  expect(inputValue('title')).toBe('周末满100减30');
  expect(screen.getByText('礼包第 3 张券')).toBeTruthy();
  expect(screen.getByText('6/14')).toBeTruthy();
});

test('an unfinished campaign comes back after a reload, on its step, with the stored logo', async () => {
  backend();
  pickMock.mockResolvedValue({ path: 'blob:logo', size: 2048, name: 'logo.png', width: 120, height: 120, format: 'png' });
  uploadMock.mockResolvedValue({ fileId: 'local:logo/abc123def456.png', purpose: 'logo', format: 'png', width: 120, height: 120, bytes: 2048 });
  const first = render(<SessionProvider><CampaignCreatePage /></SessionProvider>);
  await screen.findByText('选择推广类型');
  expect(screen.queryByText('已恢复上次未完成的草稿')).toBeNull();
  next();
  await screen.findByText('商户品牌名称');
  fireEvent.click(screen.getByLabelText('上传商户 logo'));
  await waitFor(() => expect(uploadMock).toHaveBeenCalled());
  await typeInto('brandName', '家乐福');
  await waitFor(() => expect(window.localStorage.getItem(`coupon-desk.draft.campaign.merchant-admin.${MERCHANT}`)).toContain('家乐福'));
  first.unmount();

  render(<SessionProvider><CampaignCreatePage /></SessionProvider>);
  expect(await screen.findByText('已恢复上次未完成的草稿')).toBeTruthy();
  await screen.findByText('商户品牌名称');
  await waitFor(() => expect(inputValue('brandName')).toBe('家乐福'));
  // The picked file's blob URL died with the page: the logo shows the stored copy.
  expect(document.querySelector('img[src="/api/files/logo%2Fabc123def456.png"]')).toBeTruthy();

  fireEvent.click(screen.getByText('清空'));
  expect(await screen.findByText('选择推广类型')).toBeTruthy();
  expect(window.localStorage.getItem(`coupon-desk.draft.campaign.merchant-admin.${MERCHANT}`)).toBeNull();
});

test('a draft kept before a field existed restores with that field blank instead of breaking the wizard', async () => {
  backend();
  window.localStorage.setItem(`coupon-desk.draft.campaign.merchant-admin.${MERCHANT}`, JSON.stringify({ data: { v: 1, form: { brandName: '家乐福' }, step: 1, touched: [] } }));
  render(<SessionProvider><CampaignCreatePage /></SessionProvider>);
  expect(await screen.findByText('已恢复上次未完成的草稿')).toBeTruthy();
  await screen.findByText('商户品牌名称');
  await waitFor(() => expect(inputValue('brandName')).toBe('家乐福'));
  await typeInto('title', '周末满100减30');
  expect(await screen.findByText('展示为：家乐福 周末满100减30')).toBeTruthy();
});

test('小程序 targeting without an APPID asks to choose one, and the path hint is the placeholder', async () => {
  backend();
  pickMock.mockResolvedValue({ path: 'blob:logo', size: 2048, name: 'logo.png', width: 120, height: 120, format: 'png' });
  uploadMock.mockResolvedValue({ fileId: 'local:logo/abc123def456.png', purpose: 'logo', format: 'png', width: 120, height: 120, bytes: 2048 });
  await renderAt('推广类型');
  fireEvent.click(screen.getByText('推广小程序'));
  next();
  await screen.findByText('商户品牌名称');
  fireEvent.click(screen.getByLabelText('上传商户 logo'));
  await waitFor(() => expect(uploadMock).toHaveBeenCalled());
  await typeInto('brandName', '家乐福');
  await typeInto('title', '周末满100减30');
  await typeInto('subtitle', '线上专享');
  fireEvent.click(screen.getByText('从已配置的代金券中选择 ›'));
  await screen.findByText('共 2 张，1 张符合当前活动');
  click('.campaign-picker__add');
  await screen.findByText('周末满100减30', { selector: '.campaign-stock__name' });
  next();
  await screen.findByText('核销小程序 APPID');
  await waitFor(() => expect(document.querySelector('.form-field--path taro-input-core input')?.getAttribute('placeholder')).toBe('如 pages/coupon/index'));
  next();
  expect(await screen.findByText('小程序 APPID：请选择或输入核销小程序')).toBeTruthy();
  expect(screen.queryByText(/16 位十六进制/)).toBeNull();
});

test('the whole wizard sends the draft once, with a requestId, and shows the created campaign', async () => {
  let created: Record<string, unknown> | undefined;
  backend({
    'campaign.create': (d) => {
      created = d;
      const c: Campaign = {
        campaignId: 'cmp_abc', merchantId: MERCHANT, createdByMerchantId: MERCHANT,
        promotionType: d.promotionType as Campaign['promotionType'], delivery: d.delivery as Campaign['delivery'],
        content: d.content as Campaign['content'], targeting: d.targeting as Campaign['targeting'],
        status: 'NOT_STARTED', paused: false, version: 1, createdAt: '2031-03-08T10:00:00+08:00', updatedAt: '2031-03-08T10:00:00+08:00',
      };
      return c;
    },
  });
  pickMock.mockResolvedValue({ path: 'blob:logo', size: 2048, name: 'logo.png', width: 120, height: 120, format: 'png' });
  uploadMock.mockResolvedValue({ fileId: 'local:logo/abc123def456.png', purpose: 'logo', format: 'png', width: 120, height: 120, bytes: 2048 });
  await renderAt();

  // A picture of the wrong size is refused on the phone, with the crop hint, and never sent.
  pickMock.mockResolvedValueOnce({ path: 'blob:big', size: 4096, name: 'big.png', width: 200, height: 120, format: 'png' });
  fireEvent.click(screen.getByLabelText('上传商户 logo'));
  expect(await screen.findByText('商户 logo 尺寸为 200×120，需为 120×120')).toBeTruthy();
  expect(screen.getByText(/请先裁剪为正方形（1:1）/)).toBeTruthy();
  // One error on the field, the upload's: not also the missing-logo one.
  expect(screen.queryByText(/请上传商户 logo/)).toBeNull();
  expect(uploadMock).not.toHaveBeenCalled();
  fireEvent.click(screen.getByLabelText('上传商户 logo'));
  await waitFor(() => expect(uploadMock).toHaveBeenCalledWith(expect.objectContaining({ path: 'blob:logo' }), 'logo', expect.any(String)));
  await waitFor(() => expect(screen.queryByText(/尺寸为 200×120/)).toBeNull());

  await typeInto('brandName', '家乐福');
  await typeInto('title', '周末满100减30');
  await typeInto('subtitle', '到店专享');
  fireEvent.click(screen.getByText('从已配置的代金券中选择 ›'));
  await screen.findByText('共 2 张，1 张符合当前活动');
  click('.campaign-picker__add');
  expect(await screen.findByText('周末满100减30', { selector: '.campaign-stock__name' })).toBeTruthy();
  next();

  // 精准定向 (推广门店): stores with their distance from the stores' centre, then from the first chosen.
  expect(await screen.findByText('精准定向 · 推广门店')).toBeTruthy();
  expect(screen.getByText(/距离以「门店中心点」计/)).toBeTruthy();
  next();
  expect(await screen.findByText('请至少选择 1 家投放门店')).toBeTruthy();
  fireEvent.click(screen.getByText('家乐福古北店'));
  expect(await screen.findByText(/距离以「家乐福古北店」计/)).toBeTruthy();
  expect(screen.getByText('0 m')).toBeTruthy();
  expect(screen.getByText('15.9 km')).toBeTruthy();
  fireEvent.click(screen.getByText('18–24 岁'));
  next();

  // 预览: the feed card, then the landing page.
  expect(await screen.findByText('用户在微信支付入口看到的活动卡片')).toBeTruthy();
  expect(screen.getByText('家乐福 周末满100减30')).toBeTruthy();
  expect(screen.getByText('¥30 · 满100元可用')).toBeTruthy();
  fireEvent.click(screen.getByText('内页预览'));
  expect(await screen.findByText('立即领取')).toBeTruthy();
  next();

  // 确认创建: everything once more; nothing sent until confirmed.
  expect(await screen.findByText('请核对活动信息')).toBeTruthy();
  expect(screen.getByText('家乐福上海（1900000101）')).toBeTruthy();
  expect(screen.getByText('家乐福古北店')).toBeTruthy();
  expect(calls('campaign', 'create')).toHaveLength(0);
  click('.campaign-submit');

  expect(await screen.findByText('活动创建成功')).toBeTruthy();
  expect(calls('campaign', 'create')).toHaveLength(1);
  expect(created).toEqual({
    merchantId: MERCHANT,
    promotionType: 'STORE',
    delivery: {
      logo: 'local:logo/abc123def456.png', brandName: '家乐福', title: '周末满100减30', subtitle: '到店专享',
      startAt: EARLIEST, endAt: '2031-03-24T00:00:00+08:00',
    },
    content: { kind: 'SINGLE', stockId: GOOD.stockId },
    targeting: { storeIds: ['st-sh-gubei'], tags: { ageBands: ['18-24'], gender: 'ALL' } },
    requestId: expect.stringMatching(/^cmp-[A-Za-z0-9_-]{6,60}$/),
  });
  expect(screen.getByText('活动 ID cmp_abc')).toBeTruthy();
  // Created: the kept draft goes with it.
  expect(window.localStorage.getItem(`coupon-desk.draft.campaign.merchant-admin.${MERCHANT}`)).toBeNull();
});
