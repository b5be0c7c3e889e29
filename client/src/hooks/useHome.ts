import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Membership } from '@shared/account/schema';
import { ROLE_LABELS } from '@shared/account/roles';
import { FEATURES_BY_ROLE, type Feature } from '@/lib/features';
import { go, isH5, relaunch } from '@/lib/routes';
import { showError } from '@/components/feedback';
import { useRequireSession } from './useSession';

const same = (a: Membership | null, b: Membership) => !!a && a.role === b.role && a.merchantId === b.merchantId;

/** Home: who I am, which merchant I act for (an SP: which sub-merchant), what that role may open. */
export function useHome() {
  const session = useRequireSession();
  const { state, subMerchants, target, targetsFailed, retryTargets } = session;
  const [sheet, setSheet] = useState<'membership' | 'target' | null>(null);
  // An SP's merchants failed to load: try again whenever home shows.
  useDidShow(() => {
    if (targetsFailed) retryTargets();
  });

  const me = state.status === 'ready' ? state.me : undefined;
  const acting = state.status === 'ready' ? state.acting : null;
  const features: readonly Feature[] = acting ? FEATURES_BY_ROLE[acting.role] : [];
  const memberships = me?.memberships ?? [];
  const subs = subMerchants ?? [];
  const close = () => setSheet(null);

  return {
    state,
    me,
    acting,
    features,
    canSwitch: memberships.length > 1,
    /** SP_ADMIN: the sub-merchant the tiles act for, and whether there is another to choose. */
    target,
    canSwitchTarget: subs.length > 1,
    /** SP_ADMIN whose merchants failed to load: 重试 (none otherwise). */
    retryTarget: targetsFailed ? retryTargets : undefined,
    /** The demo sign-in exists only on the local gateway (H5). */
    canSignOut: isH5,
    openSwitcher: () => setSheet('membership'),
    openTargets: () => setSheet('target'),
    sheet: sheet === 'target'
      ? { title: '切换管理的商户', labels: subs.map((m) => `${m.name}${m.merchantId === target?.merchantId ? '（当前）' : ''}`) }
      : { title: '切换身份', labels: memberships.map((m) => `${m.merchantName}·${ROLE_LABELS[m.role]}${same(acting, m) ? '（当前）' : ''}`) },
    sheetOpen: sheet !== null,
    pick: (i: number) => {
      const m = sheet === 'target' ? subs[i] : undefined;
      if (m) session.chooseTarget(m);
      const ms = sheet === 'membership' ? memberships[i] : undefined;
      if (ms) session.switchTo(ms);
      close();
    },
    closeSheet: close,
    // Pages act for the session's merchant (an SP: its chosen sub-merchant); no query needed.
    open: (f: Feature) => go(f.route),
    retry: () => void session.reload(),
    signOut: () => session.signOut().then(() => relaunch('login'), showError),
  };
}
