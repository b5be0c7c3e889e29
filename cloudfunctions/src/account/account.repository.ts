import type { Merchant, MerchantWithQuota, StoreInfo, AppidInfo, LedgerEntry } from '@shared/account/schema';
import type { Store } from '../store/port';
import { C, type AppidDoc, type BrandGroupDoc, type LedgerDoc, type MerchantDoc, type QuotaAccountDoc, type StoreDoc } from '../runtime/records';

/** Reads of the account domain, shaped for the wire. */

export async function brandGroupNames(store: Store): Promise<Map<string, string>> {
  const groups = await store.find<BrandGroupDoc>(C.brandGroups, {});
  return new Map(groups.map((g) => [g.id, g.name]));
}

export function toMerchant(m: MerchantDoc, groups: Map<string, string>): Merchant {
  return {
    merchantId: m.id,
    name: m.name,
    kind: m.kind,
    providerId: m.providerId,
    brandGroupId: m.brandGroupId,
    brandGroupName: m.brandGroupId ? groups.get(m.brandGroupId) ?? null : null,
    noCashEnabled: m.noCashEnabled,
  };
}

export function withQuota(m: Merchant, account: QuotaAccountDoc | null | undefined): MerchantWithQuota {
  return {
    ...m,
    quota: account ? { opened: true, balance: account.balance, openedAt: account.openedAt } : { opened: false, balance: 0, openedAt: null },
  };
}

export const toStore = (s: StoreDoc): StoreInfo => ({ storeId: s.id, merchantId: s.merchantId, name: s.name, address: s.address, lat: s.lat, lng: s.lng });

export const toAppid = (a: AppidDoc): AppidInfo => ({ appid: a.id, merchantId: a.merchantId, type: a.type, nickname: a.nickname });

export const toLedgerEntry = (l: LedgerDoc): LedgerEntry => ({
  entryId: l.id, merchantId: l.merchantId, delta: l.delta, balanceAfter: l.balanceAfter, reason: l.reason, refId: l.refId, at: l.at, actorId: l.actorId,
});
