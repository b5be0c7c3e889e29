/**
 * Crash consistency of the claim path on SQLite (synchronous=FULL, the default): the built gateway
 * in its own process, a DELIVERING gift-pack campaign of three stocks (the third with only 300, so
 * the burst runs into STOCK_OUT and packs are refused after two of three decrements), a burst of
 * contended claims from many consumers, SIGKILL mid-burst, a restart on the same data folder — twice.
 *
 * After each restart, read straight from the SQLite file:
 *   coupons issued = each stock's `issued` = −(sum of the ISSUE ledger debits) / 1 per coupon;
 *   every claim is ISSUED with exactly 3 coupons, one of each stock (no PENDING, no half pack);
 *   every claim answered ok before the kill exists, with the same coupon codes;
 * and a retry of a claim whose answer was lost in the crash returns the committed coupons.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Envelope } from '@shared/result';
import { C, type MemberDoc } from '../../src/runtime/records';
import { DEMO, seedDemo } from '../../src/seed/demo';
import { SqliteStore } from '../../src/store/sqlite/sqlite.store';
import { delivery, NOW, quotaStockDraft, SH, type Uploads } from '../campaign/campaign.fixtures';
import { jpegOf, pngOf } from '../support/images';
import { loginAs, postJson, startGateway, type GatewayProcess } from '../support/gateway-process';

jest.setTimeout(180_000);

const EXTRA_CONSUMERS = 420;
const SMALL_STOCK = 300;
const OPENING_QUOTA = 5_000; // the demo's opening balance of 家乐福上海
const IN_FLIGHT = 48;
const DURING = '2026-11-25T10:00:00+08:00';
const memberOf = (i: number) => `crash-${String(i).padStart(4, '0')}`;
const openidOf = (i: number) => `o-crash-${String(i).padStart(4, '0')}`;

type Claimed = { claimId: string; coupons: Array<{ couponCode: string; stockId: string }> };

let dir: string;
let server: GatewayProcess | undefined;

afterAll(async () => {
  await server?.stop('SIGKILL');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function upload(url: string, cookie: string, purpose: string, bytes: Buffer, name: string): Promise<string> {
  const form = new FormData();
  form.append('purpose', purpose);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: name.endsWith('.png') ? 'image/png' : 'image/jpeg' }), name);
  const res = await fetch(`${url}/api/upload`, { method: 'POST', headers: { cookie }, body: form });
  const body = (await res.json()) as Envelope<{ fileId: string }>;
  if (!body.ok) throw new Error(`upload ${purpose}: ${JSON.stringify(body)}`);
  return body.data.fileId;
}

async function call<T>(url: string, cookie: string, fn: string, action: string, data: unknown): Promise<T> {
  const r = await postJson<Envelope<T>>(url, `/api/${fn}`, { action, data }, cookie);
  if (!r.body.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(r.body)}`);
  return r.body.data;
}

interface Outcome {
  i: number;
  requestId: string;
  /** ok: answered with coupons; refused: answered an error; lost: the connection died; unsent. */
  kind: 'ok' | 'refused' | 'lost' | 'unsent';
  code?: string;
  coupons?: string[];
}

/**
 * Sends the claims with IN_FLIGHT at once and SIGKILLs the server once `killAfter` answers came
 * back; requests in flight at that moment lose their answer, the rest are not sent.
 */
async function burst(srv: GatewayProcess, cookies: Map<number, string>, calls: Array<{ i: number; requestId: string }>, campaignId: string, killAfter: number) {
  const out: Outcome[] = calls.map((c) => ({ ...c, kind: 'unsent' }));
  let next = 0;
  let answered = 0;
  let inFlight = 0;
  let inFlightAtKill = -1;
  let killed = false;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < calls.length && !killed) {
      const k = next++;
      const c = calls[k]!;
      inFlight += 1;
      try {
        const r = await postJson<Envelope<Claimed>>(srv.url, '/api/campaign', { action: 'claim', data: { campaignId, requestId: c.requestId } }, cookies.get(c.i));
        answered += 1;
        out[k] = r.body.ok ? { ...c, kind: 'ok', coupons: r.body.data.coupons.map((x) => x.couponCode) } : { ...c, kind: 'refused', code: r.body.error.code };
        if (!killed && answered >= killAfter) {
          killed = true;
          inFlightAtKill = inFlight - 1;
          srv.child.kill('SIGKILL');
        }
      } catch {
        out[k] = { ...c, kind: 'lost' };
      } finally {
        inFlight -= 1;
      }
    }
  }));
  return { out, inFlightAtKill };
}

interface Row { id: string; doc: string }
const docs = <T>(db: Database.Database, collection: string): T[] => (db.prepare(`SELECT id, doc FROM c_${collection}`).all() as Row[]).map((r) => JSON.parse(r.doc) as T);

/** The invariants, read from the SQLite file. Answers the claims by claim id. */
function checkInvariants(file: string, campaignId: string, stockIds: string[], okBeforeKill: Outcome[]) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const claims = docs<{ id: string; campaignId: string; openid: string; state: string; couponCodes: string[] }>(db, C.claims).filter((c) => c.campaignId === campaignId);
    const coupons = docs<{ id: string; stockId: string; claimId: string; sourceId: string; openid: string }>(db, C.coupons).filter((c) => c.sourceId === campaignId);
    const stocks = docs<{ id: string; issued: number; remaining: number; totalQuantity: number }>(db, C.stocks).filter((s) => stockIds.includes(s.id));
    const ledger = docs<{ merchantId: string; delta: number; reason: string; refId: string }>(db, C.quotaLedger).filter((l) => l.merchantId === SH);
    const account = docs<{ id: string; balance: number }>(db, C.quotaAccounts).find((a) => a.id === SH)!;

    // Every claim is ISSUED with exactly three coupons, one of each stock; nothing PENDING.
    expect(claims.filter((c) => c.state !== 'ISSUED')).toEqual([]);
    const byClaim = new Map<string, typeof coupons>();
    for (const c of coupons) byClaim.set(c.claimId, [...(byClaim.get(c.claimId) ?? []), c]);
    for (const claim of claims) {
      const mine = byClaim.get(claim.id) ?? [];
      expect([claim.id, claim.couponCodes.length, mine.length]).toEqual([claim.id, 3, 3]);
      expect(mine.map((c) => c.id).sort()).toEqual([...claim.couponCodes].sort());
      expect(mine.map((c) => c.stockId).sort()).toEqual([...stockIds].sort());
      expect(mine.every((c) => c.openid === claim.openid)).toBe(true);
    }
    // No coupon without its claim (a half-issued pack would leave some).
    expect([...byClaim.keys()].filter((id) => !claims.some((c) => c.id === id))).toEqual([]);

    // Counters: coupons issued = each stock's issued = the ISSUE debits.
    expect(stocks).toHaveLength(3);
    for (const s of stocks) {
      expect([s.id, s.issued]).toEqual([s.id, coupons.filter((c) => c.stockId === s.id).length]);
      expect(s.remaining + s.issued).toBe(s.totalQuantity);
    }
    const issue = ledger.filter((l) => l.reason === 'ISSUE');
    expect(-issue.reduce((n, l) => n + l.delta, 0)).toBe(coupons.length);
    expect(issue.map((l) => l.refId).sort()).toEqual(claims.map((c) => c.id).sort());
    // The ledger explains the balance: the opening recharge plus every debit.
    expect(account.balance).toBe(ledger.reduce((n, l) => n + l.delta, 0));
    expect(account.balance).toBe(OPENING_QUOTA - coupons.length);

    // Durability: every claim answered ok before the kill is there, with the same coupon codes.
    const claimOf = new Map(claims.map((c) => [c.openid, c]));
    for (const o of okBeforeKill) expect([o.requestId, claimOf.get(openidOf(o.i))?.couponCodes]).toEqual([o.requestId, o.coupons]);
    return { claims: claims.length, coupons: coupons.length, issued: stocks.map((s) => s.issued) };
  } finally {
    db.close();
  }
}

it('SIGKILL mid-burst, twice: after each restart no claim is half-done, counters and ledger agree, and every ok answer survived', async () => {
  dir = mkdtempSync(join(tmpdir(), 'coupon-desk-crash-'));
  const file = join(dir, 'coupon-desk.sqlite');

  // The data folder: demo data and the extra consumers, written before the server opens it.
  const store = new SqliteStore({ file });
  await seedDemo(store, new Date(NOW));
  await store.transaction(async (tx) => {
    for (let i = 1; i <= EXTRA_CONSUMERS; i++) {
      const m: MemberDoc = { id: memberOf(i), openid: openidOf(i), nickname: `崩溃测试${i}`, memberships: [] };
      await tx.set(C.members, m);
    }
  });
  await store.close();

  server = await startGateway(dir);
  const url = () => server!.url;
  await postJson(url(), '/api/dev/clock', { now: NOW });
  const admin = await loginAs(url(), DEMO.members.merchant);

  // Three QUOTA_CAMPAIGN stocks with one window; the third holds exactly 300 (R7's minimum).
  const stockIds: string[] = [];
  for (const [n, total] of [[1, 1_000], [2, 1_000], [3, SMALL_STOCK]] as const) {
    const s = await call<{ stockId: string }>(url(), admin, 'stock', 'create', { merchantId: SH, requestId: `crash-stock-${n}`, ...quotaStockDraft(SH, { name: `礼包券${n}满100减30`, totalQuantity: total }) });
    await call(url(), admin, 'stock', 'activate', { merchantId: SH, stockId: s.stockId });
    stockIds.push(s.stockId);
  }
  const small = pngOf(100, 100);
  const large = jpegOf(750, 520);
  const files: Uploads = {
    logo: await upload(url(), admin, 'logo', pngOf(120, 120), 'logo.png'),
    small: [await upload(url(), admin, 'smallImage', small, 's1.png'), await upload(url(), admin, 'smallImage', small, 's2.png'), await upload(url(), admin, 'smallImage', small, 's3.png')],
    large: [await upload(url(), admin, 'largeImage', large, 'l1.jpg'), await upload(url(), admin, 'largeImage', large, 'l2.jpg'), await upload(url(), admin, 'largeImage', large, 'l3.jpg')],
    seed: '',
  };
  const campaign = await call<{ campaignId: string }>(url(), admin, 'campaign', 'create', {
    merchantId: SH, requestId: 'crash-campaign-1', promotionType: 'STORE',
    delivery: delivery(files, { title: '家乐福礼包：三张券一起领', subtitle: '到店专享' }),
    content: { kind: 'PACK', items: stockIds.map((stockId, k) => ({ stockId, smallImage: files.small[k], largeImage: files.large[k] })) },
    targeting: { storeIds: ['st-sh-gubei', 'st-sh-jinqiao'] },
  });
  const campaignId = campaign.campaignId;

  // Into the campaign: DELIVERING.
  expect((await postJson<Envelope<unknown>>(url(), '/api/dev/clock', { now: DURING })).body.ok).toBe(true);
  const consumers = Array.from({ length: EXTRA_CONSUMERS }, (_, k) => k + 1);
  const loginAll = async () => {
    const cookies = new Map<number, string>();
    for (let k = 0; k < consumers.length; k += 40) {
      const chunk = consumers.slice(k, k + 40);
      (await Promise.all(chunk.map(async (i) => [i, await loginAs(url(), memberOf(i))] as const))).forEach(([i, c]) => cookies.set(i, c));
    }
    return cookies;
  };
  const cookies = await loginAll();
  const pub = await call<{ status: string; kind: string }>(url(), cookies.get(1)!, 'campaign', 'public', { campaignId });
  expect(pub).toMatchObject({ status: 'DELIVERING', kind: 'PACK' });

  // Each consumer claims once; every fourth double-taps (two requests at once, one requestId).
  const callsOf = (ids: number[]) => ids.flatMap((i) => (i % 4 === 0 ? [{ i, requestId: `crash-claim-${i}` }, { i, requestId: `crash-claim-${i}` }] : [{ i, requestId: `crash-claim-${i}` }]));

  // Round 1: kill after ~40% of the answers; round 2 (after a restart): the rest, killed again
  // past the point where the small stock runs out.
  const round1 = callsOf(consumers.slice(0, 260));
  const r1 = await burst(server, cookies, round1, campaignId, Math.floor(round1.length * 0.4));
  expect(r1.inFlightAtKill).toBeGreaterThan(0);
  expect(await server.stop('SIGKILL')).toBe('SIGKILL');

  server = await startGateway(dir);
  const okBefore1 = r1.out.filter((o) => o.kind === 'ok');
  expect(okBefore1.length).toBeGreaterThan(50);
  const after1 = checkInvariants(file, campaignId, stockIds, okBefore1);
  // The clock override lives in the process: set it again.
  await postJson(url(), '/api/dev/clock', { now: DURING });

  // A session survives the restart (signed with the same secret), and a retried ok claim replays
  // the same coupons.
  const replay = await postJson<Envelope<Claimed>>(url(), '/api/campaign', { action: 'claim', data: { campaignId, requestId: okBefore1[0]!.requestId } }, cookies.get(okBefore1[0]!.i));
  expect(replay.body.ok && replay.body.data.coupons.map((c) => c.couponCode)).toEqual(okBefore1[0]!.coupons);

  // Claims whose answer was lost in the crash: retried with the same requestId, each either replays
  // what was committed or claims now — never two packs for one user.
  // With group commit a whole group is answered at once, so the kill may catch no answer in flight:
  // then there is nothing to retry, and the invariants above are the whole check.
  const lost1 = r1.out.filter((o) => o.kind === 'lost');
  const retried = await Promise.all(lost1.map(async (o) => ({ o, r: await postJson<Envelope<Claimed>>(url(), '/api/campaign', { action: 'claim', data: { campaignId, requestId: o.requestId } }, cookies.get(o.i)) })));
  for (const { r } of retried) expect(r.body.ok || ['CAMPAIGN.STOCK_OUT'].includes(r.body.error.code)).toBe(true);

  const rest = [...new Set(r1.out.filter((o) => o.kind === 'unsent').map((o) => o.i)), ...consumers.slice(260)];
  const round2 = callsOf(rest);
  const r2 = await burst(server, cookies, round2, campaignId, Math.floor(round2.length * 0.85));
  expect(r2.inFlightAtKill).toBeGreaterThan(0);
  await server.stop('SIGKILL');

  server = await startGateway(dir);
  const okBefore = [...okBefore1, ...retried.filter(({ r }) => r.body.ok).map(({ o, r }) => ({ ...o, kind: 'ok' as const, coupons: (r.body as { data: Claimed }).data.coupons.map((c) => c.couponCode) })), ...r2.out.filter((o) => o.kind === 'ok')];
  const after2 = checkInvariants(file, campaignId, stockIds, okBefore);

  // The burst ran into the small stock: refused packs left nothing behind (checked above).
  const codes = [...r1.out, ...r2.out].filter((o) => o.kind === 'refused').map((o) => o.code);
  expect(codes).toContain('CAMPAIGN.STOCK_OUT');
  expect(codes.filter((c) => c !== 'CAMPAIGN.STOCK_OUT' && c !== 'CAMPAIGN.ALREADY_CLAIMED')).toEqual([]);
  expect(after2.issued).toEqual([SMALL_STOCK, SMALL_STOCK, SMALL_STOCK]);
  expect(after2.claims).toBe(SMALL_STOCK);
  expect(after1.claims).toBeLessThan(after2.claims);

  if (process.env.CRASH_REPORT) {
    const count = (o: Outcome[]) => Object.entries(o.reduce<Record<string, number>>((m, x) => ({ ...m, [x.code ?? x.kind]: (m[x.code ?? x.kind] ?? 0) + 1 }), {})).map(([k, n]) => `${k}×${n}`).join(' ');
    console.log(`round 1: ${count(r1.out)}; in flight at kill ${r1.inFlightAtKill}; after restart ${JSON.stringify(after1)}\n`
      + `round 2: ${count(r2.out)}; in flight at kill ${r2.inFlightAtKill}; after restart ${JSON.stringify(after2)}`);
  }

  // What a consumer sees after the crashes: the wallet holds exactly the coupons of the ok answer.
  const sample = okBefore[okBefore.length - 1]!;
  const wallet = await call<{ coupons: Array<{ couponCode: string }> }>(url(), cookies.get(sample.i)!, 'wallet', 'list', {});
  expect(wallet.coupons.map((c) => c.couponCode).sort()).toEqual([...sample.coupons!].sort());
  await server.stop();
  server = undefined;
});
