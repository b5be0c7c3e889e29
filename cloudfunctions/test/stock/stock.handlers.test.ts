import type { OutputOf } from '@shared/api';
import { STOCK_STATUS_LABELS, type StockStatus } from '@shared/stock/schema';
import { C, type AuditDoc, type MemberDoc } from '../../src/runtime/records';
import { DEMO, consumerId } from '../../src/seed/demo';
import { data, errorOf, makeHarness, type Harness } from '../support/harness';

type Stock = OutputOf<'stock', 'create'>;
type StockList = OutputOf<'stock', 'list'>;
type AuthOut = OutputOf<'stock', 'authorizeAppid'>;
type AuthList = OutputOf<'stock', 'authorizations'>;

const NOW = '2026-11-22T10:00:00+08:00';
const SH = DEMO.carrefourSh;
const BJ = DEMO.carrefourBj;
const COFFEE = DEMO.coffee;
const { sp: SP, merchant: ADMIN, host: HOST, staff: STAFF } = DEMO.members;
const APPID_SH = 'wxebb78adbe8371f8c';
const APPID_SH_LIVE = 'wx5a3f9c21d7e4b680';
const APPID_BJ = 'wx91c2e8f04a6d3b17';
const APPID_COFFEE = 'wx0d7b3e5c9a1f2468';
const MIN = 60_000;
const DAY = 86_400_000;

let h: Harness;
let seq = 0;
beforeEach(async () => {
  h = await makeHarness(NOW);
});
afterEach(async () => {
  await h.close();
});

const rid = () => `stock-req-${String(++seq).padStart(6, '0')}`;

function draft(merchantId: string, over: Record<string, unknown> = {}) {
  return {
    name: '全员裂变通优惠券',
    funding: 'PREPAID',
    faceValue: 50_000,
    minSpend: 500_000,
    availableBegin: '2026-11-23T00:00:00+08:00',
    availableEnd: '2026-12-22T23:59:59+08:00',
    timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0,
    excludedGoodsCodes: ['SKU-TOBACCO-01'],
    instructions: '满5000元减500元，全场通用',
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantity: 100,
    perUserLimit: 2,
    usableMerchantIds: [merchantId],
    usableStoreIds: [],
    cardPackInsertable: true,
    purpose: 'GENERAL',
    ...over,
  };
}

const createInput = (merchantId: string, over: Record<string, unknown> = {}, requestId = rid()) => ({ merchantId, requestId, ...draft(merchantId, over) });
const create = (member: string, merchantId: string, over: Record<string, unknown> = {}, requestId = rid()) =>
  h.call<Stock>(member, 'stock', 'create', createInput(merchantId, over, requestId));
const act = (member: string, action: string, merchantId: string, stockId: string) => h.call<Stock>(member, 'stock', action, { merchantId, stockId });
const get = (member: string, merchantId: string, stockId: string) => h.call<Stock>(member, 'stock', 'get', { merchantId, stockId });
const list = (member: string, data_: Record<string, unknown>) => h.call<StockList>(member, 'stock', 'list', data_);
const authorize = (member: string, merchantId: string, stockId: string, appid: string) => h.call<AuthOut>(member, 'stock', 'authorizeAppid', { merchantId, stockId, appid });

/** A stock of `merchantId` brought into `status` (EXPIRED: a running stock whose window has passed; the clock stays put). */
async function stockIn(status: Exclude<StockStatus, 'EXPIRED'>, merchantId: string = SH, over: Record<string, unknown> = {}): Promise<Stock> {
  const member = merchantId === SH ? ADMIN : SP;
  const s = data(await create(member, merchantId, over));
  const path: Record<string, string[]> = { UNACTIVATED: [], RUNNING: ['activate'], PAUSED: ['activate', 'pause'], STOPPED: ['activate', 'stop'] };
  let cur = s;
  for (const a of path[status]!) cur = data(await act(member, a, merchantId, s.stockId));
  expect(cur.status).toBe(status);
  return cur;
}

function auditEntries(operation: string): AuditDoc[] {
  const rows = h.store.db.prepare("SELECT doc FROM c_auditLog WHERE json_extract(doc, '$.operation') = ?").all(operation) as { doc: string }[];
  return rows.map((r) => JSON.parse(r.doc) as AuditDoc).sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('stock.create', () => {
  it('creates an UNACTIVATED stock for the merchant admin, echoing every field', async () => {
    const before = h.snapshot();
    const input = createInput(SH);
    const s = data(await h.call<Stock>(ADMIN, 'stock', 'create', input));
    const { merchantId, requestId, ...fields } = input;
    expect(requestId).toMatch(/^stock-req-/);
    expect(s).toMatchObject({ ...fields, merchantId });
    expect(s.stockId).toMatch(/^[1-9]\d{9}$/);
    expect(s).toMatchObject({
      status: 'UNACTIVATED',
      remaining: 100,
      issued: 0,
      used: 0,
      budget: 5_000_000,
      createdAt: NOW,
      updatedAt: NOW,
      activatedAt: null,
      allowedActions: ['activate'],
    });
    expect(data(await get(ADMIN, SH, s.stockId))).toEqual(s);
    const after = h.snapshot();
    expect(after.c_stocks).toBe(before.c_stocks! + 1);
    expect(after.c_requests).toBe(before.c_requests! + 1);
    expect(after.c_auditLog).toBe(before.c_auditLog! + 1);
    expect(auditEntries('stock.create')).toEqual([
      expect.objectContaining({ merchantId: SH, actorId: ADMIN, targetType: 'stock', targetId: s.stockId, at: NOW, detail: { name: '全员裂变通优惠券', totalQuantity: 100, faceValue: 50_000 } }),
    ]);
  });

  it('budget is faceValue × totalQuantity and remaining the quantity, at the largest figures', async () => {
    const s = data(await create(ADMIN, SH, { faceValue: 10_000_000, minSpend: 10_000_001, totalQuantity: 10_000_000 }));
    expect(s.budget).toBe(100_000_000_000_000);
    expect(s.remaining).toBe(10_000_000);
  });

  it('lets the SP admin create for its sub-merchant, usable across the brand group', async () => {
    const s = data(await create(SP, BJ, { usableMerchantIds: [BJ, SH], usableStoreIds: ['st-bj-zhongguancun', 'st-sh-gubei'] }));
    expect(s).toMatchObject({ merchantId: BJ, status: 'UNACTIVATED', usableMerchantIds: [BJ, SH], usableStoreIds: ['st-bj-zhongguancun', 'st-sh-gubei'] });
    expect(auditEntries('stock.create')[0]).toMatchObject({ merchantId: BJ, actorId: SP });
    // The merchant admin of 家乐福上海 cannot read 家乐福北京's stocks.
    expect(errorOf(await get(ADMIN, BJ, s.stockId)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await get(ADMIN, SH, s.stockId)).code).toBe('STOCK.NOT_FOUND');
  });

  it('accepts begin = now on the server clock, and refuses it one second later', async () => {
    data(await create(ADMIN, SH, { availableBegin: NOW }));
    h.clock.advance(1000);
    const err = errorOf(await create(ADMIN, SH, { availableBegin: NOW }));
    expect(err.code).toBe('STOCK.RULE_VIOLATION');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S5', path: 'availableBegin', message: '可用开始时间 2026-11-22 10:00 早于当前时间 2026-11-22 10:00:01' })]);
  });

  it('refuses a cross-field rule violation with STOCK.RULE_VIOLATION and the issue, writing nothing', async () => {
    const before = h.snapshot();
    const err = errorOf(await create(ADMIN, SH, { minSpend: 50_000 }));
    expect(err.code).toBe('STOCK.RULE_VIOLATION');
    expect(err.message).toBe('使用门槛 500.00 元需大于面额 500.00 元');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S4', path: 'minSpend', level: 'error', message: '使用门槛 500.00 元需大于面额 500.00 元' })]);
    expect(h.snapshot()).toEqual(before);
  });

  it('reports every violation at once with their count', async () => {
    const before = h.snapshot();
    const err = errorOf(await create(ADMIN, SH, {
      minSpend: 1,
      availableEnd: '2026-11-23T00:00:00+08:00',
      scope: 'SINGLE_ITEM',
      usableMerchantIds: [SH, COFFEE],
      usableStoreIds: ['st-xh-jingan'],
    }));
    expect(err.code).toBe('STOCK.RULE_VIOLATION');
    expect(err.message).toBe('代金券批次有 4 处不符合规则');
    expect(err.issues?.map((i) => [i.rule, i.path])).toEqual([
      ['S4', 'minSpend'],
      ['S5', 'availableEnd'],
      ['S10', 'availableGoodsCodes'],
      ['S12', 'usableMerchantIds.1'],
    ]);
    expect(h.snapshot()).toEqual(before);
  });

  it('refuses a store of another merchant (S12), reading stores from the database', async () => {
    const err = errorOf(await create(ADMIN, SH, { usableStoreIds: ['st-sh-gubei', 'st-xh-jingan'] }));
    expect(err.code).toBe('STOCK.RULE_VIOLATION');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S12', path: 'usableStoreIds.1', message: '门店 st-xh-jingan 不属于所选可用商户' })]);
    // 星火咖啡 is in its own brand group: 家乐福上海 is not usable for it.
    const other = errorOf(await create(SP, COFFEE, { usableMerchantIds: [COFFEE, SH] }));
    expect(other.issues).toEqual([expect.objectContaining({ rule: 'S12', path: 'usableMerchantIds.1' })]);
  });

  it('refuses a schema-level rule (perUserLimit 61) with its rule id S11, writing nothing', async () => {
    const before = h.snapshot();
    const err = errorOf(await create(ADMIN, SH, { perUserLimit: 61 }));
    // The dispatcher's schema check answers before the handler runs.
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues).toEqual([{ rule: 'S11', path: 'perUserLimit', level: 'error', message: '每人限领：不能大于 60' }]);
    expect(h.snapshot()).toEqual(before);
  });

  it.each([
    ['家乐福北京', BJ],
    ['星火咖啡', COFFEE],
  ])('refuses NO_CASH for %s, which has not enabled it, with the hint, writing nothing', async (_name, merchantId) => {
    const before = h.snapshot();
    const err = errorOf(await create(SP, merchantId, { funding: 'NO_CASH' }));
    expect(err.code).toBe('STOCK.NO_CASH_NOT_ENABLED');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S2', path: 'funding', hint: expect.stringContaining('立即开通免充值代金券产品功能') })]);
    expect(h.snapshot()).toEqual(before);
    // The same draft prepaid is fine.
    expect(data(await create(SP, merchantId, { funding: 'PREPAID' })).funding).toBe('PREPAID');
  });

  it('NO_CASH_NOT_ENABLED wins over other violations, which are still listed', async () => {
    const err = errorOf(await create(SP, BJ, { funding: 'NO_CASH', minSpend: 1 }));
    expect(err.code).toBe('STOCK.NO_CASH_NOT_ENABLED');
    expect(err.issues?.map((i) => i.rule)).toEqual(['S2', 'S4']);
  });

  it('accepts NO_CASH for 家乐福上海, which has it enabled', async () => {
    expect(data(await create(ADMIN, SH, { funding: 'NO_CASH' })).funding).toBe('NO_CASH');
  });

  it('replays a retry with the same requestId and creates nothing new', async () => {
    const first = data(await create(ADMIN, SH, {}, 'retry-stock-0001'));
    const before = h.snapshot();
    h.clock.advance(MIN);
    const again = data(await create(ADMIN, SH, {}, 'retry-stock-0001'));
    expect(again).toEqual(first);
    expect(h.snapshot()).toEqual(before);
    const parallel = await Promise.all(Array.from({ length: 8 }, () => create(ADMIN, SH, { name: '并发券' }, 'burst-stock-0001')));
    expect(new Set(parallel.map((p) => data(p).stockId)).size).toBe(1);
    expect(data(await list(ADMIN, { merchantId: SH })).total).toBe(2);
  });

  it('replays a retry even once the clock has passed the draft’s begin (begin = now)', async () => {
    const first = data(await create(ADMIN, SH, { availableBegin: NOW }, 'retry-stock-0002'));
    h.clock.advance(5000);
    const before = h.snapshot();
    const again = await create(ADMIN, SH, { availableBegin: NOW }, 'retry-stock-0002');
    expect(again).toEqual({ ok: true, data: first });
    expect(h.snapshot()).toEqual(before);
  });

  it('a refused create leaves its requestId free for the corrected draft', async () => {
    expect(errorOf(await create(ADMIN, SH, { minSpend: 50_000 }, 'fix-stock-00001')).code).toBe('STOCK.RULE_VIOLATION');
    expect(data(await create(ADMIN, SH, { minSpend: 50_001 }, 'fix-stock-00001')).minSpend).toBe(50_001);
  });

  it('refuses the same requestId with another payload, writing nothing', async () => {
    data(await create(ADMIN, SH, {}, 'reuse-stock-0001'));
    const before = h.snapshot();
    expect(errorOf(await create(ADMIN, SH, { totalQuantity: 101 }, 'reuse-stock-0001')).code).toBe('REQUEST.ID_REUSED');
    expect(h.snapshot()).toEqual(before);
  });
});

describe('stock.list', () => {
  it('lists the merchant’s stocks newest first, with paging and without other tenants’ stocks', async () => {
    const names = ['一号券', '二号券', '三号券'];
    const ids: string[] = [];
    for (const name of names) {
      ids.push(data(await create(ADMIN, SH, { name })).stockId);
      h.clock.advance(MIN);
    }
    data(await create(SP, COFFEE, { name: '咖啡券' }));
    const all = data(await list(ADMIN, { merchantId: SH }));
    expect(all.stocks.map((s) => s.name)).toEqual(['三号券', '二号券', '一号券']);
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    const p1 = data(await list(ADMIN, { merchantId: SH, page: 1, pageSize: 2 }));
    const p2 = data(await list(ADMIN, { merchantId: SH, page: 2, pageSize: 2 }));
    expect(p1.stocks.map((s) => s.stockId)).toEqual([ids[2], ids[1]]);
    expect(p2.stocks.map((s) => s.stockId)).toEqual([ids[0]]);
    expect([p1.total, p2.total]).toEqual([3, 3]);
    expect(data(await list(ADMIN, { merchantId: SH, page: 3, pageSize: 2 })).stocks).toEqual([]);
    expect(data(await list(SP, { merchantId: COFFEE })).stocks.map((s) => s.name)).toEqual(['咖啡券']);
  });

  it('filters by status, EXPIRED derived from the clock, and by purpose', async () => {
    const unactivated = await stockIn('UNACTIVATED');
    const running = await stockIn('RUNNING');
    const paused = await stockIn('PAUSED');
    const stopped = await stockIn('STOPPED', SH, { availableEnd: '2026-11-25T00:00:00+08:00' });
    const shortRun = await stockIn('RUNNING', SH, { availableEnd: '2026-11-25T00:00:00+08:00', purpose: 'QUOTA_CAMPAIGN' });
    const ids = async (status?: string, extra: Record<string, unknown> = {}) =>
      data(await list(HOST, { merchantId: SH, ...(status ? { status } : {}), ...extra })).stocks.map((s) => s.stockId).sort();

    expect(await ids('UNACTIVATED')).toEqual([unactivated.stockId]);
    expect(await ids('RUNNING')).toEqual([running.stockId, shortRun.stockId].sort());
    expect(await ids('PAUSED')).toEqual([paused.stockId]);
    expect(await ids('STOPPED')).toEqual([stopped.stockId]);
    expect(await ids('EXPIRED')).toEqual([]);
    expect(await ids(undefined, { purpose: 'QUOTA_CAMPAIGN' })).toEqual([shortRun.stockId]);

    // At the end instant the stock is still running; a second later it has expired.
    h.clock.set(new Date('2026-11-25T00:00:00+08:00'));
    expect(await ids('RUNNING')).toEqual([running.stockId, shortRun.stockId].sort());
    expect(await ids('EXPIRED')).toEqual([]);
    h.clock.advance(1000);
    expect(await ids('RUNNING')).toEqual([running.stockId]);
    expect(await ids('EXPIRED')).toEqual([shortRun.stockId]);
    expect(await ids('STOPPED')).toEqual([stopped.stockId]);
    const expired = data(await list(HOST, { merchantId: SH, status: 'EXPIRED' }));
    expect(expired.total).toBe(1);
    expect(expired.stocks[0]).toMatchObject({ status: 'EXPIRED', allowedActions: [] });

    // After every window has closed, only the stopped stock is not EXPIRED.
    h.clock.set(new Date('2026-12-23T00:00:00+08:00'));
    expect(await ids('EXPIRED')).toEqual([unactivated.stockId, running.stockId, paused.stockId, shortRun.stockId].sort());
    expect(await ids('UNACTIVATED')).toEqual([]);
    expect(await ids('PAUSED')).toEqual([]);
  });

  it('refuses a status that does not exist', async () => {
    const err = errorOf(await list(ADMIN, { merchantId: SH, status: 'DELETED' }));
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues?.[0]?.path).toBe('status');
  });
});

describe('stock.get', () => {
  it('answers the stock with its counts and derived status', async () => {
    const s = await stockIn('RUNNING', SH, { totalQuantity: 250, faceValue: 1_000, minSpend: 10_000 });
    const got = data(await get(HOST, SH, s.stockId));
    expect(got).toMatchObject({ stockId: s.stockId, status: 'RUNNING', remaining: 250, issued: 0, used: 0, budget: 250_000, activatedAt: NOW, allowedActions: ['pause', 'stop'] });
    h.clock.set(new Date(Date.parse('2026-12-22T23:59:59+08:00') + 1));
    expect(data(await get(HOST, SH, s.stockId)).status).toBe('EXPIRED');
  });

  it('answers STOCK.NOT_FOUND for another tenant’s stockId, without its data', async () => {
    const coffee = data(await create(SP, COFFEE, { name: '星火秘密券' }));
    const err = errorOf(await get(ADMIN, SH, coffee.stockId));
    expect(err.code).toBe('STOCK.NOT_FOUND');
    expect(JSON.stringify(err)).not.toContain('星火秘密券');
    expect(JSON.stringify(err)).not.toContain(COFFEE);
    // The SP itself, naming the wrong merchant, gets the same answer.
    expect(errorOf(await get(SP, SH, coffee.stockId)).code).toBe('STOCK.NOT_FOUND');
    expect(errorOf(await get(ADMIN, SH, '1234567890')).code).toBe('STOCK.NOT_FOUND');
  });

  it('refuses a stockId that is not numeric', async () => {
    const err = errorOf(await get(ADMIN, SH, 'abc123'));
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues?.[0]).toMatchObject({ path: 'stockId', message: '批次号：批次号为 6–20 位数字' });
  });
});

describe('stock transitions (S13)', () => {
  it('walks UNACTIVATED → RUNNING → PAUSED → RUNNING → PAUSED → STOPPED with an audit entry per change', async () => {
    const s = data(await create(ADMIN, SH));
    const steps: Array<[string, StockStatus, StockStatus]> = [
      ['activate', 'UNACTIVATED', 'RUNNING'],
      ['pause', 'RUNNING', 'PAUSED'],
      ['restart', 'PAUSED', 'RUNNING'],
      ['pause', 'RUNNING', 'PAUSED'],
      ['stop', 'PAUSED', 'STOPPED'],
    ];
    for (const [action, from, to] of steps) {
      h.clock.advance(MIN);
      const before = h.snapshot();
      const r = data(await act(ADMIN, action, SH, s.stockId));
      expect(r.status).toBe(to);
      expect(r.updatedAt).toBe(data(await get(ADMIN, SH, s.stockId)).updatedAt);
      expect(Date.parse(r.updatedAt)).toBe(h.clock.now().getTime());
      expect(h.snapshot().c_auditLog).toBe(before.c_auditLog! + 1);
      expect(h.snapshot().c_stocks).toBe(before.c_stocks);
      const entries = auditEntries(`stock.${action}`);
      expect(entries[entries.length - 1]).toMatchObject({ merchantId: SH, actorId: ADMIN, targetType: 'stock', targetId: s.stockId, detail: { from, to } });
    }
    const final = data(await get(ADMIN, SH, s.stockId));
    expect(final).toMatchObject({ status: 'STOPPED', allowedActions: [], activatedAt: '2026-11-22T10:01:00+08:00', createdAt: NOW });
    expect(auditEntries('stock.pause')).toHaveLength(2);
  });

  it('stops a running stock; the SP admin may transition for its sub-merchant', async () => {
    const s = await stockIn('RUNNING', BJ);
    const r = data(await act(SP, 'stop', BJ, s.stockId));
    expect(r.status).toBe('STOPPED');
    expect(auditEntries('stock.stop')).toEqual([expect.objectContaining({ merchantId: BJ, actorId: SP, detail: { from: 'RUNNING', to: 'STOPPED' } })]);
  });

  const ILLEGAL: Array<[StockStatus, string[]]> = [
    ['UNACTIVATED', ['pause', 'restart', 'stop']],
    ['RUNNING', ['activate', 'restart']],
    ['PAUSED', ['activate', 'pause']],
    ['STOPPED', ['activate', 'pause', 'restart', 'stop']],
    ['EXPIRED', ['activate', 'pause', 'restart', 'stop']],
  ];

  it.each(ILLEGAL)('from %s refuses %j with STOCK.ILLEGAL_TRANSITION naming the state, writing nothing', async (status, actions) => {
    const s = status === 'EXPIRED' ? await stockIn('RUNNING') : await stockIn(status);
    if (status === 'EXPIRED') h.clock.set(new Date(Date.parse(s.availableEnd) + 1000));
    const before = h.snapshot();
    for (const action of actions) {
      const err = errorOf(await act(ADMIN, action, SH, s.stockId));
      expect(err.code).toBe('STOCK.ILLEGAL_TRANSITION');
      expect(err.message).toContain(STOCK_STATUS_LABELS[status]);
      expect(err.issues).toEqual([expect.objectContaining({ rule: 'S13', path: 'stockId', message: err.message })]);
    }
    expect(h.snapshot()).toEqual(before);
    expect(data(await get(ADMIN, SH, s.stockId)).status).toBe(status);
  });

  it('gives the exact reason', async () => {
    const s = await stockIn('UNACTIVATED');
    expect(errorOf(await act(ADMIN, 'pause', SH, s.stockId)).message).toBe('批次当前状态为「未激活」，不能暂停');
    const stopped = await stockIn('STOPPED');
    expect(errorOf(await act(ADMIN, 'restart', SH, stopped.stockId)).message).toBe('批次已终止，不能重启');
  });

  it('answers STOCK.NOT_FOUND for another tenant’s stock and leaves it alone', async () => {
    const coffee = data(await create(SP, COFFEE));
    const before = h.snapshot();
    expect(errorOf(await act(ADMIN, 'activate', SH, coffee.stockId)).code).toBe('STOCK.NOT_FOUND');
    expect(h.snapshot()).toEqual(before);
    expect(data(await get(SP, COFFEE, coffee.stockId)).status).toBe('UNACTIVATED');
  });
});

describe('stock.authorizeAppid (S14)', () => {
  it('authorizes a running stock for a bound APPID with the S14 columns and an audit entry', async () => {
    const s = await stockIn('RUNNING');
    h.clock.advance(5 * MIN);
    const before = h.snapshot();
    const a = data(await authorize(ADMIN, SH, s.stockId, APPID_SH));
    expect(a).toEqual({
      stockId: s.stockId, // 券批次号
      stockName: '全员裂变通优惠券', // 券批次名
      couponType: '支付券', // 券类型
      appid: APPID_SH, // APPID
      appidType: '小程序', // APPID 类型
      appidNickname: '家乐福线上商城', // APPID 昵称
      status: 'AUTHORIZED',
      statusLabel: '已授权', // 授权状态
      authorizedAt: '2026-11-22T10:05:00+08:00', // 授权时间
      alreadyAuthorized: false,
    });
    const after = h.snapshot();
    expect(after.c_stockAuthorizations).toBe(before.c_stockAuthorizations! + 1);
    expect(after.c_auditLog).toBe(before.c_auditLog! + 1);
    expect(auditEntries('stock.authorizeAppid')).toEqual([expect.objectContaining({ merchantId: SH, actorId: ADMIN, targetId: s.stockId, detail: { appid: APPID_SH } })]);
  });

  it('authorizing twice returns the existing authorization and writes nothing', async () => {
    const s = await stockIn('RUNNING');
    const first = data(await authorize(ADMIN, SH, s.stockId, APPID_SH));
    h.clock.advance(DAY);
    const before = h.snapshot();
    const again = data(await authorize(SP, SH, s.stockId, APPID_SH));
    expect(again).toEqual({ ...first, alreadyAuthorized: true });
    expect(again.authorizedAt).toBe(NOW);
    expect(h.snapshot()).toEqual(before);
  });

  it.each([
    ['UNACTIVATED', 'STOCK.NOT_ACTIVATED', '请先激活'],
    ['PAUSED', 'STOCK.PAUSED', '请先重启'],
    ['STOPPED', 'STOCK.STOPPED', '已终止'],
  ] as const)('refuses a %s stock with %s (%s), writing nothing', async (status, code, words) => {
    const s = await stockIn(status);
    const before = h.snapshot();
    const err = errorOf(await authorize(ADMIN, SH, s.stockId, APPID_SH));
    expect(err.code).toBe(code);
    expect(err.message).toContain(words);
    expect(err.message).toContain(s.stockId);
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S14', path: 'stockId' })]);
    expect(h.snapshot()).toEqual(before);
  });

  it('refuses an expired stock with STOCK.EXPIRED, from 1 s after availableEnd', async () => {
    const s = await stockIn('RUNNING', SH, { availableEnd: '2026-11-30T00:00:00+08:00' });
    h.clock.set(new Date('2026-11-30T00:00:00+08:00'));
    expect(data(await authorize(ADMIN, SH, s.stockId, APPID_SH)).alreadyAuthorized).toBe(false);
    h.clock.advance(1000);
    const before = h.snapshot();
    const err = errorOf(await authorize(ADMIN, SH, s.stockId, APPID_SH_LIVE));
    expect(err.code).toBe('STOCK.EXPIRED');
    expect(err.message).toContain('已过期');
    expect(h.snapshot()).toEqual(before);
  });

  it.each([
    ['of another merchant', APPID_COFFEE],
    ['of a brand-group merchant', APPID_BJ],
    ['bound to nobody', 'wx0000000000000000'],
  ])('refuses an APPID %s with STOCK.APPID_NOT_BOUND, writing nothing', async (_what, appid) => {
    const s = await stockIn('RUNNING');
    const before = h.snapshot();
    const err = errorOf(await authorize(ADMIN, SH, s.stockId, appid));
    expect(err.code).toBe('STOCK.APPID_NOT_BOUND');
    expect(err.message).toContain(appid);
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S14', path: 'appid', hint: expect.any(String) })]);
    expect(JSON.stringify(err)).not.toContain('星火咖啡点单');
    expect(h.snapshot()).toEqual(before);
  });

  it('refuses an APPID that is not wx + 16 hex digits as S14', async () => {
    const s = await stockIn('RUNNING');
    const err = errorOf(await authorize(ADMIN, SH, s.stockId, 'wxEBB78ADBE8371F8C'));
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S14', path: 'appid' })]);
  });

  it('answers STOCK.NOT_FOUND for another tenant’s stock', async () => {
    const coffee = await stockIn('RUNNING', COFFEE);
    expect(errorOf(await authorize(ADMIN, SH, coffee.stockId, APPID_SH)).code).toBe('STOCK.NOT_FOUND');
  });
});

describe('stock.authorizations', () => {
  it('lists the merchant’s authorizations newest first, filtered by stock or APPID, with paging', async () => {
    const a = await stockIn('RUNNING', SH, { name: '甲券' });
    const b = await stockIn('RUNNING', SH, { name: '乙券' });
    const coffee = await stockIn('RUNNING', COFFEE);
    data(await authorize(ADMIN, SH, a.stockId, APPID_SH));
    h.clock.advance(MIN);
    data(await authorize(ADMIN, SH, a.stockId, APPID_SH_LIVE));
    h.clock.advance(MIN);
    data(await authorize(ADMIN, SH, b.stockId, APPID_SH));
    data(await authorize(SP, COFFEE, coffee.stockId, APPID_COFFEE));

    const all = data(await h.call<AuthList>(HOST, 'stock', 'authorizations', { merchantId: SH }));
    expect(all.total).toBe(3);
    expect(all.authorizations.map((x) => [x.stockName, x.appid, x.appidNickname, x.authorizedAt])).toEqual([
      ['乙券', APPID_SH, '家乐福线上商城', '2026-11-22T10:02:00+08:00'],
      ['甲券', APPID_SH_LIVE, '家乐福直播间', '2026-11-22T10:01:00+08:00'],
      ['甲券', APPID_SH, '家乐福线上商城', NOW],
    ]);
    expect(all.authorizations.every((x) => x.couponType === '支付券' && x.appidType === '小程序' && x.statusLabel === '已授权')).toBe(true);

    const byStock = data(await h.call<AuthList>(ADMIN, 'stock', 'authorizations', { merchantId: SH, stockId: a.stockId }));
    expect(byStock.authorizations.map((x) => x.appid)).toEqual([APPID_SH_LIVE, APPID_SH]);
    expect(byStock.total).toBe(2);
    const byAppid = data(await h.call<AuthList>(ADMIN, 'stock', 'authorizations', { merchantId: SH, appid: APPID_SH }));
    expect(byAppid.authorizations.map((x) => x.stockId)).toEqual([b.stockId, a.stockId]);
    const both = data(await h.call<AuthList>(ADMIN, 'stock', 'authorizations', { merchantId: SH, stockId: b.stockId, appid: APPID_SH_LIVE }));
    expect(both).toEqual({ authorizations: [], total: 0 });
    const page2 = data(await h.call<AuthList>(ADMIN, 'stock', 'authorizations', { merchantId: SH, page: 2, pageSize: 2 }));
    expect(page2.authorizations.map((x) => [x.stockId, x.appid])).toEqual([[a.stockId, APPID_SH]]);
    expect(page2.total).toBe(3);

    // Another tenant's stock as a filter finds nothing of it.
    expect(data(await h.call<AuthList>(ADMIN, 'stock', 'authorizations', { merchantId: SH, stockId: coffee.stockId }))).toEqual({ authorizations: [], total: 0 });
    expect(data(await h.call<AuthList>(SP, 'stock', 'authorizations', { merchantId: COFFEE })).authorizations.map((x) => x.appid)).toEqual([APPID_COFFEE]);
  });
});

describe('stock roles and tenancy', () => {
  const COFFEE_ADMIN = 'coffee-admin';

  beforeEach(async () => {
    const m: MemberDoc = { id: COFFEE_ADMIN, openid: 'o-test-coffee-admin', nickname: '星火店长', memberships: [{ role: 'MERCHANT_ADMIN', merchantId: COFFEE, storeIds: [] }] };
    await h.store.set(C.members, m);
  });

  const calls = (merchantId: string, stockId: string): Array<[string, Record<string, unknown>]> => [
    ['create', createInput(merchantId)],
    ['list', { merchantId }],
    ['get', { merchantId, stockId }],
    ['activate', { merchantId, stockId }],
    ['pause', { merchantId, stockId }],
    ['restart', { merchantId, stockId }],
    ['stop', { merchantId, stockId }],
    ['authorizeAppid', { merchantId, stockId, appid: APPID_SH }],
    ['authorizations', { merchantId }],
  ];

  it('LIVE_HOST may list, get and read authorizations, but not create, transition or authorize', async () => {
    const s = await stockIn('RUNNING');
    data(await authorize(ADMIN, SH, s.stockId, APPID_SH));
    const before = h.snapshot();
    for (const [action, input] of calls(SH, s.stockId)) {
      const r = await h.call(HOST, 'stock', action, input);
      if (['list', 'get', 'authorizations'].includes(action)) expect(r.ok).toBe(true);
      else expect([action, errorOf(r).code]).toEqual([action, 'AUTH.FORBIDDEN']);
    }
    expect(h.snapshot()).toEqual(before);
    expect(data(await get(HOST, SH, s.stockId)).status).toBe('RUNNING');
  });

  it.each([
    ['STORE_STAFF', STAFF],
    ['a consumer', consumerId(3)],
  ])('%s is refused everything', async (_who, member) => {
    const s = await stockIn('PAUSED');
    const before = h.snapshot();
    for (const [action, input] of calls(SH, s.stockId)) {
      expect([action, errorOf(await h.call(member, 'stock', action, input)).code]).toEqual([action, 'AUTH.FORBIDDEN']);
    }
    expect(h.snapshot()).toEqual(before);
  });

  it('a merchant admin of another merchant is refused everything on 家乐福上海', async () => {
    const s = await stockIn('PAUSED');
    const before = h.snapshot();
    for (const [action, input] of calls(SH, s.stockId)) {
      expect([action, errorOf(await h.call(COFFEE_ADMIN, 'stock', action, input)).code]).toEqual([action, 'AUTH.FORBIDDEN']);
    }
    // …and naming its own merchant does not reach 家乐福上海's stock either.
    for (const action of ['get', 'restart', 'stop']) {
      expect([action, errorOf(await h.call(COFFEE_ADMIN, 'stock', action, { merchantId: COFFEE, stockId: s.stockId })).code]).toEqual([action, 'STOCK.NOT_FOUND']);
    }
    expect(h.snapshot()).toEqual(before);
    // It does manage its own merchant.
    expect(data(await h.call<Stock>(COFFEE_ADMIN, 'stock', 'create', createInput(COFFEE))).merchantId).toBe(COFFEE);
  });

  it('the 家乐福上海 admin is refused its brand-group sibling and other merchants', async () => {
    const s = await stockIn('RUNNING', BJ);
    for (const merchantId of [BJ, COFFEE, DEMO.provider]) {
      for (const [action, input] of calls(merchantId, s.stockId)) {
        expect([merchantId, action, errorOf(await h.call(ADMIN, 'stock', action, input)).code]).toEqual([merchantId, action, 'AUTH.FORBIDDEN']);
      }
    }
  });

  it('refuses a call without a session', async () => {
    expect(errorOf(await list(null as never, { merchantId: SH })).code).toBe('AUTH.UNAUTHENTICATED');
  });
});
