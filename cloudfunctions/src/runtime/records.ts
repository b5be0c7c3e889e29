import type { Role } from '@shared/account/schema';
import type { MembershipRecord } from './context';

/** Stored document shapes shared by several domains. */

export interface MemberDoc {
  id: string;
  openid: string;
  nickname: string;
  memberships: MembershipRecord[];
}

export interface MerchantDoc {
  id: string;
  name: string;
  kind: 'SERVICE_PROVIDER' | 'SUB_MERCHANT';
  providerId: string | null;
  brandGroupId: string | null;
  noCashEnabled: boolean;
}

export interface BrandGroupDoc {
  id: string;
  name: string;
  merchantIds: string[];
}

export interface StoreDoc {
  id: string;
  merchantId: string;
  name: string;
  address: string;
  lat: number;
  lng: number;
}

export interface AppidDoc {
  id: string;
  merchantId: string;
  type: 'MINIPROGRAM';
  nickname: string;
}

export interface QuotaAccountDoc {
  id: string;
  merchantId: string;
  providerId: string | null;
  balance: number;
  openedAt: string;
}

export interface LedgerDoc {
  id: string;
  merchantId: string;
  delta: number;
  balanceAfter: number;
  reason: 'RECHARGE' | 'ISSUE';
  refId: string;
  at: string;
  actorId: string;
}

export interface AuditDoc {
  id: string;
  at: string;
  actorId: string;
  merchantId: string | null;
  operation: string;
  targetType: string;
  targetId: string;
  detail: Record<string, unknown>;
}

/** Idempotency record: the first answer to a `requestId`, replayed on retries. */
export interface RequestDoc {
  id: string;
  payloadHash: string;
  result: unknown;
  at: string;
}

export const C = {
  members: 'members',
  merchants: 'merchants',
  brandGroups: 'brandGroups',
  stores: 'stores',
  appids: 'appids',
  quotaAccounts: 'quotaAccounts',
  quotaLedger: 'quotaLedger',
  auditLog: 'auditLog',
  requests: 'requests',
  meta: 'meta',
  stocks: 'stocks',
  stockAuthorizations: 'stockAuthorizations',
  files: 'files',
  campaigns: 'campaigns',
  claims: 'claims',
  coupons: 'coupons',
  redemptions: 'redemptions',
  campaignStats: 'campaignStats',
  liveRooms: 'liveRooms',
  roomCoupons: 'roomCoupons',
  roomViewers: 'roomViewers',
  liveClaimCounters: 'liveClaimCounters',
} as const;

export type { Role };
