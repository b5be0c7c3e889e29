import { ActionSheet } from '@nutui/nutui-react-taro';
import type { Membership } from '@shared/account/schema';
import { ROLE_LABELS } from '@shared/account/roles';

interface Props {
  visible: boolean;
  memberships: readonly Membership[];
  acting: Membership | null;
  onSelect: (m: Membership) => void;
  onClose: () => void;
}

const same = (a: Membership | null, b: Membership) => !!a && a.role === b.role && a.merchantId === b.merchantId;

/** Pick the merchant and role to act as. */
export function MembershipSwitcher({ visible, memberships, acting, onSelect, onClose }: Props) {
  const options = memberships.map((m) => ({
    name: same(acting, m) ? `${m.merchantName}（当前）` : m.merchantName,
    description: `${ROLE_LABELS[m.role]} · 商户号 ${m.merchantId}`,
  }));
  return (
    <ActionSheet
      visible={visible}
      title="切换身份"
      description="选择要操作的商户与角色"
      options={options}
      cancelText="取消"
      onCancel={onClose}
      onClose={onClose}
      onSelect={(_item, index) => {
        const m = memberships[index];
        if (m) onSelect(m);
      }}
    />
  );
}
