import * as z from 'zod/mini';
import { stockIdSchema } from '../stock/schema';
import { isRfc3339 } from '../time';
import { field, idSchema, merchantIdSchema, pageSchema, requestIdSchema, rfc3339, widthText } from '../validation';

export const PROMOTION_TYPES = ['STORE', 'MINIPROGRAM', 'MINIPROGRAM_AND_STORE'] as const;
export type PromotionType = (typeof PROMOTION_TYPES)[number];
export const PROMOTION_TYPE_LABELS: Record<PromotionType, string> = {
  STORE: '推广门店',
  MINIPROGRAM: '推广小程序',
  MINIPROGRAM_AND_STORE: '推广小程序+门店',
};

export const AREAS = ['NEARBY_3KM', 'NATIONWIDE'] as const;
export const AREA_LABELS: Record<(typeof AREAS)[number], string> = { NEARBY_3KM: '门店周围 3 公里', NATIONWIDE: '全国' };

export const AUDIENCE_SOURCES = ['MERCHANT_TRADING_USERS', 'SEED_PACKAGE'] as const;
export const AUDIENCE_LABELS: Record<(typeof AUDIENCE_SOURCES)[number], string> = {
  MERCHANT_TRADING_USERS: '商户号交易用户',
  SEED_PACKAGE: '上传种子包',
};

export const AGE_BANDS = ['18-24', '25-34', '35-44', '45-54', '55+'] as const;
export const GENDERS = ['ALL', 'MALE', 'FEMALE'] as const;
export const GENDER_LABELS: Record<(typeof GENDERS)[number], string> = { ALL: '不限', MALE: '男', FEMALE: '女' };

export const CAMPAIGN_STATUSES = ['NOT_STARTED', 'DELIVERING', 'PAUSED', 'ENDED'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  NOT_STARTED: '未开始',
  DELIVERING: '投放中',
  PAUSED: '已暂停',
  ENDED: '已结束',
};

export const fileIdSchema = (label: string, rule: string) =>
  field(z.string().check(z.regex(/^[A-Za-z0-9_./:-]{1,256}$/, { error: '需为上传后返回的 fileId' })), { label, rule });

/**
 * Two grades of the same schema. `strict` checks every field (F2–F4 widths and characters); the
 * `relaxed` one only the structure, so that `campaign.validate` can run the rule engine on a draft
 * whose title is still too long and report everything at once (C1).
 */
function makeDeliverySchema(strict: boolean) {
  const text = (maxWidth: number) => (strict ? widthText({ maxWidth }) : z.string());
  return z.strictObject({
    logo: fileIdSchema('商户 logo', 'F1'),
    brandName: field(text(14), { label: '商户品牌名称', rule: 'F2' }),
    title: field(text(24), { label: '活动标题', rule: 'F3' }),
    subtitle: field(text(20), { label: '活动副标题', rule: 'F4' }),
    startAt: field(rfc3339(), { label: '投放开始时间', rule: 'F5' }),
    endAt: field(rfc3339(), { label: '投放结束时间', rule: 'F5' }),
  });
}

export const deliverySchema = makeDeliverySchema(true);
const relaxedDeliverySchema = makeDeliverySchema(false);
export type Delivery = z.infer<typeof deliverySchema>;

export const packItemSchema = z.strictObject({
  stockId: stockIdSchema,
  smallImage: fileIdSchema('商品小图', 'P3'),
  largeImage: fileIdSchema('商品大图', 'P4'),
});

export const PACK_SIZE = 3;

export const contentSchema = field(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('SINGLE'), stockId: stockIdSchema }),
    z.strictObject({
      kind: z.literal('PACK'),
      items: field(z.array(packItemSchema).check(z.length(PACK_SIZE, { error: `礼包需正好 ${PACK_SIZE} 张代金券` })), { label: '礼包代金券', rule: 'F7' }),
    }),
  ]),
  { label: '投放内容', rule: 'F7' },
);
export type Content = z.infer<typeof contentSchema>;

export const targetingSchema = z.strictObject({
  storeIds: z.optional(field(z.array(idSchema('门店')).check(z.maxLength(200, { error: '最多 200 家门店' })), { label: '投放门店', rule: 'T1' })),
  miniProgram: z.optional(z.strictObject({
    appid: field(z.string().check(z.minLength(1, { error: '请选择或输入核销小程序', abort: true }), z.regex(/^wx[0-9a-f]{16}$/, { error: '需为 wx + 16 位十六进制' })), { label: '小程序 APPID', rule: 'T2' }),
    path: field(z.string().check(z.minLength(1, { error: '不能为空' }), z.maxLength(256), z.regex(/^[A-Za-z0-9_\-./?=&%]+$/, { error: '需为小程序页面路径，如 pages/index/index' })), { label: '小程序 path', rule: 'T2' }),
  })),
  area: z.optional(field(z.enum(AREAS), { label: '投放范围', rule: 'T3' })),
  audience: z.optional(z.strictObject({
    source: field(z.enum(AUDIENCE_SOURCES), { label: '目标人群', rule: 'T2' }),
    seedPackageId: z.optional(fileIdSchema('种子包', 'T2')),
  })),
  tags: z.optional(z.strictObject({
    ageBands: z.optional(field(z.array(z.enum(AGE_BANDS)).check(z.maxLength(AGE_BANDS.length)), { label: '年龄', rule: 'T4' })),
    gender: z.optional(field(z.enum(GENDERS), { label: '性别', rule: 'T4' })),
  })),
});
export type Targeting = z.infer<typeof targetingSchema>;

export const campaignDraftShape = {
  merchantId: merchantIdSchema,
  promotionType: field(z.enum(PROMOTION_TYPES), { label: '推广类型', rule: 'C0' }),
  delivery: deliverySchema,
  content: contentSchema,
  targeting: targetingSchema,
};
export const campaignDraftSchema = z.strictObject(campaignDraftShape);
export type CampaignDraft = z.infer<typeof campaignDraftSchema>;

/** What `campaign.validate` and `campaign.create` accept; the handler then applies the strict schema. */
export const campaignDraftInput = z.strictObject({ ...campaignDraftShape, delivery: relaxedDeliverySchema });
export const createCampaignInput = z.strictObject({ ...campaignDraftShape, delivery: relaxedDeliverySchema, requestId: requestIdSchema });

export const campaignIdSchema = idSchema('活动 ID');
export const campaignRef = z.strictObject({ merchantId: merchantIdSchema, campaignId: campaignIdSchema });
export const listCampaignsInput = z.strictObject({
  merchantId: merchantIdSchema,
  status: z.optional(field(z.enum(CAMPAIGN_STATUSES), { label: '状态' })),
  ...pageSchema,
});

const issueSchema = z.object({
  rule: z.optional(z.string()),
  path: z.string(),
  level: z.enum(['error', 'suggestion']),
  message: z.string(),
  hint: z.optional(z.string()),
});

/** A stock as the wizard shows it when it is added by 批次号 or picked from the list. */
export const stockSummarySchema = z.object({
  stockId: z.string(),
  name: z.string(),
  faceValue: z.int(),
  minSpend: z.int(),
  remaining: z.int(),
  availableBegin: z.string(),
  availableEnd: z.string(),
  scope: z.string(),
  status: z.string(),
});
export type StockSummary = z.infer<typeof stockSummarySchema>;

export const validateCampaignOutput = z.object({
  /** No error-level issue: the draft can be created as it is. */
  valid: z.boolean(),
  issues: z.array(issueSchema),
  /** F5: the earliest allowed start, for the date picker. */
  earliestStartAt: z.string(),
  /** The named stocks that belong to the logged-in merchant. */
  stocks: z.array(stockSummarySchema),
});

export const eligibleStocksInput = z.strictObject({
  merchantId: merchantIdSchema,
  promotionType: z.optional(field(z.enum(PROMOTION_TYPES), { label: '推广类型', rule: 'C0' })),
  startAt: z.optional(field(rfc3339(), { label: '投放开始时间', rule: 'F5' })),
  endAt: z.optional(field(rfc3339(), { label: '投放结束时间', rule: 'F5' })),
  storeIds: z.optional(field(z.array(idSchema('门店')).check(z.maxLength(200)), { label: '投放门店', rule: 'T1' })),
});

export const eligibleStocksOutput = z.object({
  stocks: z.array(z.object({ stock: stockSummarySchema, eligible: z.boolean(), issues: z.array(issueSchema) })),
});

export const campaignSchema = z.object({
  campaignId: z.string(),
  merchantId: z.string(),
  createdByMerchantId: z.string(),
  promotionType: z.enum(PROMOTION_TYPES),
  delivery: deliverySchema,
  content: contentSchema,
  targeting: targetingSchema,
  status: z.enum(CAMPAIGN_STATUSES),
  paused: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

/** M2: one day's T+1 figures of a campaign. */
export const dailyStatsSchema = z.object({
  day: z.string(),
  claims: z.int(),
  redemptions: z.int(),
  /** Sum of discounts, fen. */
  redeemedAmount: z.int(),
  /** Sum of the redeemed orders' amounts, fen. */
  orderAmount: z.int(),
  /** redemptions ÷ claims of the day, 0–1 (0 when nothing was claimed). */
  redemptionRate: z.number(),
});
export type DailyStats = z.infer<typeof dailyStatsSchema>;

export const STATS_NOTE = '数据仅作为参考，不作为对账依据';

export const campaignListItemSchema = z.extend(campaignSchema, {
  /** The latest computed day, or null before the first 12:00 run after the start. */
  latestStats: z.nullable(dailyStatsSchema),
  totals: z.object({ claims: z.int(), redemptions: z.int(), redeemedAmount: z.int(), orderAmount: z.int() }),
});

export const listCampaignsOutput = z.object({
  merchantId: z.string(),
  quota: z.object({ opened: z.boolean(), balance: z.int() }),
  campaigns: z.array(campaignListItemSchema),
  total: z.int(),
  /** 数据更新于 …: when the T+1 job last ran, or null. */
  statsUpdatedAt: z.nullable(z.string()),
  statsNote: z.string(),
});

export const historyEntrySchema = z.object({ at: z.string(), actorId: z.string(), /** The member's name (the id when the member is gone). */ actorName: z.string(), operation: z.string(), detail: z.record(z.string(), z.unknown()) });
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const getCampaignOutput = z.object({
  campaign: campaignListItemSchema,
  daily: z.array(dailyStatsSchema),
  statsUpdatedAt: z.nullable(z.string()),
  statsNote: z.string(),
  history: z.array(historyEntrySchema),
  stocks: z.array(stockSummarySchema),
  quota: z.object({ opened: z.boolean(), balance: z.int() }),
  /** What the current status allows: pause / restart / update. */
  allowedActions: z.array(z.enum(['update', 'pause', 'restart'])),
});

/** M3: what may be edited; the rest of the campaign is fixed once created. */
export const updateCampaignInput = z.strictObject({
  merchantId: merchantIdSchema,
  campaignId: campaignIdSchema,
  /** The version the editor loaded: a stale one is refused (CAMPAIGN.VERSION_CONFLICT). */
  version: field(z.int().check(z.gte(1)), { label: '版本' }),
  delivery: deliverySchema,
});

/** A real calendar day as YYYY-MM-DD (2026-02-30 is refused, not rolled into March). */
function realDay() {
  return z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '需为 YYYY-MM-DD' }), z.refine((d: string) => isRfc3339(`${d}T00:00:00+08:00`), { error: '不是有效的日期' }));
}

export const runDailyInput = z.strictObject({
  merchantId: merchantIdSchema,
  /** Compute up to this day (YYYY-MM-DD); default: the day due at the 12:00 rule. */
  upTo: z.optional(field(realDay(), { label: '统计截止日' })),
});
export const runDailyOutput = z.object({ days: z.array(z.string()), campaigns: z.int(), updatedAt: z.nullable(z.string()) });

const dayField = (label: string) => field(realDay(), { label });

export const exportRedemptionsInput = z.strictObject({
  merchantId: merchantIdSchema,
  /** One campaign, or every campaign of the merchant when absent. */
  campaignId: z.optional(campaignIdSchema),
  from: dayField('开始日期'),
  to: dayField('结束日期'),
});
export const exportRedemptionsOutput = z.object({
  fileId: z.string(),
  fileName: z.string(),
  /** Opens or downloads the CSV (UTF-8 with BOM, so Excel reads the Chinese). */
  url: z.string(),
  rows: z.int(),
});

/** What a consumer sees of a campaign (入口预览 / 内页): nothing of the merchant's internals. */
export const publicCampaignSchema = z.object({
  campaignId: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  statusLabel: z.string(),
  brandName: z.string(),
  title: z.string(),
  subtitle: z.string(),
  logoUrl: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  kind: z.enum(['SINGLE', 'PACK']),
  coupons: z.array(z.object({ name: z.string(), summary: z.string(), availableBegin: z.string(), availableEnd: z.string(), smallImageUrl: z.nullable(z.string()), largeImageUrl: z.nullable(z.string()) })),
  /** Whether the caller has already claimed it (F6). */
  claimed: z.boolean(),
});
export const publicCampaignInput = z.strictObject({ campaignId: campaignIdSchema });
export const discoverCampaignsInput = z.strictObject({ ...pageSchema });
export const discoverCampaignsOutput = z.object({ campaigns: z.array(publicCampaignSchema) });
