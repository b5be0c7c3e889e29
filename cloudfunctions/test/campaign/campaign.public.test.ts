/**
 * The consumer's feed (campaign.discover) and one campaign (campaign.public): what is delivering now,
 * newest first, with its coupons, image links and whether this user claimed it; and what a page
 * costs — a fixed number of reads and one call for all image links, whatever the page size. Then
 * the CloudBase storage's links over the TCB stub: at most 50 files per getTempFileURL call.
 */
import { join } from 'node:path';
import type { OutputOf } from '@shared/api';
import type { Envelope } from '@shared/result';
import { CloudbaseFileStorage } from '../../src/files/cloudbase.file-storage';
import { LocalFileStorage, type FileStorage } from '../../src/files/file.storage';
import { HANDLERS } from '../../src/handlers';
import { actorForMemberId } from '../../src/runtime/actor';
import { dispatch } from '../../src/runtime/dispatch';
import { consumerId } from '../../src/seed/demo';
import type { Store } from '../../src/store/port';
import { data, errorOf, silentLog, type Harness } from '../support/harness';
import { startTcbStub } from '../support/tcb-stub';
import { M, SH, makeStock, packDraft, rid, singleDraft, eachCampaignWorld, type CampaignOut, type Uploads } from './campaign.fixtures';

type Feed = OutputOf<'campaign', 'discover'>;
type Card = OutputOf<'campaign', 'public'>;

const DURING = '2026-11-25T10:00:00+08:00';
const U1 = consumerId(1);
const U2 = consumerId(2);

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

/** Calls as `member` with `storage` standing in for the file storage (to count its calls). */
async function callWith<T>(member: string, action: string, input: unknown, storage: FileStorage): Promise<Envelope<T>> {
  const actor = await actorForMemberId(h.store, member);
  return dispatch('campaign', HANDLERS.campaign, { action, data: input }, { actor, clock: h.clock, store: h.store, files: storage, log: silentLog }) as Promise<Envelope<T>>;
}

async function campaigns(n: number, over: (i: number) => Record<string, unknown> = () => ({})) {
  const stocks = [await makeStock(h, SH), await makeStock(h, SH, { name: '家乐福满200减50', faceValue: 5_000, minSpend: 20_000 }), await makeStock(h, SH, { name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 })];
  const ids = stocks.map((s) => s.stockId);
  const out: CampaignOut[] = [];
  for (let i = 0; i < n; i++) {
    const draft = i % 2 ? singleDraft(SH, files, ids[0]!, over(i)) : packDraft(SH, files, ids, over(i));
    out.push(data(await h.call<CampaignOut>(M.merchant, 'campaign', 'create', { ...draft, requestId: rid('cmp') })));
  }
  return out;
}

/** Counts the store's reads while a call runs. */
function countingReads(store: Store) {
  let reads = 0;
  const s = store as unknown as Record<'get' | 'find' | 'count', (...a: unknown[]) => Promise<unknown>>;
  const orig = { get: s.get, find: s.find, count: s.count };
  for (const m of ['get', 'find', 'count'] as const) {
    s[m] = function (this: unknown, ...a: unknown[]) {
      reads++;
      return orig[m].apply(this, a);
    };
  }
  return { reads: () => reads, restore: () => Object.assign(s, orig) };
}

describe('campaign.discover and campaign.public', () => {
  it('lists what is delivering now, newest first, with coupons and image links, and whether this user claimed it', async () => {
    const [first, second] = await campaigns(2);
    h.clock.set(new Date(DURING));
    data(await h.call(U1, 'campaign', 'claim', { campaignId: second!.campaignId, requestId: rid('claim') }));

    const feed = data(await h.call<Feed>(U1, 'campaign', 'discover', {})).campaigns;
    expect(feed.map((c) => c.campaignId)).toEqual([second!.campaignId, first!.campaignId]);
    const [single, pack] = feed as [Card, Card];
    expect(single).toMatchObject({ kind: 'SINGLE', status: 'DELIVERING', claimed: true, coupons: [{ name: '家乐福满100减30', summary: '满100元减30元', smallImageUrl: null, largeImageUrl: null }] });
    expect(pack.kind).toBe('PACK');
    expect(pack.claimed).toBe(false);
    expect(pack.coupons.map((c) => c.name)).toEqual(['家乐福满100减30', '家乐福满200减50', '家乐福满50减10']);
    for (const c of pack.coupons) expect([c.smallImageUrl, c.largeImageUrl]).toEqual([expect.stringMatching(/^\/api\/files\/smallImage%2F/), expect.stringMatching(/^\/api\/files\/largeImage%2F/)]);
    expect(pack.logoUrl).toMatch(/^\/api\/files\/logo%2F/);

    // Another user has claimed nothing; one campaign by id says the same as the feed.
    expect(data(await h.call<Feed>(U2, 'campaign', 'discover', {})).campaigns.map((c) => c.claimed)).toEqual([false, false]);
    expect(data(await h.call<Card>(U1, 'campaign', 'public', { campaignId: second!.campaignId }))).toEqual(single);
    expect(errorOf(await h.call(U1, 'campaign', 'public', { campaignId: 'cmp_nope0000000000000000' })).code).toBe('CAMPAIGN.NOT_FOUND');
  });

  it('a page costs the same few reads and one image-link call whether it holds 2 or 24 campaigns', async () => {
    await campaigns(24);
    h.clock.set(new Date(DURING));
    const real = new LocalFileStorage(join(h.dir, 'uploads'));
    const cost = async (pageSize: number) => {
      let linkCalls = 0;
      let links = 0;
      const storage: FileStorage = {
        put: (k, b) => real.put(k, b), get: (id) => real.get(id), url: (id) => real.url(id),
        urls: (ids) => {
          linkCalls++;
          links = ids.length;
          return real.urls(ids);
        },
      };
      const counter = countingReads(h.store);
      try {
        const feed = data(await callWith<Feed>(U1, 'discover', { pageSize }, storage)).campaigns;
        expect(feed).toHaveLength(pageSize);
        return { reads: counter.reads(), linkCalls, links };
      } finally {
        counter.restore();
      }
    };
    const small = await cost(2);
    const large = await cost(24);
    expect(large.reads).toBe(small.reads);
    expect([small.linkCalls, large.linkCalls]).toEqual([1, 1]);
    // 12 packs (a logo and six images each) and 12 singles (a logo each).
    expect(large.links).toBe(12 * 7 + 12);
  });
});

describe('CloudbaseFileStorage links (TCB stub)', () => {
  it('asks for at most 50 files per call, once per distinct file, and answers an empty link for a file it cannot serve', async () => {
    const stub = await startTcbStub();
    try {
      const storage = new CloudbaseFileStorage({ env: 'stub-env', serviceUrl: stub.url, secretId: 'stub-id', secretKey: 'stub-key' });
      const ids = Array.from({ length: 120 }, (_, i) => `cloud://stub-env.0000/coupon-desk/logo/f${i}.png`);
      const urls = await storage.urls([...ids, ...ids.slice(0, 10), 'local:logo/x.png']);
      const calls = stub.requests.filter((r) => r.action === 'storage.batchGetDownloadUrl');
      expect(calls.map((c) => (c.params.file_list as unknown[]).length)).toEqual([50, 50, 21]);
      expect(urls.size).toBe(121);
      expect(urls.get(ids[119]!)).toBe('https://stub-env.tcb.qcloud.la/stub-env.0000/coupon-desk/logo/f119.png?sign=stub');
      expect(urls.get('local:logo/x.png')).toBe('');
      expect(await storage.url(ids[0]!)).toBe('https://stub-env.tcb.qcloud.la/stub-env.0000/coupon-desk/logo/f0.png?sign=stub');
    } finally {
      await stub.close();
    }
  });
});
