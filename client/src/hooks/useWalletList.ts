import { useEffect, useRef, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { Coupon, CouponStatus } from '@shared/wallet/schema';
import { call, toCloudError } from '@/services/cloud';
import { showError, showToast } from '@/components/feedback';
import { relaunch } from '@/lib/routes';
import { useRemote } from './useRemote';
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
  const first = useRemote(key, () => call('wallet', 'list', { status, page: 1, pageSize: PAGE_SIZE }));
  const [more, setMore] = useState<Coupon[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const { reload } = first;

  useEffect(() => {
    setMore([]);
    setPage(1);
  }, [first.data]);

  // The first show is the initial load; later shows (back from elsewhere: a coupon may have been
  // redeemed at the till meanwhile) refresh, and so does a claim made while this page is open.
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  useWalletChanged(() => void reload());

  const seen = new Set<string>();
  const coupons = [...(first.data?.coupons ?? []), ...more].filter((c) => (seen.has(c.couponCode) ? false : (seen.add(c.couponCode), true)));
  const total = first.data?.total ?? 0;

  return {
    session,
    remote: first,
    status,
    setStatus,
    coupons,
    total,
    hasMore: coupons.length < total,
    loadingMore,
    loadMore: async () => {
      if (loadingMore) return;
      setLoadingMore(true);
      try {
        const next = await call('wallet', 'list', { status, page: page + 1, pageSize: PAGE_SIZE });
        setMore((m) => [...m, ...next.coupons]);
        setPage(page + 1);
      } catch (e) {
        showError(toCloudError(e));
      } finally {
        setLoadingMore(false);
      }
    },
    copy: async (code: string) => {
      try {
        await Taro.setClipboardData({ data: code });
        // The platform shows its own 内容已复制; one toast, ours, says what was copied.
        Taro.hideToast();
        showToast(`已复制券码 ${code}`, 'success');
      } catch {
        showToast('复制失败，请长按券码手动复制', 'fail');
      }
    },
    toHome: () => relaunch('home'),
  };
}
