/**
 * The local gateway's edges, beyond cloudfunctions/test/runtime/gateway.test.ts and
 * cloudfunctions/test/files/upload.test.ts: the session cookie, the dev endpoints in production,
 * the upload size limit and malformed multipart, cross-site form posts, and files by key (no path
 * traversal — over inject and over a real socket, where `..` is not normalized away).
 */
import type { FastifyInstance } from 'fastify';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { ERROR_MESSAGES } from '@shared/errors';
import { MAX_SEED_PACKAGE_BYTES } from '@shared/files';
import { LocalFileStorage } from '../../src/files/file.storage';
import { AdjustableClock } from '../../src/runtime/clock';
import { buildGateway } from '../../src/runtime/gateway/gateway';
import { consumerId, DEMO } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { pngOf } from '../support/images';
import { quotaStockDraft } from '../campaign/campaign.fixtures';
import { fingerprint } from './world';
import { devLogin } from '../support/gateway-inject';

const SECRET = 'edges-secret-0123456789abcdef0123456789';
let h: Harness;
let app: FastifyInstance;

async function gateway(mode: 'local' | 'production') {
  return buildGateway({ store: h.store, clock: new AdjustableClock(), log: silentLog, mode, sessionSecret: SECRET, files: new LocalFileStorage(join(h.dir, 'uploads')) });
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

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----edges' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const storedFiles = () => (existsSync(join(h.dir, 'uploads')) ? readdirSync(join(h.dir, 'uploads'), { recursive: true }).filter((f) => String(f).includes('.')) : []);

const envelopeOf = (body: string) => JSON.parse(body) as { ok: boolean; error?: { code: string; message: string } };

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, signed, and not readable as a member id', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/dev/login', payload: { memberId: DEMO.members.merchant } });
    const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(raw).toHaveLength(1);
    const header = raw[0]!;
    expect(header).toMatch(/^sid=/);
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Path=\//i);
    expect(header).not.toMatch(/;\s*Domain=/i);
    // Signed: `<value>.<hmac>`, and the hmac is checked (a cookie with the signature of another member fails).
    const value = decodeURIComponent(header.split(';')[0]!.slice('sid='.length));
    expect(value).toMatch(/^merchant-admin\.[A-Za-z0-9+/=_-]{20,}$/);
    const forged = `sid=${encodeURIComponent(`sp-admin.${value.split('.')[1]}`)}`;
    const me = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie: forged }, payload: { action: 'me', data: {} } });
    expect(envelopeOf(me.body).error?.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('a validly signed session of a member that no longer exists is no session', async () => {
    const cookie = `sid=${encodeURIComponent(app.signCookie('ghost-member'))}`;
    const me = await app.inject({ method: 'POST', url: '/api/account', headers: { cookie }, payload: { action: 'me', data: {} } });
    expect(envelopeOf(me.body).error?.code).toBe('AUTH.UNAUTHENTICATED');
    const form = multipart({ purpose: 'logo' }, { name: 'l.png', type: 'image/png', bytes: pngOf(120, 120) });
    const upload = await app.inject({ method: 'POST', url: '/api/upload', headers: { ...form.headers, cookie }, payload: form.payload });
    expect(upload.statusCode).toBe(401);
  });

  it('logout clears it', async () => {
    await login(DEMO.members.sp);
    const res = await app.inject({ method: 'POST', url: '/api/dev/logout' });
    const header = ([] as string[]).concat(res.headers['set-cookie'] ?? [])[0] ?? '';
    expect(header).toMatch(/^sid=;/);
    expect(header).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i);
  });
});

describe('production mode', () => {
  it('has none of the /api/dev endpoints: members, login, logout, clock', async () => {
    await app.close();
    app = await gateway('production');
    const cases = [
      ['GET', '/api/dev/members'], ['POST', '/api/dev/members'], ['POST', '/api/dev/login'], ['POST', '/api/dev/logout'], ['GET', '/api/dev/logout'],
      ['GET', '/api/dev/clock'], ['POST', '/api/dev/clock'], ['GET', '/api/dev/'], ['POST', '/api/dev'],
    ] as const;
    for (const [method, url] of cases) {
      const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: { memberId: DEMO.members.sp, now: '2030-01-01T00:00:00+08:00' } } : {}) });
      expect([method, url, res.statusCode]).toEqual([method, url, 404]);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(envelopeOf(res.body)).toEqual({ ok: false, error: { code: 'REQUEST.UNKNOWN_FUNCTION', message: expect.any(String) } });
    }
    // The clock did not move and nobody was signed in.
    const me = await app.inject({ method: 'POST', url: '/api/account', payload: { action: 'me', data: {} } });
    expect(envelopeOf(me.body).error?.code).toBe('AUTH.UNAUTHENTICATED');
  });
});

describe('uploads', () => {
  it(`refuses a file over ${MAX_SEED_PACKAGE_BYTES / 1_048_576} MB with FILE.TOO_LARGE and keeps nothing`, async () => {
    const cookie = await login(DEMO.members.merchant);
    const before = fingerprint(h.store.db);
    const logged = silentLog.errors.length;
    const big = Buffer.concat([pngOf(120, 120), Buffer.alloc(MAX_SEED_PACKAGE_BYTES + 1 - pngOf(120, 120).length, 0x41)]);
    expect(big.length).toBe(MAX_SEED_PACKAGE_BYTES + 1);
    for (const [purpose, name, type] of [['logo', 'a.png', 'image/png'], ['seedPackage', 'seed.csv', 'text/csv']] as const) {
      const { payload, headers } = multipart({ purpose }, { name, type, bytes: big });
      const res = await app.inject({ method: 'POST', url: '/api/upload', headers: { ...headers, cookie }, payload });
      expect(res.statusCode).toBe(413);
      expect(envelopeOf(res.body)).toEqual({ ok: false, error: { code: 'FILE.TOO_LARGE', message: expect.any(String) } });
    }
    expect(storedFiles()).toEqual([]);
    expect(fingerprint(h.store.db)).toBe(before);
    expect(silentLog.errors.slice(logged)).toEqual([]);
  });

  // A signed-in member's malformed multipart must be the member's error (4xx), not the server's.
  it.each([
    ['no boundary', 'multipart/form-data', '{"a":1}'],
    ['a body that is not multipart', 'multipart/form-data; boundary=x', '{"a":1}'],
    ['a truncated file part', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc'],
    ['a part without headers end', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="purpose"'],
  ])('answers FILE.MALFORMED_UPLOAD for %s, and logs no unexpected error', async (_name, contentType, body) => {
    const cookie = await login(DEMO.members.merchant);
    const logged = silentLog.errors.length;
    const res = await app.inject({ method: 'POST', url: '/api/upload', headers: { 'content-type': contentType, cookie }, payload: body });
    expect({ status: res.statusCode, body: envelopeOf(res.body) }).toEqual({ status: 400, body: { ok: false, error: { code: 'FILE.MALFORMED_UPLOAD', message: ERROR_MESSAGES['FILE.MALFORMED_UPLOAD'] } } });
    expect(silentLog.errors.slice(logged)).toEqual([]);
    expect(storedFiles()).toEqual([]);
  });
});

describe('router-level refusals', () => {
  // find-my-way refuses these before any route or error handler runs; fastify then answers its own
  // JSON ({"error":"Bad Request","code":"FST_ERR_…"}) unless `frameworkErrors` is set.
  it.each([
    ['a function name over 100 characters', 'POST', `/api/${'a'.repeat(101)}`],
    ['a file key over 100 characters', 'GET', `/api/files/logo%2F${'a'.repeat(100)}.png`],
    ['a room id over 100 characters', 'GET', `/api/live/${'r'.repeat(101)}/events`],
    ['an undecodable percent-escape', 'POST', '/api/%E0%A4%A'],
    ['an undecodable file key', 'GET', '/api/files/%c0%af'],
  ] as const)('%s answers an error envelope with a known code', async (_name, method, url) => {
    const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: { action: 'me', data: {} } } : {}) });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = envelopeOf(res.body);
    expect(body).toEqual({ ok: false, error: { code: expect.any(String), message: expect.any(String) } });
    expect(Object.keys(ERROR_MESSAGES)).toContain(body.error!.code);
    expect(res.body).not.toMatch(/FST_|Bad Request/);
  });
});

describe('cross-site form posts', () => {
  it('cannot call an action: only application/json bodies reach the dispatcher', async () => {
    const cookie = await login(DEMO.members.sp);
    const before = fingerprint(h.store.db);
    const recharge = { action: 'rechargeQuota', data: { merchantId: DEMO.coffee, amount: 100, requestId: 'csrf-0000001' } };
    const forms = [
      { 'content-type': 'application/x-www-form-urlencoded', body: `action=rechargeQuota&data=${encodeURIComponent(JSON.stringify(recharge.data))}` },
      { 'content-type': 'text/plain', body: JSON.stringify(recharge) },
      { 'content-type': 'text/plain;charset=UTF-8', body: JSON.stringify(recharge) },
      multipart({ action: 'rechargeQuota', data: JSON.stringify(recharge.data) }),
    ].map((f) => ('payload' in f ? { headers: f.headers, body: f.payload } : { headers: { 'content-type': f['content-type'] }, body: f.body }));
    for (const f of forms) {
      const res = await app.inject({ method: 'POST', url: '/api/account', headers: { ...f.headers, cookie }, payload: f.body });
      expect(res.statusCode).toBeGreaterThanOrEqual(200);
      expect(envelopeOf(res.body)).toEqual({ ok: false, error: { code: 'REQUEST.MALFORMED', message: expect.any(String) } });
    }
    expect(fingerprint(h.store.db)).toBe(before);
  });
});

describe('files by key', () => {
  const TRAVERSALS = [
    '..%2F..%2Fetc%2Fpasswd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%252e%252e%252fetc%252fpasswd', '..%5C..%5Cx.png',
    'logo%2F..%2F..%2Fx.png', 'logo%2F..%2Fx.png', 'logo%2F%2E%2E%2F%2E%2E%2Fx.png', 'logo%2F..%5C..%5Cx.png', 'logo%2F..%2F..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
    '%2Fetc%2Fpasswd', 'logo%2F%2Fetc%2Fpasswd', 'logo%2F%2Ftmp%2Fx.png', 'export%2F..%2F..%2Fcoupon-desk.sqlite', 'export%2F..%2F..%2Ftest.sqlite',
    'logo%2Fx.png%00.png', 'logo%2F..', 'logo%2F', 'logo', 'local%3Alogo%2Fx.png', 'seedPackage%2F..%2Flogo%2Fx.png', 'file%3A%2F%2F%2Fetc%2Fpasswd',
  ];

  /** Canary files where a traversal would land: beside and above the upload folder. */
  function plantCanaries() {
    const png = pngOf(120, 120);
    mkdirSync(join(h.dir, 'uploads', 'logo'), { recursive: true });
    writeFileSync(join(h.dir, 'uploads', 'x.png'), png);
    writeFileSync(join(h.dir, 'x.png'), png);
    writeFileSync(join(h.dir, 'passwd'), 'root:x:0:0');
  }

  it('serves an uploaded image, never a seed package, and only 404s for traversal attempts (inject)', async () => {
    plantCanaries();
    const logged = silentLog.errors.length;
    const cookie = await login(DEMO.members.merchant);
    const { payload, headers } = multipart({ purpose: 'logo' }, { name: 'l.png', type: 'image/png', bytes: pngOf(120, 120) });
    const up = envelopeOf((await app.inject({ method: 'POST', url: '/api/upload', headers: { ...headers, cookie }, payload })).body) as { ok: boolean; data?: { fileId: string } };
    const key = up.data!.fileId.replace(/^local:/, '');
    const ok = await app.inject({ method: 'GET', url: `/api/files/${encodeURIComponent(key)}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');

    const csv = multipart({ purpose: 'seedPackage' }, { name: 's.csv', type: 'text/csv', bytes: Buffer.from('openid\no-seed-0001\n') });
    const seed = envelopeOf((await app.inject({ method: 'POST', url: '/api/upload', headers: { ...csv.headers, cookie }, payload: csv.payload })).body) as { data?: { fileId: string } };
    const seedKey = seed.data!.fileId.replace(/^local:/, '');
    for (const c of [undefined, cookie]) {
      const res = await app.inject({ method: 'GET', url: `/api/files/${encodeURIComponent(seedKey)}`, ...(c ? { headers: { cookie: c } } : {}) });
      expect(res.statusCode).toBe(404);
    }

    for (const attempt of [...TRAVERSALS, `${encodeURIComponent(key)}%2F..%2F..%2Fx.png`, encodeURIComponent(key.replace('logo/', 'logo/../'))]) {
      for (const c of [undefined, cookie]) {
        const res = await app.inject({ method: 'GET', url: `/api/files/${attempt}`, ...(c ? { headers: { cookie: c } } : {}) });
        // Exported CSVs are for signed-in staff: without a session an `export/…` key is refused before it is looked at.
        const expected = !c && attempt.startsWith('export') ? 401 : 404;
        expect([attempt, res.statusCode]).toEqual([attempt, expected]);
        expect(res.body).not.toContain('root:x');
        expect(res.headers['content-type']).not.toMatch(/image|csv/);
      }
    }
    expect(silentLog.errors.slice(logged)).toEqual([]);
  });

  it('only 404s for raw `..` and absolute paths over a real socket (no URL normalization on the way)', async () => {
    plantCanaries();
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const get = (path: string) => new Promise<{ status: number; body: string; type: string }>((ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (b: Buffer) => (body += b.toString('latin1')));
        res.on('end', () => ok({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type'] ?? '') }));
      });
      req.on('error', fail);
      req.end();
    });
    const raw = [
      '/api/files/logo/../../x.png', '/api/files/../../x.png', '/api/files/logo/../x.png', '/api/files//etc/passwd', '/api/files/%2Fetc%2Fpasswd',
      '/api/files/logo%2F..%2F..%2Fx.png', '/api/files/..%2F..%2Fpasswd', '/api/files/logo/..%2F..%2Fx.png', '/api/files/logo\\..\\..\\x.png',
      '/api/files/export/../../passwd', '/api/files/logo/%2e%2e/%2e%2e/x.png',
    ];
    for (const path of raw) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.body).not.toContain('root:x');
      expect(res.type).not.toMatch(/image|csv/);
    }
  });
});

describe('live events (SSE) refusals', () => {
  it('answer envelopes before any stream: no session, a consumer on a host console, another tenant, an unknown room', async () => {
    const sp = await login(DEMO.members.sp);
    const consumer = await login(consumerId(1));
    const cases: Array<[string | undefined, string, string]> = [
      [undefined, '/api/live/room-1/events', 'AUTH.UNAUTHENTICATED'],
      [consumer, `/api/live/room-1/events?merchantId=${DEMO.carrefourSh}`, 'AUTH.FORBIDDEN'],
      [sp, '/api/live/room-1/events?merchantId=1900000999', 'AUTH.FORBIDDEN'],
      [sp, `/api/live/${'x'.repeat(65)}/events?merchantId=${DEMO.carrefourSh}`, 'REQUEST.INVALID'],
      [consumer, '/api/live/no-such-room/events', 'LIVE.ROOM_NOT_FOUND'],
    ];
    for (const [cookie, url, code] of cases) {
      const res = await app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
      expect([url, envelopeOf(res.body).error?.code]).toEqual([url, code]);
      expect(res.headers['content-type']).toMatch(/application\/json/);
    }
  });
});

describe('hostile text costs little', () => {
  /** `n` distinct characters outside the allowed set (3 bytes each in UTF-8: ~32,000 fit in 100 KB). */
  function distinctDisallowed(n: number): string {
    const out: string[] = [];
    for (let cp = 0x0800; cp < 0xd800 && out.length < n; cp++) {
      const inAllowedRange = (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0x3400 && cp <= 0x9fff);
      if (!inAllowedRange) out.push(String.fromCharCode(cp));
    }
    return out.join('');
  }

  // Input is validated before the caller is identified, so this is open to anybody: one request
  // must not hold the (single-threaded) gateway for seconds.
  it('a 96 KB title of 32,000 distinct disallowed characters is refused within 1 s, signed in or not', async () => {
    const text = distinctDisallowed(32_000);
    const cookie = await login(DEMO.members.merchant);
    const bodies: Array<[string, unknown]> = [
      ['stock', { action: 'create', data: { merchantId: DEMO.carrefourSh, requestId: 'hostile-00001', ...quotaStockDraft(DEMO.carrefourSh), name: text } }],
      ['live', { action: 'createRoom', data: { merchantId: DEMO.carrefourSh, requestId: 'hostile-00002', appid: 'wxebb78adbe8371f8c', name: text, hostName: '小美', startAt: '2026-11-22T12:00:00+08:00', endAt: '2026-11-22T14:00:00+08:00' } }],
    ];
    for (const [fn, body] of bodies) {
      const payload = JSON.stringify(body);
      expect(Buffer.byteLength(payload)).toBeLessThan(100 * 1024);
      for (const c of [undefined, cookie]) {
        const t0 = Date.now();
        const res = await app.inject({ method: 'POST', url: `/api/${fn}`, headers: { 'content-type': 'application/json', ...(c ? { cookie: c } : {}) }, payload });
        const ms = Date.now() - t0;
        expect(envelopeOf(res.body).error?.code).toBe('REQUEST.INVALID');
        expect([fn, c ? 'signed in' : 'anonymous', ms < 1_000 ? 'fast' : `${ms} ms`]).toEqual([fn, c ? 'signed in' : 'anonymous', 'fast']);
      }
    }
  });
});
