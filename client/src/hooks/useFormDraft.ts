import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { useSession } from './useSession';

/** What a create wizard keeps between visits: the form, where the merchant was, what it had touched. */
export interface DraftSnapshot<F> {
  form: F;
  step: number;
  touched: readonly string[];
}

/** Per member and merchant: an SP's half-written draft never opens for the merchant's own admin on a shared phone (sign-out removes them: useSession). */
const keyOf = (kind: string, memberId: string, merchantId: string) => `coupon-desk.draft.${kind}.${memberId}.${merchantId}`;

/**
 * The stored shape's version: a draft of another version is ignored. A field added to the form
 * later needs no new version, as callers restore `{ ...blankForm, ...draft.form }`.
 */
const VERSION = 1;

function read<F>(key: string): DraftSnapshot<F> | undefined {
  try {
    const v: unknown = Taro.getStorageSync(key);
    if (typeof v === 'object' && v !== null && 'v' in v && v.v === VERSION && 'form' in v && typeof v.form === 'object' && v.form !== null
      && 'step' in v && typeof v.step === 'number' && 'touched' in v && Array.isArray(v.touched)) return v as DraftSnapshot<F>;
  } catch {
    // Unreadable storage: start blank.
  }
  return undefined;
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // Nothing kept then.
  }
}

/**
 * `restore` gets the kept draft, or null for a blank form when the merchant changed and has none.
 *
 * Keeps an unfinished create wizard in storage per member and merchant, so a reload or 返回 does not lose it;
 * restores it once the merchant is known. Nothing is kept before the merchant's first edit.
 */
export function useFormDraft<F>(kind: string, merchantId: string, now: DraftSnapshot<F>, restore: (d: DraftSnapshot<F> | null) => void) {
  const { state } = useSession();
  const key = merchantId && state.status === 'ready' ? keyOf(kind, state.me.memberId, merchantId) : null;
  const [restored, setRestored] = useState(false);
  const loaded = useRef<string | null>(null);
  const restoreRef = useRef(restore);
  restoreRef.current = restore;

  useEffect(() => {
    if (!key || loaded.current === key) return;
    const before = loaded.current;
    loaded.current = key;
    const saved = read<F>(key);
    // Another merchant while the page stays open: its draft, else a blank form (null), never the
    // previous merchant's form.
    if (saved || before) restoreRef.current(saved ?? null);
    setRestored(!!saved);
  }, [key]);

  const json = JSON.stringify(now);
  const savedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!key || loaded.current !== key) return;
    // The render that changed the key still shows the previous merchant's form: not this key's.
    if (savedFor.current !== key) {
      savedFor.current = key;
      return;
    }
    if (!now.touched.length && now.step === 0) return;
    try {
      Taro.setStorageSync(key, { v: VERSION, ...now });
    } catch {
      // Storage full or unavailable: the draft lasts only this visit.
    }
  }, [key, json]);

  return {
    /** The form on screen came from storage (for the 已恢复 note). */
    restored,
    /** After a successful create, or 清空: nothing to restore next time. */
    clear: () => {
      if (key) remove(key);
      setRestored(false);
    },
  };
}
