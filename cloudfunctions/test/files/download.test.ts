/**
 * GET /api/files/<key>: a key naming no file answers FILE.NOT_FOUND (not REQUEST.UNKNOWN_FUNCTION,
 * which is for /api paths naming no function), over inject and over a real socket.
 */
import type { FastifyInstance } from 'fastify';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { LocalFileStorage } from '../../src/files/file.storage';
import { AdjustableClock } from '../../src/runtime/clock';
import { buildGateway } from '../../src/runtime/gateway/gateway';
import { C, type MemberDoc } from '../../src/runtime/records';
import { consumerId, DEMO } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { pngOf } from '../support/images';
import { devLogin } from '../support/gateway-inject';

let h: Harness;
let app: FastifyInstance;

beforeEach(async () => {
  h = await makeHarness();
  app = await buildGateway({ store: h.store, clock: new AdjustableClock(), log: silentLog, mode: 'local', sessionSecret: 'test-secret-0123456789abcdef0123456789', files: new LocalFileStorage(join(h.dir, 'uploads')) });
});
afterEach(async () => {
  await app.close();
  await h.close();
});

const login = (memberId: string) => devLogin(app, memberId);

function multipart(fields: Record<string, string>, file: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----download' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function uploadKey(cookie: string, purpose: string, file: { name: string; type: string; bytes: Buffer }): Promise<string> {
  const { payload, headers } = multipart({ purpose }, file);
  const res = await app.inject({ method: 'POST', url: '/api/upload', headers: { ...headers, cookie }, payload });
  return (res.json() as { data: { fileId: string } }).data.fileId.replace(/^local:/, '');
}

const NOT_FOUND = { status: 404, body: { ok: false, error: { code: 'FILE.NOT_FOUND', message: '文件不存在' } } };
const answer = (res: { statusCode: number; body: string }) => ({ status: res.statusCode, body: JSON.parse(res.body) as unknown });

describe('GET /api/files/<key> for a file that is not there', () => {
  it('a missing image, a missing export and a seed package (never served) answer 404 FILE.NOT_FOUND 文件不存在', async () => {
    const cookie = await login(DEMO.members.merchant);
    const logo = await uploadKey(cookie, 'logo', { name: 'l.png', type: 'image/png', bytes: pngOf(120, 120) });
    const seed = await uploadKey(cookie, 'seedPackage', { name: 's.csv', type: 'text/csv', bytes: Buffer.from('openid\no-seed-0001\n') });
    // The uploaded logo is served: the 404s below are about the keys, not the route.
    expect((await app.inject({ method: 'GET', url: `/api/files/${encodeURIComponent(logo)}` })).statusCode).toBe(200);

    const missing = [
      `logo/${'0'.repeat(32)}.png`, `largeImage/${'f'.repeat(32)}.jpg`, `export/${'a'.repeat(32)}.csv`, seed, 'nothing', '',
    ];
    for (const key of missing) {
      const res = await app.inject({ method: 'GET', url: `/api/files/${encodeURIComponent(key)}`, headers: { cookie } });
      expect([key, answer(res)]).toEqual([key, NOT_FOUND]);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    }
    // A missing export without a session is still refused before it is looked at.
    const anonymous = await app.inject({ method: 'GET', url: `/api/files/${encodeURIComponent(`export/${'a'.repeat(32)}.csv`)}` });
    expect(answer(anonymous)).toEqual({ status: 401, body: { ok: false, error: { code: 'AUTH.UNAUTHENTICATED', message: expect.any(String) } } });
  });

  it('a key with a raw `/` (not one encoded segment) is FILE.NOT_FOUND too, even for a file that exists', async () => {
    const cookie = await login(DEMO.members.merchant);
    const logo = await uploadKey(cookie, 'logo', { name: 'l.png', type: 'image/png', bytes: pngOf(120, 120) });
    for (const url of [`/api/files/${logo}`, '/api/files/logo/x.png', '/api/files/export/x/y.csv']) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      expect([url, answer(res)]).toEqual([url, NOT_FOUND]);
    }
  });

  it('over a real socket, raw `..` paths are FILE.NOT_FOUND as well', async () => {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    // node:http sends the path as written (fetch would resolve the `..` first).
    const get = (path: string) => new Promise<{ statusCode: number; body: string }>((ok, fail) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (b: Buffer) => (body += b.toString('utf8')));
        res.on('end', () => ok({ statusCode: res.statusCode ?? 0, body }));
      });
      req.on('error', fail);
      req.end();
    });
    for (const path of ['/api/files/logo%2Fnope.png', '/api/files/logo/../../x.png', '/api/files//etc/passwd', '/api/files/export/../../passwd']) {
      expect([path, answer(await get(path))]).toEqual([path, NOT_FOUND]);
    }
  });
});

describe('/api paths that name no function', () => {
  it('keep 404 REQUEST.UNKNOWN_FUNCTION', async () => {
    const cases = [['GET', '/api/nothing'], ['POST', '/api/nothing'], ['GET', '/api/files'], ['POST', '/api/files'], ['POST', '/api/files/logo%2Fx.png'], ['GET', '/api/filesx/logo%2Fx.png']] as const;
    for (const [method, url] of cases) {
      const res = await app.inject({ method, url, ...(method === 'POST' ? { payload: { action: 'me', data: {} } } : {}) });
      expect([method, url, answer(res)]).toEqual([method, url, { status: 404, body: { ok: false, error: { code: 'REQUEST.UNKNOWN_FUNCTION', message: expect.stringMatching(/^不存在的云函数/) } } }]);
    }
  });
});

describe('GET /api/files/<key> for an export', () => {
  it('is served only to who may export for the merchant it was made for; a leaked link opens for nobody else', async () => {
    // An admin of another merchant, the one account a leaked link would otherwise open for.
    await h.store.insert<MemberDoc>(C.members, {
      id: 'coffee-admin', openid: 'o-coffee-admin', nickname: '星火咖啡管理员', memberships: [{ role: 'MERCHANT_ADMIN', merchantId: DEMO.coffee, storeIds: [] }],
    });
    const admin = await login(DEMO.members.merchant);
    const made = await app.inject({
      method: 'POST', url: '/api/campaign', headers: { cookie: admin },
      payload: { action: 'exportRedemptions', data: { merchantId: DEMO.carrefourSh, from: '2026-11-01', to: '2026-11-02' } },
    });
    const { url, fileId } = (made.json() as { data: { url: string; fileId: string } }).data;
    // The key names its merchant: that is what the download is checked against.
    expect(fileId).toMatch(new RegExp(`^local:export/${DEMO.carrefourSh}_[0-9a-f]{32}\\.csv$`));

    const get = async (cookie?: string) => app.inject({ method: 'GET', url, ...(cookie ? { headers: { cookie } } : {}) });
    const served = await get(admin);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(served.body.replace(/^\uFEFF/, '')).toMatch(/^核销时间,/);
    // Saved under the export's own name; a name that is not an export's is not used.
    const fileName = `核销明细_${DEMO.carrefourSh}_2026-11-01_2026-11-02.csv`;
    expect(url).toBe(`/api/files/${encodeURIComponent(fileId.replace(/^local:/, ''))}?name=${encodeURIComponent(fileName)}`);
    expect(served.headers['content-disposition']).toBe(`attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
    for (const forged of ['../../etc/passwd', 'invoice.exe', '核销明细_x_2026-11-01_2026-11-02.csv\r\nX-Evil: 1']) {
      const res = await app.inject({ method: 'GET', url: `${url.split('?')[0]}?name=${encodeURIComponent(forged)}`, headers: { cookie: admin } });
      expect([forged, res.statusCode, res.headers['content-disposition']]).toEqual([forged, 200, `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent('核销明细.csv')}`]);
    }
    // The service provider acts for its sub-merchant, so it may export for it and download it.
    expect((await get(await login(DEMO.members.sp))).statusCode).toBe(200);

    const FORBIDDEN = { status: 403, body: { ok: false, error: { code: 'AUTH.FORBIDDEN', message: expect.any(String) } } };
    for (const member of ['coffee-admin', DEMO.members.host, DEMO.members.staff]) {
      expect([member, answer(await get(await login(member)))]).toEqual([member, FORBIDDEN]);
    }
    // A consumer, and no session at all: not signed-in staff.
    for (const cookie of [await login(consumerId(1)), undefined]) {
      expect(answer(await get(cookie))).toEqual({ status: 401, body: { ok: false, error: { code: 'AUTH.UNAUTHENTICATED', message: expect.any(String) } } });
    }
    // Refused before it is looked at: another merchant's missing export answers the same 403.
    const missing = `/api/files/${encodeURIComponent(`export/${DEMO.coffee}_${'b'.repeat(32)}.csv`)}`;
    expect(answer(await app.inject({ method: 'GET', url: missing, headers: { cookie: admin } }))).toEqual(FORBIDDEN);
  });
});
