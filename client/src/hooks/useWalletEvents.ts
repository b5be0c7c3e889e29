import { emitAppEvent, useAppEvent } from './useAppEvent';

/** The user's wallet changed (a claim): pages showing coupons or claim marks reload. */
const WALLET_CHANGED = 'wallet:changed';

export const emitWalletChanged = (): void => emitAppEvent(WALLET_CHANGED);

export const useWalletChanged = (fn: () => void): void => useAppEvent(WALLET_CHANGED, fn);
