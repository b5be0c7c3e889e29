import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { HomeHeader } from '@/components/home/HomeHeader';
import { FeatureTiles } from '@/components/home/FeatureTiles';
import { SheetPicker } from '@/components/SheetPicker';
import { ConsumerWelcome } from '@/components/home/ConsumerWelcome';
import { useHome } from '@/hooks/useHome';

export default function HomePage() {
  const vm = useHome();
  const { state, me, acting } = vm;
  return (
    <PageShell>
      <LoadState
        loading={state.status === 'loading' || state.status === 'signedOut'}
        error={state.status === 'error' ? state.error : undefined}
        onRetry={vm.retry}
        hasData={!!me}
      >
        {me ? (
          <>
            <HomeHeader
              me={me}
              acting={acting}
              canSwitch={vm.canSwitch}
              onSwitch={vm.openSwitcher}
              target={vm.target}
              canSwitchTarget={vm.canSwitchTarget}
              onSwitchTarget={vm.openTargets}
              onRetryTarget={vm.retryTarget}
            />
            {acting ? <FeatureTiles features={vm.features} onOpen={vm.open} /> : <ConsumerWelcome />}
            <SheetPicker visible={vm.sheetOpen} title={vm.sheet.title} labels={vm.sheet.labels} onPick={vm.pick} onClose={vm.closeSheet} />
            {vm.canSignOut ? (
              <View className="home-footer">
                <Button block size="large" fill="outline" onClick={() => void vm.signOut()}>
                  切换演示账号
                </Button>
              </View>
            ) : null}
          </>
        ) : null}
      </LoadState>
    </PageShell>
  );
}
