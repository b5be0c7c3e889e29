import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/**
 * Pages of this device tell each other that something changed (Taro's event center), so a page
 * gone back to reloads what moved instead of reloading on every show.
 */
export const emitAppEvent = (event: string, ...args: unknown[]): void => {
  Taro.eventCenter.trigger(event, ...args);
};

/** Run the latest `fn` on every `event` for as long as the component is mounted. */
export function useAppEvent<A extends unknown[]>(event: string, fn: (...args: A) => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = (...args: A) => ref.current(...args);
    Taro.eventCenter.on(event, handler);
    return () => {
      Taro.eventCenter.off(event, handler);
    };
  }, [event]);
}
