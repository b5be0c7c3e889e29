import type { FastifyInstance } from 'fastify';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LocalFileStorage } from '../../src/files/file.storage';
import { AdjustableClock } from '../../src/runtime/clock';
import { buildGateway } from '../../src/runtime/gateway/gateway';
import { DEMO, consumerId } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { jpegOf, pngOf, pngPaddedTo } from '../support/images';
import { devLogin } from '../support/gateway-inject';

let h: Harness;
let app: FastifyInstance;
let storage: LocalFileStorage;

beforeEach(async () => {
  h = await makeHarness();
  storage = new LocalFileStorage(join(h.dir, 'uploads'));
  app = await buildGateway({ store: h.store, clock: new AdjustableClock(), log: silentLog, mode: 'local', sessionSecret: 'test-secret-0123456789abcdef0123456789', files: storage });
});
afterEach(async () => {
  await app.close();
  await h.close();
});

const login = (memberId: string) => devLogin(app, memberId);

function multipart(fields: Record<string, string>, file?: { name: string; type: string; bytes: Buffer }) {
  const boundary = '----coupondesk' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function upload(purpose: string, bytes: Buffer, name = 'x.png', type = 'image/png', memberId: string = DEMO.members.merchant) {
  const cookie = await login(memberId);
  const { payload, headers } = multipart({ purpose }, { name, type, bytes });
  const res = await app.inject({ method: 'POST', url: '/api/upload', headers: { ...headers, cookie }, payload });
  return { status: res.statusCode, body: res.json() };
}

const uploadedFiles = () => (existsSync(join(h.dir, 'uploads')) ? readdirSync(join(h.dir, 'uploads'), { recursive: true }).filter((f) => String(f).includes('.')) : []);

describe('POST /api/upload', () => {
  it.each([
    ['logo', 120, 120, 'png'],
    ['smallImage', 100, 100, 'png'],
    ['largeImage', 750, 520, 'png'],
    ['logo', 120, 120, 'jpg'],
    ['largeImage', 750, 520, 'jpg'],
  ])('accepts a real %s of %i×%i (%s) and answers what it measured', async (purpose, w, hgt, format) => {
    const bytes = format === 'png' ? pngOf(w, hgt) : jpegOf(w, hgt);
    const r = await upload(purpose, bytes, `a.${format}`, `image/${format === 'png' ? 'png' : 'jpeg'}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, data: { fileId: expect.stringMatching(new RegExp(`^local:${purpose}/[0-9a-f]{24}\\.${format}$`)), purpose, format, width: w, height: hgt, bytes: bytes.length } });
    expect(Buffer.from((await storage.get(r.body.data.fileId))!)).toEqual(bytes);
  });

  it.each([
    ['logo', 121, 120, 'F1', '商户 logo 尺寸为 121×120，需为 120×120'],
    ['logo', 120, 119, 'F1', '商户 logo 尺寸为 120×119，需为 120×120'],
    ['smallImage', 120, 120, 'P3', '商品小图尺寸为 120×120，需为 100×100'],
    ['largeImage', 750, 521, 'P4', '商品大图尺寸为 750×521，需为 750×520'],
  ])('refuses a %s of %i×%i with rule %s and the real size, storing nothing', async (purpose, w, hgt, rule, message) => {
    const before = h.snapshot();
    const r = await upload(purpose, pngOf(w, hgt));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe('FILE.INVALID');
    expect(r.body.error.issues).toEqual([expect.objectContaining({ rule, message })]);
    expect(h.snapshot()).toEqual(before);
    expect(uploadedFiles()).toEqual([]);
  });

  it('judges by content, not by name or declared type: a GIF renamed .png is refused', async () => {
    const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
    const r = await upload('logo', gif, 'logo.png', 'image/png');
    expect(r.body.error.issues[0].message).toContain('格式为 gif，仅支持 jpg、png');
    const text = await upload('logo', Buffer.from('not an image at all'), 'logo.jpg', 'image/jpeg');
    expect(text.body.error.issues[0].message).toBe('商户 logo 不是可识别的图片（仅支持 jpg、png）');
  });

  it('refuses an image over 1 MB and accepts exactly 1 MB', async () => {
    const over = await upload('logo', pngPaddedTo(120, 120, 1_048_577));
    expect(over.body.error.issues[0]).toMatchObject({ rule: 'F1', message: '商户 logo 大小为 1.00 MB，不能超过 1 MB' });
    const exact = await upload('logo', pngPaddedTo(120, 120, 1_048_576));
    expect(exact.body).toMatchObject({ ok: true, data: { width: 120, height: 120, bytes: 1_048_576 } });
  });

  it('stores a seed package CSV with its row count, and names a malformed line', async () => {
    const good = await upload('seedPackage', Buffer.from('openid\noA1b2C3d4E5\noZ9y8X7w6V\n\noA1b2C3d4E5\n'), 'seed.csv', 'text/csv');
    expect(good.body).toMatchObject({ ok: true, data: { purpose: 'seedPackage', format: 'csv', rows: 2 } });
    const bad = await upload('seedPackage', Buffer.from('openid\noA1b2C3d4E5\nbad id!\n'), 'seed.csv', 'text/csv');
    expect(bad.body.error).toMatchObject({ code: 'FILE.INVALID', issues: [expect.objectContaining({ rule: 'T2', message: '种子包第 3 行「bad id!」不是有效的用户 ID' })] });
    const empty = await upload('seedPackage', Buffer.from('openid\n\n'), 'seed.csv', 'text/csv');
    expect(empty.body.error.issues[0].message).toBe('种子包没有任何用户 ID');
  });

  it('refuses consumers, anonymous callers, unknown purposes and non-multipart bodies', async () => {
    expect((await upload('logo', pngOf(120, 120), 'a.png', 'image/png', consumerId(3))).body.error.code).toBe('AUTH.FORBIDDEN');
    const anon = await app.inject({ method: 'POST', url: '/api/upload', ...multipart({ purpose: 'logo' }, { name: 'a.png', type: 'image/png', bytes: pngOf(120, 120) }) });
    expect(anon.json().error.code).toBe('AUTH.UNAUTHENTICATED');
    expect((await upload('avatar', pngOf(120, 120))).body.error.code).toBe('REQUEST.INVALID');
    const cookie = await login(DEMO.members.merchant);
    const json = await app.inject({ method: 'POST', url: '/api/upload', headers: { cookie }, payload: { file: 'x' } });
    expect(json.json().error.code).toBe('FILE.MALFORMED_UPLOAD');
    expect(uploadedFiles()).toEqual([]);
  });
});

describe('LocalFileStorage', () => {
  it('never reads outside its folder, whatever the file id', async () => {
    for (const id of ['local:../../etc/passwd', 'local:logo/../../x.png', 'local:/etc/passwd', '../x', 'local:logo/%2e%2e%2fx.png']) {
      expect(await storage.get(id)).toBeNull();
    }
  });
});
