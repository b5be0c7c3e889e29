// `npm run docs:api`: writes the generated files that tests check for staleness —
// docs/api.md (from the contract map) and cloudbase.database-rules.json (from the migrations).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from '../cloudfunctions/src/store/sqlite/migrations';
import { renderApiDocs } from './api-docs';

const root = join(__dirname, '..');
writeFileSync(join(root, 'docs', 'api.md'), renderApiDocs());

const collections = [...new Set(MIGRATIONS.flatMap((m) => [...m.sql.matchAll(/CREATE TABLE IF NOT EXISTS c_(\w+)/g)].map((x) => x[1]!)))].sort();
// Live rooms are the one exception: signed-in WeChat users may read (never write) them, so the
// mini-program's realtime watch() sees the room change; the function is then asked for the state.
const CLIENT_READABLE: Record<string, string> = { liveRooms: 'auth.openid != null' };
const rules = {
  description: 'CloudBase database security rules: no client writes anywhere, no client reads but live rooms (for realtime watch); every access goes through the cloud functions (admin SDK), which enforce identity and roles.',
  collections: Object.fromEntries(collections.map((c) => [c, { read: CLIENT_READABLE[c] ?? false, write: false }])),
};
writeFileSync(join(root, 'cloudbase.database-rules.json'), JSON.stringify(rules, null, 2) + '\n');
console.log('wrote docs/api.md and cloudbase.database-rules.json');
