import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { InlineRetry, LoadState } from '@/components/LoadState';
import { MerchantCard } from '@/components/account/MerchantCard';
import { Section } from '@/components/account/Section';
import { Forbidden } from '@/components/account/Forbidden';
import { useMerchants } from '@/hooks/useMerchants';
import { EmptyState } from '@/components/EmptyState';

export default function MerchantsPage() {
  const vm = useMerchants();
  const { remote } = vm;
  if (vm.forbidden) return <PageShell><Forbidden what="商户列表" /></PageShell>;
  return (
    <PageShell>
      <LoadState loading={remote.loading || !vm.acting} error={remote.error} onRetry={() => void remote.reload()} hasData={!!remote.data}>
        <InlineRetry error={remote.data ? remote.error : undefined} onRetry={() => void remote.reload()} />
        <Section title={`已开户商户（${vm.merchants.length}）`}>
          {vm.merchants.length ? (
            vm.merchants.map((m) => (
              <MerchantCard
                key={m.merchantId}
                merchant={m}
                actions={
                  <View style={{ display: 'flex', flexDirection: 'column', gap: '8px' }}>
                    <Button className="merchant-card__btn" type="primary" onClick={() => vm.recharge(m)}>充值</Button>
                    <Button className="merchant-card__manage" size="small" fill="outline" type="primary" onClick={() => vm.manage(m)}>管理</Button>
                  </View>
                }
              />
            ))
          ) : (
            <EmptyState size="small" title="还没有开户的商户" description="为下方商户首次充值即自动开户" />
          )}
        </Section>
        {vm.unopened.length ? (
          <Section title={`未开户商户（${vm.unopened.length}）`}>
            {vm.unopened.map((m) => (
              <MerchantCard
                key={m.merchantId}
                merchant={m}
                actions={<Button className="merchant-card__btn" fill="outline" type="primary" onClick={() => vm.recharge(m)}>开户充值</Button>}
              />
            ))}
          </Section>
        ) : null}
      </LoadState>
    </PageShell>
  );
}
