import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../../src/store/sqlite/migrations';

describe('cloudbase.database-rules.json', () => {
  it('denies client access to every collection the functions use (run `npm run docs:api`)', () => {
    const rules = JSON.parse(readFileSync(join(__dirname, '../../../cloudbase.database-rules.json'), 'utf8')) as { collections: Record<string, { read: boolean | string; write: boolean }> };
    const collections = [...new Set(MIGRATIONS.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE IF NOT EXISTS c_(\w+)/g)].map((x) => x[1]!)))];
    expect(collections.length).toBeGreaterThan(5);
    for (const c of collections) {
      // Live rooms: readable by signed-in users for realtime watch(); nothing else is, nothing is writable.
      expect(rules.collections[c]).toEqual({ read: c === 'liveRooms' ? 'auth.openid != null' : false, write: false });
    }
  });
});
