/**
 * Live room end to end, two phones at once: the host (小美, live-host) creates a room, adds an
 * authorized 全场券, shelves it, starts the live and pushes it; a viewer (a consumer) opens the watch
 * page by its link, sees the coupon counting down and claims it; the host's console shows the new
 * online count and 已领取 without a reload. The stock is prepared over the API as the merchant admin.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { toMillis, toRfc3339 } from '@shared/time';
import { expectFitsPhone, launchBrowser, phone, shot } from './support/browser';
import { eventually } from './support/expect';
import { startServer, type RunningServer } from './support/server';

const SH = '1900000101';
const APPID = 'wxebb78adbe8371f8c';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  // One after the other: a server that fails to start must not leave a browser behind.
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Envelope<T> {
  ok: boolean;
  data?: T;
  error?: { code: string; message: string };
}

/** An API session of a demo member, with the gateway's cookie, from Node. */
async function apiAs(memberId: string) {
  const res = await fetch(`${server.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId }) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  if (!res.ok || !cookie) throw new Error(`login ${memberId} failed: ${res.status}`);
  return async <T>(fn: string, action: string, data: Record<string, unknown>): Promise<T> => {
    const r = await fetch(`${server.url}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ action, data }) });
    const body = (await r.json()) as Envelope<T>;
    if (!body.ok || body.data === undefined) throw new Error(`${fn}.${action}: ${JSON.stringify(body.error)}`);
    return body.data;
  };
}

async function setServerClock(now: string | null): Promise<void> {
  const res = await fetch(`${server.url}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now }) });
  if (!res.ok) throw new Error(`clock: ${res.status}`);
}

let seq = 0;
/** A stock of 家乐福上海, created by the merchant admin; `activate` / `authorize` as asked. */
async function makeStock(over: Record<string, unknown>, opts: { activate: boolean; authorize: boolean }): Promise<string> {
  const admin = await apiAs('merchant-admin');
  const stock = await admin<{ stockId: string }>('stock', 'create', {
    merchantId: SH, requestId: `e2e-live-${Date.now()}-${++seq}`, name: '直播专享券', funding: 'PREPAID', faceValue: 1000, minSpend: 5000,
    availableBegin: toRfc3339(Date.now() + 60_000), availableEnd: toRfc3339(Date.now() + 20 * 86_400_000), timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0, excludedGoodsCodes: [], instructions: '直播间专享', scope: 'ALL', availableGoodsCodes: [], totalQuantity: 50,
    perUserLimit: 1, usableMerchantIds: [SH], usableStoreIds: [], cardPackInsertable: true, purpose: 'GENERAL', ...over,
  });
  if (opts.activate) await admin('stock', 'activate', { merchantId: SH, stockId: stock.stockId });
  if (opts.authorize) await admin('stock', 'authorizeAppid', { merchantId: SH, stockId: stock.stockId, appid: APPID });
  return stock.stockId;
}

async function signInByTap(context: BrowserContext, who: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator('.login-member').filter({ hasText: who }).first().tap();
  await page.locator('.home-tiles__item').first().waitFor();
  return page;
}

describe('live room: host console and viewer, two phones', () => {
  afterAll(async () => {
    await setServerClock(null).catch(() => undefined);
  });

  it('creates, adds, shelves, starts, pushes; the viewer claims; the console updates without reload', async () => {
    const good = await makeStock({ name: '直播满减券' }, { activate: true, authorize: true });
    const bad = await makeStock({ name: '配额专用券', purpose: 'QUOTA_CAMPAIGN' }, { activate: true, authorize: false });
    const unauthorized = await makeStock({ name: '未授权的直播券' }, { activate: true, authorize: false });

    // ---- host: 直播间 tile → empty list → 创建直播间 ----
    const hostCtx = await phone(browser);
    await hostCtx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const host = await signInByTap(hostCtx, '小美（主播）');
    const tile = host.locator('.home-tiles__item').filter({ hasText: '直播间' });
    await eventually(tile).toBeVisible();
    await tile.tap();
    await host.getByText('还没有直播间').waitFor();
    await expectFitsPhone(host);
    await shot(host, 'live-01-rooms-empty');
    await host.locator('.live-rooms__create').tap();

    // L1 as typed: a too-short name, then a good one; the APPID and host name come prefilled.
    const name = host.locator('.form-field--name input');
    await name.waitFor();
    await name.fill('直播');
    await host.locator('.live-create-submit').tap();
    await eventually(host.locator('.form-field--name .field-error')).toContainText('长度 4 不足 6');
    await name.fill('家乐福双十二直播专场');
    await eventually(host.locator('.form-field--name .form-field__extra')).toHaveText('20/34');
    await eventually(host.locator('.form-field--hostName input')).toBeVisible();
    expect(await host.locator('.form-field--hostName input').inputValue()).toBe('小美');
    // Two mini-programs are bound to 家乐福上海: the stock is authorized for 家乐福线上商城.
    await eventually(host.locator('.form-appids__item').first()).toBeVisible();
    expect(await host.locator('.form-appids__item').count()).toBe(2);
    await host.locator('.form-appids__item').filter({ hasText: APPID }).tap();
    await eventually(host.locator('.form-appids__item--active')).toContainText(`家乐福线上商城${APPID}`);
    await eventually(host.locator('.form-field--endAt .form-field__extra')).toHaveText('时长 1小时');
    await host.locator('.live-lengths__item').filter({ hasText: '2小时' }).tap();
    await eventually(host.locator('.form-field--endAt .form-field__extra')).toHaveText('时长 2小时');
    await expectFitsPhone(host);
    await shot(host, 'live-02-create');
    await host.locator('.live-create-submit').tap();

    // ---- the console of the new room ----
    await eventually(host.locator('.live-console__name')).toHaveText('家乐福双十二直播专场');
    await eventually(host.locator('.live-control .live-state')).toHaveText('未开始');
    const roomId = new URL(host.url().replace('/#/', '/')).searchParams.get('roomId') ?? '';
    expect(roomId).toMatch(/^room_/);
    await expectFitsPhone(host);
    await shot(host, 'live-03-console-new');

    // 添加优惠券: a stock that fails L2 lists every rule it fails; then the good one.
    await host.locator('.live-push__add').tap();
    const stockInput = host.locator('.live-add__field--stockId input');
    await stockInput.waitFor();
    // Only a stock authorized for the room's APPID can be picked; another running one shows why not.
    const off = host.locator('.live-add__pick').filter({ hasText: unauthorized });
    await eventually(off).toContainText('未授权给本直播小程序');
    expect(await off.getAttribute('class')).toContain('live-add__pick--disabled');
    expect(await host.locator('.live-add__pick').filter({ hasText: good }).getAttribute('class')).not.toContain('live-add__pick--disabled');
    await off.tap();
    expect(await stockInput.inputValue()).toBe('');
    await stockInput.fill(bad);
    await host.locator('.live-add__field--quantity input').fill('10');
    await host.locator('.live-add__submit').tap();
    const issues = host.locator('.live-add__issues');
    await eventually(issues).toContainText('该券有 2 处不符合直播间要求');
    await eventually(issues).toContainText(`批次 ${bad} 的用途是配额发券，直播间需用通用券`);
    await eventually(issues).toContainText(`批次 ${bad} 未授权给直播间小程序 ${APPID}`);
    await shot(host, 'live-04-add-coupon-refused');
    await host.locator('.live-add__pick').filter({ hasText: good }).tap();
    expect(await stockInput.inputValue()).toBe(good);
    await host.locator('.live-add__field--quantity input').fill('20');
    await host.locator('.live-add__submit').tap();
    const card = host.locator(`.live-coupon[data-stock-id="${good}"]`);
    await eventually(card.locator('.live-coupon__title')).toHaveText('直播满减券');
    await eventually(card.locator('.live-coupon__offer')).toHaveText('满50元减10元');
    await eventually(card.locator('.live-coupon__counts')).toHaveText('本场投放 20 张 · 已领 0 张 · 批次剩余 50 张');
    await eventually(card.locator('.live-coupon__status')).toHaveText('未上架');

    // 上架 → 1 / 3; 推送 needs the live.
    await card.locator('.live-coupon__shelve').tap();
    await eventually(card.locator('.live-coupon__status')).toHaveText('已上架');
    await eventually(host.locator('.live-push__count-n')).toHaveText('1 / 3');
    await eventually(card.locator('.live-coupon__hint')).toContainText('直播中才能推送');

    // The scheduled start comes: move the server clock there, then 开始直播.
    const rooms = await (await apiAs('live-host'))<{ rooms: Array<{ roomId: string; startAt: string }> }>('live', 'rooms', { merchantId: SH });
    const startAt = rooms.rooms.find((r) => r.roomId === roomId)?.startAt ?? '';
    await setServerClock(toRfc3339(toMillis(startAt) + 5_000));
    await host.locator('.live-btn--start').tap();
    await eventually(host.locator('.live-control .live-state')).toHaveText('直播中');
    // The current time shown is the server's (the clock moved), ticking on the phone.
    const shownClock = (await host.locator('.live-control__clock').innerText()).trim();
    expect(shownClock.slice(0, 5)).toBe(toRfc3339(toMillis(startAt) + 5_000).slice(11, 16));
    // The live duration ticks on the phone (under load a tick may skip a second): wait for ≥ 2 s.
    const duration = host.locator('.live-control__duration');
    await host.waitForFunction((el) => (el?.textContent ?? '').trim() >= '00:00:02', await duration.elementHandle(), { timeout: 10_000 });

    // ---- viewer: opens the link, joins ----
    const viewerCtx = await phone(browser);
    const viewer = await viewerCtx.newPage();
    await viewer.goto(server.url);
    await viewer.evaluate(() => fetch('/api/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ memberId: 'consumer-07' }) }));
    // A fresh load of the link, now with the session cookie.
    await viewer.goto('about:blank');
    await viewer.goto(`${server.url}/#/pages/live/watch/index?roomId=${roomId}`);
    await eventually(viewer.locator('.live-stage__room-name')).toHaveText('家乐福双十二直播专场');
    await eventually(viewer.locator('.live-watch__waiting')).toContainText('主播还没有推送优惠券');
    // The host sees the viewer arrive, no reload.
    await eventually(host.locator('.live-stats__cell--online .live-stats__value')).toHaveText('1');
    await eventually(host.locator('.live-stats__cell--viewers .live-stats__value')).toHaveText('1');
    await eventually(host.locator('.live-stats__cell--views .live-stats__value')).toHaveText('1');

    // ---- push (60 s by default) ----
    await eventually(host.locator('.live-push__duration--active')).toHaveText('60秒');
    await card.locator('.live-coupon__push').tap();
    await eventually(card.locator('.live-coupon__status')).toContainText('推送中');
    const status = (await card.locator('.live-coupon__status').innerText()).trim();
    expect(status).toMatch(/^推送中 (5\d|60)s$/);
    await expectFitsPhone(host);
    await shot(host, 'live-05-console-pushing');

    // The viewer sees it, counting down, and claims it.
    const pushed = viewer.locator('.live-pushed');
    await eventually(pushed).toContainText('满50元减10元');
    await eventually(pushed).toContainText('剩余 20 张');
    await eventually(pushed).toContainText('每人限领 1 张');
    const seconds = Number((await viewer.locator('.live-pushed__seconds').innerText()).replace('s', ''));
    expect(seconds).toBeGreaterThan(40);
    expect(seconds).toBeLessThanOrEqual(60);
    await expectFitsPhone(viewer);
    await shot(viewer, 'live-06-viewer-pushed');
    await viewer.locator('.live-pushed__claim').tap();
    await eventually(viewer.locator('.live-result--claimed')).toContainText('领取成功');
    await eventually(viewer.locator('.live-result--claimed')).toContainText('满50元减10元「直播满减券」已放入卡包');
    await eventually(viewer.locator('.live-pushed__claim')).toContainText('已达每人限领');
    await eventually(pushed).toContainText('剩余 19 张');
    await shot(viewer, 'live-07-viewer-claimed');

    // The host's 已领取 and 库存 moved, without a reload.
    await eventually(card.locator('.live-coupon__claimed')).toHaveText('1');
    await eventually(card.locator('.live-coupon__counts')).toHaveText('本场投放 20 张 · 已领 1 张 · 批次剩余 49 张');
    await shot(host, 'live-08-console-claimed');

    // Only one push at a time: while it runs, 取消上架 is disabled and the hint names it.
    expect(await card.locator('.live-coupon__unshelve').getAttribute('class')).toContain('nut-button-disabled');

    // 暂停 ends the push: the viewer's coupon goes away.
    await host.locator('.live-btn--pause').tap();
    await eventually(host.locator('.live-control .live-state')).toHaveText('已暂停');
    await eventually(viewer.locator('.live-stage__note')).toHaveText('主播暂时离开，马上回来');
    expect(await viewer.locator('.live-pushed').count()).toBe(0);
    await eventually(card.locator('.live-coupon__status')).toHaveText('已上架');

    // 结束直播 asks first.
    await host.locator('.live-btn--end').tap();
    const modal = host.locator('.taro__modal');
    await eventually(modal).toContainText('确认结束直播？');
    await host.waitForTimeout(400); // the modal fades in
    await shot(host, 'live-09-end-confirm');
    await modal.locator('.taro-model__confirm').tap();
    await eventually(host.locator('.live-control .live-state')).toHaveText('已结束');
    await eventually(viewer.locator('.live-stage__note')).toHaveText('直播已结束，感谢观看');
    // Its shelf is a record now: no 取消上架, 推送 or 添加, and a note why.
    await eventually(host.locator('.live-push__ended')).toHaveText('直播已结束，优惠券不能再添加、上架或推送');
    expect(await card.locator('.live-coupon__unshelve').count()).toBe(0);
    expect(await card.locator('.live-coupon__push').count()).toBe(0);
    expect(await host.locator('.live-push__add').count()).toBe(0);
    await shot(host, 'live-10-console-ended');

    // The viewer leaves for another page of the app: the host's figures follow, no reload.
    await viewer.goto(`${server.url}/#/pages/home/index`);
    await eventually(host.locator('.live-stats__cell--online .live-stats__value')).toHaveText('0');
    await eventually(host.locator('.live-stats__cell--viewers .live-stats__value')).toHaveText('1');
    await eventually(host.locator('.live-stats__cell--views .live-stats__value')).toHaveText('1');

    // Back on the list: the room with its state.
    await host.goto(`${server.url}/#/pages/live/rooms/index`);
    await eventually(host.locator('.live-room-card')).toContainText('家乐福双十二直播专场');
    await eventually(host.locator('.live-room-card .live-state')).toHaveText('已结束');
    await expectFitsPhone(host);
    await shot(host, 'live-11-rooms');

    await Promise.all([hostCtx.close(), viewerCtx.close()]);
  });
});
