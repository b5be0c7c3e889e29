import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { MerchantCard } from '@/components/account/MerchantCard';
import { MerchantPicker } from '@/components/account/MerchantPicker';
import { RechargeConfirmDialog } from '@/components/account/RechargeConfirmDialog';
import { RechargeForm } from '@/components/account/RechargeForm';
import { RechargeResult } from '@/components/account/RechargeResult';
import { Section } from '@/components/account/Section';
import { AMOUNT_PRESETS, useRecharge } from '@/hooks/useRecharge';
import { EmptyState } from '@/components/EmptyState';

export default function RechargePage() {
  const vm = useRecharge();
  const { list, target } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="配额充值" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={list.loading || !list.data} error={list.error} onRetry={() => void list.reload()} hasData={!!list.data}>
        {vm.result ? (
          <RechargeResult result={vm.result} merchant={target} ledger={vm.ledger} onAgain={vm.again} onBack={vm.toMerchants} />
        ) : target ? (
          <>
            <Section
              title="充值商户"
              extra={<Button className="section__link" size="small" fill="none" onClick={vm.changeTarget}>更换</Button>}
            >
              <MerchantCard merchant={target} selected />
            </Section>
            <Section title="充值数量">
              <RechargeForm
                amountText={vm.amountText}
                issue={vm.amountIssue}
                presets={AMOUNT_PRESETS}
                disabled={vm.submitting}
                onChange={vm.changeAmount}
                onSubmit={vm.submit}
              />
            </Section>
          </>
        ) : (
          <>
            {vm.targetMissing ? (
              <EmptyState size="small" status="error" title="找不到该商户" description="它不属于当前服务商，请从下方重新选择" />
            ) : null}
            <MerchantPicker candidates={vm.candidates} onPick={vm.pick} />
          </>
        )}
      </LoadState>
      <RechargeConfirmDialog
        visible={vm.confirming}
        merchant={target}
        amount={vm.amount}
        balanceAfter={vm.balanceAfter}
        submitting={vm.submitting}
        networkFailed={vm.networkFailed}
        onConfirm={() => void vm.confirm()}
        onCancel={vm.cancel}
      />
    </PageShell>
  );
}
