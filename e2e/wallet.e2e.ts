/**
 * Claim → 我的卡包 → 核销 → 已使用, on a 375-px phone, against the real gateway. The campaign is set
 * up through the API as the merchant admin (stock, logo upload, campaign), then the clock is moved
 * inside the campaign; consumers and store staff use the browser.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pngOf } from '../cloudfunctions/test/support/images';
import { button, expectFitsPhone, launchBrowser, phone, shot } from './support/browser';
import { eventually } from './support/expect';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

const SH = '1900000101';
/** The server clock while setting up: the campaign may start 2 days later at the earliest (F5). */
const SETUP_AT = '2026-12-01T10:00:00+08:00';
const START = '2026-12-03T00:00:00+08:00';
const END = '2026-12-17T00:00:00+08:00';
/** A Saturday morning inside the campaign, when the consumers come to claim and shop. */
const SHOPPING_AT = '2026-12-05T11:00:00+08:00';
const TITLE = '满100减20元，全场通用';

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

// ---------- the API, as a signed-in member (Node side) ----------

async function session(memberId: string): Promise<string> {
  const res = await fetch(`${server.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId }) });
  if (!res.ok) throw new Error(`login ${memberId}: HTTP ${res.status}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function api<T>(cookie: string, fn: string, action: string, data: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${server.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, data }) });
  const body = (await res.json()) as { ok: boolean; data?: T; error?: unknown };
  if (!body.ok || body.data === undefined) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
  return body.data;
}

async function setClock(now: string): Promise<void> {
  const res = await fetch(`${server.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!res.ok) throw new Error(`clock: HTTP ${res.status}`);
}

async function uploadLogo(cookie: string): Promise<string> {
  const form = new FormData();
  form.append('purpose', 'logo');
  form.append('file', new Blob([new Uint8Array(pngOf(120, 120))], { type: 'image/png' }), 'logo.png');
  const res = await fetch(`${server.url}/api/upload`, { method: 'POST', headers: { cookie }, body: form });
  const body = (await res.json()) as { ok: boolean; data?: { fileId: string }; error?: unknown };
  if (!body.ok || !body.data) throw new Error(`upload: ${JSON.stringify(body.error)}`);
  return body.data.fileId;
}

/** A DELIVERING STORE campaign of 家乐福上海 for 古北店: 满100元减20元, 500 coupons. */
async function deliveringCampaign(): Promise<string> {
  await setClock(SETUP_AT);
  const admin = await session('merchant-admin');
  const stock = await api<{ stockId: string }>(admin, 'stock', 'create', {
    merchantId: SH, requestId: 'e2e-wallet-stock-0001', name: '家乐福满100减20', funding: 'PREPAID', faceValue: 2000, minSpend: 10000,
    availableBegin: '2026-12-02T00:00:00+08:00', availableEnd: '2026-12-31T23:59:59+08:00', timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0,
    excludedGoodsCodes: [], instructions: '满100元减20元，全场通用', scope: 'ALL', availableGoodsCodes: [], totalQuantity: 500, perUserLimit: 1,
    usableMerchantIds: [SH], usableStoreIds: [], cardPackInsertable: true, purpose: 'QUOTA_CAMPAIGN',
  });
  await api(admin, 'stock', 'activate', { merchantId: SH, stockId: stock.stockId });
  const logo = await uploadLogo(admin);
  const campaign = await api<{ campaignId: string }>(admin, 'campaign', 'create', {
    merchantId: SH, requestId: 'e2e-wallet-campaign-0001', promotionType: 'STORE',
    delivery: { logo, brandName: '家乐福', title: TITLE, subtitle: '古北店到店专享', startAt: START, endAt: END },
    content: { kind: 'SINGLE', stockId: stock.stockId },
    targeting: { storeIds: ['st-sh-gubei'] },
  });
  await setClock(SHOPPING_AT);
  return campaign.campaignId;
}

// ---------- the browser ----------

async function signedIn(memberId: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phone(browser);
  const res = await context.request.post(`${server.url}/api/dev/login`, { data: { memberId } });
  expect(res.ok()).toBe(true);
  const page = await context.newPage();
  await page.goto(server.url);
  return { context, page };
}

const digits = (s: string) => s.replace(/\D+/g, '');

/** Taro H5 keeps earlier pages of the stack in the DOM, hidden: look at the page on screen only. */
const onScreen = (page: Page, selector: string) => page.locator(`${selector}:visible`);

/** Screenshots without the toast over the content (NutUI toasts last 2.5 s). */
async function toastGone(page: Page): Promise<void> {
  await page.locator('.nut-toast:visible').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
}

async function fill(page: Page, code: string, yuan: string): Promise<void> {
  await page.locator('.redeem-code-input input').fill(code);
  await page.locator('.redeem-amount-input input').fill(yuan);
}

async function redeem(page: Page, code: string, yuan: string): Promise<void> {
  await fill(page, code, yuan);
  await page.locator('.redeem-submit').tap();
  await eventually(page.locator('.redeem-confirm')).toContainText(`订单金额${Number(yuan).toFixed(2)} 元`);
}

describe('a consumer claims a coupon, store staff redeems it at the till', () => {
  it('goes from the campaign card through 我的卡包 to 核销成功 and 已使用', async () => {
    const campaignId = await deliveringCampaign();

    // ---- consumer-01: home → claim page → 领取 → 我的卡包 ----
    const consumer = await signedIn('consumer-01');
    const cp = consumer.page;
    const feedCard = cp.locator('.wallet-discover .offer-card').filter({ hasText: TITLE });
    await eventually(feedCard).toContainText('领取');
    await eventually(cp.locator('.wallet-entry')).toContainText('我的卡包');
    await expectFitsPhone(cp);
    await shot(cp, 'wallet-01-consumer-home');
    await feedCard.tap();

    const card = onScreen(cp, '.offer-card').first();
    await eventually(card).toContainText(`家乐福 ${TITLE}`);
    await eventually(card).toContainText('古北店到店专享');
    await eventually(card).toContainText('满100元减20元');
    expect(await card.locator('.offer-card__logo img').first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(120);
    expect(cp.url()).toContain(`campaignId=${encodeURIComponent(campaignId)}`);
    await expectFitsPhone(cp);
    await shot(cp, 'wallet-02-claim');
    await button(cp, '立即领取').tap();

    await eventually(onScreen(cp, '.claim-result__title')).toHaveText('领取成功');
    const claimed = onScreen(cp, '.claim-result .coupon-ticket');
    await eventually(claimed).toContainText('家乐福满100减20');
    // The server clock keeps moving from 11:00: the claim instant is a few seconds later.
    await eventually(claimed).toContainText('有效期 2026.12.05 11:0');
    await eventually(claimed).toContainText('至 2026.12.31 23:59');
    await eventually(claimed).toContainText('有效期内任意时段可用');
    await expectFitsPhone(cp);
    await toastGone(cp);
    await shot(cp, 'wallet-03-claimed');
    await button(cp, '去卡包查看').tap();

    const coupon = onScreen(cp, '.wallet-coupon').first();
    await eventually(coupon).toContainText('满100元减20元');
    await eventually(coupon).toContainText('至 2026.12.31 23:59');
    const code = digits(await coupon.locator('.wallet-code__value').innerText());
    expect(code).toMatch(/^\d{12}$/);
    await eventually(onScreen(cp, '.paged-list__count')).toHaveText('共 1 张可使用的券');
    await expectFitsPhone(cp);
    await shot(cp, 'wallet-04-wallet');
    await consumer.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await coupon.locator('.wallet-code__copy').tap();
    await cp.getByText(`已复制券码 ${code}`).waitFor();
    expect(await cp.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await toastGone(cp);

    // Opening the campaign again: already claimed, 去卡包.
    // (A fresh load: the link a consumer opens again, as from a chat.)
    await cp.goto(`${server.url}/#/pages/wallet/claim/index?campaignId=${encodeURIComponent(campaignId)}`);
    await cp.reload();
    await eventually(onScreen(cp, '.claim-result__title')).toHaveText('你已领取过');
    await eventually(onScreen(cp, 'taro-button-core').filter({ hasText: '去卡包' })).toBeVisible();
    await shot(cp, 'wallet-05-already-claimed');

    // A second consumer claims through the API: the coupon whose answer gets lost below.
    const other = await session('consumer-02');
    const otherClaim = await api<{ coupons: Array<{ couponCode: string }> }>(other, 'campaign', 'claim', { campaignId, requestId: 'e2e-wallet-claim-0002' });
    const otherCode = otherClaim.coupons[0]!.couponCode;

    // ---- 陈晨, store staff of 古北店 and 五角场店: 核销 ----
    const staff = await signedIn('store-staff');
    const sp = staff.page;
    const tile = sp.locator('.home-tiles__item').filter({ hasText: '核销' });
    await tile.waitFor();
    await shot(sp, 'wallet-06-staff-home');
    await tile.tap();

    await eventually(sp.locator('.store-picker__chip--active')).toHaveText('家乐福古北店');
    await eventually(sp.locator('.store-picker__chips')).toContainText('家乐福五角场店');
    await eventually(sp.locator('.redeem-scan')).toBeVisible();
    const orderId = await sp.locator('.redeem-order-input input').inputValue();
    expect(orderId).toMatch(/^PO\d{18}$/);

    // Below the threshold: refused, with the figures.
    await fill(sp, code, '80');
    await expectFitsPhone(sp);
    await shot(sp, 'wallet-07-redeem-form');
    // The preview refuses it at once: nothing to confirm.
    await sp.locator('.redeem-submit').tap();
    await eventually(sp.locator('.redeem-result__title')).toHaveText('未达到使用门槛');
    expect(await sp.locator('.redeem-confirm__ok:visible').count()).toBe(0);
    await eventually(sp.locator('.redeem-result__message')).toHaveText('订单金额 80.00 元，未达到使用门槛 100.00 元');
    await expectFitsPhone(sp);
    await shot(sp, 'wallet-08-below-min-spend');

    // 返回修改 keeps the form; 150 元 goes through.
    await button(sp, '返回修改').tap();
    expect(digits(await sp.locator('.redeem-code-input input').inputValue())).toBe(code);
    await redeem(sp, code, '150');
    // The coupon's terms and what the order comes to, before anything is spent.
    await eventually(sp.locator('.redeem-confirm')).toContainText('优惠规则满100元减20元');
    await eventually(sp.locator('.redeem-confirm')).toContainText('优惠−20.00 元');
    await eventually(sp.locator('.redeem-confirm')).toContainText('实付130.00 元');
    await sp.waitForTimeout(400); // the dialog fades in
    await expectFitsPhone(sp);
    await shot(sp, 'wallet-09-confirm');
    await sp.locator('.redeem-confirm__ok').tap();
    await eventually(sp.locator('.redeem-result__title')).toHaveText('核销成功');
    await eventually(sp.locator('.redeem-result__discount')).toHaveText('20.00 元');
    await eventually(sp.locator('.redeem-result__payable')).toHaveText('130.00 元');
    await eventually(sp.locator('.redeem-result__rows')).toContainText('门店家乐福古北店');
    await eventually(sp.locator('.redeem-result__rows')).toContainText(`订单号${orderId}`);
    expect(await sp.locator('.redeem-result__replayed').count()).toBe(0);
    await expectFitsPhone(sp);
    await toastGone(sp);
    await shot(sp, 'wallet-10-redeemed');

    // The same coupon on the next order: already used, when.
    await button(sp, '核销下一单').tap();
    await fill(sp, code, '150');
    await sp.locator('.redeem-submit').tap();
    await eventually(sp.locator('.redeem-result__title')).toHaveText('券已使用');
    await eventually(sp.locator('.redeem-result__message')).toContainText(`券 ${code} 已于 2026-12-05 11:0`);
    await shot(sp, 'wallet-11-used-refused');

    // The answer of a redemption is lost on the way back: 重试 sends the same order and shows it done once.
    await button(sp, '核销下一单').tap();
    let lost = false;
    await sp.route('**/api/wallet', async (route) => {
      const body = route.request().postDataJSON() as { action?: string } | null;
      if (lost || body?.action !== 'redeem') return route.continue();
      lost = true;
      await route.fetch(); // the server redeems it…
      await route.abort('connectionreset'); // …and the phone never hears back
    });
    // A goods line (not one the coupon excludes): the whole order still counts for the threshold.
    await fill(sp, otherCode, '200');
    await button(sp, '+ 添加商品').tap();
    await sp.locator('.goods-line__code input').fill('SKU-MILK-01');
    await sp.locator('.goods-line__amount input').fill('35.5');
    await expectFitsPhone(sp);
    await shot(sp, 'wallet-12-goods-line');
    await sp.locator('.redeem-submit').tap();
    await eventually(sp.locator('.redeem-confirm')).toContainText('商品 SKU-MILK-0135.50 元');
    await sp.locator('.redeem-confirm__ok').tap();
    await eventually(sp.locator('.redeem-confirm__warn')).toContainText('网络异常，核销结果未知');
    await eventually(sp.locator('.redeem-confirm__ok')).toContainText('重试');
    await shot(sp, 'wallet-13-network-lost');
    await sp.locator('.redeem-confirm__ok').tap();
    await eventually(sp.locator('.redeem-result__title')).toHaveText('核销成功');
    await eventually(sp.locator('.redeem-result__replayed')).toContainText('本次为重复提交，未再次扣券');
    await eventually(sp.locator('.redeem-result__payable')).toHaveText('180.00 元');
    await expectFitsPhone(sp);
    await toastGone(sp);
    await shot(sp, 'wallet-14-replayed');

    // ---- back on the consumer's phone: the coupon is under 已使用 ----
    await cp.goto(`${server.url}/#/pages/wallet/list/index`);
    await cp.reload();
    await eventually(onScreen(cp, '.coupon-tabs__item--active')).toHaveText('可使用');
    await onScreen(cp, '.nut-empty').getByText('暂无可使用的券').waitFor();
    await expectFitsPhone(cp);
    await shot(cp, 'wallet-15-wallet-empty');
    await onScreen(cp, '.coupon-tabs__item--used').tap();
    const used = onScreen(cp, '.wallet-coupon').first();
    await eventually(used).toContainText('已使用');
    await eventually(used).toContainText('已于 2026.12.05 11:0');
    expect(digits(await used.locator('.wallet-code__value').innerText())).toBe(code);
    await expectFitsPhone(cp);
    await shot(cp, 'wallet-16-used');

    await consumer.context.close();
    await staff.context.close();
  });
});
