import { useRef, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { CouponStatus } from '@shared/wallet/schema';
import { call } from '@/services/cloud';
import { copyText } from '@/components/clipboard';
import { relaunch } from '@/lib/routes';
import { usePagedList } from './usePagedList';
import { useRequireSession } from './useSession';
import { useWalletChanged } from './useWalletEvents';

const PAGE_SIZE = 20;

/**
 * 我的卡包 (W3): the signed-in user's coupons by status, newest claim first, a page at a time.
 * Coming back to the page reloads it: a coupon redeemed at the till moves to 已使用.
 */
export function useWalletList() {
  const session = useRequireSession();
  const { state } = session;
  const memberId = state.status === 'ready' ? state.me.memberId : null;
  const [status, setStatus] = useState<CouponStatus>('AVAILABLE');
  const key = memberId ? `${memberId}:${status}` : null;
  const { remote, items: coupons, total, hasMore, loadingMore, loadMore } = usePagedList(
    key,
    (page) => call('wallet', 'list', { status, page, pageSize: PAGE_SIZE }),
    (p) => p.coupons,
    (c) => c.couponCode,
  );
  const { reload } = remote;

  // The first show is the initial load; later shows (back from elsewhere: a coupon may have been
  // redeemed at the till meanwhile) refresh, and so does a claim made while this page is open.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  useWalletChanged(() => void reload());

  return {
    session,
    remote,
    status,
    setStatus,
    coupons,
    total,
    hasMore,
    loadingMore,
    loadMore,
    copy: (code: string) => copyText(code, `已复制券码 ${code}`, '复制失败，请长按券码手动复制'),
    toHome: () => relaunch('home'),
  };
}
