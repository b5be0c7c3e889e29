import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROLE_LABELS } from '@shared/account/schema';
import { SqliteStore } from '../../store/sqlite/sqlite.store';
import { DEMO, seedDemo } from '../../seed/demo';
import { seedShowcase } from '../../seed/showcase';
import { AdjustableClock } from '../clock';
import { consoleLogger } from '../context';
import { C, type MemberDoc } from '../records';
import { buildGateway } from './gateway';
import { runDailyStats } from '../../stats/stats.job';
import { LocalFileStorage } from '../../files/file.storage';

/** The session secret: SESSION_SECRET, else one generated once and kept in the data folder. */
function sessionSecret(dataDir: string): string {
  if (process.env.SESSION_SECRET) return process.env.SESSION_SECRET;
  const file = join(dataDir, 'session-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const host = process.env.HOST ?? '0.0.0.0';
  const mode = process.env.APP_MODE === 'production' ? 'production' : 'local';
  const dataDir = resolve(process.env.DATA_DIR ?? join(__dirname, '../../.data'));
  const staticDir = resolve(process.env.STATIC_DIR ?? join(__dirname, '../h5'));
  mkdirSync(dataDir, { recursive: true });

  const store = new SqliteStore({ file: join(dataDir, 'coupon-desk.sqlite'), synchronous: process.env.SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL' });
  const clock = new AdjustableClock();
  const files = new LocalFileStorage(join(dataDir, 'uploads'));
  if (mode === 'local' && process.env.SEED_DEMO !== '0') {
    await seedDemo(store, clock.now());
    // The example work is a nicety: a data folder where it no longer fits (say, no quota left) starts anyway.
    if (process.env.SEED_SHOWCASE !== '0') await seedShowcase(store, files, clock.now()).catch((e) => consoleLogger.error('[showcase] not seeded', e));
  }

  const app = await buildGateway({ store, clock, log: consoleLogger, mode, sessionSecret: sessionSecret(dataDir), staticDir, files });
  await app.listen({ port, host });

  // M2: the 12:00 statistics job. Checking every minute is enough: it computes only days that are
  // due and not yet done, so it also catches up after the server was down over noon.
  const statsTimer = setInterval(() => {
    runDailyStats(store, clock.now()).catch((e) => consoleLogger.error('[stats] daily job failed', e));
  }, 60_000);
  statsTimer.unref();

  const url = `http://localhost:${port}`;
  console.log(`\n券管家 running at ${url}  (${mode} mode, data in ${dataDir})`);
  if (mode === 'local') {
    const members = await store.find<MemberDoc>(C.members, {}, { orderBy: [['id', 'asc']] });
    console.log('Demo members (log in on the 登录 page):');
    for (const m of members.filter((x) => x.memberships.length)) {
      const roles = m.memberships.map((s) => `${ROLE_LABELS[s.role]} @ ${s.merchantId}`).join(', ');
      console.log(`  ${m.id.padEnd(16)} ${m.nickname}  ${roles}`);
    }
    console.log(`  consumer-01 … consumer-${DEMO.consumerCount}  消费者（无角色）`);
  }
  console.log('Press Ctrl-C to stop.\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    clearInterval(statsTimer);
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
