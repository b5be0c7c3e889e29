import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionName } from '@shared/api';
import type { Envelope } from '@shared/result';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { FixedClock } from '../../src/runtime/clock';
import type { Logger } from '../../src/runtime/context';
import { dispatch } from '../../src/runtime/dispatch';
import { seedDemo } from '../../src/seed/demo';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { LocalFileStorage } from '../../src/files/file.storage';

export const silentLog: Logger & { errors: unknown[] } = {
  errors: [],
  error(_msg, err) {
    this.errors.push(err);
  },
  info() {},
};

export interface Harness {
  store: SqliteStore;
  clock: FixedClock;
  dir: string;
  /** Call an action as a demo member (null: nobody signed in). */
  call<T = unknown>(memberId: string | null, fn: FunctionName, action: string, data?: unknown): Promise<Envelope<T>>;
  /** Row counts of every table: to prove a refused call wrote nothing. */
  snapshot(): Record<string, number>;
  close(): Promise<void>;
}

/** A temporary SQLite file with the demo data, and calls through the real dispatcher. */
export async function makeHarness(now = '2026-11-22T10:00:00+08:00'): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'coupon-desk-'));
  const store = new SqliteStore({ file: join(dir, 'test.sqlite'), synchronous: 'NORMAL' });
  const clock = new FixedClock(new Date(now));
  const files = new LocalFileStorage(join(dir, 'uploads'));
  await seedDemo(store, clock.now());
  return {
    store, clock, dir,
    async call<T>(memberId: string | null, fn: FunctionName, action: string, data?: unknown) {
      const actor = memberId ? await actorForMemberId(store, memberId) : null;
      if (memberId && !actor) throw new Error(`no demo member ${memberId}`);
      return dispatch(fn, HANDLERS[fn] as never, { action, data }, { actor, clock, store, files, log: silentLog }) as Promise<Envelope<T>>;
    },
    snapshot() {
      const tables = store.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%'").all() as { name: string }[];
      return Object.fromEntries(tables.map(({ name }) => [name, (store.db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number }).n]));
    },
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Narrow an envelope in a test, failing with its error when it is not ok. */
export function data<T>(e: Envelope<T>): T {
  if (!e.ok) throw new Error(`expected ok, got ${e.error.code}: ${e.error.message}`);
  return e.data;
}

export function errorOf(e: Envelope<unknown>) {
  if (e.ok) throw new Error(`expected an error, got ${JSON.stringify(e.data).slice(0, 200)}`);
  return e.error;
}
