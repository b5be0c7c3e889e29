import { emitAppEvent, useAppEvent } from './useAppEvent';

/** A quota balance changed (recharge): pages showing balances reload. */
const QUOTA_CHANGED = 'account:quota-changed';

export const emitQuotaChanged = (merchantId: string): void => emitAppEvent(QUOTA_CHANGED, merchantId);

export const useQuotaChanged = (fn: (merchantId: string) => void): void => useAppEvent(QUOTA_CHANGED, fn);
