import type { DailyStats } from '@shared/campaign/schema';
import { addDays, dayKey, dayStart, toRfc3339 } from '@shared/time';
import type { Store } from '../store/port';
import { scanRange as scan } from '../store/scan';
import { C } from '../runtime/records';
import type { CampaignDoc } from '../campaign/campaign.records';
import type { CouponDoc, RedemptionDoc } from '../wallet/wallet.records';

export interface CampaignStatsDoc extends DailyStats {
  /** `<campaignId>:<day>`: running a day twice rewrites the same documents. */
  id: string;
  campaignId: string;
  merchantId: string;
}

export interface StatsStateDoc {
  id: 'stats:state';
  lastDay: string;
  updatedAt: string;
}

const DAY_MS = 86_400_000;
export const STATS_HOUR = 12;

/** The last day whose figures are due at `now`: yesterday from 12:00 on, the day before until then. */
export function dueDay(now: Date): string {
  const today = dayStart(dayKey(now)).getTime();
  const noon = today + STATS_HOUR * 3_600_000;
  return dayKey(now.getTime() >= noon ? today - DAY_MS : today - 2 * DAY_MS);
}


/** One day's figures for every campaign with activity that day. */
export async function computeDay(store: Store, day: string): Promise<Map<string, DailyStats & { merchantId: string }>> {
  const from = toRfc3339(dayStart(day));
  const to = toRfc3339(addDays(dayStart(day), 1));
  const byCampaign = new Map<string, DailyStats & { merchantId: string }>();
  const row = (campaignId: string, merchantId: string) => {
    let r = byCampaign.get(campaignId);
    if (!r) byCampaign.set(campaignId, (r = { day, claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0, merchantId }));
    return r;
  };
  const owners = new Map<string, string>();
  const ownerOf = async (campaignId: string) => {
    if (!owners.has(campaignId)) owners.set(campaignId, (await store.get<CampaignDoc>(C.campaigns, campaignId))?.merchantId ?? '');
    return owners.get(campaignId)!;
  };
  for await (const c of scan<CouponDoc>(store, C.coupons, { source: 'CAMPAIGN' }, 'claimedAt', from, to)) {
    row(c.sourceId, await ownerOf(c.sourceId)).claims += 1;
  }
  const fromMs = dayStart(day).getTime();
  for await (const r of scan<RedemptionDoc>(store, C.redemptions, {}, 'redeemedAtMs', fromMs, fromMs + DAY_MS)) {
    if (!r.campaignId) continue;
    const s = row(r.campaignId, await ownerOf(r.campaignId));
    s.redemptions += 1;
    s.redeemedAmount += r.discount;
    s.orderAmount += r.orderAmount;
  }
  for (const s of byCampaign.values()) s.redemptionRate = s.claims ? Math.round((s.redemptions / s.claims) * 10_000) / 10_000 : 0;
  return byCampaign;
}

/**
 * M2, the 12:00 job: the figures of every day not yet computed, up to the due day — so a missed
 * run is caught up by the next one, and running twice changes nothing.
 */
export async function runDailyStats(store: Store, now: Date, upTo?: string): Promise<{ days: string[]; campaigns: number; updatedAt: string | null }> {
  // Never past the due day: a day computed before it has ended would be frozen incomplete.
  const due = dueDay(now);
  const target = upTo && upTo < due ? upTo : due;
  const state = await store.get<StatsStateDoc>(C.meta, 'stats:state');
  let first: string;
  if (state) first = dayKey(addDays(dayStart(state.lastDay), 1));
  else {
    const [oldest] = await store.find<CampaignDoc>(C.campaigns, {}, { orderBy: [['createdAt', 'asc']], limit: 1 });
    if (!oldest) return { days: [], campaigns: 0, updatedAt: null };
    first = dayKey(oldest.createdAt);
  }
  const days: string[] = [];
  let touched = 0;
  for (let d = first; d <= target; d = dayKey(addDays(dayStart(d), 1))) {
    const figures = await computeDay(store, d);
    for (const [campaignId, f] of figures) {
      await store.set<CampaignStatsDoc>(C.campaignStats, { id: `${campaignId}:${d}`, campaignId, ...f });
    }
    touched += figures.size;
    days.push(d);
    await store.set<StatsStateDoc>(C.meta, { id: 'stats:state', lastDay: d, updatedAt: toRfc3339(now) });
  }
  return { days, campaigns: touched, updatedAt: days.length ? toRfc3339(now) : state?.updatedAt ?? null };
}
