import { emitAppEvent, useAppEvent } from './useAppEvent';

/** A stock was created or changed state: the list reloads. */
const STOCK_CHANGED = 'stock:changed';

export const emitStockChanged = (stockId: string): void => emitAppEvent(STOCK_CHANGED, stockId);

export const useStockChanged = (fn: (stockId: string) => void): void => useAppEvent(STOCK_CHANGED, fn);
