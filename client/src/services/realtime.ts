/**
 * Live-room updates, one abstraction for both platforms: `subscribeRoom(roomId, { merchantId? }, onState)`.
 * With `merchantId` it delivers the host's console (`live.room`), without it the viewer's state
 * (`live.watch`). It never writes; pages act through `call` and get the fresh state back from it.
 *
 * - H5 (local gateway): Server-Sent Events on `GET /api/live/:roomId/events`, one `data:` envelope
 *   per change, bursts coalesced by the server to one per 300 ms. EventSource retries a dropped
 *   stream by itself; when the server refuses the stream (an error envelope instead of events) the
 *   browser gives up, so we read once through `call` to learn why and reconnect with a back-off
 *   unless the refusal is final (room gone, no permission, signed out).
 * - weapp (CloudBase): the realtime database `watch()` on the room document tells us *that* the room
 *   changed; the state itself is read again through the cloud function, which checks identity and
 *   role. See `subscribeWeapp` for why there is also a 2-second poll.
 *
 * Countdowns (推送中 47s, live duration, current time) tick locally from the last state and the
 * server's clock offset (`serverOffsetMs`), not by polling.
 */
import Taro from '@tarojs/taro';
import type { OutputOf } from '@shared/api';
import { consoleSchema, viewerStateSchema } from '@shared/live/schema';
import type { Envelope } from '@shared/result';
import { toMillis } from '@shared/time';
import { call, CloudError, toCloudError } from './cloud';

export type LiveConsole = OutputOf<'live', 'room'>;
export type LiveViewerState = OutputOf<'live', 'watch'>;
export type Unsubscribe = () => void;

export interface RoomHandlers<S> {
  onState: (state: S) => void;
  /** A failure: `final` means the subscription has stopped (the room is gone, no permission…). */
  onError?: (error: CloudError, final: boolean) => void;
}

/** Errors after which retrying cannot help: the subscription stops. */
const FINAL_CODES = new Set(['LIVE.ROOM_NOT_FOUND', 'AUTH.FORBIDDEN', 'AUTH.UNAUTHENTICATED', 'REQUEST.INVALID']);
export const isFinalRealtimeError = (e: CloudError): boolean => FINAL_CODES.has(e.code);

const POLL_MS = 2_000;
const RETRY_MS = [1_000, 2_000, 5_000, 10_000];

/** How far the server's clock is ahead of this device's, from a state's `now` (ms). */
export const serverOffsetMs = (serverNow: string, receivedAt = Date.now()): number => toMillis(serverNow) - receivedAt;

export function subscribeRoom(roomId: string, opts: { merchantId: string }, handlers: RoomHandlers<LiveConsole>): Unsubscribe;
export function subscribeRoom(roomId: string, opts: { merchantId?: undefined }, handlers: RoomHandlers<LiveViewerState>): Unsubscribe;
export function subscribeRoom(roomId: string, opts: { merchantId?: string | undefined }, handlers: RoomHandlers<LiveConsole> | RoomHandlers<LiveViewerState>): Unsubscribe {
  const source = opts.merchantId ? consoleSource(roomId, opts.merchantId) : viewerSource(roomId);
  const h = handlers as RoomHandlers<unknown>;
  return process.env.TARO_ENV === 'h5' ? subscribeSse(roomId, source, h) : subscribeWeapp(roomId, source, h);
}

// ---- what to read ----

interface Source {
  /** The SSE query string (`?merchantId=…` for the console, empty for the viewer). */
  query: string;
  read: () => Promise<unknown>;
  /** The state inside an SSE message, checked against the contract; undefined if it is not one. */
  parse: (data: unknown) => unknown;
}

const parser = (schema: typeof consoleSchema | typeof viewerStateSchema) => (data: unknown) => {
  const r = schema.safeParse(data);
  return r.success ? r.data : undefined;
};

const consoleSource = (roomId: string, merchantId: string): Source => ({
  query: `?merchantId=${encodeURIComponent(merchantId)}`,
  read: () => call('live', 'room', { merchantId, roomId }),
  parse: parser(consoleSchema),
});

const viewerSource = (roomId: string): Source => ({
  query: '',
  read: () => call('live', 'watch', { roomId }),
  parse: parser(viewerStateSchema),
});

// ---- H5: Server-Sent Events ----

function isEnvelope(v: unknown): v is Envelope<unknown> {
  return typeof v === 'object' && v !== null && 'ok' in v && typeof (v as { ok: unknown }).ok === 'boolean';
}

function subscribeSse(roomId: string, source: Source, h: RoomHandlers<unknown>): Unsubscribe {
  let closed = false;
  let es: EventSource | null = null;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;

  const stop = () => {
    closed = true;
    es?.close();
    es = null;
    if (retry) clearTimeout(retry);
    retry = null;
  };
  const fail = (e: CloudError) => {
    const final = isFinalRealtimeError(e);
    if (final) stop();
    h.onError?.(e, final);
    return final;
  };

  const scheduleReconnect = () => {
    if (closed || retry) return;
    const wait = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 10_000;
    attempt += 1;
    retry = setTimeout(() => {
      retry = null;
      void recover();
    }, wait);
  };

  /** The stream was refused or lost for good: one plain read tells whether to try again. */
  const recover = async () => {
    if (closed) return;
    try {
      const state = await source.read();
      if (closed) return;
      h.onState(state);
      connect();
    } catch (e) {
      if (closed) return;
      if (!fail(toCloudError(e))) scheduleReconnect();
    }
  };

  const connect = () => {
    if (closed || typeof EventSource === 'undefined') return;
    const stream = new EventSource(`/api/live/${encodeURIComponent(roomId)}/events${source.query}`, { withCredentials: true });
    es = stream;
    stream.onmessage = (ev: MessageEvent<string>) => {
      let body: unknown;
      try {
        body = JSON.parse(ev.data);
      } catch {
        return;
      }
      if (!isEnvelope(body)) return;
      if (!body.ok) {
        fail(new CloudError(body.error.code, body.error.message, body.error.issues ?? []));
        return;
      }
      const state = source.parse(body.data);
      if (state === undefined) return;
      attempt = 0;
      h.onState(state);
    };
    stream.onerror = () => {
      // CONNECTING: the browser is already retrying a dropped stream. CLOSED: it gave up.
      if (stream.readyState !== EventSource.CLOSED || closed) return;
      stream.close();
      if (es === stream) es = null;
      scheduleReconnect();
    };
  };

  if (typeof EventSource === 'undefined') {
    // No EventSource (very old webviews): poll like the mini-program does.
    return poll(source, h, 0);
  }
  connect();
  return stop;
}

// ---- weapp: CloudBase realtime + read through the function ----

/**
 * The mini-program cannot receive the gateway's SSE. CloudBase's realtime `watch()` on the room
 * document would tell us the moment a counter moves, and then we read the state through the cloud
 * function (identity and roles are checked there, never in the client).
 *
 * But cloudbase.database-rules.json denies every direct client read, `liveRooms` included (the room
 * document carries counters a viewer must not read raw, and rules cannot hide fields). A watch on a
 * collection the user cannot read fails in `onError`, so in this deployment the subscription falls
 * back to polling the function every 2 s — the watch is kept so that granting read on `liveRooms`
 * alone upgrades it to push-speed updates without a client change. The poll also covers a watch
 * that dies later (network switch, background), which CloudBase reports the same way.
 */
function subscribeWeapp(roomId: string, source: Source, h: RoomHandlers<unknown>): Unsubscribe {
  let closed = false;
  let stopPoll: Unsubscribe | null = null;
  let watcher: { close: () => Promise<unknown> } | null = null;
  let reading = false;
  let again = false;

  const read = async () => {
    if (reading) {
      again = true;
      return;
    }
    reading = true;
    try {
      const state = await source.read();
      if (!closed) h.onState(state);
    } catch (e) {
      const err = toCloudError(e);
      if (!closed) {
        const final = isFinalRealtimeError(err);
        if (final) stop();
        h.onError?.(err, final);
      }
    } finally {
      reading = false;
      if (again && !closed) {
        again = false;
        void read();
      }
    }
  };

  const fallBackToPolling = () => {
    if (closed || stopPoll) return;
    watcher?.close().catch(() => undefined);
    watcher = null;
    // The first read already ran; the poll takes over 2 s later.
    stopPoll = poll(source, h, POLL_MS);
  };

  const stop = () => {
    closed = true;
    watcher?.close().catch(() => undefined);
    watcher = null;
    stopPoll?.();
    stopPoll = null;
  };

  void read();
  try {
    // `where({ _id })` rather than `doc(id).watch`: the same listener, and the one Taro's types declare.
    watcher = Taro.cloud.database().collection('liveRooms').where({ _id: roomId }).watch({
      onChange: () => void read(),
      onError: fallBackToPolling,
    });
  } catch {
    fallBackToPolling();
  }
  return stop;
}

/** Read every 2 s until stopped; final errors stop it, others are reported and the poll goes on. */
function poll(source: Source, h: RoomHandlers<unknown>, firstAfterMs: number): Unsubscribe {
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const tick = async () => {
    try {
      const state = await source.read();
      if (closed) return;
      h.onState(state);
    } catch (e) {
      if (closed) return;
      const err = toCloudError(e);
      const final = isFinalRealtimeError(err);
      h.onError?.(err, final);
      if (final) {
        closed = true;
        return;
      }
    }
    if (!closed) timer = setTimeout(() => void tick(), POLL_MS);
  };
  timer = setTimeout(() => void tick(), firstAfterMs);
  return () => {
    closed = true;
    if (timer) clearTimeout(timer);
  };
}
