import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { Section } from '@/components/account/Section';
import { StoreList } from '@/components/account/StoreList';
import { useStores } from '@/hooks/useStores';

export default function StoresPage() {
  const vm = useStores();
  const { remote } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="门店" /></PageShell>;
  const title = vm.merchantName ? `${vm.merchantName}的门店` : `商户 ${vm.merchantId ?? ''} 的门店`;
  return (
    <PageShell>
      <LoadState loading={remote.loading || !vm.merchantId} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data}>
        <Section title={`${title}（${vm.stores.length}）`}>
          <StoreList stores={vm.stores} isMine={vm.isMine} />
        </Section>
      </LoadState>
    </PageShell>
  );
}
