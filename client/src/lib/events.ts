import Taro from '@tarojs/taro';

/**
 * A quota balance changed (recharge). Pages showing balances listen and reload, so going back
 * from the recharge page shows fresh numbers without reloading on every show.
 */
export const QUOTA_CHANGED = 'account:quota-changed';

export const emitQuotaChanged = (merchantId: string): void => {
  Taro.eventCenter.trigger(QUOTA_CHANGED, merchantId);
};

export function onQuotaChanged(fn: (merchantId: string) => void): () => void {
  const handler = (merchantId: string) => fn(merchantId);
  Taro.eventCenter.on(QUOTA_CHANGED, handler);
  return () => {
    Taro.eventCenter.off(QUOTA_CHANGED, handler);
  };
}
