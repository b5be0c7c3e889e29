import type { RoomState } from '@shared/live/schema';

/** A live room; its figures are counters moved by atomic increments (hot under a crowd). */
export interface RoomDoc {
  id: string;
  merchantId: string;
  appid: string;
  name: string;
  hostName: string;
  startAt: string;
  endAt: string;
  state: RoomState;
  replay: boolean;
  comments: boolean;
  /** Live time before the current stretch, and when the current stretch began (0 when not live). */
  liveAccumMs: number;
  liveSinceMs: number;
  /** The coupon being pushed and when the push ends (0: none). A push ends by itself. */
  pushStockId: string;
  pushEndsAtMs: number;
  onShelfCount: number;
  online: number;
  viewers: number;
  views: number;
  /** Watch time of finished sessions, and the sum of the running sessions' start instants. */
  watchMsDone: number;
  onlineStartSumMs: number;
  createdAt: string;
}

/** `<roomId>:<stockId>` */
export interface RoomCouponDoc {
  id: string;
  roomId: string;
  stockId: string;
  merchantId: string;
  quantity: number;
  claimed: number;
  onShelf: boolean;
  /**
   * The end of the push holding this coupon on the shelf (0: none). Set before the room's push and
   * guarding a take-off, so a push and a take-off meet on this one document (L3, L4).
   */
  pushEndsAtMs: number;
  addedAt: string;
}

/** `<roomId>:<openid>`: one viewer's presence in one room. */
export interface RoomViewerDoc {
  id: string;
  roomId: string;
  openid: string;
  online: boolean;
  sessionStartMs: number;
  watchMs: number;
  views: number;
}

/** `<stockId>:<openid>`: live claims of one stock by one user, against its perUserLimit (W2). */
export interface LiveClaimCounterDoc {
  id: string;
  count: number;
}

export const claimCounterId = (stockId: string, openid: string): string => `${stockId}:${openid}`;
