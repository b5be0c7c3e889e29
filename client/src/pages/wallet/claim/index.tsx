import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { emptyAction } from '@/components/emptyAction';
import { GenericOfferCard, OfferCard } from '@/components/wallet/OfferCard';
import { ClaimAction } from '@/components/wallet/ClaimAction';
import { AlreadyClaimed, ClaimResult } from '@/components/wallet/ClaimResult';
import { useClaim } from '@/hooks/useClaim';

export default function ClaimPage() {
  const vm = useClaim();
  if (vm.notFound) {
    return (
      <PageShell>
        <EmptyState status="error" title="活动不存在" description="链接可能有误，或活动已被删除" actions={[emptyAction('返回首页', vm.toHome)]} />
      </PageShell>
    );
  }
  return (
    <PageShell className="claim-page">
      <LoadState loading={vm.loading} error={vm.loadError} onRetry={vm.retry} hasData={!!vm.campaign || vm.generic}>
        {vm.campaign ? <OfferCard campaign={vm.campaign} /> : <GenericOfferCard />}
        {vm.outcome ? (
          <ClaimResult outcome={vm.outcome} onWallet={vm.toWallet} onHome={vm.toHome} onAgain={vm.again} />
        ) : vm.alreadyClaimed ? (
          <AlreadyClaimed onWallet={vm.toWallet} />
        ) : (
          <ClaimAction campaign={vm.campaign} canClaim={vm.canClaim} claiming={vm.claiming} networkFailed={vm.networkFailed} onClaim={vm.claim} />
        )}
      </LoadState>
    </PageShell>
  );
}
