import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { BottomBar } from '@/components/BottomBar';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { EmptyState } from '@/components/EmptyState';
import { PagedList } from '@/components/PagedList';
import { Forbidden } from '@/components/account/Forbidden';
import { RoomCard } from '@/components/live/RoomCard';
import { useLiveRooms } from '@/hooks/useLiveRooms';

export default function LiveRoomsPage() {
  const vm = useLiveRooms();
  const { remote } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="直播间" /></PageShell>;
  return (
    <PageShell withBar>
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data}>
        <InlineRetry error={remote.data ? remote.error : undefined} onRetry={() => void remote.reload()} />
        <PagedList
          items={vm.rooms}
          count={`共 ${vm.total} 个直播间`}
          render={(r) => <RoomCard key={r.roomId} room={r} onOpen={vm.open} />}
          paging={vm}
          empty={<EmptyState title="还没有直播间" description="用下方的「创建直播间」开始：添加代金券，直播中上架、推送给观众领取" />}
        />
      </LoadState>
      <BottomBar>
        <Button className="live-rooms__create" block size="large" type="primary" onClick={vm.create}>
          创建直播间
        </Button>
      </BottomBar>
    </PageShell>
  );
}
