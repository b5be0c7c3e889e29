import { emitAppEvent, useAppEvent } from './useAppEvent';

/** A room was created or changed from this device: the room list reloads. */
const LIVE_ROOMS_CHANGED = 'live:rooms-changed';

export const emitLiveRoomsChanged = (roomId: string): void => emitAppEvent(LIVE_ROOMS_CHANGED, roomId);

export const useLiveRoomsChanged = (fn: (roomId: string) => void): void => useAppEvent(LIVE_ROOMS_CHANGED, fn);
