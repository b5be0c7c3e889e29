import { View } from '@tarojs/components';
import { Button, Step, Steps } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { DraftNote } from '@/components/form/DraftNote';
import { Forbidden } from '@/components/account/Forbidden';
import { BasicRulesStep } from '@/components/stock/BasicRulesStep';
import { ConfirmStep } from '@/components/stock/ConfirmStep';
import { CouponPreview } from '@/components/stock/CouponPreview';
import { OtherRulesStep } from '@/components/stock/OtherRulesStep';
import { STEP_TITLES, useStockCreate } from '@/hooks/useStockCreate';

export default function StockCreatePage() {
  const vm = useStockCreate();
  if (vm.forbidden) return <PageShell><Forbidden what="创建代金券" /></PageShell>;
  return (
    <PageShell className="stock-create">
      <LoadState loading={!vm.acting} error={undefined} hasData={!!vm.acting}>
        <View className="stock-steps">
          <Steps value={vm.step + 1} status="dynamic" onStepClick={(v) => vm.goStep(v - 1)}>
            {STEP_TITLES.map((t, i) => (
              <Step key={t} value={i + 1} title={t} />
            ))}
          </Steps>
        </View>
        <DraftNote shown={vm.draftRestored} onDiscard={vm.discardDraft} />
        {vm.step < 2 ? <CouponPreview {...vm.preview} /> : null}
        {vm.step === 0 ? <BasicRulesStep vm={vm} /> : null}
        {vm.step === 1 ? <OtherRulesStep vm={vm} /> : null}
        {vm.step === 2 ? (
          <ConfirmStep
            draft={vm.check.draft}
            merchantName={vm.merchantName}
            storeName={vm.storeName}
            blocking={vm.blocking}
            stepOf={vm.stepOfIssue}
            onFix={vm.goStep}
            submitting={vm.submitting}
            networkFailed={vm.networkFailed}
            onSubmit={() => void vm.submit()}
            onBack={vm.back}
          />
        ) : (
          <View className="form-actions">
            {vm.step > 0 ? (
              <Button className="form-actions__btn" size="large" fill="outline" onClick={vm.back}>
                上一步
              </Button>
            ) : null}
            <Button className="form-actions__btn stock-next" size="large" type="primary" onClick={vm.next}>
              下一步
            </Button>
          </View>
        )}
      </LoadState>
    </PageShell>
  );
}
