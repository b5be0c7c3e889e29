/**
 * M2 redemption export (`campaign.exportRedemptions`) at scale and across merchants: what one
 * export costs in store reads, and which redemptions it holds.
 */
import { join } from 'node:path';
import type { Envelope } from '@shared/result';
import type { CampaignDoc } from '../../src/campaign/campaign.records';
import { LocalFileStorage } from '../../src/files/file.storage';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { dispatch } from '../../src/runtime/dispatch';
import { C, type StoreDoc } from '../../src/runtime/records';
import type { Doc, Filter, QueryOptions, Store } from '../../src/store/port';
import type { RedemptionDoc } from '../../src/wallet/wallet.records';
import { data, silentLog, type Harness } from '../support/harness';
import { M, SH, eachCampaignWorld, type Uploads } from '../campaign/campaign.fixtures';
import { helpers, type ExportOut } from './manage.support';

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

const { campaign } = helpers(() => h, () => files);
const storage = () => new LocalFileStorage(join(h.dir, 'uploads'));

/** RFC 4180: fields split on commas, quoted fields may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; } else cell += ch;
  }
  if (cell || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** The data rows of an export (BOM and header dropped). */
async function rowsOf(out: ExportOut): Promise<string[][]> {
  const bytes = await storage().get(out.fileId);
  if (!bytes) throw new Error(`no file ${out.fileId}`);
  return parseCsv(Buffer.from(bytes).toString('utf8').slice(1)).slice(1);
}

/** The store, counting every read (get, find, count) per collection. */
function countingReads(store: Store): { store: Store; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const seen = (collection: string) => reads.set(collection, (reads.get(collection) ?? 0) + 1);
  const wrapped = new Proxy(store, {
    get(target, prop) {
      if (prop === 'get') return <T extends Doc>(c: string, id: string) => (seen(c), target.get<T>(c, id));
      if (prop === 'find') return <T extends Doc>(c: string, f: Filter, o?: QueryOptions) => (seen(c), target.find<T>(c, f, o));
      if (prop === 'count') return (c: string, f: Filter) => (seen(c), target.count(c, f));
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { store: wrapped, reads };
}

const DAY = '2026-11-26';
const DAY_MS = Date.parse(`${DAY}T00:00:00+08:00`);

describe('M2 campaign.exportRedemptions: a few reads whatever its size', () => {
  it('an export naming 250 campaigns and 150 stores reads each collection in batches, and names every one right', async () => {
    const base = await campaign({ when: '2026-11-22T10:00:00+08:00' });
    const baseDoc = (await h.store.get<CampaignDoc>(C.campaigns, base.campaignId))!;
    const CAMPAIGNS = 250;
    const STORES = 150;
    const ROWS = 1_500;
    const campaignId = (i: number) => `cmp_bulk_${String(i).padStart(4, '0')}`;
    const storeId = (i: number) => `st-sh-bulk-${String(i).padStart(3, '0')}`;
    await h.store.transaction(async (tx) => {
      for (let i = 0; i < CAMPAIGNS; i++) await tx.set<CampaignDoc>(C.campaigns, { ...baseDoc, id: campaignId(i), delivery: { ...baseDoc.delivery, title: `批量活动${i}` } });
      for (let i = 0; i < STORES; i++) await tx.set<StoreDoc>(C.stores, { id: storeId(i), merchantId: SH, name: `家乐福${i}号店`, address: '上海市', lat: 31.2, lng: 121.4 });
      for (let i = 0; i < ROWS; i++) {
        await tx.set<RedemptionDoc>(C.redemptions, {
          id: `${SH}:BULK-${String(i).padStart(6, '0')}`, merchantId: SH, storeId: storeId(i % STORES), orderId: `BULK-${String(i).padStart(6, '0')}`,
          couponCode: String(100_000_000_000 + i), stockId: base.stock.stockId, campaignId: campaignId(i % CAMPAIGNS),
          orderAmount: 15_000, eligibleAmount: 15_000, discount: 3_000, redeemedAt: `${DAY}T10:00:00+08:00`, redeemedAtMs: DAY_MS + 36_000_000 + i * 1_000, staffId: M.staff,
        });
      }
    });

    const { store, reads } = countingReads(h.store);
    const actor = await actorForMemberId(h.store, M.merchant);
    const call = (input: Record<string, unknown>) => dispatch('campaign', HANDLERS.campaign as never, { action: 'exportRedemptions', data: { merchantId: SH, from: DAY, to: DAY, ...input } }, { actor, clock: h.clock, store, files: storage(), log: silentLog }) as Promise<Envelope<ExportOut>>;

    const out = data(await call({}));
    expect(out.rows).toBe(ROWS);
    const rows = await rowsOf(out);
    expect(rows).toHaveLength(ROWS);
    rows.forEach((r, i) => {
      expect([r[1], r[2], r[5], r[6]]).toEqual([campaignId(i % CAMPAIGNS), `批量活动${i % CAMPAIGNS}`, `家乐福${i % STORES}号店`, storeId(i % STORES)]);
    });
    // One round trip per page of ids, not one per campaign and per store (that was 400 reads).
    expect(reads.get(C.campaigns) ?? 0).toBeLessThanOrEqual(1);
    expect(reads.get(C.stores) ?? 0).toBeLessThanOrEqual(1);
    // 1,500 redemptions are two pages of the range scan, plus its boundary check.
    expect(reads.get(C.redemptions) ?? 0).toBeLessThanOrEqual(3);
    expect([...reads.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6);

    // One campaign of them: the same few reads.
    reads.clear();
    const one = data(await call({ campaignId: campaignId(7) }));
    expect(one.rows).toBe(ROWS / CAMPAIGNS);
    expect((await rowsOf(one)).every((r) => r[1] === campaignId(7) && r[2] === '批量活动7')).toBe(true);
    expect([...reads.values()].reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(4);
  });
});
