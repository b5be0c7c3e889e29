import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/**
 * A stock was created or changed state. The list listens and reloads, so going back to it shows
 * fresh statuses without reloading on every show.
 */
export const STOCK_CHANGED = 'stock:changed';

export const emitStockChanged = (stockId: string): void => {
  Taro.eventCenter.trigger(STOCK_CHANGED, stockId);
};

export function useStockChanged(fn: (stockId: string) => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = (stockId: string) => ref.current(stockId);
    Taro.eventCenter.on(STOCK_CHANGED, handler);
    return () => {
      Taro.eventCenter.off(STOCK_CHANGED, handler);
    };
  }, []);
}
