import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { Forbidden } from '@/components/account/Forbidden';
import { RedeemForm } from '@/components/wallet/RedeemForm';
import { RedeemConfirmDialog } from '@/components/wallet/RedeemConfirmDialog';
import { RedeemResult } from '@/components/wallet/RedeemResult';
import { useRedeem } from '@/hooks/useRedeem';

export default function RedeemPage() {
  const vm = useRedeem();
  if (vm.forbidden) return <PageShell><Forbidden what="核销" /></PageShell>;
  const { storesRemote } = vm;
  return (
    <PageShell className="redeem-page">
      <LoadState
        loading={!vm.acting || storesRemote.loading}
        error={storesRemote.error}
        onRetry={() => void storesRemote.reload()}
        hasData={!!storesRemote.data}
      >
        {vm.outcome ? (
          <RedeemResult outcome={vm.outcome} onNext={vm.next} onEdit={vm.edit} onHome={vm.toHome} />
        ) : vm.stores.length ? (
          <RedeemForm
            stores={vm.stores}
            storeId={vm.storeId}
            onPickStore={vm.pickStore}
            codeText={vm.codeText}
            onCode={vm.setCode}
            canScan={vm.canScan}
            onScan={() => void vm.scan()}
            amountText={vm.amountText}
            onAmount={vm.setAmount}
            orderId={vm.orderId}
            onOrderId={vm.setOrderId}
            onNewOrderId={vm.regenerateOrderId}
            goods={vm.goods}
            onAddGoods={vm.addGoods}
            onRemoveGoods={vm.removeGoods}
            onChangeGoods={vm.changeGoods}
            issue={vm.issue}
            submitting={vm.previewing}
            onSubmit={vm.submit}
          />
        ) : (
          <EmptyState status="error" title="还没有可核销的门店" description="请联系商户管理员把你加为门店店员" />
        )}
      </LoadState>
      <RedeemConfirmDialog
        confirming={vm.confirming}
        submitting={vm.submitting}
        networkFailed={vm.networkFailed}
        onConfirm={vm.confirm}
        onCancel={vm.cancel}
      />
    </PageShell>
  );
}
