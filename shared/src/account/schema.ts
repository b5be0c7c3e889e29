import * as z from 'zod/mini';
import { field, integer, merchantIdSchema, requestIdSchema, pageSchema, rfc3339 } from '../validation';

import { ROLES } from './roles';

export { ROLES, ROLE_LABELS, type Role } from './roles';
export const roleSchema = z.enum(ROLES);

export const membershipSchema = z.object({
  role: roleSchema,
  merchantId: z.string(),
  merchantName: z.string(),
  /** STORE_STAFF: the stores the member works at; empty for other roles. */
  storeIds: z.array(z.string()),
});
export type Membership = z.infer<typeof membershipSchema>;

export const meSchema = z.object({
  memberId: z.string(),
  nickname: z.string(),
  /** True for a WeChat user without any merchant role. */
  consumer: z.boolean(),
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;

export const MERCHANT_KINDS = ['SERVICE_PROVIDER', 'SUB_MERCHANT'] as const;

export const merchantSchema = z.object({
  merchantId: z.string(),
  name: z.string(),
  kind: z.enum(MERCHANT_KINDS),
  providerId: z.nullable(z.string()),
  brandGroupId: z.nullable(z.string()),
  brandGroupName: z.nullable(z.string()),
  /** 免充值 product enabled (S2). */
  noCashEnabled: z.boolean(),
});
export type Merchant = z.infer<typeof merchantSchema>;

export const quotaStateSchema = z.object({
  opened: z.boolean(),
  balance: z.int(),
  openedAt: z.nullable(z.string()),
});

export const merchantWithQuotaSchema = z.extend(merchantSchema, { quota: quotaStateSchema });
export type MerchantWithQuota = z.infer<typeof merchantWithQuotaSchema>;

export const storeSchema = z.object({
  storeId: z.string(),
  merchantId: z.string(),
  name: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
});
export type StoreInfo = z.infer<typeof storeSchema>;

export const appidSchema = z.object({
  appid: z.string(),
  merchantId: z.string(),
  type: z.literal('MINIPROGRAM'),
  nickname: z.string(),
});
export type AppidInfo = z.infer<typeof appidSchema>;

export const LEDGER_REASONS = ['RECHARGE', 'ISSUE'] as const;
export const ledgerEntrySchema = z.object({
  entryId: z.string(),
  merchantId: z.string(),
  delta: z.int(),
  balanceAfter: z.int(),
  reason: z.enum(LEDGER_REASONS),
  refId: z.string(),
  at: z.string(),
  actorId: z.string(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** One recharge at most 10,000,000 coupons (the largest stock WeChat Pay allows). */
export const MAX_RECHARGE = 10_000_000;

export const merchantScoped = z.strictObject({ merchantId: merchantIdSchema });

export const rechargeQuotaInput = z.strictObject({
  merchantId: merchantIdSchema,
  amount: field(integer(1, MAX_RECHARGE), { label: '充值配额', hint: `一次可充值 1–${MAX_RECHARGE.toLocaleString('en-US')} 张` }),
  requestId: requestIdSchema,
  remark: z.optional(field(z.string().check(z.maxLength(100)), { label: '备注' })),
});
export type RechargeQuotaInput = z.infer<typeof rechargeQuotaInput>;

export const rechargeQuotaOutput = z.object({
  merchantId: z.string(),
  amount: z.int(),
  balance: z.int(),
  /** True when this recharge opened the quota account (A3). */
  openedAccount: z.boolean(),
  entryId: z.string(),
  at: rfc3339(),
});
export type RechargeQuotaOutput = z.infer<typeof rechargeQuotaOutput>;

export const merchantDetailOutput = z.extend(merchantSchema, {
  quota: quotaStateSchema,
  /**
   * Where this merchant's coupons may be usable besides itself (S12): its brand group, or for a
   * service provider its sub-merchants.
   */
  peers: z.array(z.object({ merchantId: z.string(), name: z.string() })),
});

/** CloudBase uploads: the file is already in cloud storage; the server inspects and registers it. */
export const registerFileInput = z.strictObject({
  merchantId: merchantIdSchema,
  fileId: field(z.string().check(z.regex(/^cloud:\/\/[A-Za-z0-9_./-]{1,250}$/, { error: '需为云存储 fileID（cloud://…）' })), { label: '文件 ID' }),
  purpose: field(z.enum(['logo', 'smallImage', 'largeImage', 'seedPackage']), { label: '用途' }),
});
export const fileMetaSchema = z.object({
  fileId: z.string(), purpose: z.enum(['logo', 'smallImage', 'largeImage', 'seedPackage']), format: z.string(), width: z.int(), height: z.int(), bytes: z.int(), rows: z.optional(z.int()),
});

export const merchantsOutput = z.object({
  /** The service provider itself, whatever its balance, so it can recharge its own quota. */
  provider: merchantWithQuotaSchema,
  /** A4: every merchant with an open quota account; the SP itself only while its balance > 0. */
  merchants: z.array(merchantWithQuotaSchema),
  /** The provider's other merchants, not yet opened: candidates for a first recharge. */
  unopened: z.array(merchantWithQuotaSchema),
});

export const quotaLedgerInput = z.strictObject({ merchantId: merchantIdSchema, ...pageSchema });
export const quotaLedgerOutput = z.object({
  merchantId: z.string(),
  quota: quotaStateSchema,
  entries: z.array(ledgerEntrySchema),
  total: z.int(),
});
