/**
 * A store ready for claims: the demo data, one running stock with ten million coupons, one
 * delivering SINGLE campaign on it, and an owner with a quota that cannot run out. Built through
 * the real handlers (the same fixtures as the claim tests), so every document has its real shape.
 */
import { join } from 'node:path';
import type { FunctionName } from '@shared/api';
import type { Envelope } from '@shared/result';
import { LocalFileStorage } from '../../cloudfunctions/src/files/file.storage';
import { HANDLERS } from '../../cloudfunctions/src/handlers';
import { actorForMemberId } from '../../cloudfunctions/src/runtime/actor';
import { FixedClock } from '../../cloudfunctions/src/runtime/clock';
import type { Actor, Logger } from '../../cloudfunctions/src/runtime/context';
import { dispatch } from '../../cloudfunctions/src/runtime/dispatch';
import { C, type MemberDoc } from '../../cloudfunctions/src/runtime/records';
import { seedDemo } from '../../cloudfunctions/src/seed/demo';
import { SqliteStore } from '../../cloudfunctions/src/store/sqlite/sqlite.store';
import { images, M, makeStock, NOW, rid, SH, singleDraft, upload, type CampaignOut } from '../../cloudfunctions/test/campaign/campaign.fixtures';
import { data, type Harness } from '../../cloudfunctions/test/support/harness';

/** During the fixtures' campaign (it runs 2026-11-24 … 2026-12-08, Asia/Shanghai). */
export const DURING = '2026-11-25T10:00:00+08:00';
export const STOCK_QUANTITY = 10_000_000;
export const QUOTA = 1_000_000_000;

/** Unexpected errors must not pass silently: the benchmark fails on the first one. */
export const strictLog: Logger = {
  error(msg, err) {
    console.error(msg, err);
    throw err instanceof Error ? err : new Error(msg);
  },
  info() {},
};

export interface ClaimSetup {
  store: SqliteStore;
  clock: FixedClock;
  files: LocalFileStorage;
  campaignId: string;
  stockId: string;
  merchantId: string;
  call<T = unknown>(actor: Actor | null, fn: FunctionName, action: string, input?: unknown): Promise<Envelope<T>>;
}

export async function prepareClaimStore(dir: string, synchronous: 'FULL' | 'NORMAL' = 'FULL'): Promise<ClaimSetup> {
  const store = new SqliteStore({ file: join(dir, 'coupon-desk.sqlite'), synchronous });
  const clock = new FixedClock(new Date(NOW));
  const files = new LocalFileStorage(join(dir, 'uploads'));
  await seedDemo(store, clock.now());
  const call = <T>(actor: Actor | null, fn: FunctionName, action: string, input?: unknown) =>
    dispatch(fn, HANDLERS[fn] as never, { action, data: input }, { actor, clock, store, files, log: strictLog }) as Promise<Envelope<T>>;
  const h: Harness = {
    store, clock, dir,
    call: async <T>(memberId: string | null, fn: FunctionName, action: string, input?: unknown) =>
      call<T>(memberId ? await actorForMemberId(store, memberId) : null, fn, action, input),
    snapshot: () => ({}),
    close: () => store.close(),
  };
  const stock = await makeStock(h, SH, { totalQuantity: STOCK_QUANTITY });
  const logo = (await upload(h, 'logo', images.logo())).fileId;
  const draft = singleDraft(SH, { logo, small: ['', '', ''], large: ['', '', ''], seed: '' }, stock.stockId);
  const campaign = data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...draft, requestId: rid('cmp') }));
  await store.update(C.quotaAccounts, SH, { set: { balance: QUOTA } });
  clock.set(new Date(DURING));
  return { store, clock, files, campaignId: campaign.campaignId, stockId: stock.stockId, merchantId: SH, call };
}

/** A consumer the platform knows only by OPENID (what `actorForOpenid` answers for a new user). */
export const consumer = (n: number | string): Actor => ({ memberId: `wx:o-bench-${n}`, openid: `o-bench-${n}`, nickname: '微信用户', memberships: [] });

/** `count` consumer members (for the gateway, whose session names a member), in one transaction. */
export function insertConsumers(store: SqliteStore, count: number, prefix = 'bench'): (n: number) => string {
  const id = (n: number) => `${prefix}-${String(n).padStart(7, '0')}`;
  const insert = store.db.prepare('INSERT INTO c_members (id, doc) VALUES (?, ?)');
  store.db.transaction(() => {
    for (let n = 0; n < count; n++) {
      const m: MemberDoc = { id: id(n), openid: `o-${id(n)}`, nickname: `压测用户${n}`, memberships: [] };
      insert.run(m.id, JSON.stringify(m));
    }
  })();
  return id;
}
