import type { FastifyInstance } from 'fastify';
import { join } from 'node:path';
import { LocalFileStorage } from '../../src/files/file.storage';
import { AdjustableClock } from '../../src/runtime/clock';
import { buildGateway, BODY_LIMIT } from '../../src/runtime/gateway/gateway';
import { DEMO } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { devLogin } from '../support/gateway-inject';

let h: Harness;
let app: FastifyInstance;
let clock: AdjustableClock;

async function gateway(mode: 'local' | 'production') {
  clock = new AdjustableClock();
  return buildGateway({ store: h.store, clock, log: silentLog, mode, sessionSecret: 'test-secret-0123456789abcdef0123456789', files: new LocalFileStorage(join(h.dir, 'uploads')) });
}

beforeEach(async () => {
  h = await makeHarness();
  app = await gateway('local');
});
afterEach(async () => {
  await app.close();
  await h.close();
});

const login = (memberId: string) => devLogin(app, memberId);

describe('local gateway', () => {
  it('logs in a demo member with an HttpOnly, SameSite session cookie and answers calls as that member', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/dev/login', payload: { memberId: DEMO.members.sp } });
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(res.json()).toMatchObject({ ok: true, data: { memberId: DEMO.members.sp, consumer: false } });
    const me = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie: `sid=${cookie?.value}` }, payload: { action: 'me', data: {} } });
    expect(me.json()).toMatchObject({ ok: true, data: { memberId: DEMO.members.sp } });
  });

  it('refuses a forged or unsigned session cookie', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie: 'sid=sp-admin' }, payload: { action: 'me', data: {} } });
    expect(res.json()).toMatchObject({ ok: false, error: { code: 'AUTH.UNAUTHENTICATED' } });
  });

  it('lists the demo members with roles and merchant ids', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/dev/members' });
    const members = res.json().data.members as Array<{ memberId: string; consumer: boolean; memberships: Array<{ role: string; merchantId: string }> }>;
    expect(members).toHaveLength(54);
    expect(members.filter((m) => m.consumer)).toHaveLength(50);
    expect(members.find((m) => m.memberId === DEMO.members.host)?.memberships).toEqual([expect.objectContaining({ role: 'LIVE_HOST', merchantId: DEMO.carrefourSh, merchantName: '家乐福上海' })]);
  });

  it('recharges over HTTP and the new balance shows in the merchant list', async () => {
    const cookie = await login(DEMO.members.sp);
    const r = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie }, payload: { action: 'rechargeQuota', data: { merchantId: DEMO.coffee, amount: 25, requestId: 'http-req-0001' } } });
    expect(r.json()).toMatchObject({ ok: true, data: { balance: 825 } });
    const list = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie }, payload: { action: 'merchants', data: { merchantId: DEMO.provider } } });
    expect(list.json().data.merchants.find((m: { merchantId: string }) => m.merchantId === DEMO.coffee).quota.balance).toBe(825);
  });

  it('sets and resets the process clock', async () => {
    const cookie = await login(DEMO.members.sp);
    const set = await app.inject({ method: 'POST', url: '/api/dev/clock', payload: { now: '2027-01-05T12:00:00+08:00' } });
    expect(set.json().data).toMatchObject({ overridden: true });
    expect(set.json().data.now.startsWith('2027-01-05T12:00')).toBe(true);
    const r = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie }, payload: { action: 'rechargeQuota', data: { merchantId: DEMO.coffee, amount: 1, requestId: 'clock-req-001' } } });
    expect(r.json().data.at.startsWith('2027-01-05T12:00')).toBe(true);
    const bad = await app.inject({ method: 'POST', url: '/api/dev/clock', payload: { now: '2027-01-05 12:00' } });
    expect(bad.json()).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    const reset = await app.inject({ method: 'POST', url: '/api/dev/clock', payload: { now: null } });
    expect(reset.json().data.overridden).toBe(false);
  });

  it.each([
    ['malformed JSON', { 'content-type': 'application/json' }, '{"action":', 400, 'REQUEST.MALFORMED'],
    ['a wrong content type', { 'content-type': 'text/plain' }, 'action=me', 415, 'REQUEST.MALFORMED'],
    ['a body over 100 KB', { 'content-type': 'application/json' }, JSON.stringify({ action: 'me', data: { x: 'a'.repeat(BODY_LIMIT) } }), 413, 'REQUEST.TOO_LARGE'],
    ['a __proto__ key', { 'content-type': 'application/json' }, '{"action":"me","data":{"__proto__":{"polluted":true}}}', 400, 'REQUEST.MALFORMED'],
  ])('answers %s with an error envelope', async (_name, headers, payload, status, code) => {
    const cookie = await login(DEMO.members.sp);
    const res = await app.inject({ method: 'POST', url: '/api/account', headers: { ...headers, cookie }, payload });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual({ ok: false, error: { code, message: expect.any(String) } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers an unknown function or action with a typed error', async () => {
    const cookie = await login(DEMO.members.sp);
    expect((await app.inject({ method: 'POST', url: '/api/nothing', headers: { cookie }, payload: { action: 'me' } })).json().error.code).toBe('REQUEST.UNKNOWN_FUNCTION');
    expect((await app.inject({ method: 'POST', url: '/api/account', headers: { cookie }, payload: { action: 'nope', data: {} } })).json().error.code).toBe('REQUEST.UNKNOWN_ACTION');
    expect((await app.inject({ method: 'POST', url: '/api/account', headers: { cookie }, payload: [1, 2] })).json().error.code).toBe('REQUEST.MALFORMED');
  });
});

describe('production gateway', () => {
  it('has no /api/dev endpoints', async () => {
    await app.close();
    app = await gateway('production');
    for (const [method, url] of [['GET', '/api/dev/members'], ['POST', '/api/dev/login'], ['POST', '/api/dev/clock']] as const) {
      const res = await app.inject({ method, url, payload: method === 'POST' ? { memberId: DEMO.members.sp, now: null } : undefined });
      expect(res.statusCode).toBe(404);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });
});
