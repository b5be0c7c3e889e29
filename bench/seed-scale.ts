/**
 * The scale data set: 10,000 quota campaigns of one merchant (家乐福上海, the worst case for its
 * list) and 1,000,000 claims on them over the 30 days before `SCALE_NOW` — each claim with its
 * coupon and its quota-ledger debit, one in ten coupons redeemed — plus the T+1 statistics rows
 * those days produced and one audit entry per campaign. Written straight into a SQLite file (the
 * migrations' tables, bulk inserts in one transaction), with documents cloned from the ones the
 * real handlers write (a stock, a campaign, a claim and its coupon, ledger and audit entries are
 * made through `dispatch` first), so every shape is the real one.
 *
 * Usage: node --import tsx bench/seed-scale.ts --file /tmp/scale.sqlite [--campaigns 10000] [--claims 1000000]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CampaignDoc } from '../cloudfunctions/src/campaign/campaign.records';
import { newId } from '../cloudfunctions/src/runtime/ids';
import { C, type AuditDoc, type LedgerDoc } from '../cloudfunctions/src/runtime/records';
import { seedDemo } from '../cloudfunctions/src/seed/demo';
import type { CampaignStatsDoc, StatsStateDoc } from '../cloudfunctions/src/stats/stats.job';
import type { StockDoc } from '../cloudfunctions/src/stock/stock.records';
import { SqliteStore } from '../cloudfunctions/src/store/sqlite/sqlite.store';
import type { ClaimDoc, CouponDoc, RedemptionDoc } from '../cloudfunctions/src/wallet/wallet.records';
import { consumer, prepareClaimStore } from './lib/setup';
import { arg } from './lib/stats';

/** "Now" for the scale measurements; claims fall on the 30 days before it. */
export const SCALE_NOW = '2026-11-22T13:00:00+08:00';
const DAY = 86_400_000;
const SH_OFFSET = 8 * 3_600_000;

/** RFC 3339 in Asia/Shanghai, as `toRfc3339` writes it (without dayjs: a million calls). */
const rfc = (ms: number) => `${new Date(ms + SH_OFFSET).toISOString().slice(0, 19)}+08:00`;
const dayOf = (ms: number) => new Date(ms + SH_OFFSET).toISOString().slice(0, 10);

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Templates {
  campaign: CampaignDoc;
  stock: StockDoc;
  claim: ClaimDoc;
  coupon: CouponDoc;
  ledger: LedgerDoc;
  audit: AuditDoc;
}

/** One stock, campaign and claim made through the real handlers, read back as stored. */
async function templates(): Promise<Templates> {
  const dir = mkdtempSync(join(tmpdir(), 'coupon-desk-scale-tpl-'));
  const s = await prepareClaimStore(dir, 'NORMAL');
  try {
    const r = await s.call<{ claimId: string; coupons: Array<{ couponCode: string }> }>(consumer('tpl'), 'campaign', 'claim', { campaignId: s.campaignId, requestId: 'req-template' });
    if (!r.ok) throw new Error(`template claim failed: ${r.error.code}`);
    const get = async <T extends { id: string }>(c: string, id: string) => {
      const d = await s.store.get<T>(c, id);
      if (!d) throw new Error(`template ${c}/${id} missing`);
      return d;
    };
    const [ledger] = await s.store.find<LedgerDoc>(C.quotaLedger, { refId: r.data.claimId });
    const [audit] = await s.store.find<AuditDoc>(C.auditLog, { targetId: s.campaignId });
    if (!ledger || !audit) throw new Error('template ledger/audit missing');
    return {
      campaign: await get<CampaignDoc>(C.campaigns, s.campaignId),
      stock: await get<StockDoc>(C.stocks, s.stockId),
      claim: await get<ClaimDoc>(C.claims, r.data.claimId),
      coupon: await get<CouponDoc>(C.coupons, r.data.coupons[0]!.couponCode),
      ledger, audit,
    };
  } finally {
    await s.store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ScaleInfo {
  file: string;
  now: string;
  merchantId: string;
  /** The last day with claims: the day the statistics job is timed on. */
  lastDay: string;
  campaignIds: string[];
  counts: Record<string, number>;
  seconds: number;
}

export async function seedScale(file: string, opts: { campaigns?: number; claims?: number } = {}): Promise<ScaleInfo> {
  const started = Date.now();
  const nCampaigns = opts.campaigns ?? 10_000;
  const nClaims = opts.claims ?? 1_000_000;
  const t = await templates();
  const merchantId = t.campaign.merchantId;
  const nowMs = Date.parse(SCALE_NOW);
  const todayStart = Date.parse(`${dayOf(nowMs)}T00:00:00+08:00`);
  const firstClaimDay = todayStart - 30 * DAY;

  // The schema (migrations) and the demo data through the store; then the bulk, raw.
  const store = new SqliteStore({ file, synchronous: 'NORMAL' });
  await seedDemo(store, new Date(nowMs - 400 * DAY));
  await store.close();
  const db = new Database(file);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  // Typed per collection: a document that drifts from its record type does not compile.
  const ins = <T extends { id: string }>(c: string) => {
    const st = db.prepare(`INSERT INTO c_${c} (id, doc) VALUES (?, ?)`);
    return (doc: T) => void st.run(doc.id, JSON.stringify(doc));
  };
  const put = {
    stock: ins<StockDoc>(C.stocks), campaign: ins<CampaignDoc>(C.campaigns), audit: ins<AuditDoc>(C.auditLog), claim: ins<ClaimDoc>(C.claims),
    coupon: ins<CouponDoc>(C.coupons), ledger: ins<LedgerDoc>(C.quotaLedger), redemption: ins<RedemptionDoc>(C.redemptions),
    stats: ins<CampaignStatsDoc>(C.campaignStats), meta: ins<StatsStateDoc>(C.meta),
  };
  // Secondary indexes of the bulk tables are dropped and rebuilt after the load (the migrations'
  // own DDL, read back from sqlite_master): building an index once is much faster than keeping
  // it up to date through a million random-order inserts.
  const bulkTables = [C.coupons, C.claims, C.quotaLedger, C.redemptions, C.auditLog, C.campaigns].map((c) => `c_${c}`);
  const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${bulkTables.map(() => '?').join(', ')})`).all(...bulkTables) as Array<{ name: string; sql: string }>;
  if (process.env.SEED_KEEP_INDEXES !== '1') for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
  const counts: Record<string, number> = {};
  const count = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);
  const random = rng(20261122);

  const campaignIds: string[] = [];
  db.transaction(() => {
    // 200 stocks of the merchant, RUNNING, large enough for everything below.
    const stocks: StockDoc[] = Array.from({ length: 200 }, (_, i) => ({
      ...t.stock, id: String(7_000_000_000 + i), name: `${t.stock.name}${i}`, remaining: 1_000_000, issued: 0,
    }));
    stocks.forEach((s) => put.stock(s));
    count('stocks', stocks.length);

    // Campaigns created one every ~50 minutes over the last year; 14 days long (7–30); 3 % paused; 1 in 5 a pack.
    const span = 360 * DAY;
    const windows: Array<{ id: string; start: number; end: number; stockIds: string[] }> = [];
    for (let i = 0; i < nCampaigns; i++) {
      const createdMs = nowMs - span + Math.floor((i * span) / nCampaigns);
      const id = newId('cmp', new Date(createdMs));
      const start = Date.parse(`${dayOf(createdMs + 2 * DAY)}T00:00:00+08:00`);
      const end = start + (7 + Math.floor(random() * 24)) * DAY;
      const pack = i % 5 === 0;
      const stockIds = pack ? [0, 1, 2].map((k) => stocks[(i + k * 67) % stocks.length]!.id) : [stocks[i % stocks.length]!.id];
      const content: CampaignDoc['content'] = pack
        ? { kind: 'PACK', items: stockIds.map((stockId) => ({ stockId, smallImage: t.campaign.delivery.logo, largeImage: t.campaign.delivery.logo })) }
        : { kind: 'SINGLE', stockId: stockIds[0]! };
      const at = rfc(createdMs);
      const doc: CampaignDoc = {
        ...t.campaign, id, content, paused: random() < 0.03,
        delivery: { ...t.campaign.delivery, title: `${t.campaign.delivery.title.slice(0, 8)}${i}`, startAt: rfc(start), endAt: rfc(end) },
        startAtMs: start, endAtMs: end, createdAt: at, updatedAt: at, version: 1,
      };
      put.campaign(doc);
      put.audit({ ...t.audit, id: newId('aud', new Date(createdMs)), at, targetId: id, detail: { title: doc.delivery.title, content: content.kind, stocks: stockIds } });
      campaignIds.push(id);
      windows.push({ id, start, end, stockIds });
    }
    count('campaigns', nCampaigns);
    count('auditLog', nCampaigns);

    // Which campaigns deliver on each claim day (claims go to those; any campaign if none does).
    const activeByDay: string[][] = [];
    const stockIdsOf = new Map(windows.map((w) => [w.id, w.stockIds]));
    for (let d = 0; d < 30; d++) {
      const from = firstClaimDay + d * DAY;
      activeByDay.push(windows.filter((w) => w.start < from + DAY && w.end > from).map((w) => w.id));
    }

    const stats = new Map<string, CampaignStatsDoc>();
    const statsRow = (campaignId: string, day: string) => {
      const key = `${campaignId}:${day}`;
      let r = stats.get(key);
      if (!r) stats.set(key, (r = { id: key, campaignId, merchantId, day, claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0 }));
      return r;
    };
    let balance = 1_000_000_000;
    const stockStart = t.stock;
    for (let k = 0; k < nClaims; k++) {
      const d = Math.floor(random() * 30);
      const active = activeByDay[d]!;
      const campaignId = active.length ? active[Math.floor(random() * active.length)]! : campaignIds[Math.floor(random() * campaignIds.length)]!;
      const claimedMs = firstClaimDay + d * DAY + Math.floor(random() * DAY);
      const at = rfc(claimedMs);
      const openid = `o-scale-${k}`;
      const claimId = `${campaignId}:${openid}`;
      const stockIds = stockIdsOf.get(campaignId)!;
      // Unique 12-digit codes in scattered order, like the random ones `newCouponCode` makes.
      const codes = stockIds.map((_, j) => String((BigInt(k * 3 + j) * 556_223_965_443n + 12_345n) % 899_999_999_999n + 100_000_000_000n));
      const redeemed = k % 10 === 0;
      const redeemedMs = Math.min(claimedMs + Math.floor(random() * 2 * DAY), nowMs - 60_000);
      codes.forEach((code, j) => {
        const coupon: CouponDoc = {
          ...t.coupon, id: code, stockId: stockIds[j]!, openid, memberId: `wx:${openid}`, sourceId: campaignId, claimId, claimedAt: at,
          validFromMs: claimedMs, validUntilMs: Math.max(claimedMs, stockStart.availableEndMs),
          ...(redeemed ? { state: 'USED' as const, usedAt: rfc(redeemedMs), redemptionId: `${merchantId}:ord-${k}-${j}` } : {}),
        };
        put.coupon(coupon);
        if (redeemed) {
          const r: RedemptionDoc = {
            id: `${merchantId}:ord-${k}-${j}`, merchantId, ownerMerchantId: merchantId, storeId: 'st-sh-gubei', orderId: `ord-${k}-${j}`, couponCode: code, stockId: stockIds[j]!,
            campaignId, orderAmount: 15_000, eligibleAmount: 15_000, discount: coupon.faceValue, redeemedAt: rfc(redeemedMs), redeemedAtMs: redeemedMs, staffId: 'store-staff',
          };
          put.redemption(r);
          count('redemptions');
          if (redeemedMs < todayStart) {
            const s = statsRow(campaignId, dayOf(redeemedMs));
            s.redemptions += 1;
            s.redeemedAmount += r.discount;
            s.orderAmount += r.orderAmount;
          }
        }
      });
      count('coupons', codes.length);
      put.claim({ ...t.claim, id: claimId, campaignId, openid, requestId: `req-scale-${k}`, state: 'ISSUED', couponCodes: codes, at });
      balance -= codes.length;
      put.ledger({ ...t.ledger, id: `qle_claim_${claimId.replace(/[^A-Za-z0-9_-]/g, '_')}`, merchantId, delta: -codes.length, balanceAfter: balance, refId: claimId, at, actorId: `wx:${openid}` });
      statsRow(campaignId, dayOf(claimedMs)).claims += codes.length;
    }
    count('claims', nClaims);
    count('quotaLedger', nClaims);
    for (const s of stats.values()) {
      s.redemptionRate = s.claims ? Math.round((s.redemptions / s.claims) * 10_000) / 10_000 : 0;
      put.stats(s);
    }
    count('campaignStats', stats.size);
    const lastDay = dayOf(todayStart - DAY);
    const state: StatsStateDoc = { id: 'stats:state', lastDay, updatedAt: rfc(todayStart + 12 * 3_600_000 - DAY) };
    put.meta(state);
    db.prepare('UPDATE c_quotaAccounts SET doc = json_set(doc, \'$.balance\', ?) WHERE id = ?').run(balance, merchantId);
  })();
  if (process.env.SEED_KEEP_INDEXES !== '1') db.transaction(() => indexes.forEach((ix) => db.exec(ix.sql)))();
  // As the gateway keeps it: WAL, and no ANALYZE statistics (the gateway never gathers any).
  db.pragma('journal_mode = WAL');
  db.close();
  return { file, now: SCALE_NOW, merchantId, lastDay: dayOf(todayStart - DAY), campaignIds, counts, seconds: (Date.now() - started) / 1000 };
}

if (require.main === module) {
  const file = arg('file');
  if (!file) {
    console.error('usage: node --import tsx bench/seed-scale.ts --file <path.sqlite> [--campaigns N] [--claims N]');
    process.exit(2);
  }
  seedScale(file, { campaigns: Number(arg('campaigns') ?? 10_000), claims: Number(arg('claims') ?? 1_000_000) })
    .then((info) => console.log(JSON.stringify({ ...info, campaignIds: info.campaignIds.length }, null, 2)))
    .catch((e) => {
      console.error(e);
      process.exit(1);
    });
}
