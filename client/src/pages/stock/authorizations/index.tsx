import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { LoadMore } from '@/components/PagedList';
import { Forbidden } from '@/components/account/Forbidden';
import { AuthorizationCard } from '@/components/stock/AuthorizationCard';
import { AuthorizeForm } from '@/components/stock/AuthorizeForm';
import { useStockAuthorizations } from '@/hooks/useStockAuthorizations';

export default function StockAuthorizationsPage() {
  const vm = useStockAuthorizations();
  const { list } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="APPID 营销授权" /></PageShell>;
  return (
    <PageShell>
      {vm.canManage ? <AuthorizeForm vm={vm} /> : null}
      <View className="paged-list__count auth-list__title">授权记录（共 {vm.total} 条）</View>
      <LoadState loading={list.loading || !vm.acting} error={list.error} onRetry={() => void list.reload()} hasData={!!list.data}>
        <InlineRetry error={list.data ? list.error : undefined} onRetry={() => void list.reload()} />
        {vm.authorizations.length ? (
          <View className="auth-list">
            {vm.authorizations.map((a) => (
              <AuthorizationCard key={`${a.stockId}:${a.appid}`} a={a} />
            ))}
            <LoadMore paging={vm} />
          </View>
        ) : (
          <EmptyState size="small" title="暂无授权记录" description="授权后，小程序即可发放该批次的代金券（如直播间优惠券）" />
        )}
      </LoadState>
    </PageShell>
  );
}
