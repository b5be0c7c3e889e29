import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/**
 * Pages of this device tell each other that something changed (Taro's event center), so a page
 * gone back to reloads what moved instead of reloading on every show. The id is what changed.
 */
export const emitAppEvent = (event: string, id?: string): void => {
  Taro.eventCenter.trigger(event, id);
};

/** Run the latest `fn` on every `event` for as long as the component is mounted. */
export function useAppEvent(event: string, fn: (id: string) => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = (id: string) => ref.current(id);
    Taro.eventCenter.on(event, handler);
    return () => {
      Taro.eventCenter.off(event, handler);
    };
  }, [event]);
}
