/**
 * L5 over the local gateway's Server-Sent Events, on real sockets: a host console and a crowd of
 * viewers on one room. After claims, every stream gets one coalesced update with the room's figures
 * and the viewer's own count, and the room's shared documents are read once for all of them.
 */
import type { FastifyInstance } from 'fastify';
import { get as httpGet, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { OutputOf } from '@shared/api';
import { toRfc3339 } from '@shared/time';
import { LocalFileStorage } from '../../src/files/file.storage';
import { FEED_COALESCE_MS } from '../../src/live/live.feed';
import { AdjustableClock } from '../../src/runtime/clock';
import { buildGateway } from '../../src/runtime/gateway/gateway';
import { C, type MemberDoc } from '../../src/runtime/records';
import { DEMO } from '../../src/seed/demo';
import type { Store } from '../../src/store/port';
import { data, makeHarness, silentLog, type Harness } from '../support/harness';
import { devLogin } from '../support/gateway-inject';

type Console = OutputOf<'live', 'room'>;
type Viewer = OutputOf<'live', 'watch'>;

const NOW = '2026-11-22T10:00:00+08:00';
const SH = DEMO.carrefourSh;
const { merchant: ADMIN, host: HOST } = DEMO.members;
const APPID = 'wxebb78adbe8371f8c';
const VIEWERS = 40;

let h: Harness;
let app: FastifyInstance;
let base: string;
const streams: IncomingMessage[] = [];

beforeEach(async () => {
  h = await makeHarness(NOW);
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.destroy();
  await app?.close();
  await h.close();
});

let seq = 0;
const rid = (p: string) => `${p}-feed-${String(++seq).padStart(6, '0')}`;

/** A live room with one pushed stock (quantity 50 in the room, 2 per user), and the gateway on a socket. */
async function pushedRoom(): Promise<{ roomId: string; stockId: string }> {
  const stock = data(await h.call<{ stockId: string }>(ADMIN, 'stock', 'create', {
    merchantId: SH, requestId: rid('stock'), name: '直播间满100减30', funding: 'PREPAID', faceValue: 3_000, minSpend: 10_000,
    availableBegin: '2026-11-22T10:05:00+08:00', availableEnd: '2026-12-22T23:59:59+08:00', timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0, excludedGoodsCodes: [], instructions: '满100元减30元', scope: 'ALL', availableGoodsCodes: [],
    totalQuantity: 100, perUserLimit: 2, usableMerchantIds: [SH], usableStoreIds: [], cardPackInsertable: true, purpose: 'GENERAL',
  }));
  data(await h.call(ADMIN, 'stock', 'activate', { merchantId: SH, stockId: stock.stockId }));
  data(await h.call(ADMIN, 'stock', 'authorizeAppid', { merchantId: SH, stockId: stock.stockId, appid: APPID }));
  const now = h.clock.now().getTime();
  const room = data(await h.call<{ roomId: string }>(HOST, 'live', 'createRoom', {
    merchantId: SH, requestId: rid('room'), appid: APPID, name: '家乐福直播专场', hostName: '小美',
    startAt: toRfc3339(now + 10 * 60_000), endAt: toRfc3339(now + 130 * 60_000),
  }));
  data(await h.call(HOST, 'live', 'addCoupon', { merchantId: SH, roomId: room.roomId, stockId: stock.stockId, quantity: 50 }));
  data(await h.call(HOST, 'live', 'shelve', { merchantId: SH, roomId: room.roomId, stockId: stock.stockId, onShelf: true }));
  h.clock.advance(10 * 60_000);
  data(await h.call(HOST, 'live', 'control', { merchantId: SH, roomId: room.roomId, op: 'start' }));
  data(await h.call(HOST, 'live', 'push', { merchantId: SH, roomId: room.roomId, stockId: stock.stockId }));

  const clock = new AdjustableClock();
  clock.set(h.clock.now());
  app = await buildGateway({ store: h.store, clock, log: silentLog, mode: 'local', sessionSecret: 'feed-secret-0123456789abcdef0123456789', files: new LocalFileStorage(join(h.dir, 'uploads')) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return { roomId: room.roomId, stockId: stock.stockId };
}

const login = (memberId: string) => devLogin(app, memberId);

/** An open SSE stream: the envelopes received so far, and a wait for the next one. */
async function openStream(path: string, cookie: string) {
  const events: unknown[] = [];
  let waiters: Array<() => void> = [];
  const res = await new Promise<IncomingMessage>((ok, fail) => httpGet(`${base}${path}`, { headers: { cookie } }, ok).on('error', fail));
  streams.push(res);
  expect(res.headers['content-type']).toMatch(/text\/event-stream/);
  let buffer = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    buffer += chunk;
    for (let i = buffer.indexOf('\n\n'); i >= 0; i = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      if (frame.startsWith('data: ')) events.push(JSON.parse(frame.slice(6)));
    }
    for (const w of waiters.splice(0)) w();
  });
  const count = async (n: number) => {
    const deadline = Date.now() + 10_000;
    while (events.length < n) {
      if (Date.now() > deadline) throw new Error(`${path}: ${events.length} events, waited for ${n}`);
      await new Promise<void>((ok) => {
        waiters.push(ok);
        setTimeout(ok, 200);
      });
    }
    waiters = [];
    return events;
  };
  return { events, count, close: () => res.destroy() };
}

/** Counts every read of the store by collection while `fn` runs… and until `settle` says stop. */
function countReads(store: Store) {
  const reads: Record<string, number> = {};
  const s = store as unknown as Record<'get' | 'find' | 'count', (c: string, ...rest: unknown[]) => Promise<unknown>>;
  const originals = { get: s.get, find: s.find, count: s.count };
  for (const m of ['get', 'find', 'count'] as const) {
    s[m] = function (this: unknown, c: string, ...rest: unknown[]) {
      reads[`${m} ${c}`] = (reads[`${m} ${c}`] ?? 0) + 1;
      return originals[m].call(this, c, ...rest);
    };
  }
  return { reads, restore: () => Object.assign(s, originals) };
}

describe('live events (SSE): one feed per room', () => {
  it(`a host and ${VIEWERS} viewers: after a burst of claims each stream gets one update with its own figures, and the room is read once for all`, async () => {
    const { roomId, stockId } = await pushedRoom();
    await h.store.transaction(async (tx) => {
      for (let i = 1; i <= VIEWERS; i++) await tx.set(C.members, { id: `feed-${i}`, openid: `o-feed-${i}`, nickname: `观众${i}`, memberships: [] } satisfies MemberDoc);
    });
    const host = await openStream(`/api/live/${roomId}/events?merchantId=${SH}`, await login(HOST));
    const cookies: string[] = [];
    const viewers = [];
    for (let i = 1; i <= VIEWERS; i++) {
      cookies.push(await login(`feed-${i}`));
      viewers.push(await openStream(`/api/live/${roomId}/events`, cookies[i - 1]!));
    }
    await host.count(1);
    for (const v of viewers) expect(((await v.count(1))[0] as { data: Viewer }).data.pushed).toMatchObject({ stockId, left: 50, myClaims: 0 });
    // Let the updates from the viewers opening their streams pass before counting.
    await new Promise((ok) => setTimeout(ok, FEED_COALESCE_MS * 3));
    const hostSeen = host.events.length;
    const viewerSeen = viewers.map((v) => v.events.length);

    const counter = countReads(h.store);
    try {
      // Viewer 1 claims twice and viewer 2 once, within one burst.
      const claim = (cookie: string) => fetch(`${base}/api/live`, {
        method: 'POST', headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'claim', data: { roomId, stockId, requestId: rid('claim') } }),
      }).then((r) => r.json() as Promise<{ ok: boolean }>);
      expect((await Promise.all([claim(cookies[0]!), claim(cookies[0]!), claim(cookies[1]!)])).every((r) => r.ok)).toBe(true);
      for (const key of Object.keys(counter.reads)) delete counter.reads[key];

      const last = async <T>(s: { count: (n: number) => Promise<unknown[]> }, seen: number) => ((await s.count(seen + 1)).at(-1) as { ok: true; data: T }).data;
      const console = await last<Console>(host, hostSeen);
      expect(console.coupons[0]).toMatchObject({ stockId, claimed: 3, quantity: 50, stockRemaining: 97 });
      for (const [i, v] of viewers.entries()) {
        const state = await last<Viewer>(v, viewerSeen[i]!);
        expect([i, state.pushed]).toEqual([i, expect.objectContaining({ stockId, left: 47, myClaims: i === 0 ? 2 : i === 1 ? 1 : 0 })]);
      }
      await new Promise((ok) => setTimeout(ok, FEED_COALESCE_MS * 2));
      // One update per stream for the burst, not one per claim.
      expect(host.events.length).toBe(hostSeen + 1);
      expect(viewers.map((v, i) => v.events.length - viewerSeen[i]!)).toEqual(viewers.map(() => 1));
      // The room, the pushed stock and its allocation once, the console's lists once, all viewers' counts in one query.
      expect(counter.reads).toEqual({
        [`get ${C.liveRooms}`]: 1,
        [`find ${C.roomCoupons}`]: 1,
        [`find ${C.stocks}`]: 1,
        [`get ${C.stocks}`]: 1,
        [`get ${C.roomCoupons}`]: 1,
        [`find ${C.liveClaimCounters}`]: 1,
      });
    } finally {
      counter.restore();
    }
  });

  it('a viewer whose stream closes leaves the room (L6): the host\'s console shows one fewer online', async () => {
    const { roomId } = await pushedRoom();
    const host = await openStream(`/api/live/${roomId}/events?merchantId=${SH}`, await login(HOST));
    data(await h.call(DEMO.members.merchant, 'live', 'join', { roomId }));
    const viewer = await openStream(`/api/live/${roomId}/events`, await login(DEMO.members.merchant));
    await viewer.count(1);
    const lastOnline = () => (host.events.at(-1) as { data: Console }).data.stats.online;
    const until = async (ok: () => boolean) => {
      for (const deadline = Date.now() + 5_000; !ok() && Date.now() < deadline;) await new Promise((r) => setTimeout(r, 50));
      return ok();
    };
    expect(await until(() => lastOnline() === 1)).toBe(true);
    viewer.close();
    expect(await until(() => lastOnline() === 0)).toBe(true);
  });
});
