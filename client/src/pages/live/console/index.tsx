import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { Forbidden } from '@/components/account/Forbidden';
import { AddCouponSheet } from '@/components/live/AddCouponSheet';
import { ControlPanel } from '@/components/live/ControlPanel';
import { PushPanel } from '@/components/live/PushPanel';
import { StatsPanel } from '@/components/live/StatsPanel';
import { scheduleText } from '@/components/live/liveText';
import { useLiveConsole } from '@/hooks/useLiveConsole';

export default function LiveConsolePage() {
  const vm = useLiveConsole();
  const { state, feed } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="直播控制台" /></PageShell>;
  return (
    <PageShell className="live-console">
      <LoadState loading={!state} error={feed.final || !state ? feed.error : undefined} onRetry={feed.final ? undefined : feed.retry} hasData={!!state}>
        {state ? (
          <>
            <View className="live-console__head">
              <View className="live-console__title">
                <Text className="live-console__name">{state.room.name}</Text>
                <Text className="live-console__meta">主播 {state.room.hostName} · {scheduleText(state.room.startAt, state.room.endAt)}</Text>
              </View>
              <Text className="live-console__share" onClick={() => void vm.copyWatchLink()}>观看链接</Text>
            </View>
            {feed.error && !feed.final ? <View className="live-console__offline">实时连接中断，正在重连…（数字可能不是最新）</View> : null}
            <StatsPanel stats={state.stats} />
            <ControlPanel room={state.room} liveSeconds={vm.liveSeconds} clockText={vm.clockText} busy={vm.busy} onControl={vm.control} />
            <PushPanel vm={vm} />
            <AddCouponSheet vm={vm} />
          </>
        ) : null}
      </LoadState>
    </PageShell>
  );
}
