/**
 * Who is signed in (`account.me`) and which membership they are acting as. A member may hold roles
 * in several merchants; the pick is kept in Taro storage so it survives a restart.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import Taro from '@tarojs/taro';
import type { Me, Membership } from '@shared/account/schema';
import { call, devApi, toCloudError, type CloudError } from '@/services/cloud';
import { currentUrl, isH5, relaunch } from '@/lib/routes';

export type SessionState =
  | { status: 'loading' }
  | { status: 'signedOut' }
  | { status: 'error'; error: CloudError }
  | { status: 'ready'; me: Me; acting: Membership | null };

/** A sub-merchant an SP admin may act for. */
export interface MerchantRef {
  merchantId: string;
  name: string;
}

export interface SessionValue {
  state: SessionState;
  /** SP_ADMIN: its sub-merchants, then the provider itself (null while loading or for other roles). */
  subMerchants: MerchantRef[] | null;
  /** SP_ADMIN: the merchant its merchant pages act for; null for other roles. */
  target: MerchantRef | null;
  chooseTarget: (m: MerchantRef) => void;
  /** SP_ADMIN: its merchants could not be loaded; merchant pages wait, home offers 重试. */
  targetsFailed: boolean;
  retryTargets: () => void;
  reload: () => Promise<void>;
  /** After a sign-in that already returned `Me` (the H5 demo login). */
  signedIn: (me: Me) => void;
  switchTo: (m: Membership) => void;
  signOut: () => Promise<void>;
}

const STORAGE_KEY = 'coupon-desk.acting';
/** + memberId: one member's pick is not another's on a shared phone. */
const TARGET_KEY = 'coupon-desk.target.';

interface StoredActing {
  memberId: string;
  role: string;
  merchantId: string;
}

function readStored(): StoredActing | undefined {
  try {
    const v: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (typeof v === 'object' && v !== null && 'memberId' in v && 'role' in v && 'merchantId' in v) return v as StoredActing;
  } catch {
    // Storage unavailable (private mode): fall back to the default membership.
  }
  return undefined;
}

function saveActing(me: Me, m: Membership): void {
  const v: StoredActing = { memberId: me.memberId, role: m.role, merchantId: m.merchantId };
  try {
    Taro.setStorageSync(STORAGE_KEY, v);
  } catch {
    // Not fatal: the pick only lasts for this run.
  }
}

/** The stored pick if it is still one of the member's memberships, else the first. */
export function pickActing(me: Me, stored: StoredActing | undefined): Membership | null {
  const found = stored && stored.memberId === me.memberId
    ? me.memberships.find((m) => m.role === stored.role && m.merchantId === stored.merchantId)
    : undefined;
  return found ?? me.memberships[0] ?? null;
}

function readTarget(memberId: string, spId: string): string | undefined {
  try {
    const v: unknown = Taro.getStorageSync(TARGET_KEY + memberId);
    if (typeof v === 'object' && v !== null && 'spId' in v && 'merchantId' in v && v.spId === spId && typeof v.merchantId === 'string') return v.merchantId;
  } catch {
    // As for the acting pick: the first sub-merchant then.
  }
  return undefined;
}

/** A member's create drafts (useFormDraft: coupon-desk.draft.<kind>.<memberId>.<merchantId>) go when they sign out. */
function forgetDrafts(memberId: string): void {
  try {
    Taro.getStorageInfoSync().keys.forEach((k) => {
      if (k.startsWith('coupon-desk.draft.') && k.includes(`.${memberId}.`)) Taro.removeStorageSync(k);
    });
  } catch {
    // Storage unavailable: nothing was kept either.
  }
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const signedIn = useCallback((me: Me) => {
    setState({ status: 'ready', me, acting: pickActing(me, readStored()) });
  }, []);

  // A promise chain, not async/await: the main package would carry the transpiled generator.
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    return call('account', 'me', {}).then(signedIn, (e: unknown) => {
      const error = toCloudError(e);
      setState(error.code === 'AUTH.UNAUTHENTICATED' ? { status: 'signedOut' } : { status: 'error', error });
    });
  }, [signedIn]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const switchTo = useCallback((m: Membership) => {
    if (state.status !== 'ready') return;
    saveActing(state.me, m);
    setState({ ...state, acting: m });
  }, [state]);

  // An SP's merchant pages act for a chosen merchant: a sub-merchant, or the provider itself.
  const memberId = state.status === 'ready' ? state.me.memberId : '';
  const sp = state.status === 'ready' && state.acting?.role === 'SP_ADMIN' ? state.acting : null;
  const spId = sp ? sp.merchantId : null;
  // Loaded for one member and provider: never shown to another member signing in on this phone.
  // `list` null: the load failed (kept so the effect does not loop; retryTargets clears it).
  const [subs, setSubs] = useState<{ memberId: string; spId: string; list: MerchantRef[] | null; target: MerchantRef | null } | null>(null);
  const mine = spId && subs?.spId === spId && subs.memberId === memberId ? subs : null;
  useEffect(() => {
    if (!spId || mine) return;
    let live = true;
    call('account', 'merchants', { merchantId: spId }).then((r) => {
      // The provider itself last (A4: it may hold quota too), so a sub-merchant stays the default.
      const list = [...r.merchants, ...r.unopened].filter((m) => m.merchantId !== spId)
        .map((m) => ({ merchantId: m.merchantId, name: m.name }))
        .concat({ merchantId: spId, name: sp!.merchantName.replace(/（服务商）$/, '') + '（本服务商）' });
      const stored = readTarget(memberId, spId);
      if (live) setSubs({ memberId, spId, list, target: list.find((m) => m.merchantId === stored) ?? list[0] ?? null });
    }).catch(() => {
      // Not the provider silently: merchant pages wait, home says so with 重试 (and retries on show).
      if (live) setSubs({ memberId, spId, list: null, target: null });
    });
    return () => { live = false; };
  }, [memberId, spId, !mine]);

  const chooseTarget = useCallback((pick: MerchantRef) => {
    if (!subs) return;
    // The list's own entry (商户列表 【管理】 passes the bare name of the provider).
    const m = subs.list?.find((x) => x.merchantId === pick.merchantId) ?? pick;
    try {
      Taro.setStorageSync(TARGET_KEY + subs.memberId, { spId: subs.spId, merchantId: m.merchantId });
    } catch {
      // Not fatal: the pick only lasts for this run.
    }
    setSubs({ ...subs, target: m });
  }, [subs]);

  const signOut = useCallback(() => devApi.logout().then(() => {
    forgetDrafts(memberId);
    setSubs(null);
    setState({ status: 'signedOut' });
  }), [memberId]);

  const subMerchants = mine?.list ?? null;
  const target = mine?.target ?? null;
  const targetsFailed = !!mine && !subMerchants;
  const retryTargets = useCallback(() => setSubs(null), []);
  const value = useMemo(
    () => ({ state, subMerchants, target, chooseTarget, targetsFailed, retryTargets, reload, signedIn, switchTo, signOut }),
    [state, subMerchants, target, chooseTarget, targetsFailed, retryTargets, reload, signedIn, switchTo, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession must be used inside <SessionProvider>');
  return v;
}

/**
 * For pages that need a signed-in member: in H5 a missing session goes to the login page
 * (in the mini-program the WeChat identity is always there).
 */
export function useRequireSession(): SessionValue {
  const session = useSession();
  const signedOut = session.state.status === 'signedOut';
  useEffect(() => {
    if (!signedOut || !isH5) return;
    // Keep where the visitor was going (a claim link), so signing in leads back there.
    const here = currentUrl();
    relaunch('login', here && !here.includes('pages/login') && !here.includes('pages/home') ? { next: here } : undefined);
  }, [signedOut]);
  return session;
}

/** The acting membership when the session is ready, else null. */
export function actingOf(state: SessionState): Membership | null {
  return state.status === 'ready' ? state.acting : null;
}
