import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { dispatch } from '../../src/runtime/dispatch';
import type { FileStorage } from '../../src/files/file.storage';
import { DEMO, consumerId } from '../../src/seed/demo';
import { makeHarness, silentLog, type Harness } from '../support/harness';
import { pngOf } from '../support/images';

/** Cloud storage stand-in at the port: what the mini-program put there with Taro.cloud.uploadFile. */
class MemoryCloudStorage implements FileStorage {
  readonly files = new Map<string, Uint8Array>();
  async put(key: string, bytes: Uint8Array) {
    const id = `cloud://env-test.0000/${key}`;
    this.files.set(id, bytes);
    return id;
  }
  async get(fileId: string) {
    return this.files.get(fileId) ?? null;
  }
  async url(fileId: string) {
    return `https://tmp.example/${encodeURIComponent(fileId)}`;
  }
  async urls(fileIds: readonly string[]) {
    return new Map(await Promise.all(fileIds.map(async (id) => [id, await this.url(id)] as const)));
  }
}

let h: Harness;
const cloud = new MemoryCloudStorage();
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.close());

async function register(memberId: string, fileId: string, purpose = 'logo') {
  const actor = await actorForMemberId(h.store, memberId);
  return dispatch('account', HANDLERS.account, { action: 'registerFile', data: { merchantId: DEMO.carrefourSh, fileId, purpose } }, { actor, clock: h.clock, store: h.store, files: cloud, log: silentLog });
}

describe('account.registerFile (uploads from the mini-program)', () => {
  it('inspects the real content in cloud storage and registers what it measured; twice answers the same', async () => {
    cloud.files.set('cloud://env-test.0000/uploads/logo/a.png', pngOf(120, 120));
    const first = await register(DEMO.members.merchant, 'cloud://env-test.0000/uploads/logo/a.png');
    expect(first).toEqual({ ok: true, data: expect.objectContaining({ fileId: 'cloud://env-test.0000/uploads/logo/a.png', format: 'png', width: 120, height: 120 }) });
    const before = h.snapshot();
    expect(await register(DEMO.members.merchant, 'cloud://env-test.0000/uploads/logo/a.png')).toEqual(first);
    expect(h.snapshot()).toEqual(before);
  });

  it('refuses a wrong size or a missing file with the figures, registering nothing', async () => {
    cloud.files.set('cloud://env-test.0000/uploads/logo/b.png', pngOf(121, 120));
    const before = h.snapshot();
    const wrong = await register(DEMO.members.merchant, 'cloud://env-test.0000/uploads/logo/b.png');
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FILE.INVALID', issues: [expect.objectContaining({ rule: 'F1', message: '商户 logo 尺寸为 121×120，需为 120×120' })] } });
    const missing = await register(DEMO.members.merchant, 'cloud://env-test.0000/uploads/logo/none.png');
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE.INVALID' } });
    expect(h.snapshot()).toEqual(before);
  });

  it('takes only cloud file ids, and only from merchant admins', async () => {
    expect(await register(DEMO.members.merchant, 'local:logo/x.png')).toMatchObject({ ok: false, error: { code: 'REQUEST.INVALID' } });
    expect(await register(consumerId(1), 'cloud://env-test.0000/uploads/logo/a.png')).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
    expect(await register(DEMO.members.staff, 'cloud://env-test.0000/uploads/logo/a.png')).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } });
  });
});
