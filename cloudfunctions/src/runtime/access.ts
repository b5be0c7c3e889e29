import type { Role } from '@shared/account/schema';
import type { Store } from '../store/port';
import type { Actor } from './context';
import { C, type MerchantDoc } from './records';

/**
 * The roles an actor holds in a merchant: its own memberships there, plus SP_ADMIN when it is an
 * SP_ADMIN of the merchant's service provider (an SP acts for its sub-merchants). A merchant that
 * does not exist yields no roles, so it answers exactly like another tenant's.
 */
export async function rolesIn(store: Store, actor: Actor, merchantId: string): Promise<Role[]> {
  const roles = new Set<Role>();
  for (const m of actor.memberships) if (m.merchantId === merchantId) roles.add(m.role);
  const spOf = actor.memberships.filter((m) => m.role === 'SP_ADMIN').map((m) => m.merchantId);
  if (spOf.length && !roles.has('SP_ADMIN')) {
    const merchant = await store.get<MerchantDoc>(C.merchants, merchantId);
    if (!merchant) return [];
    if (merchant.providerId && spOf.includes(merchant.providerId)) roles.add('SP_ADMIN');
  }
  if (roles.size && !spOf.length) {
    // A membership may outlive its merchant; a missing merchant grants nothing.
    const merchant = await store.get<MerchantDoc>(C.merchants, merchantId);
    if (!merchant) return [];
  }
  return [...roles];
}
