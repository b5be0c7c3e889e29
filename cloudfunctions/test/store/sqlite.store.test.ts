import { mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';
import { describeStoreContract } from './store.contract';

const tempDir = () => mkdtempSync(join(tmpdir(), 'sqlite-store-'));

describeStoreContract('sqlite (temp file)', async () => {
  const dir = tempDir();
  const store = new SqliteStore({ file: join(dir, 'store.db') });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('sqlite migrations', () => {
  it('opening the same file twice applies the migrations once', async () => {
    const dir = tempDir();
    const file = join(dir, 'store.db');
    try {
      const first = new SqliteStore({ file });
      await first.insert('meta', { id: 'kept' });
      await first.close();

      const second = new SqliteStore({ file });
      const rows = second.db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
      expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
      expect(rows).toContainEqual({ version: 1, name: MIGRATIONS[0]?.name });
      expect(migrate(second.db)).toEqual([]);
      expect(await second.get('meta', 'kept')).toEqual({ id: 'kept' });
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('sqlite migration 11: redemptions by the coupon owner', () => {
  it('fills in each older redemption\'s owner from its campaign, else its coupon\'s live room, else its coupon\'s stock', () => {
    const db = new Database(':memory:');
    try {
      migrate(db, MIGRATIONS.filter((m) => m.version < 11));
      const put = (table: string, doc: { id: string; [field: string]: unknown }) => db.prepare(`INSERT INTO ${table} (id, doc) VALUES (?, ?)`).run(doc.id, JSON.stringify(doc));
      put('c_campaigns', { id: 'cmp_1', merchantId: 'M-CAMPAIGN' });
      put('c_liveRooms', { id: 'room_1', merchantId: 'M-ROOM' });
      put('c_coupons', { id: 'U1', source: 'CAMPAIGN', sourceId: 'cmp_1', stockMerchantId: 'M-STOCK' });
      put('c_coupons', { id: 'U2', source: 'LIVE', sourceId: 'room_1', stockMerchantId: 'M-STOCK' });
      put('c_coupons', { id: 'U3', source: 'LIVE', sourceId: 'room_gone', stockMerchantId: 'M-STOCK' });
      put('c_redemptions', { id: 'r1', merchantId: 'M-TILL', couponCode: 'U1', campaignId: 'cmp_1' });
      put('c_redemptions', { id: 'r2', merchantId: 'M-TILL', couponCode: 'U2', campaignId: null });
      put('c_redemptions', { id: 'r3', merchantId: 'M-TILL', couponCode: 'U3', campaignId: null });
      put('c_redemptions', { id: 'r4', merchantId: 'M-TILL', couponCode: 'U1', campaignId: 'cmp_1', ownerMerchantId: 'M-KEPT' });

      expect(migrate(db)).toEqual([11]);
      const owners = db.prepare("SELECT id, json_extract(doc, '$.ownerMerchantId') AS owner FROM c_redemptions ORDER BY id").all();
      expect(owners).toEqual([
        { id: 'r1', owner: 'M-CAMPAIGN' }, { id: 'r2', owner: 'M-ROOM' }, { id: 'r3', owner: 'M-STOCK' }, { id: 'r4', owner: 'M-KEPT' },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('sqlite indexes', () => {
  const plan = (store: SqliteStore, sql: string, ...params: unknown[]) =>
    (store.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
  const x = (field: string) => `json_extract(doc, '$.${field}')`;

  it('the indexes every claim used to pay for and no query read are gone; the queries that remain, and the SP\'s merchant list, use an index', async () => {
    const store = new SqliteStore({ file: ':memory:' });
    try {
      const names = (store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index'").all() as { name: string }[]).map((r) => r.name);
      for (const dropped of ['ix_claims_campaignId', 'ix_coupons_sourceId_claimedAt', 'ix_coupons_stockId']) expect(names).not.toContain(dropped);
      // A consumer's wallet (wallet.list) and the day's claims (the statistics job, the export's scan).
      expect(plan(store, `SELECT doc FROM c_coupons WHERE ${x('openid')} = ? ORDER BY ${x('claimedAt')} DESC, id DESC LIMIT 20`, 'o-1'))
        .toContain('USING INDEX ix_coupons_openid_claimedAt');
      expect(plan(store, `SELECT doc FROM c_coupons WHERE ${x('source')} = ? AND ${x('claimedAt')} >= ? AND ${x('claimedAt')} < ? ORDER BY ${x('claimedAt')}, id LIMIT 100`, 'CAMPAIGN', 'a', 'b'))
        .toContain('USING INDEX ix_coupons_source_claimedAt');
      expect(plan(store, 'SELECT doc FROM c_claims WHERE id = ?', 'c:o')).toContain('USING INDEX sqlite_autoindex_c_claims_1');
      // The redemption export: a merchant's own coupons' redemptions over a range of days.
      expect(plan(store, `SELECT doc FROM c_redemptions WHERE ${x('ownerMerchantId')} = ? AND ${x('redeemedAtMs')} >= ? AND ${x('redeemedAtMs')} < ? ORDER BY ${x('redeemedAtMs')}, id LIMIT 1000`, 'm', 0, 1))
        .toContain('USING INDEX ix_redemptions_ownerMerchantId_redeemedAtMs');
      // The SP's merchant list (A4): quota accounts of its sub-merchants.
      expect(plan(store, `SELECT doc FROM c_quotaAccounts WHERE ${x('providerId')} = ?`, 'sp')).toContain('USING INDEX ix_quotaAccounts_providerId');
    } finally {
      await store.close();
    }
  });
});

describe('sqlite group commit when another process holds the write lock', () => {
  it('fails the waiting batches with the busy error instead of retrying them forever; once the lock is free, writes go through', async () => {
    const dir = tempDir();
    const file = join(dir, 'store.db');
    const store = new SqliteStore({ file });
    const other = new Database(file);
    try {
      store.db.pragma('busy_timeout = 100');
      other.exec('BEGIN IMMEDIATE');
      const outcomes = await Promise.allSettled([1, 2, 3].map((n) => store.batch(() => store.insert('meta', { id: `m-${n}` }))));
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((outcomes[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
      other.exec('ROLLBACK');
      expect(await store.batch(() => store.insert('meta', { id: 'm-after' }))).toBe(true);
      expect(await store.count('meta', {})).toBe(1);
    } finally {
      other.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
