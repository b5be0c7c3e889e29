import type { Role } from './account/schema';

/**
 * Who may call an action, and how its tenant is found.
 * - `roles`: the member must hold one of these roles in the tenant merchant (an SP_ADMIN holds
 *   SP_ADMIN in its provider and in every sub-merchant of it).
 * - `'SIGNED_IN'`: any identified WeChat user, consumers included; there is no tenant.
 * - `tenant: 'merchantId'`: the tenant is `data.merchantId`; the handler then refuses objects of
 *   any other merchant with NOT_FOUND.
 */
export type Permission =
  | { allow: 'SIGNED_IN'; tenant: 'none' }
  | { allow: readonly Role[]; tenant: 'merchantId' };

export const ADMINS = ['SP_ADMIN', 'MERCHANT_ADMIN'] as const satisfies readonly Role[];
export const ALL_STAFF = ['SP_ADMIN', 'MERCHANT_ADMIN', 'LIVE_HOST', 'STORE_STAFF'] as const satisfies readonly Role[];

export const signedIn: Permission = { allow: 'SIGNED_IN', tenant: 'none' };
export const roles = (...allow: Role[]): Permission => ({ allow, tenant: 'merchantId' });
