import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FUNDING_LABELS, type StockDraft } from '@shared/stock/schema';
import { stockBudget } from '@shared/stock/rules';
import type { Issue } from '@shared/result';
import { formatCount, formatYuan } from '@/lib/format';
import { STEP_TITLES } from '@/hooks/useStockCreate';
import { FormSection } from './Field';
import { CouponPreview } from './CouponPreview';
import { StockRows } from './StockRows';
import { couponSummary, effectiveText, PURPOSE_LABELS, SCOPE_LABELS, timeRuleText, validityLong } from './stockText';
import './stock.scss';

interface Props {
  draft: StockDraft | undefined;
  merchantName: string;
  storeName: (id: string) => string;
  blocking: readonly Issue[];
  stepOf: (path: string) => number | undefined;
  onFix: (step: number) => void;
  submitting: boolean;
  networkFailed: boolean;
  onSubmit: () => void;
  onBack: () => void;
}

export function draftRows(d: StockDraft, merchantName: string, storeName: (id: string) => string): Array<[string, string]> {
  return [
    ['券名称', d.name],
    ['营销经费', FUNDING_LABELS[d.funding]],
    ['面额', `${formatYuan(d.faceValue)} 元`],
    ['使用门槛', `消费满 ${formatYuan(d.minSpend)} 元可使用`],
    ['优惠', couponSummary(d.faceValue, d.minSpend)],
    ['可用时间', validityLong(d)],
    ['可用规则', timeRuleText(d.timeRule)],
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

/** Step 3 确认创建: everything once more, what still blocks, and the one button that creates. */
export function ConfirmStep({ draft, merchantName, storeName, blocking, stepOf, onFix, submitting, networkFailed, onSubmit, onBack }: Props) {
  return (
    <>
      {draft ? (
        <CouponPreview
          name={draft.name}
          faceValue={draft.faceValue}
          minSpend={draft.minSpend}
          validity={validityLong(draft)}
          ruleText={timeRuleText(draft.timeRule)}
        />
      ) : null}
      {blocking.length ? (
        <FormSection title={`还有 ${blocking.length} 处需要修改`}>
          <View className="stock-issues">
            {blocking.map((i, k) => {
              const step = stepOf(i.path);
              return (
                <View key={`${i.path}-${k}`} className="stock-issues__item">
                  <Text className="stock-issues__text">{i.message}</Text>
                  {step !== undefined ? (
                    <Button className="stock-issues__fix" size="small" fill="outline" type="primary" onClick={() => onFix(step)}>
                      去{STEP_TITLES[step]}修改
                    </Button>
                  ) : null}
                </View>
              );
            })}
          </View>
        </FormSection>
      ) : null}
      {draft ? (
        <FormSection title="请核对批次信息">
          <StockRows rows={draftRows(draft, merchantName, storeName)} />
        </FormSection>
      ) : null}
      {networkFailed ? (
        <View className="stock-warn">网络异常，创建结果未知。点「重试」会沿用同一请求号，不会重复创建批次。</View>
      ) : null}
      <View className="stock-step-actions">
        <Button className="stock-step-actions__btn" size="large" fill="outline" disabled={submitting} onClick={onBack}>
          上一步
        </Button>
        <Button className="stock-step-actions__btn stock-submit" size="large" type="primary" loading={submitting} onClick={onSubmit}>
          {networkFailed ? '重试' : '确认创建'}
        </Button>
      </View>
    </>
  );
}
