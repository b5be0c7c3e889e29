import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { EditFields } from '@/components/campaign/EditFields';
import { useCampaignEdit } from '@/hooks/useCampaignEdit';

export default function CampaignEditPage() {
  const vm = useCampaignEdit();
  if (vm.forbidden) return <PageShell><Forbidden what="修改配额发券活动" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={vm.remote.loading || !vm.form} error={vm.remote.error} onRetry={() => void vm.remote.reload()} hasData={!!vm.form}>
        <EditFields vm={vm} />
      </LoadState>
    </PageShell>
  );
}
