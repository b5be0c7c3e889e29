import { COUPON_STATUS_LABELS } from '@shared/wallet/schema';
import { PageShell } from '@/components/PageShell';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { PagedList } from '@/components/PagedList';
import { emptyAction } from '@/components/emptyAction';
import { CouponTabs } from '@/components/wallet/CouponTabs';
import { WalletCoupon } from '@/components/wallet/WalletCoupon';
import { useWalletList } from '@/hooks/useWalletList';

const EMPTY_TEXT = {
  AVAILABLE: '领到的券会放在这里，到店买单时出示券码即可抵扣',
  USED: '在门店核销过的券会显示在这里',
  EXPIRED: '过了有效期还没用的券会显示在这里',
} as const;

export default function WalletListPage() {
  const vm = useWalletList();
  const { remote } = vm;
  return (
    <PageShell className="wallet-page">
      <CouponTabs value={vm.status} onChange={vm.setStatus} />
      <LoadState loading={remote.loading} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data && !remote.loading}>
        <InlineRetry error={remote.data ? remote.error : undefined} onRetry={() => void remote.reload()} />
        <PagedList
          items={vm.coupons}
          count={`共 ${vm.total} 张${COUPON_STATUS_LABELS[vm.status]}的券`}
          render={(c) => <WalletCoupon key={c.couponCode} coupon={c} onCopy={(code) => void vm.copy(code)} />}
          paging={vm}
          empty={
            <EmptyState
              title={`暂无${COUPON_STATUS_LABELS[vm.status]}的券`}
              description={EMPTY_TEXT[vm.status]}
              actions={vm.status === 'AVAILABLE' ? [emptyAction('去首页看看活动', vm.toHome)] : []}
            />
          }
        />
      </LoadState>
    </PageShell>
  );
}
