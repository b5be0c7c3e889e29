import { useState } from 'react';
import type { Membership } from '@shared/account/schema';
import { FEATURES_BY_ROLE, type Feature } from '@/lib/features';
import { go, isH5, relaunch } from '@/lib/routes';
import { showError } from '@/components/feedback';
import { useRequireSession } from './useSession';

/** Home: who I am, which merchant I act for, what that role may open. */
export function useHome() {
  const session = useRequireSession();
  const { state } = session;
  const [switcherOpen, setSwitcherOpen] = useState(false);

  const me = state.status === 'ready' ? state.me : undefined;
  const acting = state.status === 'ready' ? state.acting : null;
  const features: readonly Feature[] = acting ? FEATURES_BY_ROLE[acting.role] : [];

  return {
    state,
    me,
    acting,
    features,
    memberships: me?.memberships ?? [],
    canSwitch: (me?.memberships.length ?? 0) > 1,
    /** The demo sign-in exists only on the local gateway (H5). */
    canSignOut: isH5,
    switcherOpen,
    openSwitcher: () => setSwitcherOpen(true),
    closeSwitcher: () => setSwitcherOpen(false),
    switchTo: (m: Membership) => {
      session.switchTo(m);
      setSwitcherOpen(false);
    },
    // Pages act for the session's merchant; no query needed.
    open: (f: Feature) => go(f.route),
    retry: () => void session.reload(),
    signOut: async () => {
      try {
        await session.signOut();
        relaunch('login');
      } catch (e) {
        showError(e);
      }
    },
  };
}
