import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, dayKey, toMillis, toRfc3339 } from '@shared/time';
import { pngOf } from '../cloudfunctions/test/support/images';
import { button, expectFitsPhone, launchBrowser, phone, shot } from './support/browser';
import { eventually } from './support/expect';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const MERCHANT = '1900000101';

interface Envelope<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/** A call with the page's session cookie, as the app makes it. */
async function api<T>(page: Page, fn: string, action: string, data: unknown): Promise<Envelope<T>> {
  return page.evaluate(async ({ fn, action, data }) => {
    const res = await fetch(`/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, data }) });
    return (await res.json()) as Envelope<unknown>;
  }, { fn, action, data }) as Promise<Envelope<T>>;
}

async function must<T>(p: Promise<Envelope<T>>): Promise<T> {
  const r = await p;
  if (!r.ok || r.data === undefined) throw new Error(`call failed: ${JSON.stringify(r.error)}`);
  return r.data;
}

/** Another member (a consumer, the store staff) calling over HTTP with their own session. */
async function asMember(memberId: string) {
  const login = await fetch(`${server.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(fn: string, action: string, data: unknown): Promise<Envelope<T>> => {
    const res = await fetch(`${server.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, data }) });
    return (await res.json()) as Envelope<T>;
  };
}

async function setClock(now: string | null): Promise<void> {
  const res = await fetch(`${server.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

/** A quota-campaign coupon, created and activated over the API (the stock pages have their own e2e). */
async function quotaStock(page: Page, name: string, faceValue: number, totalQuantity: number, window: { begin: string; end: string }): Promise<string> {
  const stock = await must<{ stockId: string }>(api(page, 'stock', 'create', {
    merchantId: MERCHANT, requestId: `e2e-${name}-${Date.now()}`.replace(/[^A-Za-z0-9_-]/g, 'x'), name, funding: 'PREPAID', faceValue, minSpend: faceValue * 4,
    availableBegin: window.begin, availableEnd: window.end, timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [],
    instructions: '', scope: 'ALL', availableGoodsCodes: [], totalQuantity, perUserLimit: 1, usableMerchantIds: [MERCHANT],
    usableStoreIds: [], cardPackInsertable: true, purpose: 'QUOTA_CAMPAIGN',
  }));
  await must(api(page, 'stock', 'activate', { merchantId: MERCHANT, stockId: stock.stockId }));
  return stock.stockId;
}

/** Choose a file through whatever file input the tap opens (Taro H5's chooseImage, or ours for CSV). */
async function upload(page: Page, tapTarget: ReturnType<Page['locator']>, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tapTarget.tap()]);
  await chooser.setFiles(file);
}

const png = (name: string, w: number, h: number) => ({ name, mimeType: 'image/png', buffer: pngOf(w, h) });

async function signIn(context: BrowserContext, who: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.login-member').filter({ hasText: who }).first().tap();
  await page.locator('.home-tiles__item').first().waitFor();
  return page;
}

let campaignId = '';
let startAt = '';

describe('配额发券: a gift pack for stores and a mini-program, from the wizard to the chart', () => {
  it('merchant admin creates a gift pack with 门店+小程序 targeting, real uploads, every step on a phone', async () => {
    const context = await phone(browser);
    const page = await signIn(context, '王强（家乐福上海）');

    // Three coupons with the same window (P1) and merchants (P2), and one with too little stock (R7).
    const begin = toRfc3339(Math.ceil((Date.now() + 3_600_000) / 60_000) * 60_000);
    const window = { begin, end: toRfc3339(addDays(begin, 60)) };
    const ids = [
      await quotaStock(page, '满40减10', 1000, 1000, window),
      await quotaStock(page, '满80减20', 2000, 1000, window),
      await quotaStock(page, '满120减30', 3000, 1000, window),
    ];
    const low = await quotaStock(page, '库存少', 500, 100, window);

    await page.locator('.home-tiles__item').filter({ hasText: '配额发券' }).tap();
    await page.getByText('暂无配额发券活动').waitFor();
    await eventually(page.locator('.campaign-quota__value')).toHaveText('5,000');
    await eventually(page.locator('.campaign-stats-note')).toContainText('数据仅作为参考，不作为对账依据');
    await expectFitsPhone(page);
    await shot(page, 'campaign-01-list-empty');
    await page.locator('.campaign-create-btn').tap();

    // 1 推广类型
    await page.locator('.campaign-type--MINIPROGRAM_AND_STORE .form-choices__row').tap();
    await eventually(page.locator('.campaign-type--MINIPROGRAM_AND_STORE')).toBeVisible();
    await expectFitsPhone(page);
    await shot(page, 'campaign-02-type');
    await page.locator('.campaign-next').tap();

    // 2 投放设置: logo (a wrong size first: refused on the phone with the crop hint), texts, dates, gift pack.
    await page.locator('.form-field--brandName input').waitFor();
    await upload(page, page.locator('.campaign-upload--logo .campaign-upload__box'), png('big.png', 200, 200));
    await page.getByText('商户 logo 尺寸为 200×200，需为 120×120').waitFor();
    await upload(page, page.locator('.campaign-upload--logo .campaign-upload__box'), png('logo.png', 120, 120));
    await eventually(page.locator('.campaign-upload--logo .campaign-upload__again')).toBeVisible();
    await eventually(page.locator('.form-field--logo')).toContainText('重新上传');
    expect(await page.getByText(/尺寸为 200×200/).count()).toBe(0);

    await page.locator('.form-field--brandName input').fill('家乐福');
    await page.locator('.form-field--title input').fill('全场满一百减三十元周末狂欢');
    await page.getByText('活动标题：长度 26 超过上限 24（最多 12 个中文字符，1 个中文字符 = 2 个英文字符）').waitFor();
    await eventually(page.locator('.form-field--title .form-field__extra')).toHaveText('26/24');
    await shot(page, 'campaign-03-delivery-title-too-long');
    await page.locator('.form-field--title input').fill('周末礼包最高减30');
    await eventually(page.locator('.form-field--title .form-field__extra')).toHaveText('16/24');
    await page.locator('.form-field--subtitle input').fill('国庆到店专享');
    await eventually(page.locator('.form-field--subtitle .form-field__extra')).toHaveText('12/20');
    // The earliest start is preselected, with a 14-day window.
    await eventually(page.locator('.campaign-days__now')).toHaveText('共 14 天');
    const shownStart = /\d{4}-\d{2}-\d{2}/.exec(await page.locator('.campaign-window__start .form-datetime__date').innerText())?.[0];
    startAt = `${shownStart ?? ''}T00:00:00+08:00`;
    expect(dayKey(startAt)).toBe(dayKey(addDays(Date.now(), 2)));

    await page.locator('.campaign-kind--PACK .form-choices__row').tap();
    for (let i = 0; i < 3; i++) {
      const slot = page.locator(`.campaign-pack--${i}`);
      await slot.locator('.campaign-slot__pick').tap();
      if (i === 0) {
        // The low-stock coupon is listed with every rule it misses.
        const off = slot.locator('.campaign-picker__item--off').filter({ hasText: low });
        await eventually(off).toContainText('R7');
        await eventually(off).toContainText('剩余库存 100 张，需不少于 300 张');
        await off.scrollIntoViewIfNeeded();
        await shot(page, 'campaign-04-picker-ineligible');
      }
      await slot.locator('.campaign-picker__item').filter({ hasText: ids[i] ?? '' }).locator('.campaign-picker__add').tap();
      await eventually(slot.locator('.campaign-slot--filled')).toContainText(ids[i] ?? '');
      await upload(page, slot.locator(`.campaign-upload--small-${i} .campaign-upload__box`), png(`small${i}.png`, 100, 100));
      await eventually(slot.locator(`.campaign-upload--small-${i} .campaign-upload__again`)).toBeVisible();
      await upload(page, slot.locator(`.campaign-upload--large-${i} .campaign-upload__box`), png(`large${i}.png`, 750, 520));
      await eventually(slot.locator(`.campaign-upload--large-${i} .campaign-upload__again`)).toBeVisible();
    }
    await expectFitsPhone(page);
    await shot(page, 'campaign-05-delivery');
    await page.locator('.campaign-next').tap();

    // 3 精准定向: stores with distances, an APPID and path, 3 km, a seed package, an age band.
    await page.getByText('精准定向 · 推广小程序+门店').waitFor();
    await page.locator('.campaign-store').filter({ hasText: '家乐福古北店' }).tap();
    await eventually(page.locator('.campaign-stores__count')).toContainText('距离以「家乐福古北店」计');
    await eventually(page.locator('.campaign-store').filter({ hasText: '家乐福古北店' })).toContainText('0 m');
    await page.locator('.campaign-store').filter({ hasText: '家乐福五角场店' }).tap();
    await eventually(page.locator('.campaign-stores__count')).toContainText('已选 2 / 3 家');
    await page.locator('.form-appids__item').filter({ hasText: 'wxebb78adbe8371f8c' }).tap();
    await page.locator('.form-field--path input').fill('pages/coupon/index');
    await page.locator('.campaign-area--NEARBY_3KM').tap();
    await page.locator('.campaign-audience--SEED_PACKAGE .form-choices__row').tap();
    const seed = Buffer.from(['openid', ...Array.from({ length: 1234 }, (_, i) => `o-seed-user-${String(i).padStart(5, '0')}`)].join('\n'));
    await upload(page, page.locator('.campaign-seed__btn'), { name: 'seed.csv', mimeType: 'text/csv', buffer: seed });
    await eventually(page.locator('.campaign-seed__file')).toHaveText('seed.csv · 共 1,234 个用户');
    await page.locator('.campaign-age').filter({ hasText: '25–34 岁' }).tap();
    await expectFitsPhone(page);
    await shot(page, 'campaign-06-targeting');
    await page.locator('.campaign-next').tap();

    // 4 预览: entry card, then the landing page.
    await page.locator('.campaign-entry__card').waitFor();
    await eventually(page.locator('.campaign-entry__title')).toHaveText('家乐福 周末礼包最高减30');
    await eventually(page.locator('.campaign-entry__pill')).toHaveText('礼包 3 张 · 共 ¥60');
    await expectFitsPhone(page);
    await shot(page, 'campaign-07-preview-entry');
    await page.locator('.campaign-preview__tab--landing').tap();
    await eventually(page.locator('.campaign-landing__coupon').first()).toBeVisible();
    expect(await page.locator('.campaign-landing__coupon').count()).toBe(3);
    await eventually(page.locator('.campaign-landing__cta')).toHaveText('一键领取礼包');
    await expectFitsPhone(page);
    await shot(page, 'campaign-08-preview-landing');
    await page.locator('.campaign-next').tap();

    // 5 确认创建
    await page.getByText('请核对活动信息').waitFor();
    const rows = page.locator('.stock-rows');
    await eventually(rows).toContainText('投放门店家乐福古北店、家乐福五角场店');
    await eventually(rows).toContainText('核销小程序wxebb78adbe8371f8c · pages/coupon/index');
    await eventually(rows).toContainText('投放范围门店周围 3 公里');
    await eventually(rows).toContainText('目标人群上传种子包');
    await eventually(rows).toContainText('画像标签25–34 岁');
    expect(await page.locator('.campaign-blocking').count()).toBe(0);
    await expectFitsPhone(page);
    await shot(page, 'campaign-09-confirm');
    await page.locator('.campaign-submit').tap();

    await page.getByText('活动创建成功').waitFor();
    campaignId = (await page.locator('.campaign-created__text').first().innerText()).replace('活动 ID', '').trim();
    expect(campaignId).toMatch(/^cmp/);
    await shot(page, 'campaign-10-created');

    // The detail, then back to the list.
    await button(page, '查看活动详情').tap();
    await eventually(page.locator('.campaign-hero__title')).toHaveText('家乐福 周末礼包最高减30');
    await eventually(page.locator('.campaign-hero .campaign-status')).toHaveText('未开始');
    await eventually(page.locator('.campaign-history')).toContainText('创建活动');
    await eventually(page.locator('.campaign-content')).toContainText(ids[2] ?? '');
    await expectFitsPhone(page);
    await shot(page, 'campaign-11-detail');
    await page.goBack();
    const card = page.locator('.campaign-card').filter({ hasText: '周末礼包最高减30' });
    await eventually(card).toContainText('未开始');
    await eventually(card).toContainText('礼包 3 张券');
    await expectFitsPhone(page);
    await shot(page, 'campaign-12-list');
    await context.close();
  });

  it('pauses (a claim is refused), restarts, edits the title, and shows the T+1 chart', async () => {
    expect(campaignId).not.toBe('');
    const context = await phone(browser);
    const page = await signIn(context, '王强（家乐福上海）');
    await page.goto(`${server.url}/#/pages/campaign/detail/index?merchantId=${MERCHANT}&campaignId=${campaignId}`);
    await eventually(page.locator('.campaign-hero .campaign-status')).toHaveText('未开始');

    // Into the campaign: the day after its start, 10:00.
    const day1 = toMillis(startAt) + 86_400_000;
    await setClock(toRfc3339(day1 + 10 * 3_600_000));
    await page.reload();
    await eventually(page.locator('.campaign-hero .campaign-status')).toHaveText('投放中');

    await page.locator('.campaign-action--pause').tap();
    const modal = page.locator('.taro__modal');
    await eventually(modal).toContainText('暂停后该活动的优惠券将不再发放');
    await page.waitForTimeout(400);
    await shot(page, 'campaign-13-pause-confirm');
    await modal.locator('.taro-modal__foot').getByText('确认暂停').tap();
    await eventually(page.locator('.campaign-hero .campaign-status')).toHaveText('已暂停');
    await eventually(page.locator('.campaign-action--restart')).toBeVisible();
    await shot(page, 'campaign-14-paused');

    const consumer = await asMember('consumer-01');
    const refused = await consumer('campaign', 'claim', { campaignId, requestId: 'e2e-claim-paused-01' });
    expect(refused.ok).toBe(false);
    expect(refused.error?.code).toBe('CAMPAIGN.PAUSED');

    await page.locator('.campaign-action--restart').tap();
    await eventually(modal).toContainText('重启后将继续发券');
    await page.waitForTimeout(400);
    await modal.locator('.taro-modal__foot').getByText('确认重启').tap();
    await eventually(page.locator('.campaign-hero .campaign-status')).toHaveText('投放中');
    const claimed = await consumer<{ coupons: Array<{ couponCode: string; stockId: string; faceValue: number }> }>('campaign', 'claim', { campaignId, requestId: 'e2e-claim-01' });
    expect(claimed.ok).toBe(true);
    expect(claimed.data?.coupons).toHaveLength(3);
    const consumer2 = await asMember('consumer-02');
    expect((await consumer2('campaign', 'claim', { campaignId, requestId: 'e2e-claim-02' })).ok).toBe(true);

    // The till redeems one of consumer 01's coupons at 古北店.
    const staff = await asMember('store-staff');
    const coupon = claimed.data?.coupons.find((c) => c.faceValue === 3000);
    const redeemed = await staff('wallet', 'redeem', { merchantId: MERCHANT, storeId: 'st-sh-gubei', couponCode: coupon?.couponCode, orderId: 'e2e-order-1', orderAmount: 15000 });
    expect(redeemed.ok).toBe(true);

    // 修改: the title; the start is locked now that the campaign runs.
    await page.locator('.campaign-action--edit').tap();
    const title = page.locator('.form-field--title input');
    await title.waitFor();
    await eventually(page.locator('.campaign-window__locked')).toContainText('已锁定');
    await title.fill('周末礼包立减30元');
    await eventually(page.locator('.form-field--title .form-field__extra')).toHaveText('16/24');
    await expectFitsPhone(page);
    await shot(page, 'campaign-15-edit');
    await page.locator('.campaign-save').tap();
    await eventually(page.locator('.campaign-hero__title')).toHaveText('家乐福 周末礼包立减30元');
    await eventually(page.locator('.campaign-history')).toContainText('活动标题改为「周末礼包立减30元」');

    // Two editors: a stale save is refused with a clear message, and the latest can be loaded.
    await page.locator('.campaign-action--edit').tap();
    await title.waitFor();
    const latest = await must<{ campaign: { version: number; delivery: Record<string, string> } }>(api(page, 'campaign', 'get', { merchantId: MERCHANT, campaignId }));
    await must(api(page, 'campaign', 'update', { merchantId: MERCHANT, campaignId, version: latest.campaign.version, delivery: { ...latest.campaign.delivery, subtitle: '另一位管理员改的' } }));
    await title.fill('我的标题改动');
    await page.locator('.campaign-save').tap();
    await eventually(page.locator('.campaign-conflict')).toContainText('保存失败：活动已被他人修改');
    await eventually(page.locator('.campaign-conflict')).toContainText('活动标题：我的标题改动');
    await expectFitsPhone(page);
    await shot(page, 'campaign-16-edit-conflict');
    await page.locator('.campaign-conflict__reload').tap();
    const subtitle = page.locator('.form-field--subtitle input');
    for (let i = 0; i < 50 && (await subtitle.inputValue()) !== '另一位管理员改的'; i++) await page.waitForTimeout(100);
    expect(await subtitle.inputValue()).toBe('另一位管理员改的');
    expect(await page.locator('.campaign-conflict').count()).toBe(0);
    await page.goBack();

    // T+1: the next day after 12:00 the figures of day 1 are computed.
    await setClock(toRfc3339(day1 + 86_400_000 + 12.5 * 3_600_000));
    const run = await must<{ days: string[] }>(api(page, 'stats', 'runDaily', { merchantId: MERCHANT }));
    expect(run.days).toContain(dayKey(day1));
    await page.reload();
    await eventually(page.locator('.campaign-stats-note')).toContainText('数据更新于');
    await eventually(page.locator('.campaign-totals')).toContainText('6累计领取（张）');
    await eventually(page.locator('.campaign-totals')).toContainText('1累计核销（张）');
    await eventually(page.locator('.campaign-chart__sum')).toContainText('领取 6 张，核销 1 张，核销金额 30.00 元');
    const canvas = page.locator('.campaign-chart__canvas canvas').first();
    await canvas.waitFor();
    await page.locator('.campaign-chart').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await expectFitsPhone(page);
    await shot(page, 'campaign-17-detail-chart');
    // Tapping a day shows its three figures.
    await page.locator('.campaign-chart__canvas').tap({ position: { x: 160, y: 120 } });
    await page.waitForTimeout(300);
    await shot(page, 'campaign-18-chart-tooltip');

    // 导出核销明细: the CSV downloads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.campaign-export__btn').tap()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await eventually(page.locator('.campaign-export__rows')).toHaveText('已导出 1 条核销记录');
    await shot(page, 'campaign-19-exported');

    // The list shows the latest T+1 figures.
    await page.goto(`${server.url}/#/pages/campaign/list/index`);
    const card = page.locator('.campaign-card').filter({ hasText: '周末礼包立减30元' });
    await eventually(card).toContainText('投放中');
    await eventually(card.locator('.campaign-card__figures')).toContainText('6领取');
    await expectFitsPhone(page);
    await shot(page, 'campaign-20-list-stats');
    await context.close();
  });

  it('shows store staff the list and details read-only, and an SP reaches the list from 商户列表 【管理】', async () => {
    const context = await phone(browser);
    const staff = await signIn(context, '陈晨（古北店店员）');
    await staff.locator('.home-tiles__item').filter({ hasText: '配额发券' }).tap();
    await staff.locator('.campaign-card').first().waitFor();
    expect(await staff.locator('.campaign-create-btn').count()).toBe(0);
    await staff.locator('.campaign-card').first().tap();
    await eventually(staff.locator('.campaign-hero__title')).toContainText('家乐福');
    expect(await staff.locator('.campaign-action').count()).toBe(0);
    expect(await staff.locator('.campaign-export__btn').count()).toBe(0);
    await expectFitsPhone(staff);
    await shot(staff, 'campaign-21-staff-detail');
    await context.close();

    const spContext = await phone(browser);
    const sp = await signIn(spContext, '李敏（服务商）');
    await sp.locator('.home-tiles__item').filter({ hasText: '商户列表' }).tap();
    const carrefour = sp.locator('.merchant-card').filter({ hasText: '家乐福上海' });
    await carrefour.locator('.merchant-card__manage').tap();
    await eventually(sp.locator('.campaign-quota__name')).toHaveText('家乐福上海');
    await eventually(sp.locator('.campaign-card').first()).toContainText('家乐福');
    await eventually(sp.locator('.campaign-create-btn')).toBeVisible();
    await expectFitsPhone(sp);
    await shot(sp, 'campaign-22-sp-list');
    await spContext.close();
    await setClock(null);
  });
});
