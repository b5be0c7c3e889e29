import { checkCampaignEdit } from '@shared/campaign/rules';
import { STATS_NOTE, type Campaign, type CampaignStatus, type DailyStats } from '@shared/campaign/schema';
import { campaignStatus } from '@shared/campaign/status';
import { AppError } from '@shared/errors';
import { blocking } from '@shared/result';
import { addDays, dayKey, dayStart, formatDateTime, toMillis, toRfc3339 } from '@shared/time';
import { filesByIds } from '../files/files.service';
import { audit } from '../runtime/audit';
import type { Ctx } from '../runtime/context';
import { C, type AuditDoc, type MemberDoc, type QuotaAccountDoc } from '../runtime/records';
import type { Filter } from '../store/port';
import { findByIds } from '../store/scan';
import type { StockDoc } from '../stock/stock.records';
import { toStock } from '../stock/stock.repository';
import type { CampaignStatsDoc, StatsStateDoc } from '../stats/stats.job';
import type { CampaignDoc } from './campaign.records';
import { stockIdsOf, toSummary } from './campaign.context';

export function toCampaign(d: CampaignDoc, nowMs: number): Campaign {
  return {
    campaignId: d.id, merchantId: d.merchantId, createdByMerchantId: d.createdByMerchantId, promotionType: d.promotionType,
    delivery: d.delivery, content: d.content, targeting: d.targeting, status: campaignStatus(d, nowMs), paused: d.paused,
    version: d.version, createdAt: d.createdAt, updatedAt: d.updatedAt,
  };
}

export async function loadCampaign(ctx: Ctx, merchantId: string, campaignId: string): Promise<CampaignDoc> {
  const doc = await ctx.store.get<CampaignDoc>(C.campaigns, campaignId);
  if (!doc || doc.merchantId !== merchantId) throw new AppError('CAMPAIGN.NOT_FOUND', `活动 ${campaignId} 不存在`);
  return doc;
}

async function quotaOf(ctx: Ctx, merchantId: string) {
  const acc = await ctx.store.get<QuotaAccountDoc>(C.quotaAccounts, merchantId);
  return acc ? { opened: true, balance: acc.balance } : { opened: false, balance: 0 };
}

const statsState = (ctx: Ctx) => ctx.store.get<StatsStateDoc>(C.meta, 'stats:state');

/**
 * A campaign's figures with every computed day of its run present: a day with no claims and no
 * redemptions has no stored row, yet it was counted (as zero), so it is shown as zero.
 */
async function withStats(ctx: Ctx, d: CampaignDoc, nowMs: number, lastDay: string | null) {
  const rows = await ctx.store.find<CampaignStatsDoc>(C.campaignStats, { campaignId: d.id }, { orderBy: [['day', 'asc']], limit: 400 });
  const byDay = new Map<string, DailyStats>(rows.map(({ day, claims, redemptions, redeemedAmount, orderAmount, redemptionRate }) => [day, { day, claims, redemptions, redeemedAmount, orderAmount, redemptionRate }]));
  if (lastDay) {
    // The end is exclusive: a run ending at 00:00 did not run that day.
    const last = dayKey(Math.min(dayStart(lastDay).getTime(), d.endAtMs - 1));
    for (let day = dayKey(d.startAtMs); day <= last; day = dayKey(addDays(dayStart(day), 1))) {
      if (!byDay.has(day)) byDay.set(day, { day, claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0 });
    }
  }
  const daily = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const totals = daily.reduce((t, x) => ({ claims: t.claims + x.claims, redemptions: t.redemptions + x.redemptions, redeemedAmount: t.redeemedAmount + x.redeemedAmount, orderAmount: t.orderAmount + x.orderAmount }), { claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0 });
  return { item: { ...toCampaign(d, nowMs), latestStats: daily[daily.length - 1] ?? null, totals }, daily };
}

/** M1: status filters translated to stored fields, so the list never relies on a stale status. */
function statusFilter(status: CampaignStatus, now: number): Filter {
  switch (status) {
    case 'ENDED': return { endAtMs: { lt: now } };
    case 'PAUSED': return { paused: true, endAtMs: { gte: now } };
    case 'NOT_STARTED': return { paused: false, startAtMs: { gt: now } };
    case 'DELIVERING': return { paused: false, startAtMs: { lte: now }, endAtMs: { gte: now } };
  }
}

export async function listCampaigns(input: { merchantId: string; status?: CampaignStatus; page?: number; pageSize?: number }, ctx: Ctx) {
  const { merchantId, status, page = 1, pageSize = 20 } = input;
  const now = ctx.clock.now().getTime();
  const filter: Filter = { merchantId, ...(status ? statusFilter(status, now) : {}) };
  const [docs, total, quota, state] = await Promise.all([
    ctx.store.find<CampaignDoc>(C.campaigns, filter, { orderBy: [['createdAt', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize }),
    ctx.store.count(C.campaigns, filter),
    quotaOf(ctx, merchantId),
    statsState(ctx),
  ]);
  const campaigns = [];
  for (const d of docs) campaigns.push((await withStats(ctx, d, now, state?.lastDay ?? null)).item);
  return { merchantId, quota, campaigns, total, statsUpdatedAt: state?.updatedAt ?? null, statsNote: STATS_NOTE };
}

export async function getCampaign(input: { merchantId: string; campaignId: string }, ctx: Ctx) {
  const now = ctx.clock.now().getTime();
  const d = await loadCampaign(ctx, input.merchantId, input.campaignId);
  const state = await statsState(ctx);
  const [{ item, daily }, quota, stocks, history] = await Promise.all([
    withStats(ctx, d, now, state?.lastDay ?? null),
    quotaOf(ctx, d.merchantId),
    ctx.store.find<StockDoc>(C.stocks, { id: { in: stockIdsOf(d.content) } }),
    ctx.store.find<AuditDoc>(C.auditLog, { targetType: 'campaign', targetId: d.id }, { orderBy: [['at', 'desc'], ['id', 'desc']], limit: 100 }),
  ]);
  // Who did it, by name: the ids mean nothing to the merchant reading the history.
  const members = await findByIds<MemberDoc>(ctx.store, C.members, history.map((h) => h.actorId));
  const names = new Map(members.map((m) => [m.id, m.nickname]));
  const status = item.status;
  const allowedActions: Array<'update' | 'pause' | 'restart'> = [];
  if (status !== 'ENDED') allowedActions.push('update');
  if (status === 'NOT_STARTED' || status === 'DELIVERING') allowedActions.push('pause');
  if (status === 'PAUSED' && quota.balance > 0) allowedActions.push('restart');
  return {
    campaign: item, daily, statsUpdatedAt: state?.updatedAt ?? null, statsNote: STATS_NOTE,
    history: history.map((h) => ({ at: h.at, actorId: h.actorId, actorName: names.get(h.actorId) ?? h.actorId, operation: h.operation, detail: h.detail })),
    stocks: stocks.map((s) => toSummary(toStock(s, now))), quota, allowedActions,
  };
}

/** M3 with optimistic concurrency: the write is guarded by the version the editor loaded. */
export async function updateCampaign(input: { merchantId: string; campaignId: string; version: number; delivery: CampaignDoc['delivery'] }, ctx: Ctx) {
  const d = await loadCampaign(ctx, input.merchantId, input.campaignId);
  const now = ctx.clock.now();
  if (campaignStatus(d, now.getTime()) === 'ENDED') throw new AppError('CAMPAIGN.ILLEGAL_TRANSITION', '活动已结束，不能修改');
  if (d.version !== input.version) throw new AppError('CAMPAIGN.VERSION_CONFLICT', `活动已被修改（当前版本 ${d.version}，你编辑的是版本 ${input.version}），请刷新后再改`);
  const stocks = await ctx.store.find<StockDoc>(C.stocks, { id: { in: stockIdsOf(d.content) } });
  const issues = checkCampaignEdit(d.delivery, input.delivery, { now, files: await filesByIds(ctx.store, [input.delivery.logo]), stocks: stocks.map((s) => toStock(s, now.getTime())) });
  const errors = blocking(issues);
  if (errors.length) throw new AppError('CAMPAIGN.RULE_VIOLATION', errors.length === 1 ? errors[0]!.message : `修改有 ${errors.length} 处不符合规则`, issues);
  const changed = Object.fromEntries(Object.entries(input.delivery).filter(([k, v]) => JSON.stringify(d.delivery[k as keyof typeof d.delivery]) !== JSON.stringify(v)));
  // Saving what is already there is not a change: no new version, nothing in the history.
  if (!Object.keys(changed).length) return toCampaign(d, now.getTime());
  const at = toRfc3339(now);
  const patch = { delivery: input.delivery, startAtMs: toMillis(input.delivery.startAt), endAtMs: toMillis(input.delivery.endAt), version: d.version + 1, updatedAt: at };
  return ctx.store.transaction(async (tx) => {
    // Re-read inside the transaction: a concurrent save that won bumped the version.
    const fresh = await tx.get<CampaignDoc>(C.campaigns, d.id);
    if (!fresh || fresh.version !== input.version) throw new AppError('CAMPAIGN.VERSION_CONFLICT', `活动已被他人修改（当前版本 ${fresh?.version ?? '?'}），请刷新后再改`);
    await tx.update(C.campaigns, d.id, { set: patch });
    await audit(tx, ctx, { merchantId: d.merchantId, targetType: 'campaign', targetId: d.id, detail: { changed, version: patch.version } });
    // From the fresh read: a pause since the first read does not bump the version, but shows here.
    return toCampaign({ ...fresh, ...patch }, now.getTime());
  });
}

/** M4: pause from 未开始/投放中; restart only before the end and with quota left. */
export async function setPaused(input: { merchantId: string; campaignId: string }, paused: boolean, ctx: Ctx) {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const d = await tx.get<CampaignDoc>(C.campaigns, input.campaignId);
    if (!d || d.merchantId !== input.merchantId) throw new AppError('CAMPAIGN.NOT_FOUND');
    const status = campaignStatus(d, now.getTime());
    if (paused && status !== 'NOT_STARTED' && status !== 'DELIVERING') {
      throw new AppError('CAMPAIGN.ILLEGAL_TRANSITION', `活动当前为「${status === 'PAUSED' ? '已暂停' : '已结束'}」，只有未开始或投放中的活动可以暂停`);
    }
    if (!paused) {
      if (status === 'ENDED') throw new AppError('CAMPAIGN.ILLEGAL_TRANSITION', `活动已于 ${formatDateTime(d.endAtMs)} 结束，不能重启`);
      if (status !== 'PAUSED') throw new AppError('CAMPAIGN.ILLEGAL_TRANSITION', '活动没有暂停，无需重启');
      const quota = await tx.get<QuotaAccountDoc>(C.quotaAccounts, d.merchantId);
      if (!quota || quota.balance <= 0) throw new AppError('CAMPAIGN.QUOTA_EMPTY', `配额余额为 ${quota?.balance ?? 0}，请先充值再重启`);
    }
    const at = toRfc3339(now);
    // The version guards the edited fields (M3), which a pause leaves alone: an edit loaded before
    // the pause still saves, onto the paused campaign.
    await tx.update(C.campaigns, d.id, { set: { paused, updatedAt: at } });
    await audit(tx, ctx, { merchantId: d.merchantId, targetType: 'campaign', targetId: d.id, detail: { paused } });
    return toCampaign({ ...d, paused, updatedAt: at }, now.getTime());
  });
}
