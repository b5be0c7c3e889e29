/**
 * 观看直播 (?roomId=): the viewer's side (L6). Joins when the page shows (`live.join`), leaves when it
 * hides or unloads (`live.leave`), follows the room through `subscribeRoom`, and claims the pushed
 * coupon with one requestId per claim, kept for a retry after a network failure (W2).
 */
import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import type { OutputOf } from '@shared/api';
import { call, toCloudError, type CloudError } from '@/services/cloud';
import { showError } from '@/components/feedback';
import { claimRefusal, secondsLeft } from '@/components/live/liveText';
import { newRequestId } from '@/lib/requestId';
import { go } from '@/lib/routes';
import { useServerClock } from './useLiveClock';
import { useViewerFeed } from './useLiveRoomFeed';
import { usePageParams } from './usePageParams';
import { useRequireSession } from './useSession';

type Claimed = OutputOf<'live', 'claim'>['coupons'][number];

export type ClaimOutcome =
  | { kind: 'claimed'; stockId: string; coupon: Claimed }
  | { kind: 'refused'; stockId: string; code: string; title: string; text: string };

export function useLiveWatch() {
  const params = usePageParams();
  const roomId = params.roomId ?? '';
  const session = useRequireSession();
  const ready = session.state.status === 'ready';
  const feed = useViewerFeed(roomId, ready);
  const state = feed.state;
  const nowMs = useServerClock(state?.now);
  const [joinError, setJoinError] = useState<CloudError>();
  const [claiming, setClaiming] = useState(false);
  const [outcome, setOutcome] = useState<ClaimOutcome>();
  const joined = useRef(false);
  const visible = useRef(true);

  const join = async () => {
    if (joined.current || !roomId) return;
    joined.current = true;
    try {
      feed.accept(await call('live', 'join', { roomId }));
      setJoinError(undefined);
    } catch (e) {
      joined.current = false;
      setJoinError(toCloudError(e));
    }
  };
  const leave = () => {
    if (!joined.current) return;
    joined.current = false;
    // Fire and forget: the page is going away; a lost leave ends the session at the next join.
    call('live', 'leave', { roomId }).catch(() => undefined);
  };

  // Join once the session is there (the first show may come before it).
  const joinRef = useRef(join);
  joinRef.current = join;
  const leaveRef = useRef(leave);
  leaveRef.current = leave;
  useEffect(() => {
    if (ready && visible.current) void joinRef.current();
  }, [ready, roomId]);
  useDidShow(() => {
    visible.current = true;
    if (ready) void join();
  });
  useDidHide(() => {
    visible.current = false;
    leave();
  });
  useUnload(() => leaveRef.current());
  useEffect(() => () => leaveRef.current(), []);

  const pushed = state?.pushed ?? null;
  const left = pushed ? secondsLeft(pushed.pushEndsAt, nowMs) : 0;
  const live = pushed && left > 0 ? pushed : null;

  // A ref, not state: a second tap in the same tick sees it before React re-renders the button disabled.
  const inFlight = useRef(false);
  // Kept while the outcome is unknown (network failure): the retry is the same claim, answered once.
  const pending = useRef<{ stockId: string; requestId: string }>();

  const claim = async () => {
    if (!live || inFlight.current) return;
    inFlight.current = true;
    setClaiming(true);
    const stockId = live.stockId;
    if (pending.current?.stockId !== stockId) pending.current = { stockId, requestId: newRequestId('lc') };
    const { requestId } = pending.current;
    try {
      const out = await call('live', 'claim', { roomId, stockId, requestId });
      pending.current = undefined;
      const coupon = out.coupons[0];
      if (coupon) setOutcome({ kind: 'claimed', stockId, coupon });
    } catch (e) {
      const err = toCloudError(e);
      if (!err.isNetwork) pending.current = undefined;
      if (err.code.startsWith('LIVE.')) setOutcome({ kind: 'refused', stockId, code: err.code, ...claimRefusal(err.code, err.message, live) });
      else showError(err);
    } finally {
      inFlight.current = false;
      setClaiming(false);
    }
    // My count and what is left: the feed brings them too, this is just sooner.
    call('live', 'watch', { roomId }).then(feed.accept, () => undefined);
  };

  const mine = live ? live.myClaims : 0;
  return {
    session,
    roomId,
    state,
    error: joinError ?? feed.error,
    final: feed.final || joinError?.code === 'LIVE.ROOM_NOT_FOUND',
    loading: !state && !joinError && !feed.error,
    pushed: live,
    secondsLeft: left,
    /** This viewer reached the per-user limit of the pushed coupon. */
    limitReached: !!live && mine >= live.perUserLimit,
    soldOut: !!live && live.left <= 0,
    claiming,
    claim: () => void claim(),
    // Shown until dismissed or until another coupon is pushed.
    outcome: outcome && (!live || outcome.stockId === live.stockId) ? outcome : undefined,
    dismiss: () => setOutcome(undefined),
    openWallet: () => go('walletList'),
    retry: () => {
      setJoinError(undefined);
      feed.retry();
      void join();
    },
  };
}

export type LiveWatchVm = ReturnType<typeof useLiveWatch>;
