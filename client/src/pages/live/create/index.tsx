import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { RoomForm } from '@/components/live/RoomForm';
import { useLiveCreate } from '@/hooks/useLiveCreate';

export default function LiveCreatePage() {
  const vm = useLiveCreate();
  if (vm.forbidden) return <PageShell><Forbidden what="创建直播间" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={!vm.acting} error={vm.appids.error} onRetry={() => void vm.appids.reload()} hasData={!!vm.acting && !vm.appids.error}>
        <RoomForm vm={vm} />
      </LoadState>
    </PageShell>
  );
}
