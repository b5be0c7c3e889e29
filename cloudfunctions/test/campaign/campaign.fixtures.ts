import { join } from 'node:path';
import type { OutputOf } from '@shared/api';
import type { FileMeta, UploadPurpose } from '@shared/files';
import { LocalFileStorage } from '../../src/files/file.storage';
import { acceptUpload } from '../../src/files/files.service';
import { actorForMemberId } from '../../src/runtime/actor';
import { DEMO } from '../../src/seed/demo';
import { data, makeHarness, type Harness } from '../support/harness';
import { jpegOf, pngOf } from '../support/images';

/**
 * Real objects for campaign handler tests: stocks created and activated through `stock.*`, files
 * registered through `acceptUpload` (the same code as POST /api/upload, without HTTP).
 */

export type StockOut = OutputOf<'stock', 'create'>;
export type CampaignOut = OutputOf<'campaign', 'create'>;
export type ValidateOut = OutputOf<'campaign', 'validate'>;
export type EligibleOut = OutputOf<'campaign', 'eligibleStocks'>;

export const NOW = '2026-11-22T10:00:00+08:00';
/** The earliest start at NOW (2 days later, Shanghai midnight) and a 14-day campaign. */
export const START = '2026-11-24T00:00:00+08:00';
export const END = '2026-12-08T00:00:00+08:00';
/** A stock window covering the campaign and one more day (R5, R6). */
export const AVAIL_BEGIN = '2026-11-23T00:00:00+08:00';
export const AVAIL_END = '2026-12-20T23:59:59+08:00';

export const { provider: SP, carrefourSh: SH, carrefourBj: BJ, coffee: COFFEE } = DEMO;
export const M = DEMO.members;
export const APPID_SH = 'wxebb78adbe8371f8c';

let seq = 0;
export const rid = (prefix = 'req') => `${prefix}-${process.pid}-${String(++seq).padStart(6, '0')}`;

/** The member who may create stocks for `merchantId` (merchant admin for 家乐福上海, else the SP). */
export const stockMember = (merchantId: string) => (merchantId === SH ? M.merchant : M.sp);

/** A stock draft that fits a quota campaign from START to END. */
export function quotaStockDraft(merchantId: string, over: Record<string, unknown> = {}) {
  return {
    name: '家乐福满100减30',
    funding: 'PREPAID',
    faceValue: 3_000,
    minSpend: 10_000,
    availableBegin: AVAIL_BEGIN,
    availableEnd: AVAIL_END,
    timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0,
    excludedGoodsCodes: [],
    instructions: '满100元减30元，全场通用',
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantity: 1_000,
    perUserLimit: 1,
    usableMerchantIds: [merchantId],
    usableStoreIds: [],
    cardPackInsertable: true,
    purpose: 'QUOTA_CAMPAIGN',
    ...over,
  };
}

/** Creates a stock through `stock.create` and (unless `activate` is false) activates it. */
export async function makeStock(h: Harness, merchantId: string, over: Record<string, unknown> = {}, opts: { activate?: boolean; member?: string } = {}): Promise<StockOut> {
  const member = opts.member ?? stockMember(merchantId);
  const s = data(await h.call<StockOut>(member, 'stock', 'create', { merchantId, requestId: rid('stock'), ...quotaStockDraft(merchantId, over) }));
  if (opts.activate === false) return s;
  return data(await h.call<StockOut>(member, 'stock', 'activate', { merchantId, stockId: s.stockId }));
}

/** Registers a real file as POST /api/upload would (inspected, stored, recorded). */
export async function upload(h: Harness, purpose: UploadPurpose, bytes: Uint8Array, memberId: string = M.merchant): Promise<FileMeta> {
  const actor = await actorForMemberId(h.store, memberId);
  if (!actor) throw new Error(`no member ${memberId}`);
  return acceptUpload({ store: h.store, storage: new LocalFileStorage(join(h.dir, 'uploads')), clock: h.clock }, actor, purpose, bytes);
}

export interface Uploads {
  logo: string;
  small: [string, string, string];
  large: [string, string, string];
  seed: string;
}

/** Encoding a 750×520 image in JS takes a while: each size/format is made once per test file. */
const memo = new Map<string, Buffer>();
const cached = (key: string, make: () => Buffer) => memo.get(key) ?? memo.set(key, make()).get(key)!;
export const images = {
  logo: () => cached('logo', () => pngOf(120, 120)),
  smallPng: () => cached('smallPng', () => pngOf(100, 100)),
  smallJpg: () => cached('smallJpg', () => jpegOf(100, 100)),
  largePng: () => cached('largePng', () => pngOf(750, 520)),
  largeJpg: () => cached('largeJpg', () => jpegOf(750, 520)),
};
const SEED_CSV = ['openid', ...Array.from({ length: 40 }, (_, i) => `o-seed-user-${String(i).padStart(4, '0')}`)].join('\n') + '\n';

/** Real uploads for every file a draft names (each upload is its own file with its own fileId). */
export async function uploadAll(h: Harness, memberId: string = M.merchant): Promise<Uploads> {
  const id = async (purpose: UploadPurpose, bytes: Uint8Array) => (await upload(h, purpose, bytes, memberId)).fileId;
  return {
    logo: await id('logo', images.logo()),
    small: [await id('smallImage', images.smallPng()), await id('smallImage', images.smallJpg()), await id('smallImage', images.smallPng())],
    large: [await id('largeImage', images.largeJpg()), await id('largeImage', images.largePng()), await id('largeImage', images.largeJpg())],
    seed: await id('seedPackage', new TextEncoder().encode(SEED_CSV)),
  };
}

/**
 * Before each test of the calling file: a fresh harness at NOW with every campaign file uploaded,
 * handed to `set`; closed after. `let h; let files; eachCampaignWorld((w) => ({ h, files } = w));`
 */
export function eachCampaignWorld(set: (world: { h: Harness; files: Uploads }) => void): void {
  let h: Harness | undefined;
  beforeEach(async () => {
    h = await makeHarness(NOW);
    set({ h, files: await uploadAll(h) });
  });
  afterEach(async () => {
    await h?.close();
  });
}

export const delivery = (files: Uploads, over: Record<string, unknown> = {}) => ({
  logo: files.logo,
  brandName: '家乐福',
  title: '满100减30元，全场通用',
  subtitle: '双十二到店专享',
  startAt: START,
  endAt: END,
  ...over,
});

export function singleDraft(merchantId: string, files: Uploads, stockId: string, over: Record<string, unknown> = {}) {
  return {
    merchantId,
    promotionType: 'STORE',
    delivery: delivery(files),
    content: { kind: 'SINGLE', stockId },
    targeting: { storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] },
    ...over,
  };
}

export function packDraft(merchantId: string, files: Uploads, stockIds: readonly string[], over: Record<string, unknown> = {}) {
  return {
    merchantId,
    promotionType: 'MINIPROGRAM_AND_STORE',
    delivery: delivery(files, { title: '家乐福礼包：三张券一起领', subtitle: '线上线下通用' }),
    content: { kind: 'PACK', items: stockIds.map((stockId, i) => ({ stockId, smallImage: files.small[i], largeImage: files.large[i] })) },
    targeting: {
      storeIds: ['st-sh-gubei', 'st-sh-jinqiao'],
      miniProgram: { appid: APPID_SH, path: 'pages/coupon/index?from=quota' },
      area: 'NEARBY_3KM',
      audience: { source: 'SEED_PACKAGE', seedPackageId: files.seed },
      tags: { ageBands: ['25-34', '35-44'], gender: 'ALL' },
    },
    ...over,
  };
}
