import { View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { ClaimResult } from '@/components/live/ClaimResult';
import { PushedCouponCard } from '@/components/live/PushedCouponCard';
import { WatchStage } from '@/components/live/WatchStage';
import { useLiveWatch } from '@/hooks/useLiveWatch';

export default function LiveWatchPage() {
  const vm = useLiveWatch();
  const { state } = vm;
  return (
    <PageShell className="live-watch">
      <LoadState loading={vm.loading} error={state ? undefined : vm.error} onRetry={vm.final ? undefined : vm.retry} hasData={!!state}>
        {state ? (
          <>
            <WatchStage state={state} />
            <View className="live-watch__body">
              {vm.pushed ? (
                <PushedCouponCard
                  coupon={vm.pushed}
                  secondsLeft={vm.secondsLeft}
                  limitReached={vm.limitReached}
                  soldOut={vm.soldOut}
                  claiming={vm.claiming}
                  onClaim={vm.claim}
                />
              ) : state.state === 'LIVE' ? (
                <View className="live-watch__waiting">主播还没有推送优惠券，留意直播间，推送后可在这里领取</View>
              ) : null}
              {vm.outcome ? <ClaimResult outcome={vm.outcome} onWallet={vm.openWallet} onDismiss={vm.dismiss} /> : null}
            </View>
          </>
        ) : null}
      </LoadState>
    </PageShell>
  );
}
