import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { FormSection } from '@/components/form/Field';
import { StockActions } from '@/components/stock/StockActions';
import { StockHero } from '@/components/stock/StockHero';
import { StockRows } from '@/components/stock/StockRows';
import { stockRows } from '@/components/stock/stockFacts';
import { useStockDetail } from '@/hooks/useStockDetail';

export default function StockDetailPage() {
  const vm = useStockDetail();
  const { remote, stock } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="代金券" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!stock}>
        {stock ? (
          <>
            {vm.justCreated ? <View className="stock-notice">批次已创建，批次号已生成。</View> : null}
            <StockHero stock={stock} onCopy={() => void vm.copyId()} />
            {vm.canManage ? <StockActions stock={stock} busy={vm.busy} onAct={vm.act} onAuthorize={vm.authorize} /> : null}
            <FormSection title="批次信息">
              <StockRows rows={stockRows(stock, vm.merchantName, vm.storeName)} />
            </FormSection>
          </>
        ) : null}
      </LoadState>
    </PageShell>
  );
}
