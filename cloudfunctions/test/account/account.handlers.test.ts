import type { MeSchemaOut, MerchantsOut, RechargeOut, LedgerOut } from './types';
import { DEMO, consumerId } from '../../src/seed/demo';
import { data, errorOf, makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(async () => {
  await h.close();
});

const recharge = (memberId: string, merchantId: string, amount: unknown, requestId = 'req-00000001') =>
  h.call<RechargeOut>(memberId, 'account', 'rechargeQuota', { merchantId, amount, requestId });

describe('account.me', () => {
  it('returns the member and its memberships with merchant names', async () => {
    const me = data(await h.call<MeSchemaOut>(DEMO.members.staff, 'account', 'me'));
    expect(me.consumer).toBe(false);
    expect(me.memberships).toEqual([{ role: 'STORE_STAFF', merchantId: DEMO.carrefourSh, merchantName: '家乐福上海', storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] }]);
  });

  it('marks a member without roles as a consumer', async () => {
    const me = data(await h.call<MeSchemaOut>(consumerId(7), 'account', 'me'));
    expect(me).toMatchObject({ memberId: 'consumer-07', consumer: true, memberships: [] });
  });

  it('refuses a call without a session', async () => {
    expect(errorOf(await h.call(null, 'account', 'me')).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('refuses data it does not take', async () => {
    const err = errorOf(await h.call(DEMO.members.sp, 'account', 'me', { memberId: 'sp-admin' }));
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues?.[0]?.message).toContain('不支持的字段：memberId');
  });
});

describe('account.merchants (A4)', () => {
  it('lists opened merchants with balances, unopened ones apart, and hides the SP while it has no quota', async () => {
    const r = data(await h.call<MerchantsOut>(DEMO.members.sp, 'account', 'merchants', { merchantId: DEMO.provider }));
    expect(r.merchants.map((m) => [m.merchantId, m.quota.balance])).toEqual([[DEMO.carrefourSh, 5000], [DEMO.coffee, 800]]);
    expect(r.unopened.map((m) => m.merchantId)).toEqual([DEMO.carrefourBj]);
    expect(r.provider).toMatchObject({ merchantId: DEMO.provider, kind: 'SERVICE_PROVIDER', quota: { opened: false, balance: 0 } });
    expect(r.merchants[0]).toMatchObject({ brandGroupName: '家乐福', providerId: DEMO.provider });
  });

  it('shows the SP itself once it has quota', async () => {
    data(await recharge(DEMO.members.sp, DEMO.provider, 100));
    const r = data(await h.call<MerchantsOut>(DEMO.members.sp, 'account', 'merchants', { merchantId: DEMO.provider }));
    expect(r.merchants[0]).toMatchObject({ merchantId: DEMO.provider, quota: { opened: true, balance: 100 } });
  });

  it('refuses every role but the SP admin', async () => {
    for (const m of [DEMO.members.merchant, DEMO.members.host, DEMO.members.staff, consumerId(1)]) {
      expect(errorOf(await h.call(m, 'account', 'merchants', { merchantId: DEMO.provider })).code).toBe('AUTH.FORBIDDEN');
    }
  });

  it('answers a sub-merchant id with a clear error', async () => {
    expect(errorOf(await h.call(DEMO.members.sp, 'account', 'merchants', { merchantId: DEMO.coffee })).code).toBe('ACCOUNT.NOT_SERVICE_PROVIDER');
  });
});

describe('account.rechargeQuota (A2, A3)', () => {
  it('adds to the balance, writes the ledger and the audit log', async () => {
    const r = data(await recharge(DEMO.members.sp, DEMO.coffee, 200));
    expect(r).toMatchObject({ merchantId: DEMO.coffee, amount: 200, balance: 1000, openedAccount: false });
    expect(r.at).toBe('2026-11-22T10:00:00+08:00');
    const ledger = data(await h.call<LedgerOut>(DEMO.members.sp, 'account', 'quotaLedger', { merchantId: DEMO.coffee }));
    expect(ledger.quota.balance).toBe(1000);
    expect(ledger.entries[0]).toMatchObject({ delta: 200, balanceAfter: 1000, reason: 'RECHARGE', actorId: DEMO.members.sp });
    const audit = h.store.db.prepare("SELECT doc FROM c_auditLog WHERE json_extract(doc, '$.operation') = 'account.rechargeQuota'").all() as { doc: string }[];
    expect(audit.map((a) => JSON.parse(a.doc))).toEqual([expect.objectContaining({ merchantId: DEMO.coffee, actorId: DEMO.members.sp, detail: expect.objectContaining({ amount: 200, balanceAfter: 1000 }) })]);
  });

  it('opens the account on the first recharge', async () => {
    const r = data(await recharge(DEMO.members.sp, DEMO.carrefourBj, 300));
    expect(r).toMatchObject({ balance: 300, openedAccount: true });
    const list = data(await h.call<MerchantsOut>(DEMO.members.sp, 'account', 'merchants', { merchantId: DEMO.provider }));
    expect(list.merchants.find((m) => m.merchantId === DEMO.carrefourBj)?.quota).toEqual({ opened: true, balance: 300, openedAt: '2026-11-22T10:00:00+08:00' });
    expect(list.unopened).toEqual([]);
  });

  it('replays a retry with the same requestId and adds nothing', async () => {
    const first = data(await recharge(DEMO.members.sp, DEMO.coffee, 50, 'retry-123456'));
    const before = h.snapshot();
    const again = data(await recharge(DEMO.members.sp, DEMO.coffee, 50, 'retry-123456'));
    expect(again).toEqual(first);
    expect(h.snapshot()).toEqual(before);
    const parallel = await Promise.all(Array.from({ length: 10 }, () => recharge(DEMO.members.sp, DEMO.coffee, 70, 'burst-123456')));
    expect(new Set(parallel.map((p) => data(p).entryId)).size).toBe(1);
    const ledger = data(await h.call<LedgerOut>(DEMO.members.sp, 'account', 'quotaLedger', { merchantId: DEMO.coffee }));
    expect(ledger.quota.balance).toBe(800 + 50 + 70);
  });

  it('refuses the same requestId with another payload, writing nothing', async () => {
    data(await recharge(DEMO.members.sp, DEMO.coffee, 50, 'reuse-1234567'));
    const before = h.snapshot();
    expect(errorOf(await recharge(DEMO.members.sp, DEMO.coffee, 60, 'reuse-1234567')).code).toBe('REQUEST.ID_REUSED');
    expect(h.snapshot()).toEqual(before);
  });

  it.each([
    ['amount', 0, '充值配额：不能小于 1'],
    ['amount', 10_000_001, '充值配额：不能大于 10000000'],
    ['amount', 1.5, '充值配额：需为整数'],
    ['amount', '100', '充值配额：需为数字，收到文本'],
    ['requestId', 'short', '请求号 requestId：需为 8–64 位字母、数字、_ 或 -'],
    ['merchantId', 'abc', '商户号：需为 6–16 位数字'],
  ])('refuses a bad %s (%p) with a Chinese message and writes nothing', async (fieldName, value, message) => {
    const before = h.snapshot();
    const input = { merchantId: DEMO.coffee, amount: 10, requestId: 'req-00000009', [fieldName]: value };
    const err = errorOf(await h.call(DEMO.members.sp, 'account', 'rechargeQuota', input));
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues).toEqual([expect.objectContaining({ path: fieldName, level: 'error', message })]);
    expect(h.snapshot()).toEqual(before);
  });

  it('accepts the limits 1 and 10,000,000', async () => {
    expect(data(await recharge(DEMO.members.sp, DEMO.coffee, 1, 'edge-low-0001')).balance).toBe(801);
    expect(data(await recharge(DEMO.members.sp, DEMO.coffee, 10_000_000, 'edge-high-001')).balance).toBe(10_000_801);
  });

  it('refuses other roles and other tenants, writing nothing', async () => {
    const before = h.snapshot();
    for (const m of [DEMO.members.merchant, DEMO.members.host, DEMO.members.staff, consumerId(2)]) {
      expect(errorOf(await recharge(m, DEMO.carrefourSh, 10)).code).toBe('AUTH.FORBIDDEN');
    }
    // A merchant that is not the SP's (or does not exist) looks the same as another tenant's.
    expect(errorOf(await recharge(DEMO.members.sp, '1900009999', 10)).code).toBe('AUTH.FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });
});

describe('account.stores and account.appids', () => {
  it('lists the stores of the merchant with locations', async () => {
    const r = data(await h.call<{ stores: Array<{ storeId: string; lat: number; lng: number; merchantId: string }> }>(DEMO.members.staff, 'account', 'stores', { merchantId: DEMO.carrefourSh }));
    expect(r.stores.map((s) => s.storeId)).toEqual(['st-sh-gubei', 'st-sh-jinqiao', 'st-sh-wujiaochang']);
    expect(r.stores.every((s) => s.merchantId === DEMO.carrefourSh && s.lat > 30 && s.lng > 120)).toBe(true);
  });

  it('refuses another tenant’s stores', async () => {
    expect(errorOf(await h.call(DEMO.members.staff, 'account', 'stores', { merchantId: DEMO.coffee })).code).toBe('AUTH.FORBIDDEN');
  });

  it('lists the APPIDs bound to a merchant with type and nickname; store staff may not', async () => {
    const r = data(await h.call<{ appids: unknown[] }>(DEMO.members.merchant, 'account', 'appids', { merchantId: DEMO.carrefourSh }));
    expect(r.appids).toContainEqual({ appid: 'wxebb78adbe8371f8c', merchantId: DEMO.carrefourSh, type: 'MINIPROGRAM', nickname: '家乐福线上商城' });
    expect(errorOf(await h.call(DEMO.members.staff, 'account', 'appids', { merchantId: DEMO.carrefourSh })).code).toBe('AUTH.FORBIDDEN');
  });
});

describe('dispatcher', () => {
  it('answers an unknown action with a typed error', async () => {
    expect(errorOf(await h.call(DEMO.members.sp, 'account', 'deleteEverything')).code).toBe('REQUEST.UNKNOWN_ACTION');
    expect(errorOf(await h.call(DEMO.members.sp, 'account', '__proto__')).code).toBe('REQUEST.UNKNOWN_ACTION');
  });
});
