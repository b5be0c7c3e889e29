import Taro from '@tarojs/taro';

/** Every page URL in one place, so a moved page is one edit. */
export const ROUTES = {
  home: '/pages/home/index',
  login: '/pages/login/index',
  merchants: '/pages/account/merchants/index',
  recharge: '/pages/account/recharge/index',
  quota: '/pages/account/quota/index',
  stores: '/pages/account/stores/index',
  stockList: '/pages/stock/list/index',
  stockCreate: '/pages/stock/create/index',
  stockDetail: '/pages/stock/detail/index',
  stockAuthorizations: '/pages/stock/authorizations/index',
  campaignList: '/pages/campaign/list/index',
  campaignCreate: '/pages/campaign/create/index',
  campaignDetail: '/pages/campaign/detail/index',
  campaignEdit: '/pages/campaign/edit/index',
  walletClaim: '/pages/wallet/claim/index',
  walletList: '/pages/wallet/list/index',
  walletRedeem: '/pages/wallet/redeem/index',
  liveRooms: '/pages/live/rooms/index',
  liveCreate: '/pages/live/create/index',
  liveConsole: '/pages/live/console/index',
  liveWatch: '/pages/live/watch/index',
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

/** Open `name` in place of this page (after a create: back from the new object skips the form). */
export function replace(name: RouteName, query?: Record<string, string>): void {
  void Taro.redirectTo({ url: routeUrl(name, query) });
}

/** Back to `name` if it is the previous page (keeps its state), else open it in place of this one. */
export function backTo(name: RouteName): void {
  const pages = Taro.getCurrentPages();
  const prev = pages[pages.length - 2];
  if (prev && `/${String(prev.route ?? '').replace(/^\//, '')}` === ROUTES[name]) void Taro.navigateBack();
  else void Taro.redirectTo({ url: routeUrl(name) });
}

/** Replace the whole stack: after signing in or out the old pages belong to someone else. */
export function relaunch(name: RouteName, query?: Record<string, string>): void {
  void Taro.reLaunch({ url: routeUrl(name, query) });
}

/** This page's own url with its query, to come back to after signing in (H5 claim links). */
export function currentUrl(): string | null {
  const router = Taro.getCurrentInstance().router;
  if (!router?.path) return null;
  const path = router.path.split('?')[0] ?? '';
  const query = Object.entries(router.params ?? {})
    .filter(([k, v]) => typeof v === 'string' && k !== '$taroTimestamp' && k !== 'stamp')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** Go to a page url given back by `currentUrl` (only our own pages: never an outside address). */
export function relaunchUrl(url: string): boolean {
  if (!/^\/?pages\/[A-Za-z0-9/_-]+(\?[^#]*)?$/.test(url)) return false;
  void Taro.reLaunch({ url: url.startsWith('/') ? url : `/${url}` });
  return true;
}

export const isH5 = process.env.TARO_ENV === 'h5';
