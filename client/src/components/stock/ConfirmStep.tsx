import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StockDraft } from '@shared/stock/schema';
import type { Issue } from '@shared/result';
import { STEP_TITLES } from '@/hooks/useStockCreate';
import { BlockingIssues } from '@/components/form/BlockingIssues';
import { FormSection } from '@/components/form/Field';
import { CouponPreview } from './CouponPreview';
import { StockRows } from './StockRows';
import { draftRows } from './stockFacts';
import { timeRuleText, validityLong } from './stockText';
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
          ruleText={timeRuleText(draft.timeRule, draft.effectiveAfterClaimDays)}
        />
      ) : null}
      <BlockingIssues issues={blocking} stepOf={stepOf} fixLabel={(step) => `去${STEP_TITLES[step]}修改`} onFix={onFix} />
      {draft ? (
        <FormSection title="请核对批次信息">
          <StockRows rows={draftRows(draft, merchantName, storeName)} />
        </FormSection>
      ) : null}
      {networkFailed ? (
        <View className="form-warn">网络异常，创建结果未知。点「重试」会沿用同一请求号，不会重复创建批次。</View>
      ) : null}
      <View className="form-actions">
        <Button className="form-actions__btn" size="large" fill="outline" disabled={submitting} onClick={onBack}>
          上一步
        </Button>
        <Button className="form-actions__btn stock-submit" size="large" type="primary" loading={submitting} onClick={onSubmit}>
          {networkFailed ? '重试' : '确认创建'}
        </Button>
      </View>
    </>
  );
}
