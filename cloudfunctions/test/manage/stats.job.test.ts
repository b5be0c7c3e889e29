/**
 * M2 on a fixed clock: the T+1 job (`stats.runDaily`, `dueDay`, `computeDay`) over real claims and
 * redemptions on chosen Shanghai days, what `campaign.get` / `campaign.list` show of it, and the
 * redemption export (`campaign.exportRedemptions`: the CSV read back from the file storage).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CampaignDoc } from '../../src/campaign/campaign.records';
import { LocalFileStorage } from '../../src/files/file.storage';
import { C } from '../../src/runtime/records';
import { consumerId } from '../../src/seed/demo';
import { computeDay, dueDay, type CampaignStatsDoc } from '../../src/stats/stats.job';
import { data, errorOf, type Harness } from '../support/harness';
import { COFFEE, M, SH, eachCampaignWorld, type Uploads } from '../campaign/campaign.fixtures';
import { helpers, type ExportOut, type RunOut } from './manage.support';
import { parseCsv } from '../support/csv';

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

const { at, campaign, list, get, claim, redeem, dump } = helpers(() => h, () => files);
const U = (n: number) => consumerId(n);
const NOTE = '数据仅作为参考，不作为对账依据';

const run = (member: string = M.merchant, input: Record<string, unknown> = {}) => h.call<RunOut>(member, 'stats', 'runDaily', { merchantId: SH, ...input });
const daily = async (campaignId: string) => data(await get(M.merchant, campaignId)).daily;
/** A computed day of a campaign's run with no claims and no redemptions: stored as nothing, shown as zero. */
const zero = (day: string) => ({ day, claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0 });

describe('dueDay (the 12:00 rule, Shanghai days whatever the process zone)', () => {
  it.each([
    ['2026-11-27T00:00:00+08:00', '2026-11-25'],
    ['2026-11-27T11:59:59+08:00', '2026-11-25'],
    ['2026-11-27T11:59:59.999+08:00', '2026-11-25'],
    ['2026-11-27T12:00:00+08:00', '2026-11-26'],
    ['2026-11-27T23:59:59+08:00', '2026-11-26'],
    ['2026-11-26T16:00:00Z', '2026-11-25'], // 2026-11-27 00:00 in Shanghai: before its 12:00
    ['2026-11-26T15:59:59Z', '2026-11-25'], // 2026-11-26 23:59:59 in Shanghai (after 12:00)
    ['2026-11-27T03:59:59Z', '2026-11-25'], // 11:59:59 in Shanghai
    ['2026-11-27T04:00:00Z', '2026-11-26'],
    ['2027-01-01T12:00:00+08:00', '2026-12-31'],
    ['2028-03-01T12:00:00+08:00', '2028-02-29'],
  ])('at %s the due day is %s', (now, day) => {
    expect(dueDay(new Date(now))).toBe(day);
  });
});

/**
 * Two campaigns on 家乐福上海's stocks, with activity on 11-25, 11-26, 11-27 (Shanghai days):
 *   A (满100减30): claims U1 11-25 23:59:59 | U2 11-26 00:00:00, U3 and U6 11-26 09:00
 *                  redeemed U1 11-26 10:00 (150.00), U2 11-26 23:59:59 (123.45)
 *   B (满50减10): claim U4 11-26 09:00 | U5 11-27 00:00:00; redeemed U4 11-27 00:00:00 (60.00)
 */
async function scenario() {
  const a = await campaign({ when: '2026-11-22T10:00:00+08:00' });
  const b = await campaign({ when: '2026-11-22T10:01:00+08:00', stock: { name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 }, delivery: { title: '=SUM(1,2)"折"券' } });
  const coupon = async (n: number, c: { campaignId: string }) => data(await claim(U(n), c.campaignId)).coupons[0]!.couponCode;
  at('2026-11-25T23:59:59+08:00');
  const a1 = await coupon(1, a);
  at('2026-11-26T00:00:00+08:00');
  const a2 = await coupon(2, a);
  at('2026-11-26T09:00:00+08:00');
  const a3 = await coupon(3, a);
  await coupon(6, a);
  const b4 = await coupon(4, b);
  at('2026-11-26T10:00:00+08:00');
  const r1 = data(await redeem(a1, 15_000));
  at('2026-11-26T23:59:59+08:00');
  const r2 = data(await redeem(a2, 12_345));
  at('2026-11-27T00:00:00+08:00');
  const r4 = data(await redeem(b4, 6_000, { orderId: '-ORD-B4' }));
  await coupon(5, b);
  return { a, b, a3, r1, r2, r4 };
}

describe('M2 stats.runDaily', () => {
  it('computes each Shanghai day exactly; before 12:00 the previous day is not yet due', async () => {
    const { a, b } = await scenario();

    at('2026-11-27T11:59:59+08:00');
    const early = data(await run());
    expect(early).toEqual({ days: ['2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25'], campaigns: 1, updatedAt: '2026-11-27T11:59:59+08:00' });
    // Both campaigns run from 11-24: every computed day of it is in the series, zero where nothing happened.
    expect(await daily(a.campaignId)).toEqual([zero('2026-11-24'), { day: '2026-11-25', claims: 1, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0 }]);
    expect(await daily(b.campaignId)).toEqual([zero('2026-11-24'), zero('2026-11-25')]);
    expect(await h.store.find(C.campaignStats, { campaignId: b.campaignId })).toEqual([]);

    at('2026-11-27T12:00:00+08:00');
    const noon = data(await run());
    expect(noon).toEqual({ days: ['2026-11-26'], campaigns: 2, updatedAt: '2026-11-27T12:00:00+08:00' });
    const dayA = { day: '2026-11-26', claims: 3, redemptions: 2, redeemedAmount: 6_000, orderAmount: 27_345, redemptionRate: 0.6667 };
    const dayB = { day: '2026-11-26', claims: 1, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0 };
    expect(await daily(a.campaignId)).toEqual([zero('2026-11-24'), { day: '2026-11-25', claims: 1, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0 }, dayA]);
    expect(await daily(b.campaignId)).toEqual([zero('2026-11-24'), zero('2026-11-25'), dayB]);
    expect(await h.store.get<CampaignStatsDoc>(C.campaignStats, `${a.campaignId}:2026-11-26`)).toEqual({ id: `${a.campaignId}:2026-11-26`, campaignId: a.campaignId, merchantId: SH, ...dayA });

    // The detail and the list show the series, when it was computed and the note.
    const g = data(await get(M.staff, a.campaignId));
    expect(g).toMatchObject({ statsUpdatedAt: '2026-11-27T12:00:00+08:00', statsNote: NOTE });
    expect(g.campaign.latestStats).toEqual(dayA);
    expect(g.campaign.totals).toEqual({ claims: 4, redemptions: 2, redeemedAmount: 6_000, orderAmount: 27_345 });
    const l = data(await list(M.merchant));
    expect(l).toMatchObject({ statsUpdatedAt: '2026-11-27T12:00:00+08:00', statsNote: NOTE });
    expect(l.campaigns.find((c) => c.campaignId === b.campaignId)).toMatchObject({ latestStats: dayB, totals: { claims: 1, redemptions: 0, redeemedAmount: 0, orderAmount: 0 } });
  });

  it('computeDay puts 23:59:59 and 00:00:00 on different days', async () => {
    const { a, b } = await scenario();
    const d25 = await computeDay(h.store, '2026-11-25');
    expect([...d25.entries()]).toEqual([[a.campaignId, { day: '2026-11-25', claims: 1, redemptions: 0, redeemedAmount: 0, orderAmount: 0, redemptionRate: 0, merchantId: SH }]]);
    const d27 = await computeDay(h.store, '2026-11-27');
    expect([...d27.entries()]).toEqual([[b.campaignId, { day: '2026-11-27', claims: 1, redemptions: 1, redeemedAmount: 1_000, orderAmount: 6_000, redemptionRate: 1, merchantId: SH }]]);
    expect((await computeDay(h.store, '2026-11-24')).size).toBe(0);
  });

  it('a second run changes nothing: same rows, same documents, same stats time', async () => {
    await scenario();
    at('2026-11-27T12:00:00+08:00');
    data(await run());
    const snap = h.snapshot();
    const before = dump();
    expect(data(await run())).toEqual({ days: [], campaigns: 0, updatedAt: '2026-11-27T12:00:00+08:00' });
    at('2026-11-27T18:00:00+08:00');
    expect(data(await run())).toEqual({ days: [], campaigns: 0, updatedAt: '2026-11-27T12:00:00+08:00' });
    expect(h.snapshot()).toEqual(snap);
    expect(dump()).toEqual(before);
  });

  it('a missed day is caught up: skip two days, one run computes both', async () => {
    const { a, b, a3 } = await scenario();
    at('2026-11-27T12:00:00+08:00');
    data(await run());
    at('2026-11-28T15:00:00+08:00');
    data(await claim(U(7), a.campaignId));
    at('2026-11-28T16:00:00+08:00');
    data(await redeem(a3, 20_000));
    // No run on 11-28 at 12:00 nor on 11-29 before 12:00.
    at('2026-11-29T12:00:00+08:00');
    expect(data(await run())).toEqual({ days: ['2026-11-27', '2026-11-28'], campaigns: 2, updatedAt: '2026-11-29T12:00:00+08:00' });
    expect((await daily(b.campaignId)).map((d) => d.day)).toEqual(['2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28']);
    expect((await daily(b.campaignId))[3]).toEqual({ day: '2026-11-27', claims: 1, redemptions: 1, redeemedAmount: 1_000, orderAmount: 6_000, redemptionRate: 1 });
    expect((await daily(a.campaignId))).toEqual([
      zero('2026-11-24'),
      expect.objectContaining({ day: '2026-11-25', claims: 1 }),
      expect.objectContaining({ day: '2026-11-26', claims: 3 }),
      zero('2026-11-27'),
      { day: '2026-11-28', claims: 1, redemptions: 1, redeemedAmount: 3_000, orderAmount: 20_000, redemptionRate: 1 },
    ]);
    expect(data(await get(M.merchant, a.campaignId)).statsUpdatedAt).toBe('2026-11-29T12:00:00+08:00');
  });

  it('the zero days are the computed days of the run only: none before the start, none after the end', async () => {
    const short = await campaign({ when: '2026-11-22T10:00:00+08:00', delivery: { startAt: '2026-11-24T00:00:00+08:00', endAt: '2026-11-25T20:00:00+08:00' } });
    const later = await campaign({ when: '2026-11-22T10:01:00+08:00', delivery: { startAt: '2026-11-28T00:00:00+08:00', endAt: '2026-12-10T00:00:00+08:00' } });
    // Ends at 00:00 of 11-26: it did not run on 11-26.
    const midnight = await campaign({ when: '2026-11-22T10:02:00+08:00', delivery: { startAt: '2026-11-24T00:00:00+08:00', endAt: '2026-11-26T00:00:00+08:00' } });
    at('2026-11-27T12:00:00+08:00');
    data(await run());
    expect(await daily(short.campaignId)).toEqual([zero('2026-11-24'), zero('2026-11-25')]);
    expect(await daily(later.campaignId)).toEqual([]);
    expect(await daily(midnight.campaignId)).toEqual([zero('2026-11-24'), zero('2026-11-25')]);
    const g = data(await get(M.merchant, short.campaignId));
    expect(g.campaign.latestStats).toEqual(zero('2026-11-25'));
  });

  it('before any run the figures are empty and statsUpdatedAt is null, with the note', async () => {
    const { a } = await scenario();
    const g = data(await get(M.merchant, a.campaignId));
    expect(g).toMatchObject({ daily: [], statsUpdatedAt: null, statsNote: NOTE });
    expect(g.campaign).toMatchObject({ latestStats: null, totals: { claims: 0, redemptions: 0, redeemedAmount: 0, orderAmount: 0 } });
  });

  it('only admins may start the job', async () => {
    await campaign();
    at('2026-11-27T12:00:00+08:00');
    const before = dump();
    expect(errorOf(await run(M.staff)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await run(M.host)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await run(U(1))).code).toBe('AUTH.FORBIDDEN');
    expect(dump()).toEqual(before);
  });

  // BUG (known, reported): `upTo` is not limited to the due day, so an admin run with upTo = today
  // computes a partial day and records it as done (stats:state.lastDay); the 12:00 run never
  // recomputes it. Marked `failing` so the suite stays green; turn it into `it` once fixed.
  it('an early run with upTo = today does not freeze a partial day', async () => {
    const a = await campaign();
    at('2026-11-26T08:00:00+08:00');
    data(await claim(U(1), a.campaignId));
    await run(M.merchant, { upTo: '2026-11-26' }); // refused or clamped to the due day would both be right
    at('2026-11-26T09:00:00+08:00');
    data(await claim(U(2), a.campaignId));
    at('2026-11-27T12:00:00+08:00');
    data(await run());
    expect((await daily(a.campaignId)).find((d) => d.day === '2026-11-26')).toMatchObject({ claims: 2 });
  });
});


const HEADER = ['核销时间', '活动ID', '活动标题', '批次号', '券码', '门店', '门店ID', '订单号', '订单金额(元)', '可优惠金额(元)', '优惠金额(元)', '实付金额(元)', '核销店员'];

describe('M2 campaign.exportRedemptions', () => {
  const exportCsv = (input: Record<string, unknown>, member: string = M.merchant) => h.call<ExportOut>(member, 'campaign', 'exportRedemptions', { merchantId: SH, ...input });
  const storage = () => new LocalFileStorage(join(h.dir, 'uploads'));
  async function read(out: ExportOut) {
    const key = out.fileId.replace(/^local:/, '');
    expect(key).toMatch(new RegExp(`^export/${SH}_[0-9a-f]{32}\\.csv$`));
    expect(existsSync(join(h.dir, 'uploads', key))).toBe(true);
    expect(out.url).toBe(`/api/files/${encodeURIComponent(key)}?name=${encodeURIComponent(out.fileName)}`);
    const bytes = (await storage().get(out.fileId))!;
    expect(bytes).not.toBeNull();
    return Buffer.from(bytes);
  }
  const exported = () => (existsSync(join(h.dir, 'uploads', 'export')) ? readdirSync(join(h.dir, 'uploads', 'export')) : []);

  it('one campaign, one day: BOM, Chinese header, one row per redemption of that day, amounts in 元', async () => {
    const { a, r1, r2 } = await scenario();
    at('2026-11-28T09:00:00+08:00');
    const out = data(await exportCsv({ campaignId: a.campaignId, from: '2026-11-26', to: '2026-11-26' }));
    expect(out).toMatchObject({ rows: 2, fileName: `核销明细_${a.campaignId}_2026-11-26_2026-11-26.csv` });
    const bytes = await read(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFF核销时间,活动ID,')).toBe(true);
    expect(parseCsv(text.slice(1))).toEqual([
      HEADER,
      ['2026-11-26 10:00:00', a.campaignId, a.delivery.title, a.stock.stockId, r1.couponCode, '家乐福古北店', 'st-sh-gubei', r1.orderId, '150.00', '150.00', '30.00', '120.00', M.staff],
      ['2026-11-26 23:59:59', a.campaignId, a.delivery.title, a.stock.stockId, r2.couponCode, '家乐福古北店', 'st-sh-gubei', r2.orderId, '123.45', '123.45', '30.00', '93.45', M.staff],
    ]);
    // The title holds a full-width comma only: no quoting needed.
    expect(text).toContain(`,${a.delivery.title},`);
  });

  it('the whole merchant over two days, with RFC 4180 quoting and formula cells neutralised', async () => {
    const { a, b, r1, r2, r4 } = await scenario();
    at('2026-11-28T09:00:00+08:00');
    const out = data(await exportCsv({ from: '2026-11-26', to: '2026-11-27' }));
    expect(out.rows).toBe(3);
    const text = (await read(out)).toString('utf8');
    const rows = parseCsv(text.slice(1));
    expect(rows.slice(1).map((r) => r[7])).toEqual([r1.orderId, r2.orderId, "'-ORD-B4"]);
    expect(rows[3]).toEqual(['2026-11-27 00:00:00', b.campaignId, `'=SUM(1,2)"折"券`, b.stock.stockId, r4.couponCode, '家乐福古北店', 'st-sh-gubei', "'-ORD-B4", '60.00', '60.00', '10.00', '50.00', M.staff]);
    // On the wire: the neutralised title quoted, its quotes doubled; lines end with CRLF.
    expect(text).toContain(`,"'=SUM(1,2)""折""券",`);
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(rows.slice(1).every((r) => r[1] === a.campaignId || r[1] === b.campaignId)).toBe(true);
  });

  it('nothing outside the range: the day before and the day after give no rows but the header', async () => {
    await scenario();
    at('2026-11-28T09:00:00+08:00');
    for (const day of ['2026-11-25', '2026-11-28']) {
      const out = data(await exportCsv({ from: day, to: day }));
      expect(out.rows).toBe(0);
      expect((await read(out)).toString('utf8')).toBe('\uFEFF' + HEADER.join(',') + '\r\n');
    }
    const only27 = data(await exportCsv({ from: '2026-11-27', to: '2026-11-27' }));
    expect(parseCsv((await read(only27)).toString('utf8').slice(1)).slice(1).map((r) => r[0])).toEqual(['2026-11-27 00:00:00']);
  });

  it('92 days is the most: 92 passes, 93 and to < from are REQUEST.INVALID and write nothing', async () => {
    await scenario();
    expect(data(await exportCsv({ from: '2026-11-01', to: '2027-01-31' })).rows).toBe(3);
    const files0 = exported();
    const before = dump();
    const tooLong = errorOf(await exportCsv({ from: '2026-11-01', to: '2027-02-01' }));
    expect(tooLong.code).toBe('REQUEST.INVALID');
    expect(tooLong.issues).toEqual([expect.objectContaining({ path: 'to', level: 'error', message: expect.stringContaining('93 天') })]);
    const reversed = errorOf(await exportCsv({ from: '2026-11-27', to: '2026-11-26' }));
    expect(reversed.code).toBe('REQUEST.INVALID');
    expect(errorOf(await exportCsv({ from: '2026/11/26', to: '2026-11-26' })).code).toBe('REQUEST.INVALID');
    expect(dump()).toEqual(before);
    expect(exported()).toEqual(files0);
  });

  // BUG (known, reported): the YYYY-MM-DD check is a regex only; Date.parse rolls 2026-02-30 into
  // 2026-03-02, so an impossible date is accepted. Turn into `it` once the day is validated.
  it('an impossible calendar date is REQUEST.INVALID', async () => {
    expect(errorOf(await exportCsv({ from: '2026-02-30', to: '2026-03-02' })).code).toBe('REQUEST.INVALID');
  });

  it('another merchant\'s campaign is CAMPAIGN.NOT_FOUND; staff may not export', async () => {
    const { a } = await scenario();
    const foreign: CampaignDoc = { ...(await h.store.get<CampaignDoc>(C.campaigns, a.campaignId))!, id: 'cmp_foreign_coffee_0001', merchantId: COFFEE, createdByMerchantId: COFFEE };
    expect(await h.store.insert(C.campaigns, foreign)).toBe(true);
    const files0 = exported();
    expect(errorOf(await exportCsv({ campaignId: foreign.id, from: '2026-11-26', to: '2026-11-26' })).code).toBe('CAMPAIGN.NOT_FOUND');
    expect(errorOf(await exportCsv({ campaignId: 'cmp_does_not_exist', from: '2026-11-26', to: '2026-11-26' })).code).toBe('CAMPAIGN.NOT_FOUND');
    expect(errorOf(await exportCsv({ from: '2026-11-26', to: '2026-11-26' }, M.staff)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await exportCsv({ merchantId: COFFEE, from: '2026-11-26', to: '2026-11-26' })).code).toBe('AUTH.FORBIDDEN');
    expect(exported()).toEqual(files0);
    // The SP acting for 星火咖啡 gets its (empty) export.
    expect(data(await exportCsv({ merchantId: COFFEE, campaignId: foreign.id, from: '2026-11-26', to: '2026-11-26' }, M.sp)).rows).toBe(0);
  });
});
