import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { fenToYuan } from '@shared/money';
import { addDays, calendarDaysBetween, dayStart, formatShanghai } from '@shared/time';
import type { Ctx } from '../runtime/context';
import { C, type StoreDoc } from '../runtime/records';
import { MAX_QUERY_LIMIT, type Filter } from '../store/port';
import { findByIds, scanRange } from '../store/scan';
import type { RedemptionDoc } from '../wallet/wallet.records';
import type { CampaignDoc } from './campaign.records';
import { loadCampaign } from './campaign.manage';

const MAX_DAYS = 92;
const HEADER = ['核销时间', '活动ID', '活动标题', '批次号', '券码', '门店', '门店ID', '订单号', '订单金额(元)', '可优惠金额(元)', '优惠金额(元)', '实付金额(元)', '核销店员'];

/** RFC 4180 quoting; a leading = + - @ is prefixed so a spreadsheet never runs it as a formula. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every campaign of `merchantId`, in pages of `MAX_QUERY_LIMIT` by id. */
async function campaignsOf(ctx: Ctx, merchantId: string): Promise<CampaignDoc[]> {
  const all: CampaignDoc[] = [];
  for (let after = ''; ;) {
    const page = await ctx.store.find<CampaignDoc>(C.campaigns, { merchantId, id: { gt: after } }, { orderBy: [['id', 'asc']], limit: MAX_QUERY_LIMIT });
    all.push(...page);
    if (page.length < MAX_QUERY_LIMIT) return all;
    after = page[page.length - 1]!.id;
  }
}

/** M2: redemption details for reconciliation, a CSV the merchant downloads on the phone. */
export async function exportRedemptions(input: { merchantId: string; campaignId?: string; from: string; to: string }, ctx: Ctx) {
  const span = calendarDaysBetween(dayStart(input.from), dayStart(input.to));
  if (Number.isNaN(span) || span < 0) throw new AppError('REQUEST.INVALID', '结束日期需不早于开始日期', [{ path: 'to', level: 'error', message: '结束日期需不早于开始日期' }]);
  if (span >= MAX_DAYS) throw new AppError('REQUEST.INVALID', `一次最多导出 ${MAX_DAYS} 天`, [{ path: 'to', level: 'error', message: `一次最多导出 ${MAX_DAYS} 天（当前 ${span + 1} 天）` }]);
  const one = input.campaignId ? await loadCampaign(ctx, input.merchantId, input.campaignId) : null;

  const from = dayStart(input.from).getTime();
  const to = addDays(dayStart(input.to), 1).getTime();
  // Which redemptions: those of the merchant's own coupons, i.e. of its campaigns, wherever they
  // were redeemed (a brand sibling's store included); with campaignId, that campaign's only. A
  // coupon of another merchant redeemed at this merchant's stores is that merchant's to reconcile.
  // The T+1 figures attribute redemptions the same way, and one campaign's export is exactly its
  // rows of the whole export.
  const owned = one ? [one] : await campaignsOf(ctx, input.merchantId);
  const rows: RedemptionDoc[] = [];
  for (let i = 0; i < owned.length; i += MAX_QUERY_LIMIT) {
    const ids = owned.slice(i, i + MAX_QUERY_LIMIT).map((c) => c.id);
    const filter: Filter = { campaignId: ids.length === 1 ? ids[0]! : { in: ids } };
    // Keyset pages along (redeemedAtMs, id): an export of 92 busy days never re-reads earlier pages.
    for await (const r of scanRange<RedemptionDoc>(ctx.store, C.redemptions, filter, 'redeemedAtMs', from, to)) rows.push(r);
  }
  // Over a page of campaigns, several scans: merged back into (time, id) order.
  if (owned.length > MAX_QUERY_LIMIT) rows.sort((a, b) => a.redeemedAtMs - b.redeemedAtMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Store names by batched id lookups: a read per page of ids, not one per store (each a CloudBase
  // round trip); the titles come with the campaigns.
  const shops = await findByIds<StoreDoc>(ctx.store, C.stores, rows.map((r) => r.storeId));
  const titles = new Map(owned.map((c) => [c.id, c.delivery.title]));
  const stores = new Map(shops.map((s) => [s.id, s.name]));
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push([
      formatShanghai(r.redeemedAtMs, 'YYYY-MM-DD HH:mm:ss'), r.campaignId ?? '', titles.get(r.campaignId ?? '') ?? '', r.stockId, r.couponCode,
      stores.get(r.storeId) ?? '', r.storeId, r.orderId, fenToYuan(r.orderAmount), fenToYuan(r.eligibleAmount), fenToYuan(r.discount),
      fenToYuan(r.orderAmount - r.discount), r.staffId,
    ].map(csvCell).join(','));
  }
  const csv = '\uFEFF' + lines.join('\r\n') + '\r\n';
  const fileId = await ctx.files.put(`export/${randomBytes(16).toString('hex')}.csv`, new TextEncoder().encode(csv));
  const fileName = `核销明细_${input.campaignId ?? input.merchantId}_${input.from}_${input.to}.csv`;
  return { fileId, fileName, url: await ctx.files.url(fileId), rows: rows.length };
}
