import { ok, type Envelope } from '@shared/result';
import type { Clock, Logger } from '../runtime/context';
import { C } from '../runtime/records';
import type { Store } from '../store/port';
import { findByIds } from '../store/scan';
import { roomChanges } from './live.events';
import { consoleState, pushedNow, viewerView } from './live.handlers';
import { claimCounterId, type LiveClaimCounterDoc, type RoomDoc } from './live.records';

/** One open stream: the host's console, or a viewer (known by openid for their own claim count). */
export type FeedSubscriber = { kind: 'host'; send: (body: Envelope<unknown>) => void } | { kind: 'viewer'; openid: string; send: (body: Envelope<unknown>) => void };

interface RoomFeed {
  subscribers: Set<FeedSubscriber>;
  timer: NodeJS.Timeout | null;
}

/** Bursts of changes (a wave of claims) are answered once per this many ms. */
export const FEED_COALESCE_MS = 300;

/**
 * L5 for the local gateway's Server-Sent Events: one feed per room with open streams. A change is
 * answered once per burst, and what every stream of the room shares — the room, the pushed coupon
 * and its allocation, the host console — is read once; each viewer then adds only its own claim
 * count, read for all viewers together. A room with a thousand viewers costs a handful of reads per
 * update, not four thousand. Access is checked once, when a stream opens (by the action it opens with).
 */
export class LiveFeeds {
  private readonly feeds = new Map<string, RoomFeed>();
  private readonly onChange = (roomId: string) => this.changed(roomId);

  constructor(private readonly deps: { store: Store; clock: Clock; log: Logger }) {
    roomChanges.on('room', this.onChange);
  }

  /** Starts sending `subscriber` the room's state on every change; call the answer to stop. */
  subscribe(roomId: string, subscriber: FeedSubscriber): () => void {
    let feed = this.feeds.get(roomId);
    if (!feed) this.feeds.set(roomId, (feed = { subscribers: new Set(), timer: null }));
    feed.subscribers.add(subscriber);
    return () => {
      feed.subscribers.delete(subscriber);
      if (feed.subscribers.size || this.feeds.get(roomId) !== feed) return;
      if (feed.timer) clearTimeout(feed.timer);
      this.feeds.delete(roomId);
    };
  }

  close(): void {
    roomChanges.off('room', this.onChange);
    for (const feed of this.feeds.values()) if (feed.timer) clearTimeout(feed.timer);
    this.feeds.clear();
  }

  private changed(roomId: string): void {
    const feed = this.feeds.get(roomId);
    if (!feed || feed.timer) return;
    feed.timer = setTimeout(() => {
      feed.timer = null;
      this.publish(roomId, feed).catch((e: unknown) => this.deps.log.error('[live] feed update failed', e));
    }, FEED_COALESCE_MS);
  }

  private async publish(roomId: string, feed: RoomFeed): Promise<void> {
    const { store } = this.deps;
    const room = await store.get<RoomDoc>(C.liveRooms, roomId);
    if (!room) return;
    const subscribers = [...feed.subscribers];
    const hosts = subscribers.filter((s) => s.kind === 'host');
    const viewers = subscribers.flatMap((s) => (s.kind === 'viewer' ? [s] : []));
    if (hosts.length) {
      const body = ok(await consoleState(this.deps, room));
      for (const h of hosts) h.send(body);
    }
    if (!viewers.length) return;
    const now = this.deps.clock.now().getTime();
    const pushed = await pushedNow(this.deps, room, now);
    const counters = pushed ? await findByIds<LiveClaimCounterDoc>(store, C.liveClaimCounters, viewers.map((v) => claimCounterId(pushed.stock.id, v.openid))) : [];
    const counts = new Map(counters.map((c) => [c.id, c.count]));
    for (const v of viewers) v.send(ok(viewerView(room, pushed, pushed ? counts.get(claimCounterId(pushed.stock.id, v.openid)) ?? 0 : 0, now)));
  }
}
