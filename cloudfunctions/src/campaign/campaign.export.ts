import { randomBytes } from 'node:crypto';
import { AppError } from '@shared/errors';
import { fenToYuan } from '@shared/money';
import { addDays, calendarDaysBetween, dayStart, formatShanghai } from '@shared/time';
import type { Ctx } from '../runtime/context';
import { C, type StoreDoc } from '../runtime/records';
import type { Filter } from '../store/port';
import { findByIds, scanRange } from '../store/scan';
import type { RedemptionDoc } from '../wallet/wallet.records';
import { exportFileKey, exportFileName } from '../files/file.storage';
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

/** M2: redemption details for reconciliation, a CSV the merchant downloads on the phone. */
export async function exportRedemptions(input: { merchantId: string; campaignId?: string; from: string; to: string }, ctx: Ctx) {
  const span = calendarDaysBetween(dayStart(input.from), dayStart(input.to));
  if (Number.isNaN(span) || span < 0) throw new AppError('REQUEST.INVALID', '结束日期需不早于开始日期', [{ path: 'to', level: 'error', message: '结束日期需不早于开始日期' }]);
  if (span >= MAX_DAYS) throw new AppError('REQUEST.INVALID', `一次最多导出 ${MAX_DAYS} 天`, [{ path: 'to', level: 'error', message: `一次最多导出 ${MAX_DAYS} 天（当前 ${span + 1} 天）` }]);
  const one = input.campaignId ? await loadCampaign(ctx, input.merchantId, input.campaignId) : null;

  const from = dayStart(input.from).getTime();
  const to = addDays(dayStart(input.to), 1).getTime();
  // Which redemptions: those of the coupons given out for the merchant (by its campaigns and its live
  // rooms), wherever they were redeemed, a brand sibling's store included; with campaignId, that
  // campaign's only, which are exactly its rows of the whole export. A coupon of another merchant
  // redeemed at this merchant's stores is that merchant's to reconcile. The T+1 figures attribute
  // redemptions the same way.
  const filter: Filter = one ? { campaignId: one.id } : { ownerMerchantId: input.merchantId };
  const rows: RedemptionDoc[] = [];
  // Keyset pages along (owner or campaign, redeemedAtMs, id): an export of 92 busy days never
  // re-reads or re-sorts earlier pages.
  for await (const r of scanRange<RedemptionDoc>(ctx.store, C.redemptions, filter, 'redeemedAtMs', from, to)) rows.push(r);
  // Titles and store names by batched id lookups: a read per page of ids, not one per row's
  // campaign and store (each a CloudBase round trip).
  const [campaigns, shops] = await Promise.all([
    one ? [one] : findByIds<CampaignDoc>(ctx.store, C.campaigns, rows.flatMap((r) => (r.campaignId ? [r.campaignId] : []))),
    findByIds<StoreDoc>(ctx.store, C.stores, rows.map((r) => r.storeId)),
  ]);
  const titles = new Map(campaigns.map((c) => [c.id, c.delivery.title]));
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
  const fileId = await ctx.files.put(exportFileKey(input.merchantId, randomBytes(16).toString('hex')), new TextEncoder().encode(csv));
  const fileName = exportFileName(input.campaignId ?? input.merchantId, input.from, input.to);
  return { fileId, fileName, url: await ctx.files.url(fileId, fileName), rows: rows.length };
}
