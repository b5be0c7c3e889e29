/**
 * How a quota campaign reads in Chinese, in one place: the wizard, the list, the detail and the
 * previews say the same thing the same way.
 */
import type { StoreInfo } from '@shared/account/schema';
import { TAG_TONES } from '@/lib/tagTones';
import {
  AGE_BANDS,
  AREA_LABELS,
  AUDIENCE_LABELS,
  GENDER_LABELS,
  PROMOTION_TYPE_LABELS,
  type Campaign,
  type CampaignStatus,
  type StockSummary,
} from '@shared/campaign/schema';
import { IMAGE_SPECS, type ImagePurpose } from '@shared/files';
import { fenToYuanShort } from '@shared/money';
import { formatDateTime, formatShanghai } from '@shared/time';
import { formatRange } from '@/lib/format';

export const STATUS_TAG: Record<CampaignStatus, { background: string; color: string }> = {
  NOT_STARTED: TAG_TONES.blue,
  DELIVERING: TAG_TONES.green,
  PAUSED: TAG_TONES.orange,
  ENDED: TAG_TONES.grey,
};

export const PROMOTION_TYPE_DESCRIPTIONS: Record<Campaign['promotionType'], string> = {
  STORE: '拉客到店：顾客领券自动存入卡包，到指定门店消费达标自动核销',
  MINIPROGRAM: '引流到小程序：用户领券后点「立即使用」跳转商家小程序核销',
  MINIPROGRAM_AND_STORE: '线上小程序、线下门店都可以用券',
};

export const AGE_BAND_LABELS: Record<(typeof AGE_BANDS)[number], string> = {
  '18-24': '18–24 岁',
  '25-34': '25–34 岁',
  '35-44': '35–44 岁',
  '45-54': '45–54 岁',
  '55+': '55 岁以上',
};

/** 满100元减10元 */
export const stockSummaryText = (s: Pick<StockSummary, 'faceValue' | 'minSpend'>): string =>
  `满${fenToYuanShort(s.minSpend)}元减${fenToYuanShort(s.faceValue)}元`;

/** ¥10 */
export const faceValueText = (s: Pick<StockSummary, 'faceValue'>): string => `¥${fenToYuanShort(s.faceValue)}`;

/** 核销 2026-11-22 10:30 至 2026-12-22 10:30 */
export const stockWindowText = (s: Pick<StockSummary, 'availableBegin' | 'availableEnd'>): string =>
  `核销 ${formatRange(s.availableBegin, s.availableEnd)}`;

/** 11月24日 00:00 – 12月08日 00:00 */
export const shortRange = (start: string, end: string): string =>
  `${formatShanghai(start, 'MM月DD日 HH:mm')} – ${formatShanghai(end, 'MM月DD日 HH:mm')}`;

const DAY_MS = 86_400_000;

/** Length of a delivery window in days, one decimal when it is not whole. */
export function spanDays(startMs: number, endMs: number): string {
  const d = (endMs - startMs) / DAY_MS;
  return Number.isInteger(d) ? String(d) : d.toFixed(1);
}

/** The brand name shown in front of the title (F3: 默认拉取商户名显示在最前面). */
export const headline = (brandName: string, title: string): string => [brandName.trim(), title.trim()].filter(Boolean).join(' ');

export function targetingLines(c: Pick<Campaign, 'promotionType' | 'targeting'>, storeName: (id: string) => string): Array<[string, string]> {
  const t = c.targeting;
  const rows: Array<[string, string]> = [['推广类型', PROMOTION_TYPE_LABELS[c.promotionType]]];
  if (t.storeIds) rows.push(['投放门店', t.storeIds.length ? t.storeIds.map(storeName).join('、') : '未选择']);
  if (t.miniProgram) rows.push(['核销小程序', `${t.miniProgram.appid} · ${t.miniProgram.path}`]);
  if (t.area) rows.push(['投放范围', AREA_LABELS[t.area]]);
  if (t.audience) rows.push(['目标人群', AUDIENCE_LABELS[t.audience.source]]);
  const tags: string[] = [];
  if (t.tags?.ageBands?.length) tags.push(t.tags.ageBands.map((a) => AGE_BAND_LABELS[a]).join('、'));
  if (t.tags?.gender && t.tags.gender !== 'ALL') tags.push(GENDER_LABELS[t.tags.gender]);
  rows.push(['画像标签', tags.length ? tags.join('；') : '不限']);
  return rows;
}

/** What each audit operation was, for the history. */
export const OPERATION_LABELS: Record<string, string> = {
  'campaign.create': '创建活动',
  'campaign.update': '修改活动',
  'campaign.pause': '暂停活动',
  'campaign.restart': '重启活动',
};

export const DELIVERY_FIELD_LABELS: Record<string, string> = {
  logo: '商户 logo',
  brandName: '商户品牌名称',
  title: '活动标题',
  subtitle: '活动副标题',
  startAt: '开始时间',
  endAt: '结束时间',
};

/** One line of detail under a history entry: what changed. */
export function historyDetail(operation: string, detail: Record<string, unknown>): string {
  if (operation === 'campaign.update') {
    const changed = detail.changed;
    if (typeof changed === 'object' && changed !== null) {
      const parts = Object.entries(changed as Record<string, unknown>).map(([k, v]) => {
        const label = DELIVERY_FIELD_LABELS[k] ?? k;
        if (k === 'logo') return `${label}已更换`;
        if ((k === 'startAt' || k === 'endAt') && typeof v === 'string') return `${label}改为 ${formatDateTime(v)}`;
        return `${label}改为「${String(v)}」`;
      });
      if (parts.length) return parts.join('；');
    }
    return '未改动内容';
  }
  if (operation === 'campaign.create') {
    const kind = detail.content === 'PACK' ? '礼包' : '单张券';
    const stocks = Array.isArray(detail.stocks) ? detail.stocks.join('、') : '';
    return stocks ? `${kind}：${stocks}` : kind;
  }
  if (operation === 'campaign.pause') return '暂停后不再发券';
  if (operation === 'campaign.restart') return '恢复发券';
  return '';
}

/** The crop hint for an image purpose: what to make of a photo that is not the right size. */
export function cropHint(purpose: ImagePurpose): string {
  const s = IMAGE_SPECS[purpose];
  const ratio = s.width === s.height ? '正方形（1:1）' : `${s.width}:${s.height}（约 ${(s.width / s.height).toFixed(2)}:1）`;
  return `请先裁剪为${ratio}，再缩放到 ${s.width}×${s.height} 像素，存为 jpg 或 png，不超过 1 MB`;
}

// ---- distance, for the store list ----

const EARTH_KM = 6371;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function centroid(stores: readonly Pick<StoreInfo, 'lat' | 'lng'>[]): { lat: number; lng: number } | null {
  if (!stores.length) return null;
  return {
    lat: stores.reduce((s, x) => s + x.lat, 0) / stores.length,
    lng: stores.reduce((s, x) => s + x.lng, 0) / stores.length,
  };
}

/** 850 m / 3.2 km / 1,068 km */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.round(km * 1000)} m`;
  if (km < 100) return `${km.toFixed(1)} km`;
  return `${Math.round(km).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')} km`;
}

/** The facts of a saved campaign, as label / value rows. */
export function campaignRows(c: Campaign, storeName: (id: string) => string): Array<[string, string]> {
  const d = c.delivery;
  return [
    ['商户品牌名称', d.brandName],
    ['活动标题', d.title],
    ['活动副标题', d.subtitle],
    ['投放时间', formatRange(d.startAt, d.endAt)],
    ['用户领取限制', '每张券每人限领 1 次'],
    ['投放内容', c.content.kind === 'PACK' ? `礼包（${c.content.items.length} 张券）` : '单张券'],
    ...targetingLines(c, storeName),
    ['创建时间', formatDateTime(c.createdAt)],
    ['最后修改', `${formatDateTime(c.updatedAt)}（版本 ${c.version}）`],
  ];
}
