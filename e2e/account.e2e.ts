import type { Browser, Page } from 'playwright-core';
import { button, expectFitsPhone, launchBrowser, phone, shot } from './support/browser';
import { eventually } from './support/expect';
import { startServer, type RunningServer } from './support/server';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const merchantCard = (page: Page, name: string) => page.locator('.merchant-card').filter({ hasText: name });

describe('service provider recharges quota on a phone', () => {
  it('logs in as the SP, opens the merchant list, recharges, and sees the new balance', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(server.url);

    // No session: the app sends us to the demo login.
    await page.getByText('券管家 · 演示登录').waitFor();
    await page.getByText('李敏（服务商）').waitFor();
    await shot(page, 'account-01-login');
    await page.locator('.login-member').filter({ hasText: '李敏（服务商）' }).tap();

    await page.getByText('商户列表').first().waitFor();
    await shot(page, 'account-02-home-sp');
    await page.locator('.home-tiles__item').filter({ hasText: '商户列表' }).tap();

    const coffee = merchantCard(page, '星火咖啡');
    await coffee.waitFor();
    await eventually(coffee.locator('.merchant-card__balance')).toHaveText('800');
    await eventually(merchantCard(page, '家乐福上海').locator('.merchant-card__balance')).toHaveText('5,000');
    // A4: the unopened sub-merchant is offered a first recharge, the SP (no quota) is not listed.
    await eventually(merchantCard(page, '家乐福北京').getByText('开户充值')).toBeVisible();
    expect(await merchantCard(page, '云选科技').count()).toBe(0);
    await expectFitsPhone(page);
    await shot(page, 'account-03-merchants');

    await coffee.locator('.merchant-card__btn').tap();
    const amount = page.locator('.recharge-form__input input');
    await amount.waitFor();
    await amount.fill('0');
    await page.getByText('充值配额：不能小于 1').waitFor();
    await amount.fill('1200');
    await page.locator('.recharge-form__submit').tap();
    await page.getByText('请核对充值信息').waitFor();
    await eventually(page.locator('.confirm-rows')).toContainText('充值后余额2,000 张');
    await shot(page, 'account-04-confirm');
    await button(page, '确认充值').tap();

    await page.locator('.recharge-result__title').filter({ hasText: '充值成功' }).waitFor();
    await eventually(page.locator('.recharge-result__balance')).toHaveText('2,000');
    await shot(page, 'account-05-result');

    await button(page, '返回商户列表').tap();
    await eventually(merchantCard(page, '星火咖啡').locator('.merchant-card__balance')).toHaveText('2,000');
    await context.close();
  });
});

describe('service provider acts for a sub-merchant', () => {
  it('lands on a sub-merchant, switches on home, and 【管理】 makes that merchant the one every tile opens', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.login-member').filter({ hasText: '李敏（服务商）' }).tap();

    // The provider has no stocks of its own: home acts for its first sub-merchant.
    const target = page.locator('.home-header__target-name');
    await eventually(target).toHaveText('管理中：家乐福上海');
    await shot(page, 'account-06-home-sp-target');

    // 商户列表 【管理】 on 星火咖啡: its campaigns, and home now names it.
    await page.locator('.home-tiles__item').filter({ hasText: '商户列表' }).tap();
    await merchantCard(page, '星火咖啡').locator('.merchant-card__manage').tap();
    await eventually(page.locator('.campaign-quota')).toContainText('星火咖啡');
    await page.goBack();
    await page.goBack();
    await eventually(target).toHaveText('管理中：星火咖啡');

    // 代金券 → 创建代金券 for 星火咖啡, which has not enabled 免充值: the choice is greyed at once.
    await page.locator('.home-tiles__item').filter({ hasText: '代金券' }).tap();
    await page.locator('.stock-create-btn').tap();
    await page.getByText('立即开通免充值代金券产品功能').waitFor();
    await expectFitsPhone(page);
    await shot(page, 'account-07-sp-stock-create-nocash');
    await context.close();
  });

  it('picks the provider itself (listed last) on home, and the pick survives a reload', async () => {
    const context = await phone(browser);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.login-member').filter({ hasText: '李敏（服务商）' }).tap();

    const target = page.locator('.home-header__target-name');
    await eventually(target).toContainText('管理中：');
    await page.locator('.home-header__target .home-header__switch').tap();
    const provider = page.locator('.taro-actionsheet__cell').filter({ hasText: '云选科技（本服务商）' });
    await provider.waitFor();
    await shot(page, 'account-08-sp-target-sheet');
    await provider.tap();
    await eventually(target).toHaveText('管理中：云选科技（本服务商）');

    await page.reload();
    await eventually(page.locator('.home-header__target-name')).toHaveText('管理中：云选科技（本服务商）');
    await context.close();
  });
});
