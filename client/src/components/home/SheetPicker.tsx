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
/** The platform's sheet takes at most 6 entries: past that, 5 a page and 更多… for the next. */
const PAGE = 5;

/** Pick the merchant and role to act as: the platform's own action sheet (no NutUI Popup in the main package). */
export function MembershipSwitcher({ visible, memberships, acting, onSelect, onClose }: Props) {
  useEffect(() => {
    if (!visible) return;
    const labels = memberships.map((m) => `${m.merchantName}·${ROLE_LABELS[m.role]}${same(acting, m) ? '（当前）' : ''}`);
    const show = (from: number) => {
      const more = labels.length - from > PAGE + 1;
      Taro.showActionSheet({
        alertText: '切换身份',
        itemList: more ? labels.slice(from, from + PAGE).concat('更多…') : labels.slice(from),
      }).then(({ tapIndex }) => {
        if (more && tapIndex === PAGE) return show(from + PAGE);
        const m = memberships[from + tapIndex];
        if (m) onSelect(m);
        else onClose();
      }, onClose);
    };
    show(0);
  }, [visible]);
  return null;
}
