import type { StockDraft, StockState } from '@shared/stock/schema';

/** A stored voucher stock. Counters move by atomic increments; `state` by transitions. */
export interface StockDoc extends StockDraft {
  id: string;
  merchantId: string;
  state: StockState;
  /** Millisecond copies of the window, for range queries and status derivation. */
  availableBeginMs: number;
  availableEndMs: number;
  remaining: number;
  issued: number;
  used: number;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
}

export interface StockAuthorizationDoc {
  /** `<stockId>:<appid>`: authorizing twice finds the same document. */
  id: string;
  merchantId: string;
  stockId: string;
  appid: string;
  authorizedAt: string;
  actorId: string;
}
