import Taro from '@tarojs/taro';

/** Every page URL in one place, so a moved page is one edit. */
export const ROUTES = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  merchants: '/pages/account/merchants/index',
  recharge: '/pages/account/recharge/index',
  quota: '/pages/account/quota/index',
  stores: '/pages/account/stores/index',
} as const;

export type RouteName = keyof typeof ROUTES;

export function routeUrl(name: RouteName, query: Record<string, string> = {}): string {
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
  return qs ? `${ROUTES[name]}?${qs}` : ROUTES[name];
}

export function go(name: RouteName, query?: Record<string, string>): void {
  void Taro.navigateTo({ url: routeUrl(name, query) });
}

/** Replace the whole stack: after signing in or out the old pages belong to someone else. */
export function relaunch(name: RouteName): void {
  void Taro.reLaunch({ url: routeUrl(name) });
}

export const isH5 = process.env.TARO_ENV === 'h5';
