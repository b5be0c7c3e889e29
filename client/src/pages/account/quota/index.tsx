import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { LoadMore } from '@/components/PagedList';
import { Forbidden } from '@/components/account/Forbidden';
import { LedgerList } from '@/components/account/LedgerList';
import { QuotaSummary } from '@/components/account/QuotaSummary';
import { Section } from '@/components/account/Section';
import { useQuota } from '@/hooks/useQuota';

export default function QuotaPage() {
  const vm = useQuota();
  const { remote } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="配额余额与流水" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data}>
        {vm.quota && vm.acting ? <QuotaSummary merchantName={vm.acting.merchantName} quota={vm.quota} /> : null}
        <Section title={`配额流水（共 ${vm.total} 条）`}>
          <LedgerList entries={vm.entries} />
          <LoadMore paging={vm} />
        </Section>
      </LoadState>
    </PageShell>
  );
}
