import { useEffect } from 'react';
import Taro from '@tarojs/taro';
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

/** Pick the merchant and role to act as: the platform's own action sheet (no NutUI Popup in the main package). */
export function MembershipSwitcher({ visible, memberships, acting, onSelect, onClose }: Props) {
  useEffect(() => {
    if (!visible) return;
    Taro.showActionSheet({
      alertText: '切换身份',
      itemList: memberships.map((m) => `${m.merchantName}·${ROLE_LABELS[m.role]}${same(acting, m) ? '（当前）' : ''}`),
    }).then(({ tapIndex }) => {
      const m = memberships[tapIndex];
      if (m) onSelect(m);
      else onClose();
    }, onClose);
  }, [visible]);
  return null;
}
