import { randomInt } from 'node:crypto';
import { AppError, ERROR_MESSAGES } from '@shared/errors';
import { blocking } from '@shared/result';
import { stockDraftShape, type StockDraft, type StockStatus } from '@shared/stock/schema';
import { checkStockDraft } from '@shared/stock/rules';
import { STOCK_TRANSITIONS, stockStatus, transitionRefusal, type StockTransition } from '@shared/stock/status';
import { toMillis, toRfc3339 } from '@shared/time';
import type { Filter } from '../store/port';
import { audit } from '../runtime/audit';
import type { Ctx, DomainHandlers } from '../runtime/context';
import { idempotent } from '../runtime/idempotency';
import { C, type AppidDoc, type BrandGroupDoc, type MerchantDoc, type StoreDoc } from '../runtime/records';
import type { StockAuthorizationDoc, StockDoc } from './stock.records';
import { loadStock, toAuthorization, toStock } from './stock.repository';

const DRAFT_KEYS = Object.keys(stockDraftShape) as (keyof StockDraft)[];

/** WeChat Pay stock ids are numeric strings (批次号); ten digits, never starting with 0. */
const newStockId = (): string => String(randomInt(1_000_000_000, 9_999_999_999));

async function ruleEnv(ctx: Ctx, merchantId: string, usableMerchantIds: string[]) {
  const merchant = await ctx.store.get<MerchantDoc>(C.merchants, merchantId);
  if (!merchant) throw new AppError('AUTH.FORBIDDEN');
  // S12: a merchant's coupons may be usable within its brand group; a service provider makes
  // coupons for its sub-merchants (the quota campaigns it runs for them, R3), so its "group" is them.
  const peers = merchant.kind === 'SERVICE_PROVIDER'
    ? (await ctx.store.find<MerchantDoc>(C.merchants, { providerId: merchant.id })).map((m) => m.id)
    : merchant.brandGroupId ? (await ctx.store.get<BrandGroupDoc>(C.brandGroups, merchant.brandGroupId))?.merchantIds ?? [] : [];
  const stores = usableMerchantIds.length ? await ctx.store.find<StoreDoc>(C.stores, { merchantId: { in: usableMerchantIds } }) : [];
  return {
    now: ctx.clock.now(),
    creator: { merchantId, noCashEnabled: merchant.noCashEnabled, brandGroupMerchantIds: peers },
    storeMerchant: new Map(stores.map((s) => [s.id, s.merchantId])),
  };
}

/** S13 transitions: checked and written in one transaction, with the audit entry. */
async function transition(action: StockTransition, input: { merchantId: string; stockId: string }, ctx: Ctx) {
  return ctx.store.transaction(async (tx) => {
    const now = ctx.clock.now();
    const doc = await loadStock(tx, input.merchantId, input.stockId);
    const status = stockStatus(doc.state, doc.availableEndMs, now.getTime());
    const refusal = transitionRefusal(action, status);
    if (refusal) throw new AppError('STOCK.ILLEGAL_TRANSITION', refusal, [{ rule: 'S13', path: 'stockId', level: 'error', message: refusal }]);
    const to = STOCK_TRANSITIONS[action].to;
    const at = toRfc3339(now);
    const patch: Partial<StockDoc> = { state: to, updatedAt: at, ...(action === 'activate' ? { activatedAt: at } : {}) };
    await tx.update(C.stocks, doc.id, { set: patch });
    await audit(tx, ctx, { merchantId: doc.merchantId, targetType: 'stock', targetId: doc.id, detail: { from: status, to } });
    return toStock({ ...doc, ...patch }, now.getTime());
  });
}

const AUTHORIZE_REFUSALS: Partial<Record<StockStatus, 'STOCK.NOT_ACTIVATED' | 'STOCK.PAUSED' | 'STOCK.STOPPED' | 'STOCK.EXPIRED'>> = {
  UNACTIVATED: 'STOCK.NOT_ACTIVATED',
  PAUSED: 'STOCK.PAUSED',
  STOPPED: 'STOCK.STOPPED',
  EXPIRED: 'STOCK.EXPIRED',
};

export const stockHandlers: DomainHandlers<'stock'> = {
  async create(input, ctx) {
    const draft = Object.fromEntries(DRAFT_KEYS.map((k) => [k, input[k]])) as StockDraft;
    // Read outside the transaction (it may only touch documents by id), but checked inside the
    // idempotent effect: a retry of an accepted create replays it even when the clock has since
    // moved past a begin of "now" (S5).
    const env = await ruleEnv(ctx, input.merchantId, draft.usableMerchantIds);
    return idempotent(ctx, input.requestId, input, async (tx) => {
      const issues = checkStockDraft(draft, env);
      const errors = blocking(issues);
      if (errors.length) {
        const code = errors.some((i) => i.rule === 'S2') ? 'STOCK.NO_CASH_NOT_ENABLED' : 'STOCK.RULE_VIOLATION';
        throw new AppError(code, errors.length === 1 ? errors[0]!.message : `代金券批次有 ${errors.length} 处不符合规则`, issues);
      }
      const now = ctx.clock.now();
      const at = toRfc3339(now);
      const doc: StockDoc = {
        ...draft,
        id: newStockId(), merchantId: input.merchantId, state: 'UNACTIVATED',
        availableBeginMs: toMillis(draft.availableBegin), availableEndMs: toMillis(draft.availableEnd),
        remaining: draft.totalQuantity, issued: 0, used: 0, createdAt: at, updatedAt: at, activatedAt: null,
      };
      await tx.insert(C.stocks, doc);
      await audit(tx, ctx, { merchantId: input.merchantId, targetType: 'stock', targetId: doc.id, detail: { name: doc.name, totalQuantity: doc.totalQuantity, faceValue: doc.faceValue } });
      return toStock(doc, now.getTime());
    });
  },

  async list({ merchantId, status, purpose, page = 1, pageSize = 20 }, ctx) {
    const now = ctx.clock.now().getTime();
    const filter: Filter = { merchantId };
    if (purpose) filter.purpose = purpose;
    if (status === 'EXPIRED') Object.assign(filter, { state: { ne: 'STOPPED' }, availableEndMs: { lt: now } });
    else if (status === 'STOPPED') filter.state = 'STOPPED';
    else if (status) Object.assign(filter, { state: status, availableEndMs: { gte: now } });
    const [docs, total] = await Promise.all([
      ctx.store.find<StockDoc>(C.stocks, filter, { orderBy: [['createdAt', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize }),
      ctx.store.count(C.stocks, filter),
    ]);
    return { stocks: docs.map((d) => toStock(d, now)), total, page, pageSize };
  },

  async get({ merchantId, stockId }, ctx) {
    return toStock(await loadStock(ctx.store, merchantId, stockId), ctx.clock.now().getTime());
  },

  activate: (input, ctx) => transition('activate', input, ctx),
  pause: (input, ctx) => transition('pause', input, ctx),
  restart: (input, ctx) => transition('restart', input, ctx),
  stop: (input, ctx) => transition('stop', input, ctx),

  async authorizeAppid({ merchantId, stockId, appid }, ctx) {
    const stock = await loadStock(ctx.store, merchantId, stockId);
    const status = stockStatus(stock.state, stock.availableEndMs, ctx.clock.now().getTime());
    const bound = await ctx.store.get<AppidDoc>(C.appids, appid);
    const id = `${stockId}:${appid}`;
    const existing = await ctx.store.get<StockAuthorizationDoc>(C.stockAuthorizations, id);
    if (existing) return { ...toAuthorization(existing, stock, bound), alreadyAuthorized: true };

    const refusal = AUTHORIZE_REFUSALS[status];
    if (refusal) {
      const message = `批次 ${stockId}：${ERROR_MESSAGES[refusal].replace(/^批次/, '')}`;
      throw new AppError(refusal, message, [{ rule: 'S14', path: 'stockId', level: 'error', message }]);
    }
    if (!bound || bound.merchantId !== stock.merchantId) {
      throw new AppError('STOCK.APPID_NOT_BOUND', `APPID ${appid} 未绑定到商户 ${stock.merchantId}`, [
        { rule: 'S14', path: 'appid', level: 'error', message: `APPID ${appid} 未绑定到批次所属商户 ${stock.merchantId}`, hint: '请先在商户平台将小程序 APPID 与商户号绑定' },
      ]);
    }

    const now = ctx.clock.now();
    const doc: StockAuthorizationDoc = { id, merchantId, stockId, appid, authorizedAt: toRfc3339(now), actorId: ctx.actor.memberId };
    return ctx.store.transaction(async (tx) => {
      const raced = await tx.get<StockAuthorizationDoc>(C.stockAuthorizations, id);
      if (raced) return { ...toAuthorization(raced, stock, bound), alreadyAuthorized: true };
      await tx.insert(C.stockAuthorizations, doc);
      await audit(tx, ctx, { merchantId, targetType: 'stock', targetId: stockId, detail: { appid } });
      return { ...toAuthorization(doc, stock, bound), alreadyAuthorized: false };
    });
  },

  async authorizations({ merchantId, stockId, appid, page = 1, pageSize = 20 }, ctx) {
    const filter: Record<string, string> = { merchantId };
    if (stockId) filter.stockId = stockId;
    if (appid) filter.appid = appid;
    const [docs, total] = await Promise.all([
      ctx.store.find<StockAuthorizationDoc>(C.stockAuthorizations, filter, { orderBy: [['authorizedAt', 'desc'], ['id', 'desc']], limit: pageSize, offset: (page - 1) * pageSize }),
      ctx.store.count(C.stockAuthorizations, filter),
    ]);
    const stocks = new Map<string, StockDoc | null>();
    const appids = new Map<string, AppidDoc | null>();
    for (const d of docs) {
      if (!stocks.has(d.stockId)) stocks.set(d.stockId, await ctx.store.get<StockDoc>(C.stocks, d.stockId));
      if (!appids.has(d.appid)) appids.set(d.appid, await ctx.store.get<AppidDoc>(C.appids, d.appid));
    }
    return { authorizations: docs.map((d) => toAuthorization(d, stocks.get(d.stockId) ?? null, appids.get(d.appid) ?? null)), total };
  },
};
