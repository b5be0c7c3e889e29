import { CAMPAIGN_STATUS_LABELS } from '@shared/campaign/schema';
import { campaignStatus } from '@shared/campaign/status';
import { AppError } from '@shared/errors';
import { couponSummary } from '@shared/wallet/validity';
import type { Ctx } from '../runtime/context';
import { C } from '../runtime/records';
import type { StockDoc } from '../stock/stock.records';
import type { ClaimDoc } from '../wallet/wallet.records';
import { stockIdsOf } from './campaign.context';
import type { CampaignDoc } from './campaign.records';

/** The consumer's view of one campaign: the feed card and its coupons (C2), and whether it is claimed. */
export async function publicCampaign(d: CampaignDoc, ctx: Ctx) {
  const now = ctx.clock.now().getTime();
  const ids = stockIdsOf(d.content);
  const [stocks, claim] = await Promise.all([
    ctx.store.find<StockDoc>(C.stocks, { id: { in: ids } }),
    ctx.store.get<ClaimDoc>(C.claims, `${d.id}:${ctx.actor.openid}`),
  ]);
  const byId = new Map(stocks.map((s) => [s.id, s]));
  const images = d.content.kind === 'PACK' ? d.content.items : [];
  const status = campaignStatus(d, now);
  return {
    campaignId: d.id, status, statusLabel: CAMPAIGN_STATUS_LABELS[status], brandName: d.delivery.brandName, title: d.delivery.title,
    subtitle: d.delivery.subtitle, logoUrl: await ctx.files.url(d.delivery.logo), startAt: d.delivery.startAt, endAt: d.delivery.endAt, kind: d.content.kind,
    coupons: await Promise.all(ids.map(async (id, i) => {
      const s = byId.get(id);
      const img = images[i];
      return {
        name: s?.name ?? '', summary: s ? couponSummary(s) : '', availableBegin: s?.availableBegin ?? '', availableEnd: s?.availableEnd ?? '',
        smallImageUrl: img ? await ctx.files.url(img.smallImage) : null, largeImageUrl: img ? await ctx.files.url(img.largeImage) : null,
      };
    })),
    claimed: claim?.state === 'ISSUED',
  };
}

export async function getPublicCampaign({ campaignId }: { campaignId: string }, ctx: Ctx) {
  const d = await ctx.store.get<CampaignDoc>(C.campaigns, campaignId);
  if (!d) throw new AppError('CAMPAIGN.NOT_FOUND');
  return publicCampaign(d, ctx);
}

/** Campaigns delivering right now, newest first: what a consumer can claim today. */
export async function discoverCampaigns({ page = 1, pageSize = 20 }: { page?: number; pageSize?: number }, ctx: Ctx) {
  const now = ctx.clock.now().getTime();
  const docs = await ctx.store.find<CampaignDoc>(C.campaigns, { paused: false, startAtMs: { lte: now }, endAtMs: { gte: now } }, { orderBy: [['startAtMs', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize });
  return { campaigns: await Promise.all(docs.map((d) => publicCampaign(d, ctx))) };
}
