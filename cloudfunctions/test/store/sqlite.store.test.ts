import { mkdtempSync, rmSync } from 'node:fs';
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
