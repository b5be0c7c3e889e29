import type { Membership, Role } from '@shared/account/schema';
import { useRequireSession, type SessionValue } from './useSession';

export interface Acting {
  session: SessionValue;
  /** The acting membership when it holds one of `roles`; null otherwise (or while loading). */
  acting: Membership | null;
  /** The session is ready but the acting role may not use this page. */
  forbidden: boolean;
}

/** The session's acting membership, checked against the roles a page is for. */
export function useActing(roles: readonly Role[]): Acting {
  const session = useRequireSession();
  const { state } = session;
  const m = state.status === 'ready' ? state.acting : null;
  const ok = !!m && roles.includes(m.role);
  return { session, acting: ok ? m : null, forbidden: state.status === 'ready' && !ok };
}
