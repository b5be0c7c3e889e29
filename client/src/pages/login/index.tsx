import { Text, View } from '@tarojs/components';
import { PageShell } from '@/components/PageShell';
import { emptyAction } from '@/components/emptyAction';
import { LoadState } from '@/components/LoadState';
import { MemberGroups } from '@/components/login/MemberGroups';
import '@/components/login/login.scss';
import { useLogin } from '@/hooks/useLogin';
import { EmptyState } from '@/components/EmptyState';

export default function LoginPage() {
  const vm = useLogin();
  if (!vm.supported) {
    // In the mini-program the WeChat identity is the sign-in: nothing to pick here.
    return (
      <PageShell>
        <EmptyState title="已使用微信身份登录" description="小程序内无需选择账号" actions={[emptyAction('返回首页', vm.goHome)]} />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <View className="login-hero">
        <Text className="login-hero__title">券管家 · 演示登录</Text>
        <Text className="login-hero__text">本地环境没有微信身份，请选择一位演示成员登录，体验不同角色能做的事。</Text>
      </View>
      <LoadState loading={vm.remote.loading} error={vm.remote.error} onRetry={() => void vm.remote.reload()} hasData={!!vm.remote.data}>
        {vm.groups.length ? (
          <MemberGroups groups={vm.groups} expanded={vm.expanded} pending={vm.pending} onToggle={vm.toggle} onLogin={(id) => void vm.login(id)} />
        ) : (
          <EmptyState title="没有演示成员" description="请先初始化本地数据" />
        )}
      </LoadState>
    </PageShell>
  );
}
