import { useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { toMillis } from '@shared/time';
import type { CloudError } from '@/services/cloud';
import { subscribeRoom, type LiveConsole, type LiveViewerState, type RoomHandlers, type Unsubscribe } from '@/services/realtime';

export interface RoomFeed<S> {
  state: S | undefined;
  error: CloudError | undefined;
  /** The subscription stopped for good (room gone, no permission). */
  final: boolean;
  /** Take a state that an action answered with (newer than what the feed had, or as new). */
  accept: (s: S) => void;
  /** Subscribe again (after an error the user wants to retry). */
  retry: () => void;
}

/**
 * A room's state kept fresh through `subscribeRoom` while the page is shown (a hidden page costs
 * nothing). States from the feed and from actions meet here; an older one never replaces a newer.
 * `subscribe` null: not ready yet (no session, no room id).
 */
function useFeed<S extends { now: string }>(key: string, subscribe: ((h: RoomHandlers<S>) => Unsubscribe) | null): RoomFeed<S> {
  const [state, setState] = useState<S>();
  const [error, setError] = useState<CloudError>();
  const [final, setFinal] = useState(false);
  const [visible, setVisible] = useState(true);
  const [attempt, setAttempt] = useState(0);
  const latest = useRef(0);
  const subscribeRef = useRef(subscribe);
  subscribeRef.current = subscribe;

  const accept = (s: S) => {
    const at = toMillis(s.now);
    if (at < latest.current) return;
    latest.current = at;
    setState(s);
    setError(undefined);
  };
  const acceptRef = useRef(accept);
  acceptRef.current = accept;

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  const ready = subscribe !== null;
  useEffect(() => {
    const run = subscribeRef.current;
    if (!run || !visible || final) return undefined;
    return run({
      onState: (s) => acceptRef.current(s),
      onError: (e, isFinal) => {
        setError(e);
        if (isFinal) setFinal(true);
      },
    });
  }, [key, ready, visible, final, attempt]);

  const retry = () => {
    setError(undefined);
    setFinal(false);
    setAttempt((a) => a + 1);
  };
  return { state, error, final, accept, retry };
}

/** The host's console of `roomId` for `merchantId` (null while the session loads). */
export function useConsoleFeed(roomId: string, merchantId: string | null): RoomFeed<LiveConsole> {
  return useFeed<LiveConsole>(`${merchantId ?? ''}:${roomId}`, merchantId && roomId ? (h) => subscribeRoom(roomId, { merchantId }, h) : null);
}

/** What a viewer of `roomId` sees (`enabled` false while the session loads). */
export function useViewerFeed(roomId: string, enabled: boolean): RoomFeed<LiveViewerState> {
  return useFeed<LiveViewerState>(roomId, enabled && roomId ? (h) => subscribeRoom(roomId, {}, h) : null);
}
