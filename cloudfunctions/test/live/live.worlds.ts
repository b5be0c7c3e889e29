import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionName, OutputOf } from '@shared/api';
import type { Envelope } from '@shared/result';
import { LocalFileStorage } from '../../src/files/file.storage';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { FixedClock } from '../../src/runtime/clock';
import { dispatch } from '../../src/runtime/dispatch';
import { DEMO, seedDemo } from '../../src/seed/demo';
import { CloudbaseStore } from '../../src/store/cloudbase/cloudbase.store';
import type { Store } from '../../src/store/port';
import { data, makeHarness, silentLog } from '../support/harness';
import { startTcbStub, type RecordedRequest, type TcbStub } from '../support/tcb-stub';

/**
 * Live rooms on both engines: a temporary SQLite file (batches all-or-nothing) and the real
 * CloudBase adapter against the TCB stub (each operation atomic alone), with the demo data, and
 * calls through the real dispatcher. `eachLiveWorld((w) => (world = w))` in a describe.each.
 */

export type Engine = 'sqlite' | 'cloudbase';
export const ENGINES: Engine[] = ['sqlite', 'cloudbase'];

export interface LiveWorld {
  engine: Engine;
  store: Store;
  clock: FixedClock;
  call<T = unknown>(memberId: string | null, fn: FunctionName, action: string, data?: unknown): Promise<Envelope<T>>;
  /** CloudBase only: the stub, and what it has been sent. */
  stub?: TcbStub;
}

export const NOW = '2026-11-22T10:00:00+08:00';
export const SH = DEMO.carrefourSh;
export const { merchant: ADMIN, host: HOST } = DEMO.members;
export const APPID = 'wxebb78adbe8371f8c';
const MIN = 60_000;

// Outside Tencent Cloud the SDK probes the metadata service on every call; this tells it not to.
process.env.TENCENTCLOUD = 'true';

/** A fresh world of `engine` before each test, handed to `set`; closed after. */
export function eachLiveWorld(engine: Engine, set: (w: LiveWorld) => void): void {
  let stub: TcbStub | undefined;
  let close: (() => Promise<void>) | undefined;
  if (engine === 'cloudbase') {
    beforeAll(async () => {
      stub = await startTcbStub();
    });
    afterAll(async () => {
      await stub?.close();
    });
  }
  beforeEach(async () => {
    if (engine === 'sqlite') {
      const h = await makeHarness(NOW);
      close = () => h.close();
      set({ engine, store: h.store, clock: h.clock, call: (m, fn, action, input) => h.call(m, fn, action, input) });
      return;
    }
    stub!.reset();
    const store = new CloudbaseStore({ env: 'stub-env', serviceUrl: stub!.url, secretId: 'stub-id', secretKey: 'stub-key', timeout: 5000 });
    const clock = new FixedClock(new Date(NOW));
    const dir = mkdtempSync(join(tmpdir(), 'coupon-desk-live-'));
    const files = new LocalFileStorage(join(dir, 'uploads'));
    await seedDemo(store, clock.now());
    close = async () => rmSync(dir, { recursive: true, force: true });
    set({
      engine, store, clock, stub,
      async call<T>(memberId: string | null, fn: FunctionName, action: string, input?: unknown) {
        const actor = memberId ? await actorForMemberId(store, memberId) : null;
        if (memberId && !actor) throw new Error(`no member ${memberId}`);
        return dispatch(fn, HANDLERS[fn] as never, { action, data: input }, { actor, clock, store, files, log: silentLog }) as Promise<Envelope<T>>;
      },
    });
  });
  afterEach(async () => {
    await close?.();
  });
}

const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument', 'database.commitTransaction']);
/** The writes the stub received since `from` (an index into its requests). */
export const writesSince = (stub: TcbStub, from: number): RecordedRequest[] => stub.requests.slice(from).filter((r) => WRITES.has(r.action));

let seq = 0;
export const rid = (p: string) => `${p}-${process.pid}-${String(++seq).padStart(6, '0')}`;

type Stock = OutputOf<'stock', 'create'>;
type Room = OutputOf<'live', 'createRoom'>;
export type Console = OutputOf<'live', 'room'>;
export type Claim = OutputOf<'live', 'claim'>;

/** A 全场 GENERAL stock of 家乐福上海, activated and authorized for APPID. */
export async function makeStock(w: LiveWorld, over: Record<string, unknown> = {}): Promise<Stock> {
  const s = data(await w.call<Stock>(ADMIN, 'stock', 'create', {
    merchantId: SH, requestId: rid('stock'), name: '全员裂变通优惠券', funding: 'PREPAID', faceValue: 50_000, minSpend: 500_000,
    availableBegin: '2026-11-23T00:00:00+08:00', availableEnd: '2026-12-22T23:59:59+08:00', timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0, excludedGoodsCodes: [], instructions: '满5000元减500元，全场通用', scope: 'ALL', availableGoodsCodes: [],
    totalQuantity: 100, perUserLimit: 2, usableMerchantIds: [SH], usableStoreIds: [], cardPackInsertable: true, purpose: 'GENERAL', ...over,
  }));
  data(await w.call(ADMIN, 'stock', 'activate', { merchantId: SH, stockId: s.stockId }));
  data(await w.call(ADMIN, 'stock', 'authorizeAppid', { merchantId: SH, stockId: s.stockId, appid: APPID }));
  return s;
}

/** A room started 10 minutes from now, with each stock added (quantity each) and on the shelf. */
export async function liveRoom(w: LiveWorld, stocks: Array<{ stockId: string; quantity: number }>): Promise<string> {
  const now = w.clock.now().getTime();
  const room = data(await w.call<Room>(HOST, 'live', 'createRoom', {
    merchantId: SH, requestId: rid('room'), appid: APPID, name: '家乐福双十二直播专场', hostName: '小美',
    startAt: new Date(now + 10 * MIN).toISOString(), endAt: new Date(now + 130 * MIN).toISOString(),
  }));
  for (const s of stocks) {
    data(await w.call(HOST, 'live', 'addCoupon', { merchantId: SH, roomId: room.roomId, stockId: s.stockId, quantity: s.quantity }));
    data(await w.call(HOST, 'live', 'shelve', { merchantId: SH, roomId: room.roomId, stockId: s.stockId, onShelf: true }));
  }
  w.clock.advance(10 * MIN);
  data(await w.call(HOST, 'live', 'control', { merchantId: SH, roomId: room.roomId, op: 'start' }));
  return room.roomId;
}

type Step = 'update' | 'batch' | 'transaction';

/**
 * The steps another call may land just before, in the middle of a call: on SQLite a batch or a
 * transaction runs alone (a call started inside one would join it and roll back with it), so only
 * before those or a lone update; on CloudBase also between a batch's reads and its first write.
 */
export const midway = (engine: Engine): Step[] => (engine === 'sqlite' ? ['update', 'batch', 'transaction'] : ['update']);

/**
 * Runs `meanwhile` to its end just before the next call of one of `steps` on the store (for which
 * `when` holds), then lets that call go on: another request landing between what a call has read
 * and what it writes.
 */
export function beforeNext(store: Store, steps: Step[], meanwhile: () => Promise<unknown>, when: (args: unknown[]) => boolean = () => true): void {
  const originals = steps.map((step) => (store[step] as (...a: unknown[]) => Promise<unknown>).bind(store));
  const spies = steps.map((step) => jest.spyOn(store, step));
  for (const [i, spy] of spies.entries()) {
    spy.mockImplementation((async (...args: unknown[]) => {
      if (!when(args)) return originals[i]!(...args);
      for (const s of spies) s.mockRestore();
      await meanwhile();
      return originals[i]!(...args);
    }) as never);
  }
}
