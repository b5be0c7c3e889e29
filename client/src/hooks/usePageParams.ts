import { useMemo } from 'react';
import { getCurrentInstance } from '@tarojs/taro';

/** The page's query (`?merchantId=…`), read once when the page is created. */
export function usePageParams(): Partial<Record<string, string>> {
  return useMemo(() => {
    const params = getCurrentInstance().router?.params ?? {};
    // H5 hands over raw query strings; decode once here so pages never see %xx.
    const out: Partial<Record<string, string>> = {};
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string') out[k] = decodeURIComponent(v);
    return out;
  }, []);
}
