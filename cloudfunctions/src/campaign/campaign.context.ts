import type { StoreInfo } from '@shared/account/schema';
import type { CampaignDraft, StockSummary } from '@shared/campaign/schema';
import type { CampaignRuleEnv } from '@shared/campaign/rules';
import type { Stock } from '@shared/stock/schema';
import { filesByIds } from '../files/files.service';
import type { Ctx } from '../runtime/context';
import { C, type BrandGroupDoc, type MerchantDoc, type StoreDoc } from '../runtime/records';
import type { StockDoc } from '../stock/stock.records';
import { toStock } from '../stock/stock.repository';
import { toStore } from '../account/account.repository';

/**
 * R3, as code: the logged-in merchant is the merchant the member is staff of. A member with a role
 * directly in the quota owner acts as that merchant; an SP admin acting for a sub-merchant is
 * logged in as its service provider.
 */
function loginMerchantOf(ctx: Ctx, owner: MerchantDoc | null, quotaOwnerId: string): string {
  if (ctx.actor.memberships.some((m) => m.merchantId === quotaOwnerId)) return quotaOwnerId;
  // An admin of several service providers acts for this sub-merchant through its own provider.
  const sps = ctx.actor.memberships.filter((m) => m.role === 'SP_ADMIN');
  return (sps.find((m) => m.merchantId === owner?.providerId) ?? sps[0])?.merchantId ?? quotaOwnerId;
}

export const toSummary = (s: Stock): StockSummary => ({
  stockId: s.stockId, name: s.name, faceValue: s.faceValue, minSpend: s.minSpend, remaining: s.remaining,
  availableBegin: s.availableBegin, availableEnd: s.availableEnd, scope: s.scope, status: s.status,
});

export function stockIdsOf(content: CampaignDraft['content']): string[] {
  return content.kind === 'SINGLE' ? [content.stockId] : content.items.map((i) => i.stockId);
}

export function fileIdsOf(draft: Pick<CampaignDraft, 'delivery' | 'content' | 'targeting'>): string[] {
  const ids = [draft.delivery.logo];
  if (draft.content.kind === 'PACK') for (const it of draft.content.items) ids.push(it.smallImage, it.largeImage);
  if (draft.targeting.audience?.seedPackageId) ids.push(draft.targeting.audience.seedPackageId);
  return ids;
}

/** Loads everything the rule engine reads, for one quota owner. */
export async function loadRuleEnv(ctx: Ctx, quotaOwnerId: string, stockIds: readonly string[], fileIds: readonly string[]): Promise<CampaignRuleEnv> {
  const now = ctx.clock.now();
  const owner = await ctx.store.get<MerchantDoc>(C.merchants, quotaOwnerId);
  const [group, stockDocs, storeDocs, files] = await Promise.all([
    owner?.brandGroupId ? ctx.store.get<BrandGroupDoc>(C.brandGroups, owner.brandGroupId) : Promise.resolve(null),
    stockIds.length ? ctx.store.find<StockDoc>(C.stocks, { id: { in: [...new Set(stockIds)] } }) : Promise.resolve([]),
    ctx.store.find<StoreDoc>(C.stores, { merchantId: quotaOwnerId }),
    filesByIds(ctx.store, fileIds),
  ]);
  return {
    now,
    loginMerchantId: loginMerchantOf(ctx, owner, quotaOwnerId),
    quotaOwner: { merchantId: quotaOwnerId, brandGroupMerchantIds: group?.merchantIds ?? [] },
    stocks: new Map(stockDocs.map((d) => [d.id, toStock(d, now.getTime())])),
    ownerStores: new Map<string, StoreInfo>(storeDocs.map((s) => [s.id, toStore(s)])),
    files,
  };
}
