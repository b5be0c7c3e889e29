import { AppError } from '@shared/errors';
import { toRfc3339 } from '@shared/time';
import type { DomainHandlers } from '../runtime/context';
import { audit } from '../runtime/audit';
import { registerStoredFile } from '../files/files.service';
import { idempotent } from '../runtime/idempotency';
import { newId } from '../runtime/ids';
import { C, type AppidDoc, type LedgerDoc, type MemberDoc, type MerchantDoc, type QuotaAccountDoc, type StoreDoc } from '../runtime/records';
import { brandGroupNames, toAppid, toLedgerEntry, toMerchant, toStore, withQuota } from './account.repository';

export const accountHandlers: DomainHandlers<'account'> = {
  async me(_input, ctx) {
    const names = new Map<string, string>();
    for (const m of ctx.actor.memberships) {
      if (!names.has(m.merchantId)) names.set(m.merchantId, (await ctx.store.get<MerchantDoc>(C.merchants, m.merchantId))?.name ?? m.merchantId);
    }
    return {
      memberId: ctx.actor.memberId,
      nickname: ctx.actor.nickname,
      consumer: ctx.actor.memberships.length === 0,
      memberships: ctx.actor.memberships.map((m) => ({ role: m.role, merchantId: m.merchantId, merchantName: names.get(m.merchantId) ?? m.merchantId, storeIds: m.storeIds })),
    };
  },

  registerFile: ({ fileId, purpose }, ctx) => registerStoredFile({ store: ctx.store, storage: ctx.files, clock: ctx.clock }, ctx.actor, purpose, fileId),

  async merchant({ merchantId }, ctx) {
    const m = await ctx.store.get<MerchantDoc>(C.merchants, merchantId);
    if (!m) throw new AppError('ACCOUNT.MERCHANT_NOT_FOUND');
    const peers = m.kind === 'SERVICE_PROVIDER'
      ? await ctx.store.find<MerchantDoc>(C.merchants, { providerId: m.id }, { orderBy: [['id', 'asc']] })
      : m.brandGroupId ? await ctx.store.find<MerchantDoc>(C.merchants, { brandGroupId: m.brandGroupId }, { orderBy: [['id', 'asc']] }) : [];
    const groups = await brandGroupNames(ctx.store);
    const account = await ctx.store.get<QuotaAccountDoc>(C.quotaAccounts, m.id);
    return {
      ...withQuota(toMerchant(m, groups), account),
      peers: peers.filter((p) => p.id !== m.id).map((p) => ({ merchantId: p.id, name: p.name })),
    };
  },

  async merchants({ merchantId }, ctx) {
    const provider = await ctx.store.get<MerchantDoc>(C.merchants, merchantId);
    if (!provider || provider.kind !== 'SERVICE_PROVIDER') throw new AppError('ACCOUNT.NOT_SERVICE_PROVIDER');
    const [subs, accounts, groups] = await Promise.all([
      ctx.store.find<MerchantDoc>(C.merchants, { providerId: merchantId }, { orderBy: [['id', 'asc']] }),
      ctx.store.find<QuotaAccountDoc>(C.quotaAccounts, { providerId: merchantId }),
      brandGroupNames(ctx.store),
    ]);
    const own = await ctx.store.get<QuotaAccountDoc>(C.quotaAccounts, merchantId);
    const byMerchant = new Map(accounts.map((a) => [a.merchantId, a]));
    const providerRow = withQuota(toMerchant(provider, groups), own);
    const rows = subs.map((m) => withQuota(toMerchant(m, groups), byMerchant.get(m.id)));
    // A4: opened accounts are listed; the SP itself only while it has quota.
    const merchants = [...(own && own.balance > 0 ? [providerRow] : []), ...rows.filter((r) => r.quota.opened)];
    const unopened = rows.filter((r) => !r.quota.opened);
    return { provider: providerRow, merchants, unopened };
  },

  async rechargeQuota(input, ctx) {
    const target = await ctx.store.get<MerchantDoc>(C.merchants, input.merchantId);
    // The dispatcher already checked SP_ADMIN over this merchant; it is the SP or one of its subs.
    if (!target) throw new AppError('ACCOUNT.MERCHANT_NOT_FOUND');
    const providerId = target.kind === 'SERVICE_PROVIDER' ? target.id : target.providerId;

    return idempotent(ctx, input.requestId, input, async (tx) => {
      const now = ctx.clock.now();
      const at = toRfc3339(now);
      const account = await tx.get<QuotaAccountDoc>(C.quotaAccounts, target.id);
      let balance: number;
      if (!account) {
        // A3: the account opens on the first recharge.
        balance = input.amount;
        await tx.insert<QuotaAccountDoc>(C.quotaAccounts, { id: target.id, merchantId: target.id, providerId, balance, openedAt: at });
      } else {
        balance = account.balance + input.amount;
        await tx.update(C.quotaAccounts, target.id, { inc: { balance: input.amount } });
      }
      const entry: LedgerDoc = {
        id: newId('qle', now), merchantId: target.id, delta: input.amount, balanceAfter: balance, reason: 'RECHARGE',
        refId: input.requestId, at, actorId: ctx.actor.memberId,
      };
      await tx.insert(C.quotaLedger, entry);
      await audit(tx, ctx, {
        merchantId: target.id, targetType: 'quotaAccount', targetId: target.id,
        detail: { amount: input.amount, balanceAfter: balance, opened: !account, ...(input.remark ? { remark: input.remark } : {}) },
      });
      return { merchantId: target.id, amount: input.amount, balance, openedAccount: !account, entryId: entry.id, at };
    });
  },

  async quotaLedger({ merchantId, page = 1, pageSize = 20 }, ctx) {
    const [account, entries, total] = await Promise.all([
      ctx.store.get<QuotaAccountDoc>(C.quotaAccounts, merchantId),
      ctx.store.find<LedgerDoc>(C.quotaLedger, { merchantId }, { orderBy: [['at', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize }),
      ctx.store.count(C.quotaLedger, { merchantId }),
    ]);
    return {
      merchantId,
      quota: account ? { opened: true, balance: account.balance, openedAt: account.openedAt } : { opened: false, balance: 0, openedAt: null },
      entries: entries.map(toLedgerEntry),
      total,
    };
  },

  async stores({ merchantId }, ctx) {
    const stores = await ctx.store.find<StoreDoc>(C.stores, { merchantId }, { orderBy: [['id', 'asc']] });
    return { stores: stores.map(toStore) };
  },

  async appids({ merchantId }, ctx) {
    const appids = await ctx.store.find<AppidDoc>(C.appids, { merchantId }, { orderBy: [['id', 'asc']] });
    return { appids: appids.map(toAppid) };
  },
};

export type { MemberDoc };
