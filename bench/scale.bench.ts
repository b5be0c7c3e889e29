/**
 * 7. Scale: `campaign.list` and `campaign.get` latency (p50/p95, through `dispatch` as the
 * merchant admin, store opened as the gateway opens it) with 10,000 campaigns and 1,000,000 claims
 * in the store (bench/seed-scale.ts), and the T+1 statistics job (`runDailyStats`) for the last
 * day with claims. The list is timed on page 1 unfiltered (the screen everyone opens) and on a
 * mix of status filters and pages 1–10; `get` on random campaigns. Calls alternate.
 *
 * Usage: node --import tsx bench/scale.bench.ts --out result.json [--samples 200] [--file <seeded.sqlite>]
 *   --file: reuse a file seeded earlier (its statistics job state is reset before timing).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, dayKey, dayStart } from '@shared/time';
import type { CampaignStatus } from '@shared/campaign/schema';
import { LocalFileStorage } from '../cloudfunctions/src/files/file.storage';
import { HANDLERS } from '../cloudfunctions/src/handlers';
import { actorForMemberId } from '../cloudfunctions/src/runtime/actor';
import { FixedClock } from '../cloudfunctions/src/runtime/clock';
import { dispatch } from '../cloudfunctions/src/runtime/dispatch';
import { C } from '../cloudfunctions/src/runtime/records';
import { DEMO } from '../cloudfunctions/src/seed/demo';
import { runDailyStats, type StatsStateDoc } from '../cloudfunctions/src/stats/stats.job';
import { SqliteStore } from '../cloudfunctions/src/store/sqlite/sqlite.store';
import { strictLog } from './lib/setup';
import { arg, median, nowMs, outPath, quantile, round } from './lib/stats';
import { SCALE_NOW, seedScale } from './seed-scale';

const STATUSES: Array<CampaignStatus | undefined> = [undefined, 'DELIVERING', 'NOT_STARTED', 'PAUSED', 'ENDED'];
const PAGES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

async function main() {
  const samples = Number(arg('samples') ?? 200);
  const reuse = arg('file');
  const dir = mkdtempSync(join(tmpdir(), 'coupon-desk-bench-scale-'));
  const file = reuse && existsSync(reuse) ? reuse : join(dir, 'scale.sqlite');
  try {
    let seedSeconds: number | null = null;
    let counts: Record<string, number> | null = null;
    if (file !== reuse) {
      const info = await seedScale(file, { campaigns: Number(arg('campaigns') ?? 10_000), claims: Number(arg('claims') ?? 1_000_000) });
      seedSeconds = round(info.seconds, 1);
      counts = info.counts;
    }
    const store = new SqliteStore({ file, synchronous: 'FULL' });
    const clock = new FixedClock(new Date(SCALE_NOW));
    const files = new LocalFileStorage(join(dir, 'uploads'));
    const actor = await actorForMemberId(store, DEMO.members.merchant);
    if (!actor) throw new Error('no merchant admin in the scale store');
    const merchantId = DEMO.carrefourSh;
    const ids = (store.db.prepare("SELECT id FROM c_campaigns WHERE json_extract(doc, '$.merchantId') = ?").all(merchantId) as { id: string }[]).map((r) => r.id);
    const call = async (action: string, data: unknown) => {
      const t0 = nowMs();
      const r = await dispatch('campaign', HANDLERS.campaign, { action, data }, { actor, clock, store, files, log: strictLog });
      const ms = nowMs() - t0;
      if (!r.ok) throw new Error(`campaign.${action} failed: ${r.error.code} ${r.error.message}`);
      return { ms, data: r.data };
    };

    let seed = 1;
    const pick = <T>(xs: readonly T[]) => xs[(seed = (seed * 48_271) % 2_147_483_647) % xs.length]!;
    const listFirst = () => call('list', { merchantId });
    const listMixed = () => {
      const status = pick(STATUSES);
      return call('list', { merchantId, ...(status ? { status } : {}), page: pick(PAGES) });
    };
    const get = () => call('get', { merchantId, campaignId: pick(ids) });

    const first = await listFirst();
    const total = (first.data as { total: number }).total;
    for (let i = 0; i < 10; i++) {
      await listFirst();
      await listMixed();
      await get();
    }
    const t = { listFirst: [] as number[], listMixed: [] as number[], get: [] as number[] };
    for (let i = 0; i < samples; i++) {
      t.listFirst.push((await listFirst()).ms);
      t.listMixed.push((await listMixed()).ms);
      t.get.push((await get()).ms);
    }
    const summary = (xs: number[]) => ({ p50Ms: round(median(xs), 1), p95Ms: round(quantile(xs, 0.95), 1), maxMs: round(Math.max(...xs), 1) });

    // The statistics job for the last day with claims: state rewound one day, then run (≤ 3 times, ≤ ~60 s).
    const state = await store.get<StatsStateDoc>(C.meta, 'stats:state');
    if (!state) throw new Error('the scale store has no stats:state');
    const day = state.lastDay;
    const before = dayKey(addDays(dayStart(day), -1));
    const now = new Date(Date.parse(SCALE_NOW));
    const statsRuns: number[] = [];
    let statsCampaigns = 0;
    const statsStarted = nowMs();
    do {
      await store.set<StatsStateDoc>(C.meta, { ...state, lastDay: before });
      const t0 = nowMs();
      const r = await runDailyStats(store, now, day);
      statsRuns.push(nowMs() - t0);
      statsCampaigns = r.campaigns;
      if (r.days.join() !== day) throw new Error(`stats job computed ${r.days.join()} instead of ${day}`);
    } while (statsRuns.length < 3 && nowMs() - statsStarted < 20_000);
    const dayClaims = (store.db.prepare("SELECT count(*) AS n FROM c_coupons WHERE json_extract(doc, '$.source') = 'CAMPAIGN' AND json_extract(doc, '$.claimedAt') >= ? AND json_extract(doc, '$.claimedAt') < ?")
      .get(`${day}T00:00:00+08:00`, `${dayKey(addDays(dayStart(day), 1))}T00:00:00+08:00`) as { n: number }).n;
    await store.close();

    writeFileSync(outPath(), JSON.stringify({
      samples, seedSeconds, counts, merchantCampaigns: total,
      list: summary(t.listFirst),
      listMixed: summary(t.listMixed),
      get: summary(t.get),
      stats: { day, couponsThatDay: dayClaims, campaigns: statsCampaigns, ms: round(median(statsRuns)), runs: statsRuns.map((x) => round(x)) },
    }, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
