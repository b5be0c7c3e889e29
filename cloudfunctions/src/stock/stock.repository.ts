import { AppError } from '@shared/errors';
import type { Authorization, Stock } from '@shared/stock/schema';
import { stockBudget } from '@shared/stock/rules';
import { allowedStockActions, stockStatus } from '@shared/stock/status';
import type { Store, TxOps } from '../store/port';
import { C, type AppidDoc } from '../runtime/records';
import type { StockAuthorizationDoc, StockDoc } from './stock.records';

export function toStock(d: StockDoc, nowMs: number): Stock {
  const status = stockStatus(d.state, d.availableEndMs, nowMs);
  return {
    stockId: d.id, merchantId: d.merchantId, name: d.name, funding: d.funding, faceValue: d.faceValue, minSpend: d.minSpend,
    availableBegin: d.availableBegin, availableEnd: d.availableEnd, timeRule: d.timeRule, effectiveAfterClaimDays: d.effectiveAfterClaimDays,
    excludedGoodsCodes: d.excludedGoodsCodes, instructions: d.instructions, scope: d.scope, availableGoodsCodes: d.availableGoodsCodes,
    totalQuantity: d.totalQuantity, perUserLimit: d.perUserLimit, usableMerchantIds: d.usableMerchantIds, usableStoreIds: d.usableStoreIds,
    cardPackInsertable: d.cardPackInsertable, purpose: d.purpose,
    status, budget: stockBudget(d), remaining: d.remaining, issued: d.issued, used: d.used,
    createdAt: d.createdAt, updatedAt: d.updatedAt, activatedAt: d.activatedAt, allowedActions: allowedStockActions(status),
  };
}

/** A stock of the tenant merchant; another merchant's answers NOT_FOUND, never its data. */
export async function loadStock(store: Store | TxOps, merchantId: string, stockId: string): Promise<StockDoc> {
  const doc = await store.get<StockDoc>(C.stocks, stockId);
  if (!doc || doc.merchantId !== merchantId) throw new AppError('STOCK.NOT_FOUND', `代金券批次 ${stockId} 不存在`);
  return doc;
}

export function toAuthorization(a: StockAuthorizationDoc, stock: Pick<StockDoc, 'name'> | null, appid: AppidDoc | null): Authorization {
  return {
    stockId: a.stockId, stockName: stock?.name ?? '', couponType: '支付券', appid: a.appid, appidType: '小程序',
    appidNickname: appid?.nickname ?? '', status: 'AUTHORIZED', statusLabel: '已授权', authorizedAt: a.authorizedAt,
  };
}
