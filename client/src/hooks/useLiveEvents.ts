import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/** A room was created or changed from this device: the room list reloads when it shows again. */
export const LIVE_ROOMS_CHANGED = 'live:rooms-changed';

export const emitLiveRoomsChanged = (roomId: string): void => {
  Taro.eventCenter.trigger(LIVE_ROOMS_CHANGED, roomId);
};

export function useLiveRoomsChanged(fn: (roomId: string) => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = (roomId: string) => ref.current(roomId);
    Taro.eventCenter.on(LIVE_ROOMS_CHANGED, handler);
    return () => {
      Taro.eventCenter.off(LIVE_ROOMS_CHANGED, handler);
    };
  }, []);
}
