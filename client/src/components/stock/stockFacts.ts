import { FUNDING_LABELS, type Stock, type StockDraft } from '@shared/stock/schema';
import { stockBudget } from '@shared/stock/rules';
import { formatCount, formatTime, formatYuan } from '@/lib/format';
import { couponSummary, effectiveText, PURPOSE_LABELS, SCOPE_LABELS, timeRuleText, validityLong } from './stockText';

/** Every field of a draft as a merchant reads it: the final check before 确认创建. */
export function draftRows(d: StockDraft, merchantName: string, storeName: (id: string) => string): Array<[string, string]> {
  return [
    ['券名称', d.name],
    ['营销经费', FUNDING_LABELS[d.funding]],
    ['面额', `${formatYuan(d.faceValue)} 元`],
    ['使用门槛', `消费满 ${formatYuan(d.minSpend)} 元可使用`],
    ['优惠', couponSummary(d.faceValue, d.minSpend)],
    ['可用时间', validityLong(d)],
    ['可用规则', timeRuleText(d.timeRule, d.effectiveAfterClaimDays)],
    ['券生效时间', effectiveText(d.effectiveAfterClaimDays)],
    ['不参与优惠的商品编码', d.excludedGoodsCodes.length ? d.excludedGoodsCodes.join('、') : '无'],
    ['使用说明', d.instructions || '无'],
    ['券类型', d.scope === 'SINGLE_ITEM' ? `${SCOPE_LABELS.SINGLE_ITEM}（${d.availableGoodsCodes.join('、')}）` : SCOPE_LABELS.ALL],
    ['发放总量', `${formatCount(d.totalQuantity)} 张`],
    ['每人限领', `${d.perUserLimit} 张`],
    ['预算', `${formatYuan(stockBudget(d))} 元`],
    ['可用商户', d.usableMerchantIds.map((m, i) => (i === 0 && merchantName ? `${merchantName}（${m}）` : m)).join('、')],
    ['可用门店', d.usableStoreIds.length ? d.usableStoreIds.map(storeName).join('、') : '全部门店'],
    ['可放入微信卡包', d.cardPackInsertable ? '是' : '否'],
    ['用途', PURPOSE_LABELS[d.purpose]],
  ];
}

/** Every field of a stock, as on the confirmation, plus what only a stored stock has. */
export function stockRows(s: Stock, merchantName: string, storeName: (id: string) => string): Array<[string, string]> {
  return [
    ['批次号', s.stockId],
    ...draftRows(s, merchantName, storeName).filter(([k]) => k !== '优惠'),
    ['创建时间', formatTime(s.createdAt)],
    ['激活时间', s.activatedAt ? formatTime(s.activatedAt) : '未激活'],
    ['更新时间', formatTime(s.updatedAt)],
  ];
}
