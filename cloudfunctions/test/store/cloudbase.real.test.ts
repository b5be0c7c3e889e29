/**
 * The store contract against a real CloudBase environment. Runs only when TCB_ENV,
 * TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY are all set (optionally TCB_SERVICE_URL).
 * It writes only documents whose ids carry a unique run prefix into two real collections from the
 * migrations (creating those collections when missing) and deletes them afterwards.
 */
import { CloudbaseStore } from '../../src/store/cloudbase/cloudbase.store';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { CONTRACT_COLLECTIONS, describeStoreContract } from './store.contract';

const REQUIRED = ['TCB_ENV', 'TENCENTCLOUD_SECRETID', 'TENCENTCLOUD_SECRETKEY'] as const;
const missing = REQUIRED.filter((k) => !process.env[k]);

if (missing.length === 0) {
  describe('real CloudBase environment', () => {
    it('uses collections that the migrations define', () => {
      const sql = MIGRATIONS.map((m) => m.sql).join('\n');
      for (const name of Object.values(CONTRACT_COLLECTIONS)) expect(sql).toContain(`c_${name} `);
    });
  });
  describeStoreContract(`cloudbase (real environment ${process.env.TCB_ENV})`, async () => {
    const store = CloudbaseStore.fromEnv(process.env);
    await store.ensureCollections(Object.values(CONTRACT_COLLECTIONS));
    return { store, cleanup: () => store.close() };
  });
} else {
  describe.skip(`Store contract: cloudbase (real environment) — skipped: ${missing.join(', ')} not set`, () => {
    it('runs the store contract against the CloudBase environment named by TCB_ENV', () => undefined);
  });
}
