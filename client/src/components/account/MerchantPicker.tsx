import { Button } from '@nutui/nutui-react-taro';
import type { MerchantWithQuota } from '@shared/account/schema';
import { MerchantCard } from './MerchantCard';
import { Section } from './Section';

/** Choose the merchant to recharge: opened accounts first, then those a first recharge opens (A3). */
export function MerchantPicker({ candidates, onPick }: { candidates: readonly MerchantWithQuota[]; onPick: (m: MerchantWithQuota) => void }) {
  return (
    <Section title="选择充值商户">
      {candidates.map((m) => (
        <MerchantCard
          key={m.merchantId}
          merchant={m}
          actions={
            <Button className="merchant-card__btn" type="primary" onClick={() => onPick(m)}>
              {m.quota.opened ? '选择' : '开户充值'}
            </Button>
          }
        />
      ))}
    </Section>
  );
}
