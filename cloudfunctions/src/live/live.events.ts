import { EventEmitter } from 'node:events';

/**
 * In-process notice that a room changed, for the local gateway's Server-Sent Events. On CloudBase
 * nobody listens: the mini-program watches the database instead.
 */
export const roomChanges = new EventEmitter();
roomChanges.setMaxListeners(0);

export const roomChanged = (roomId: string): void => {
  roomChanges.emit('room', roomId);
};
