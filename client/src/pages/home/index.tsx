import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { HomeHeader } from '@/components/home/HomeHeader';
import { FeatureTiles } from '@/components/home/FeatureTiles';
import { MembershipSwitcher } from '@/components/home/MembershipSwitcher';
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
            <HomeHeader me={me} acting={acting} canSwitch={vm.canSwitch} onSwitch={vm.openSwitcher} />
            {acting ? <FeatureTiles features={vm.features} onOpen={vm.open} /> : <ConsumerWelcome />}
            <MembershipSwitcher
              visible={vm.switcherOpen}
              memberships={vm.memberships}
              acting={acting}
              onSelect={vm.switchTo}
              onClose={vm.closeSwitcher}
            />
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
