import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { OutputOf } from '@shared/api';
import { call } from '@/services/cloud';
import { go } from '@/lib/routes';
import { useActingMerchant } from './useActing';
import { useLiveRoomsChanged } from './useLiveEvents';
import { usePagedList } from './usePagedList';

export type LiveRoomItem = OutputOf<'live', 'rooms'>['rooms'][number];
export const LIVE_ROLES = ['SP_ADMIN', 'MERCHANT_ADMIN', 'LIVE_HOST'] as const;

/** 直播间 list of the acting merchant, with status and online count; fresh whenever it shows again. */
export function useLiveRooms() {
  const { session, acting, forbidden, merchantId, scope } = useActingMerchant(LIVE_ROLES);
  const { remote, items: rooms, total, hasMore, loadingMore, loadMore } = usePagedList(
    merchantId,
    (page) => call('live', 'rooms', { merchantId: merchantId ?? '', page, pageSize: 20 }),
    (p) => p.rooms,
    (r) => r.roomId,
  );
  const shown = useRef(false);
  const { reload } = remote;

  useLiveRoomsChanged(() => void reload());
  // Back from a console: online counts and states have moved.
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });

  return {
    session,
    acting,
    forbidden,
    remote,
    rooms,
    total,
    hasMore,
    loadingMore,
    loadMore,
    open: (r: LiveRoomItem) => go('liveConsole', { roomId: r.roomId, ...scope }),
    create: () => go('liveCreate', scope),
  };
}
