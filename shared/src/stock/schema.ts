import * as z from 'zod/mini';
import { field, idSchema, integer, merchantIdSchema, pageSchema, requestIdSchema, rfc3339, widthText } from '../validation';

/** S3: 0.01 – 100,000 元. */
export const FACE_VALUE_MAX = 10_000_000;
/** S4 has no platform cap; 1,000,000 元 keeps typos (an extra zero or three) out. */
export const MIN_SPEND_MAX = 100_000_000;
export const QUANTITY_MAX = 10_000_000;
export const PER_USER_MAX = 60;
export const GOODS_CODES_MAX = 50;
export const INSTRUCTIONS_MAX = 1000;
export const WINDOW_MAX_DAYS = 90;
export const BEGIN_AHEAD_MAX_DAYS = 365;
export const SECONDS_PER_DAY = 86_400;

export const FUNDING = ['PREPAID', 'NO_CASH'] as const;
export const SCOPES = ['ALL', 'SINGLE_ITEM'] as const;
export const PURPOSES = ['QUOTA_CAMPAIGN', 'GENERAL'] as const;
export const STOCK_STATES = ['UNACTIVATED', 'RUNNING', 'PAUSED', 'STOPPED'] as const;
export const STOCK_STATUSES = [...STOCK_STATES, 'EXPIRED'] as const;
export type StockState = (typeof STOCK_STATES)[number];
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const STOCK_STATUS_LABELS: Record<StockStatus, string> = {
  UNACTIVATED: '未激活',
  RUNNING: '运行中',
  PAUSED: '已暂停',
  STOPPED: '已终止',
  EXPIRED: '已过期',
};

export const FUNDING_LABELS: Record<(typeof FUNDING)[number], string> = {
  PREPAID: '预充值',
  NO_CASH: '免充值',
};

// A factory, not a shared instance: `field()` registers metadata per schema object, and S8's and
// S10's lists must each own their element schema or the later registration wins for both.
const goodsCode = () => z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '需为 1–128 位字母、数字、_ 或 -' }));

const goodsCodes = (label: string, rule: string) =>
  field(
    z.array(field(goodsCode(), { label, rule })).check(
      z.maxLength(GOODS_CODES_MAX, { error: `最多 ${GOODS_CODES_MAX} 个` }),
      z.refine((codes: string[]) => new Set(codes).size === codes.length, {
        error: (iss) => {
          const codes = iss.input as string[];
          const dup = codes.find((c, i) => codes.indexOf(c) !== i);
          return `商品编码 ${dup ?? ''} 重复`;
        },
      }),
    ),
    { label, rule },
  );

const secondOfDay = () => integer(0, SECONDS_PER_DAY);

export const timeSlotSchema = z.strictObject({
  begin: field(secondOfDay(), { label: '开始时刻', rule: 'S6' }),
  end: field(secondOfDay(), { label: '结束时刻', rule: 'S6' }),
});

export const dateRangeSchema = z.strictObject({
  begin: field(rfc3339(), { label: '开始时间', rule: 'S6' }),
  end: field(rfc3339(), { label: '结束时间', rule: 'S6' }),
});

/** S6 可用时间规则. */
export const timeRuleSchema = field(
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('ANYTIME') }),
    z.strictObject({ kind: z.literal('DAYS_AFTER_CLAIM'), days: field(integer(1, 365), { label: '领券后可用天数', rule: 'S6' }) }),
    z.strictObject({
      kind: z.literal('WEEKLY'),
      weekdays: field(z.array(integer(0, 6)).check(z.minLength(1, { error: '至少选择 1 天' }), z.maxLength(7)), { label: '每周可用日', rule: 'S6' }),
      slots: field(z.array(timeSlotSchema).check(z.minLength(1, { error: '至少 1 个时段' }), z.maxLength(10, { error: '最多 10 个时段' })), { label: '可用时段', rule: 'S6' }),
    }),
    z.strictObject({
      kind: z.literal('IRREGULAR'),
      ranges: field(z.array(dateRangeSchema).check(z.minLength(1, { error: '至少 1 个日期段' }), z.maxLength(20, { error: '最多 20 个日期段' })), { label: '可用日期段', rule: 'S6' }),
    }),
  ]),
  { label: '可用时间规则', rule: 'S6' },
);
export type TimeRule = z.infer<typeof timeRuleSchema>;

/** The fields a merchant fills in (基础规则 + 其他规则). */
export const stockDraftShape = {
  name: field(widthText({ maxWidth: 18, maxChars: 20, forbid: /[_,;|]/, forbidLabel: '_ , ; |' }), { label: '券名称', rule: 'S1' }),
  funding: field(z.enum(FUNDING), { label: '营销经费', rule: 'S2' }),
  faceValue: field(integer(1, FACE_VALUE_MAX), { label: '面额（分）', rule: 'S3', hint: '面额 0.01–100000 元' }),
  minSpend: field(integer(1, MIN_SPEND_MAX), { label: '使用门槛（分）', rule: 'S4' }),
  availableBegin: field(rfc3339(), { label: '可用开始时间', rule: 'S5' }),
  availableEnd: field(rfc3339(), { label: '可用结束时间', rule: 'S5' }),
  timeRule: timeRuleSchema,
  effectiveAfterClaimDays: field(integer(0, 365), { label: '券生效时间', rule: 'S7' }),
  excludedGoodsCodes: goodsCodes('不参与优惠的商品编码', 'S8'),
  instructions: field(z.string().check(z.maxLength(INSTRUCTIONS_MAX, { error: `最多 ${INSTRUCTIONS_MAX} 个字符` })), { label: '使用说明', rule: 'S9' }),
  scope: field(z.enum(SCOPES), { label: '券类型', rule: 'S10' }),
  availableGoodsCodes: goodsCodes('可用商品编码', 'S10'),
  totalQuantity: field(integer(1, QUANTITY_MAX), { label: '发放总量', rule: 'S11' }),
  perUserLimit: field(integer(1, PER_USER_MAX), { label: '每人限领', rule: 'S11' }),
  usableMerchantIds: field(z.array(merchantIdSchema).check(z.minLength(1, { error: '至少 1 个可用商户' }), z.maxLength(50)), { label: '可用商户', rule: 'S12' }),
  usableStoreIds: field(z.array(idSchema('门店')).check(z.maxLength(500)), { label: '可用门店', rule: 'S12' }),
  cardPackInsertable: field(z.boolean(), { label: '可放入微信卡包', rule: 'S12' }),
  purpose: field(z.enum(PURPOSES), { label: '用途', rule: 'S12' }),
};

export const stockDraftSchema = z.strictObject(stockDraftShape);
export type StockDraft = z.infer<typeof stockDraftSchema>;

export const createStockInput = z.strictObject({ merchantId: merchantIdSchema, requestId: requestIdSchema, ...stockDraftShape });
export type CreateStockInput = z.infer<typeof createStockInput>;

export const stockIdString = () => z.string().check(z.regex(/^\d{6,20}$/, { error: '批次号为 6–20 位数字' }));
export const stockIdSchema = field(stockIdString(), { label: '批次号' });

export const stockSchema = z.object({
  stockId: z.string(),
  merchantId: z.string(),
  name: z.string(),
  funding: z.enum(FUNDING),
  faceValue: z.int(),
  minSpend: z.int(),
  availableBegin: z.string(),
  availableEnd: z.string(),
  timeRule: timeRuleSchema,
  effectiveAfterClaimDays: z.int(),
  excludedGoodsCodes: z.array(z.string()),
  instructions: z.string(),
  scope: z.enum(SCOPES),
  availableGoodsCodes: z.array(z.string()),
  totalQuantity: z.int(),
  perUserLimit: z.int(),
  usableMerchantIds: z.array(z.string()),
  usableStoreIds: z.array(z.string()),
  cardPackInsertable: z.boolean(),
  purpose: z.enum(PURPOSES),
  /** S13, with EXPIRED derived from the clock. */
  status: z.enum(STOCK_STATUSES),
  /** faceValue × totalQuantity, fen. */
  budget: z.int(),
  remaining: z.int(),
  issued: z.int(),
  used: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  activatedAt: z.nullable(z.string()),
  /** The actions the current status allows: what the detail page offers. */
  allowedActions: z.array(z.enum(['activate', 'pause', 'restart', 'stop'])),
});
export type Stock = z.infer<typeof stockSchema>;

export const stockRef = z.strictObject({ merchantId: merchantIdSchema, stockId: stockIdSchema });

export const listStocksInput = z.strictObject({
  merchantId: merchantIdSchema,
  status: z.optional(field(z.enum(STOCK_STATUSES), { label: '状态' })),
  purpose: z.optional(field(z.enum(PURPOSES), { label: '用途' })),
  ...pageSchema,
});

export const listStocksOutput = z.object({ stocks: z.array(stockSchema), total: z.int(), page: z.int(), pageSize: z.int() });

export const appidString = () => z.string().check(z.regex(/^wx[0-9a-f]{16}$/, { error: '需为 wx 开头的 18 位 APPID（wx + 16 位十六进制）' }));
export const appidInputSchema = field(appidString(), { label: 'APPID', rule: 'S14' });

export const authorizeAppidInput = z.strictObject({ merchantId: merchantIdSchema, stockId: stockIdSchema, appid: appidInputSchema });

export const authorizationSchema = z.object({
  stockId: z.string(),
  stockName: z.string(),
  /** 券类型: always 支付券 for voucher stocks. */
  couponType: z.literal('支付券'),
  appid: z.string(),
  appidType: z.literal('小程序'),
  appidNickname: z.string(),
  status: z.literal('AUTHORIZED'),
  statusLabel: z.literal('已授权'),
  authorizedAt: z.string(),
});
export type Authorization = z.infer<typeof authorizationSchema>;

export const authorizeAppidOutput = z.extend(authorizationSchema, { alreadyAuthorized: z.boolean() });

export const listAuthorizationsInput = z.strictObject({
  merchantId: merchantIdSchema,
  stockId: z.optional(stockIdSchema),
  appid: z.optional(appidInputSchema),
  ...pageSchema,
});
export const listAuthorizationsOutput = z.object({ authorizations: z.array(authorizationSchema), total: z.int() });
