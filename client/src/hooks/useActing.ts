import { useEffect } from 'react';
import type { Membership, Role } from '@shared/account/schema';
import { usePageParams } from './usePageParams';
import { useRequireSession, type SessionValue } from './useSession';

/** The roles that change things (create, pause, authorize); the other roles a page admits only read. */
export const ADMINS = ['SP_ADMIN', 'MERCHANT_ADMIN'] as const;

export interface Acting {
  session: SessionValue;
  /** The acting membership when it holds one of `roles`; null otherwise (or while loading). */
  acting: Membership | null;
  /** The session is ready but the acting role may not use this page. */
  forbidden: boolean;
}

export interface ActingMerchant extends Acting {
  /**
   * The merchant the page is about: `?merchantId=`, else for an SP the sub-merchant it chose on
   * home, else the acting one; null until that is known.
   */
  merchantId: string | null;
  /** The page is about another merchant than the acting one (an SP on a sub-merchant). */
  forOther: boolean;
  /** The query that keeps that other merchant on the next page; empty for the acting one. */
  scope: Record<string, string>;
  /** The acting role is an admin's. */
  canManage: boolean;
}

/** The session's acting membership, checked against the roles a page is for. */
export function useActing(roles: readonly Role[]): Acting {
  const session = useRequireSession();
  const { state } = session;
  const m = state.status === 'ready' ? state.acting : null;
  const ok = !!m && roles.includes(m.role);
  return { session, acting: ok ? m : null, forbidden: state.status === 'ready' && !ok };
}

/**
 * `useActing`, plus the merchant the page works on: an SP works on the sub-merchant chosen on home
 * (or named by `?merchantId=`; the server decides whether that is allowed), everyone else on their own.
 */
export function useActingMerchant(roles: readonly Role[]): ActingMerchant {
  const params = usePageParams();
  const a = useActing(roles);
  const { subMerchants, target, targetsFailed, retryTargets } = a.session;
  const sp = a.acting?.role === 'SP_ADMIN';
  // An SP waits for its sub-merchants (pages show loading while acting is null) rather than
  // loading its own empty lists first.
  const waiting = sp && !subMerchants && !params.merchantId;
  // Their load failed earlier (home shows it): opening a merchant page tries once more. Only on
  // `waiting`, not on each failure, so a failing network is not asked in a loop.
  useEffect(() => {
    if (waiting && targetsFailed) retryTargets();
  }, [waiting]);
  const acting = waiting ? null : a.acting;
  const merchantId = acting ? (params.merchantId ?? (sp ? target?.merchantId : undefined) ?? acting.merchantId) : null;
  const forOther = !!a.acting && !!merchantId && merchantId !== a.acting.merchantId;
  return {
    ...a,
    acting,
    merchantId,
    forOther,
    scope: forOther && merchantId ? { merchantId } : {},
    canManage: !!a.acting && (ADMINS as readonly Role[]).includes(a.acting.role),
  };
}
