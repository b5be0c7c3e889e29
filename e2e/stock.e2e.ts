import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toRfc3339 } from '@shared/time';
import { horizontalOverflow, launchBrowser, phone, shot } from './support/browser';
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

/** Nothing wider than the phone, once the page has slid in (Taro H5 animates a new page from the right). */
async function fits(page: Page): Promise<void> {
  const deadline = Date.now() + 3000;
  let overflow = await horizontalOverflow(page);
  while (overflow > 0 && Date.now() < deadline) {
    await page.waitForTimeout(100);
    overflow = await horizontalOverflow(page);
  }
  expect(overflow).toBeLessThanOrEqual(0);
}

async function signIn(context: BrowserContext, who: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.login-member').filter({ hasText: who }).first().tap();
  await page.locator('.home-tiles__item').first().waitFor();
  return page;
}

/** A stock created over the API with the page's session (for the cases that are not about the form). */
async function createStockViaApi(page: Page, name: string): Promise<string> {
  const begin = toRfc3339(Date.now() + 3_600_000);
  const end = toRfc3339(Date.now() + 10 * 86_400_000);
  const data = {
    merchantId: '1900000101', requestId: `e2e-${Date.now()}`, name, funding: 'PREPAID', faceValue: 1000, minSpend: 10000,
    availableBegin: begin, availableEnd: end, timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [],
    instructions: '', scope: 'ALL', availableGoodsCodes: [], totalQuantity: 50, perUserLimit: 1, usableMerchantIds: ['1900000101'],
    usableStoreIds: [], cardPackInsertable: true, purpose: 'GENERAL',
  };
  const body = await page.evaluate(async (d) => {
    const res = await fetch('/api/stock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action: 'create', data: d }) });
    return (await res.json()) as { ok: boolean; data?: { stockId: string } };
  }, data);
  if (!body.ok || !body.data) throw new Error(`create failed: ${JSON.stringify(body)}`);
  return body.data.stockId;
}

describe('merchant admin creates a voucher stock, activates it and authorizes it for a mini-program', () => {
  it('goes from 创建代金券 through 激活 and 复制批次号 to an APPID 营销授权 row', async () => {
    const context = await phone(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await context.newPage();
    await page.goto(server.url);

    // Sign in as the merchant admin of 家乐福上海.
    await page.locator('.login-member').filter({ hasText: '王强（家乐福上海）' }).first().tap();
    const stockTile = page.locator('.home-tiles__item').filter({ hasText: '代金券' });
    await stockTile.waitFor();
    await eventually(page.locator('.home-tiles__item').filter({ hasText: 'APPID 营销授权' })).toBeVisible();
    await shot(page, 'stock-01-home');
    await stockTile.tap();

    // 代金券列表: nothing yet, a big 创建代金券.
    await page.getByText('暂无代金券批次').waitFor();
    await fits(page);
    await shot(page, 'stock-02-list-empty');
    await page.locator('.stock-create-btn').tap();

    // Step 1 基础规则.
    const name = page.locator('.form-field--name input');
    await name.waitFor();
    await name.fill('直播间满减券');
    await eventually(page.locator('.form-field--name .form-field__extra')).toHaveText('12/18');
    await page.locator('.form-field--faceValue input').fill('50');
    await page.locator('.form-field--minSpend input').fill('50');
    await page.getByText('使用门槛 50.00 元需大于面额 50.00 元').waitFor();
    await page.locator('.form-field--minSpend input').fill('500');
    await eventually(page.locator('.coupon-preview__threshold')).toHaveText('满500元可用');
    await page.getByText('有效期内，规则日期可用').tap();
    await page.locator('.stock-weekday').filter({ hasText: '周六' }).tap();
    await page.locator('.stock-weekday').filter({ hasText: '周日' }).tap();
    await eventually(page.locator('.coupon-preview__line').nth(1)).toHaveText('每天 10:00-22:00 可用');
    await page.locator('.stock-weekday').filter({ hasText: '周日' }).tap();
    await eventually(page.locator('.coupon-preview__line').nth(1)).toHaveText('周一至周六 10:00-22:00 可用');
    await fits(page);
    await shot(page, 'stock-03-basic-rules');
    // The end time's date picker opens on the field's value and confirms it back.
    const endDate = page.locator('.form-window__end .form-datetime__date');
    const endBefore = (await endDate.innerText()).trim();
    await endDate.tap();
    const ok = page.locator('.weui-picker__action:visible').filter({ hasText: '确定' });
    await ok.waitFor();
    await page.waitForTimeout(400); // the sheet slides up
    await shot(page, 'stock-03-basic-rules-picker');
    await ok.tap();
    await eventually(endDate).toHaveText(endBefore);
    await page.locator('.stock-next').tap();

    // Step 2 其他规则.
    const quantity = page.locator('.form-field--totalQuantity input');
    await quantity.waitFor();
    await quantity.fill('100');
    await page.locator('.form-field--perUserLimit input').fill('2');
    await page.getByText('+ 添加商品编码').tap();
    await page.locator('.form-field--excludedGoodsCodes .stock-codes__entry input').fill('SKU-001 SKU-002');
    await page.locator('.form-field--excludedGoodsCodes .stock-codes__btn').tap();
    await eventually(page.locator('.form-field--excludedGoodsCodes .stock-codes__list')).toContainText('SKU-001SKU-002');
    await page.locator('.form-field--instructions textarea').fill('直播间专享，不与其他优惠同享');
    await fits(page);
    await shot(page, 'stock-04-other-rules');
    await page.locator('.stock-next').tap();

    // Step 3 确认创建.
    await page.getByText('请核对批次信息').waitFor();
    const rows = page.locator('.stock-rows');
    await eventually(rows).toContainText('面额50.00 元');
    await eventually(rows).toContainText('可用规则周一至周六 10:00-22:00 可用');
    await eventually(rows).toContainText('预算5,000.00 元');
    await fits(page);
    await shot(page, 'stock-05-confirm');
    await page.locator('.stock-submit').tap();

    // 批次详情, 未激活.
    const status = page.locator('.stock-hero .stock-status');
    await eventually(status).toHaveText('未激活');
    await eventually(page.locator('.stock-hero__name')).toHaveText('直播间满减券');
    const stockId = (await page.locator('.stock-hero__stock-id').innerText()).trim();
    expect(stockId).toMatch(/^\d{10}$/);
    await fits(page);
    await shot(page, 'stock-06-detail-unactivated');

    await page.locator('.stock-action--activate').tap();
    await eventually(status).toHaveText('运行中');
    await eventually(page.locator('.stock-action--pause')).toBeVisible();
    await shot(page, 'stock-07-detail-running');

    await page.locator('.stock-hero__copy').tap();
    await page.getByText(`已复制批次号 ${stockId}`).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stockId);
    await shot(page, 'stock-08-copied');

    // APPID 营销授权, the 批次号 carried over from the detail page.
    await page.locator('.stock-action--authorize').tap();
    const stockInput = page.locator('.auth-stock-input input');
    await stockInput.waitFor();
    expect(await stockInput.inputValue()).toBe(stockId);
    await page.locator('.form-appids__item').filter({ hasText: 'wxebb78adbe8371f8c' }).tap();
    await eventually(page.locator('.form-appids__item--active')).toContainText('家乐福线上商城');
    await fits(page);
    await shot(page, 'stock-09-authorize-form');
    await page.locator('.auth-submit').tap();

    await page.getByText('授权成功').waitFor();
    const card = page.locator('.auth-card').filter({ hasText: stockId });
    await eventually(card).toContainText('授权状态已授权');
    await eventually(card).toContainText('APPID 昵称家乐福线上商城');
    await eventually(card).toContainText('APPIDwxebb78adbe8371f8c');
    await eventually(card).toContainText('券类型支付券');
    await eventually(card).toContainText('APPID 类型小程序');
    await eventually(card).toContainText('券批次名直播间满减券');
    await fits(page);
    await shot(page, 'stock-10-authorized');

    // Back on the list: the new stock, running.
    await page.goBack();
    await eventually(page.locator('.stock-hero__name')).toBeVisible();
    await page.goBack();
    const listCard = page.locator('.stock-card').filter({ hasText: stockId });
    await eventually(listCard).toBeVisible();
    await eventually(listCard).toContainText('运行中');
    await eventually(listCard).toContainText('满500元减50元');
    await eventually(listCard).toContainText('剩余 100 / 共 100 张');
    await fits(page);
    await shot(page, 'stock-11-list');
    await context.close();
  });

  it('says 请先激活 for an unactivated stock and leads to 激活', async () => {
    const context = await phone(browser);
    const page = await signIn(context, '王强（家乐福上海）');
    const stockId = await createStockViaApi(page, '待激活券');
    await page.locator('.home-tiles__item').filter({ hasText: 'APPID 营销授权' }).tap();

    await page.locator('.form-appids__item').filter({ hasText: '家乐福直播间' }).tap();
    await page.locator('.auth-stock-input input').fill(stockId);
    await page.locator('.auth-submit').tap();
    const refusal = page.locator('.auth-error--not_activated');
    await eventually(refusal).toContainText('批次未激活，请先激活');
    await fits(page);
    await shot(page, 'stock-12-authorize-not-activated');

    await refusal.locator('.auth-error__action').tap();
    await eventually(page.locator('.stock-hero .stock-status')).toHaveText('未激活');
    await page.locator('.stock-action--activate').tap();
    await eventually(page.locator('.stock-hero .stock-status')).toHaveText('运行中');
    await page.goBack();
    await page.locator('.auth-submit').tap();
    await page.getByText('授权成功').waitFor();
    await eventually(page.locator('.auth-card').filter({ hasText: stockId })).toContainText('APPID 昵称家乐福直播间');

    // 终止 asks first, then is final.
    await page.goBack();
    await page.locator('.home-tiles__item').filter({ hasText: '代金券' }).tap();
    await page.locator('.stock-card').filter({ hasText: stockId }).tap();
    await page.locator('.stock-action--stop').tap();
    const modal = page.locator('.taro__modal');
    await eventually(modal.locator('.taro-modal__title')).toHaveText('确认终止批次？');
    await eventually(modal).toContainText('不可撤销');
    await page.waitForTimeout(400); // the modal fades in
    await shot(page, 'stock-13-stop-confirm');
    await modal.locator('.taro-modal__foot').getByText('确认终止').tap();
    await eventually(page.locator('.stock-hero .stock-status')).toHaveText('已终止');
    expect(await page.locator('.stock-action').count()).toBe(0);
    await context.close();
  });

  it('shows a live host the stocks read-only (after the cases above made some)', async () => {
    const context = await phone(browser);
    const page = await signIn(context, '小美（主播）');
    expect(await page.locator('.home-tiles__item').filter({ hasText: 'APPID 营销授权' }).count()).toBe(0);
    await page.locator('.home-tiles__item').filter({ hasText: '代金券' }).tap();
    await page.locator('.stock-card').first().waitFor();
    expect(await page.locator('.stock-create-btn').count()).toBe(0);
    // The stocks the admin made above (the host reads them, e.g. to add one to a live room).
    await page.locator('.status-tabs__item').filter({ hasText: '运行中' }).tap();
    await eventually(page.locator('.stock-card').first()).toContainText('运行中');
    await fits(page);
    await shot(page, 'stock-14-host-list');
    await page.locator('.stock-card').first().tap();
    await page.locator('.stock-hero__copy').waitFor();
    expect(await page.locator('.stock-action').count()).toBe(0);
    await context.close();
  });
});
