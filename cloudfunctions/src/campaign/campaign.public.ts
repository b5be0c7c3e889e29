import { CAMPAIGN_STATUS_LABELS } from '@shared/campaign/schema';
import { campaignStatus } from '@shared/campaign/status';
import { AppError } from '@shared/errors';
import { couponSummary } from '@shared/wallet/validity';
import type { Ctx } from '../runtime/context';
import { C } from '../runtime/records';
import { findByIds } from '../store/scan';
import type { StockDoc } from '../stock/stock.records';
import type { ClaimDoc } from '../wallet/wallet.records';
import { stockIdsOf } from './campaign.context';
import type { CampaignDoc } from './campaign.records';

const filesOf = (d: CampaignDoc): string[] =>
  [d.delivery.logo, ...(d.content.kind === 'PACK' ? d.content.items.flatMap((i) => [i.smallImage, i.largeImage]) : [])];

/**
 * The consumer's view of campaigns: the feed card and its coupons (C2), and whether this user has
 * claimed it. A whole page costs three reads — the stocks, the user's claims, the image links — not
 * three per campaign.
 */
async function publicCampaigns(docs: CampaignDoc[], ctx: Ctx) {
  if (!docs.length) return [];
  const now = ctx.clock.now().getTime();
  const [stocks, claims, urls] = await Promise.all([
    findByIds<StockDoc>(ctx.store, C.stocks, docs.flatMap((d) => stockIdsOf(d.content))),
    findByIds<ClaimDoc>(ctx.store, C.claims, docs.map((d) => `${d.id}:${ctx.actor.openid}`)),
    ctx.files.urls(docs.flatMap(filesOf)),
  ]);
  const byId = new Map(stocks.map((s) => [s.id, s]));
  const issued = new Set(claims.filter((c) => c.state === 'ISSUED').map((c) => c.campaignId));
  const url = (fileId: string) => urls.get(fileId) ?? '';
  return docs.map((d) => {
    const images = d.content.kind === 'PACK' ? d.content.items : [];
    const status = campaignStatus(d, now);
    return {
      campaignId: d.id, status, statusLabel: CAMPAIGN_STATUS_LABELS[status], brandName: d.delivery.brandName, title: d.delivery.title,
      subtitle: d.delivery.subtitle, logoUrl: url(d.delivery.logo), startAt: d.delivery.startAt, endAt: d.delivery.endAt, kind: d.content.kind,
      coupons: stockIdsOf(d.content).map((id, i) => {
        const s = byId.get(id);
        const img = images[i];
        return {
          name: s?.name ?? '', summary: s ? couponSummary(s) : '', availableBegin: s?.availableBegin ?? '', availableEnd: s?.availableEnd ?? '',
          smallImageUrl: img ? url(img.smallImage) : null, largeImageUrl: img ? url(img.largeImage) : null,
        };
      }),
      claimed: issued.has(d.id),
    };
  });
}

export async function getPublicCampaign({ campaignId }: { campaignId: string }, ctx: Ctx) {
  const d = await ctx.store.get<CampaignDoc>(C.campaigns, campaignId);
  if (!d) throw new AppError('CAMPAIGN.NOT_FOUND');
  return (await publicCampaigns([d], ctx))[0]!;
}

/** Campaigns delivering right now, newest first: what a consumer can claim today. */
export async function discoverCampaigns({ page = 1, pageSize = 20 }: { page?: number; pageSize?: number }, ctx: Ctx) {
  const now = ctx.clock.now().getTime();
  const docs = await ctx.store.find<CampaignDoc>(C.campaigns, { paused: false, startAtMs: { lte: now }, endAtMs: { gte: now } }, { orderBy: [['startAtMs', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize });
  return { campaigns: await publicCampaigns(docs, ctx) };
}
