import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/**
 * The user's wallet changed (a claim). Pages showing coupons or claim marks listen and reload, so
 * going back from the claim page shows fresh state without reloading on every show.
 */
const WALLET_CHANGED = 'wallet:changed';

export const emitWalletChanged = (): void => {
  Taro.eventCenter.trigger(WALLET_CHANGED);
};

/** Run `fn` whenever the wallet changes, for as long as the component is mounted. */
export function useWalletChanged(fn: () => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = () => ref.current();
    Taro.eventCenter.on(WALLET_CHANGED, handler);
    return () => {
      Taro.eventCenter.off(WALLET_CHANGED, handler);
    };
  }, []);
}
