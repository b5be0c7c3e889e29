import { Button } from '@nutui/nutui-react-taro';
import { STOCK_STATUS_LABELS } from '@shared/stock/schema';
import { PageShell } from '@/components/PageShell';
import { BottomBar } from '@/components/BottomBar';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { PagedList } from '@/components/PagedList';
import { Forbidden } from '@/components/account/Forbidden';
import { StockStatusTabs } from '@/components/stock/StockStatusTabs';
import { StockCard } from '@/components/stock/StockCard';
import { useStockList } from '@/hooks/useStockList';

export default function StockListPage() {
  const vm = useStockList();
  const { remote } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="代金券" /></PageShell>;
  const what = vm.status ? `${STOCK_STATUS_LABELS[vm.status]}的` : '';
  return (
    <PageShell withBar={vm.canManage}>
      <StockStatusTabs value={vm.status} onChange={vm.setStatus} />
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data && !remote.loading}>
        <InlineRetry error={remote.data ? remote.error : undefined} onRetry={() => void remote.reload()} />
        <PagedList
          items={vm.stocks}
          count={`共 ${vm.total} 个${what}批次`}
          render={(s) => <StockCard key={s.stockId} stock={s} onOpen={vm.open} />}
          paging={vm}
          empty={
            vm.status ? (
              <EmptyState size="small" title={`没有「${STOCK_STATUS_LABELS[vm.status]}」的批次`} description="切换到「全部」查看其他批次" />
            ) : (
              // 创建代金券 is the bar's button below: one way in, not two.
              <EmptyState
                title="暂无代金券批次"
                description={vm.canManage ? '创建批次并激活后，即可授权给小程序、放入直播间发放' : '商户管理员创建并激活批次后，会显示在这里'}
              />
            )
          }
        />
      </LoadState>
      {vm.canManage ? (
        <BottomBar>
          <Button className="stock-create-btn" block size="large" type="primary" onClick={vm.create}>
            创建代金券
          </Button>
        </BottomBar>
      ) : null}
    </PageShell>
  );
}
