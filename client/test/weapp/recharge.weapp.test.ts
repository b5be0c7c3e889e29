/**
 * The compiled mini-program: the recharge page of dist/weapp, rendered by miniprogram-simulate with
 * WeChat's own template compiler. The platform boundary is faked, nothing of ours: App/getApp/Page
 * (j-component only knows Component) and `wx.cloud.callFunction`, which answers canned envelopes.
 */
import fs from 'node:fs';
import path from 'node:path';

const WEAPP = path.resolve(process.env.DIST_DIR ?? path.resolve(__dirname, '../../../dist'), 'weapp');
const PAGE = 'pages/account/recharge/index';

if (!fs.existsSync(path.join(WEAPP, 'app.js')) || !fs.existsSync(path.join(WEAPP, `${PAGE}.js`))) {
  throw new Error(`dist/weapp is missing or incomplete (${WEAPP}). Build it first: cd client && npx taro build --type weapp`);
}

// ---- the bits of miniprogram-simulate / exparser this test uses ----
interface SimComponent {
  dom: HTMLElement;
  attach(parent: Element): void;
}
interface Simulate {
  load(componentPath: string, options: { compiler: 'official'; rootPath: string }): string;
  render(id: string): SimComponent;
}
interface ExparserEvent {
  readonly __brand?: 'ExparserEvent';
}
interface Exparser {
  Event: {
    create(name: string, detail: object, options: object): ExparserEvent;
    dispatchEvent(target: unknown, event: ExparserEvent): void;
  };
}

type Envelope = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
interface CallParam {
  name: string;
  data: { action: string; data: Record<string, unknown> };
}

const SP = '1900000001';
const TARGET = '1900000101';

const answers: Record<string, (data: Record<string, unknown>) => unknown> = {
  'account.me': () => ({
    memberId: 'sp-admin',
    nickname: '李敏',
    consumer: false,
    memberships: [{ role: 'SP_ADMIN', merchantId: SP, merchantName: '云选科技', storeIds: [] }],
  }),
  'account.merchants': () => ({
    merchants: [{
      merchantId: TARGET, name: '家乐福上海', kind: 'SUB_MERCHANT', providerId: SP, brandGroupId: 'bg-1', brandGroupName: '家乐福',
      noCashEnabled: false, quota: { opened: true, balance: 5000, openedAt: '2026-11-20T10:00:00+08:00' },
    }],
    unopened: [],
  }),
  'account.rechargeQuota': (d) => ({
    merchantId: d.merchantId, amount: d.amount, balance: 5000 + Number(d.amount), openedAccount: false, entryId: 'e2', at: '2026-11-22T10:00:00+08:00',
  }),
  'account.quotaLedger': (d) => ({
    merchantId: d.merchantId,
    quota: { opened: true, balance: 6200, openedAt: '2026-11-20T10:00:00+08:00' },
    entries: [{ entryId: 'e2', merchantId: TARGET, delta: 1200, balanceAfter: 6200, reason: 'RECHARGE', refId: 'r2', at: '2026-11-22T10:00:00+08:00', actorId: 'sp-admin' }],
    total: 1,
  }),
};

const calls: CallParam[] = [];

/** wx.cloud as the page sees it; `callFunction` answers with the envelope a function returns. */
const cloud = {
  init: jest.fn(),
  callFunction: jest.fn(async (p: CallParam): Promise<{ result: Envelope; errMsg: string }> => {
    calls.push(p);
    const answer = answers[`${p.name}.${p.data.action}`];
    const result: Envelope = answer
      ? { ok: true, data: answer(p.data.data) }
      : { ok: false, error: { code: 'REQUEST.UNKNOWN_ACTION', message: '不存在的操作' } };
    return { result, errMsg: 'cloud.callFunction:ok' };
  }),
};

// ---- helpers ----

async function until<T>(what: string, probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The deepest element whose text is exactly `text`. */
function byText(root: Element, text: string): Element | undefined {
  const all = Array.from(root.querySelectorAll('*')).filter((el) => el.textContent?.trim() === text);
  return all.find((el) => !Array.from(el.children).some((c) => c.textContent?.trim() === text));
}

function fire(exparser: Exparser, el: Element, name: string, detail: object) {
  const target = (el as Element & { __wxElement?: unknown }).__wxElement;
  if (!target) throw new Error(`<${el.tagName.toLowerCase()}> is not a mini-program node`);
  exparser.Event.dispatchEvent(target, exparser.Event.create(name, detail, {
    bubbles: true, composed: true, capturePhase: true, extraFields: { touches: {}, changedTouches: {} },
  }));
}

test('typing an amount and submitting the recharge reaches the cloud function and renders the new balance', async () => {
  const g = globalThis as unknown as Record<string, unknown>;
  const simulate = require('miniprogram-simulate') as Simulate; // defines global wx and Component
  const exparser = require('miniprogram-exparser') as Exparser;
  (g.wx as Record<string, unknown>).cloud = cloud;

  // App/getApp/Page: WeChat's constructors that j-component lacks. A page becomes a component
  // whose `attached` plays onLoad(query) + onShow, as the page's route would.
  let app: Record<string, unknown> | undefined;
  const pages: unknown[] = [];
  g.App = (options: Record<string, unknown>) => {
    app = options;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
    (g.Component as (o: object) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad(q: object): void; onShow?(): void }) {
          this.route = PAGE;
          pages.push(this);
          this.onLoad({ merchantId: TARGET });
          this.onShow?.();
        },
      },
    });
  };

  require(path.join(WEAPP, 'app.js'));
  const launch = app?.onLaunch as ((o: object) => void) | undefined;
  launch?.call(app, { path: 'pages/home/index', query: {}, scene: 1001 });

  const id = simulate.load(path.join(WEAPP, PAGE), { compiler: 'official', rootPath: WEAPP });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  const root = page.dom;

  await until('the target merchant', () => byText(root, '家乐福上海'));
  expect(cloud.init).toHaveBeenCalled();
  const input = await until('the amount input', () => root.querySelector('wx-input'));

  // An invalid amount: the shared schema's Chinese message is rendered, nothing is sent.
  fire(exparser, input, 'input', { value: '0', cursor: 1 });
  await until('the field error', () => byText(root, '充值配额：不能小于 1'));
  fire(exparser, byText(root, '充值')!, 'tap', { x: 0, y: 0 });
  await new Promise((r) => setTimeout(r, 100));
  expect(byText(root, '充值后余额')).toBeUndefined();

  // A valid amount, submitted and confirmed.
  fire(exparser, input, 'input', { value: '1200', cursor: 4 });
  await until('the error to clear', () => !byText(root, '充值配额：不能小于 1'));
  fire(exparser, byText(root, '充值')!, 'tap', { x: 0, y: 0 });
  await until('the confirmation', () => byText(root, '充值后余额'));
  expect(byText(root, '6,200 张')).toBeDefined();
  expect(calls.some((c) => c.data.action === 'rechargeQuota')).toBe(false);

  fire(exparser, byText(root, '确认充值')!, 'tap', { x: 0, y: 0 });
  await until('the result', () => byText(root, '充值成功'));

  const recharge = calls.filter((c) => c.name === 'account' && c.data.action === 'rechargeQuota');
  expect(recharge).toHaveLength(1);
  expect(recharge[0]!.data.data).toEqual({ merchantId: TARGET, amount: 1200, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) });
  expect(byText(root, '6,200')).toBeDefined();
  await until('the ledger', () => byText(root, '+1,200'));
}, 30_000);
