import type { StoreInfo } from '@shared/account/schema';
import { checkCampaignDraft, checkStockEligibility, earliestStart, type CampaignRuleEnv } from '@shared/campaign/rules';
import { campaignDraftSchema, type CampaignDraft } from '@shared/campaign/schema';
import type { FileMeta } from '@shared/files';
import type { Issue } from '@shared/result';
import type { Stock } from '@shared/stock/schema';
import { toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';

/**
 * The campaign rule engine (PRODUCT.md §C), pure: a valid env and valid SINGLE / PACK drafts, then
 * for each rule one draft that breaks only that rule, and the engine must name exactly that rule.
 */

const SP = '1900000001';
const SH = '1900000101';
const BJ = '1900000102';
const COFFEE = '1900000201';

const SEC = 1000;
const DAY = 86_400_000;
const ms = (s: string) => Date.parse(s);
const at = (t: number) => toRfc3339(t);

/** 2026-11-22 10:00 Shanghai: the earliest start is 2026-11-24 00:00 Shanghai. */
const NOW = '2026-11-22T10:00:00+08:00';
const START = '2026-11-24T00:00:00+08:00';
/** 14 days: inside the suggested 7–30. */
const END = '2026-12-08T00:00:00+08:00';
const AVAIL_BEGIN = '2026-11-23T00:00:00+08:00';
const AVAIL_END = '2026-12-20T23:59:59+08:00';

const ID1 = '1000000001';
const ID2 = '1000000002';
const ID3 = '1000000003';

const LOGO = 'local:logo/aaaaaaaaaaaaaaaaaaaaaaaa.png';
const SMALL = ['local:smallImage/s1s1s1s1s1s1.png', 'local:smallImage/s2s2s2s2s2s2.jpg', 'local:smallImage/s3s3s3s3s3s3.png'] as const;
const LARGE = ['local:largeImage/l1l1l1l1l1l1.png', 'local:largeImage/l2l2l2l2l2l2.jpg', 'local:largeImage/l3l3l3l3l3l3.png'] as const;
const SEED = 'local:seedPackage/ssssssssssss.csv';

function stock(stockId: string, over: Partial<Stock> = {}): Stock {
  return {
    stockId,
    merchantId: SH,
    name: '家乐福满100减30',
    funding: 'PREPAID',
    faceValue: 3_000,
    minSpend: 10_000,
    availableBegin: AVAIL_BEGIN,
    availableEnd: AVAIL_END,
    timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0,
    excludedGoodsCodes: [],
    instructions: '满100元减30元',
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantity: 1_000,
    perUserLimit: 1,
    usableMerchantIds: [SH, BJ],
    usableStoreIds: [],
    cardPackInsertable: true,
    purpose: 'QUOTA_CAMPAIGN',
    status: 'RUNNING',
    budget: 3_000_000,
    remaining: 1_000,
    issued: 0,
    used: 0,
    createdAt: '2026-11-20T09:00:00+08:00',
    updatedAt: '2026-11-20T09:00:00+08:00',
    activatedAt: '2026-11-20T09:05:00+08:00',
    allowedActions: ['pause', 'stop'],
    ...over,
  };
}

const store = (storeId: string, merchantId: string, name: string): StoreInfo => ({ storeId, merchantId, name, address: '上海市', lat: 31.2, lng: 121.4 });
const SH_STORES: StoreInfo[] = [
  store('st-sh-gubei', SH, '家乐福古北店'),
  store('st-sh-wujiaochang', SH, '家乐福五角场店'),
  store('st-sh-jinqiao', SH, '家乐福金桥店'),
];

const image = (fileId: string, purpose: FileMeta['purpose'], width: number, height: number, format = 'png', bytes = 20_000): FileMeta => ({ fileId, purpose, format, width, height, bytes });
const FILES: FileMeta[] = [
  image(LOGO, 'logo', 120, 120),
  ...SMALL.map((f) => image(f, 'smallImage', 100, 100, f.endsWith('.jpg') ? 'jpg' : 'png')),
  ...LARGE.map((f) => image(f, 'largeImage', 750, 520, f.endsWith('.jpg') ? 'jpg' : 'png', 300_000)),
  { fileId: SEED, purpose: 'seedPackage', format: 'csv', width: 0, height: 0, bytes: 4_096, rows: 250 },
];

interface EnvOver {
  now?: string;
  loginMerchantId?: string;
  quotaOwner?: CampaignRuleEnv['quotaOwner'];
  stocks?: Stock[];
  files?: FileMeta[];
}

/** A merchant admin of 家乐福上海 acting for itself; quota owner in brand group bg-carrefour. */
function env(over: EnvOver = {}): CampaignRuleEnv {
  return {
    now: new Date(ms(over.now ?? NOW)),
    loginMerchantId: over.loginMerchantId ?? SH,
    quotaOwner: over.quotaOwner ?? { merchantId: SH, brandGroupMerchantIds: [SH, BJ] },
    stocks: new Map((over.stocks ?? [stock(ID1), stock(ID2), stock(ID3)]).map((s) => [s.stockId, s])),
    ownerStores: new Map(SH_STORES.map((s) => [s.storeId, s])),
    files: new Map((over.files ?? FILES).map((f) => [f.fileId, f])),
  };
}

type DraftOver = Partial<Omit<CampaignDraft, 'delivery'>> & { delivery?: Partial<CampaignDraft['delivery']> };

const DELIVERY: CampaignDraft['delivery'] = {
  logo: LOGO,
  brandName: '家乐福',
  title: '满100减30元，全场通用',
  subtitle: '双十二到店专享',
  startAt: START,
  endAt: END,
};

function single(over: DraftOver = {}): CampaignDraft {
  return {
    merchantId: SH,
    promotionType: 'STORE',
    content: { kind: 'SINGLE', stockId: ID1 },
    targeting: { storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] },
    ...over,
    delivery: { ...DELIVERY, ...over.delivery },
  };
}

const packItems = (ids: readonly string[] = [ID1, ID2, ID3]) => ids.map((stockId, i) => ({ stockId, smallImage: SMALL[i]!, largeImage: LARGE[i]! }));

function pack(over: DraftOver = {}): CampaignDraft {
  return {
    merchantId: SH,
    promotionType: 'MINIPROGRAM_AND_STORE',
    content: { kind: 'PACK', items: packItems() },
    targeting: {
      storeIds: ['st-sh-gubei', 'st-sh-jinqiao'],
      miniProgram: { appid: 'wxebb78adbe8371f8c', path: 'pages/coupon/index?from=quota' },
      area: 'NEARBY_3KM',
      audience: { source: 'SEED_PACKAGE', seedPackageId: SEED },
      tags: { ageBands: ['25-34', '35-44'], gender: 'ALL' },
    },
    ...over,
    delivery: { ...DELIVERY, ...over.delivery },
  };
}

/** Runs the engine on a draft the strict schema accepts (so every issue below is the engine's). */
function check(draft: CampaignDraft, e: CampaignRuleEnv = env()): Issue[] {
  const parsed = parseWith(campaignDraftSchema, draft);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  return checkCampaignDraft(draft, e);
}

const errorRules = (issues: Issue[]) => [...new Set(issues.filter((i) => i.level === 'error').map((i) => i.rule))].sort();
const suggestionRules = (issues: Issue[]) => [...new Set(issues.filter((i) => i.level === 'suggestion').map((i) => i.rule))].sort();

/** Exactly `rule` at error level, and no other rule anywhere (errors or suggestions). */
function only(rule: string, issues: Issue[]): Issue[] {
  expect(errorRules(issues)).toEqual([rule]);
  expect(issues.map((i) => i.rule)).toEqual(issues.map(() => rule));
  return issues;
}

function one(rule: string, issues: Issue[]): Issue {
  only(rule, issues);
  expect(issues).toHaveLength(1);
  return issues[0]!;
}

const withStock = (over: Partial<Stock>, id = ID1) => env({ stocks: [stock(ID1), stock(ID2), stock(ID3)].map((s) => (s.stockId === id ? stock(id, over) : s)) });

describe('the valid factory', () => {
  it('a SINGLE STORE draft and a PACK MINIPROGRAM_AND_STORE draft produce no issue at all', () => {
    expect(check(single())).toEqual([]);
    expect(check(pack())).toEqual([]);
  });

  it('a PACK draft for MINIPROGRAM with merchant trading users is valid too, and R9 does not apply', () => {
    const d = pack({ promotionType: 'MINIPROGRAM', targeting: { miniProgram: { appid: 'wxebb78adbe8371f8c', path: 'pages/index/index' }, audience: { source: 'MERCHANT_TRADING_USERS' } } });
    // Stocks usable only at 古北 would break R9 if stores were targeted; with none they are fine.
    expect(check(d, env({ stocks: [ID1, ID2, ID3].map((id) => stock(id, { usableStoreIds: ['st-sh-gubei'] })) }))).toEqual([]);
  });

  it('the earliest start is the start of the Shanghai day two days ahead', () => {
    expect(earliestStart(new Date(ms(NOW))).toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(at(earliestStart(new Date(ms('2026-11-22T23:30:00+08:00'))).getTime())).toBe('2026-11-24T00:00:00+08:00');
    expect(at(earliestStart(new Date(ms('2026-11-23T00:30:00+08:00'))).getTime())).toBe('2026-11-25T00:00:00+08:00');
  });
});

describe('R1 (suggestion): discount at least 20% of the threshold', () => {
  it('faceValue = 0.2 × minSpend gives no suggestion', () => {
    expect(check(single(), withStock({ faceValue: 2_000, minSpend: 10_000 }))).toEqual([]);
  });

  it('one fen below gives a suggestion and no error, with the figures', () => {
    const issues = check(single(), withStock({ faceValue: 1_999, minSpend: 10_000 }));
    expect(errorRules(issues)).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ rule: 'R1', level: 'suggestion', path: 'content.stockId' })]);
    const low = check(single(), withStock({ faceValue: 1_500, minSpend: 10_000 }));
    expect(low[0]!.message).toBe(`批次 ${ID1} 满 100.00 元减 15.00 元，优惠力度 15%，低于建议的 20%（8 折）`);
  });

  it('a single-item coupon gets the 减至券 advice, not an error', () => {
    const issues = check(single(), withStock({ scope: 'SINGLE_ITEM', availableGoodsCodes: ['SKU-1'] }));
    expect(errorRules(issues)).toEqual([]);
    expect(issues).toEqual([expect.objectContaining({ rule: 'R1', level: 'suggestion', hint: '单品券建议使用减至券' })]);
  });
});

describe('R2–R9 for one coupon', () => {
  it('R2: a GENERAL stock', () => {
    expect(one('R2', check(single(), withStock({ purpose: 'GENERAL' })))).toMatchObject({ path: 'content.stockId', message: `批次 ${ID1} 的用途不是配额发券` });
  });

  it('R3: a stock made by another merchant gets ONLY R3, even when everything else is wrong with it', () => {
    const foreign = { merchantId: BJ, purpose: 'GENERAL' as const, status: 'PAUSED' as const, cardPackInsertable: false, remaining: 10, timeRule: { kind: 'DAYS_AFTER_CLAIM' as const, days: 3 }, availableBegin: '2026-12-01T00:00:00+08:00', availableEnd: '2026-12-02T00:00:00+08:00', usableMerchantIds: [COFFEE], faceValue: 1, minSpend: 100_000 };
    const issue = one('R3', check(single(), withStock(foreign)));
    expect(issue).toMatchObject({ level: 'error', path: 'content.stockId', message: `批次 ${ID1} 不是当前登录商户号 ${SH} 制作的代金券` });
    // In a pack: nothing of it leaks, not even P1/P2 although its window and merchants differ.
    const packIssues = check(pack(), withStock(foreign, ID2));
    expect(one('R3', packIssues).path).toBe('content.items.1.stockId');
  });

  it('R3: a usable merchant outside the quota owner\'s brand group', () => {
    const issue = one('R3', check(single(), withStock({ usableMerchantIds: [SH, COFFEE] })));
    expect(issue.message).toBe(`批次 ${ID1} 的可用商户号 ${COFFEE} 与配额归属商户号 ${SH} 不是同品牌`);
    // A merchant of the same brand group is fine.
    expect(check(single(), withStock({ usableMerchantIds: [BJ, SH] }))).toEqual([]);
  });

  it('R4: not activated, paused, stopped, expired, or not insertable into the card pack', () => {
    expect(one('R4', check(single(), withStock({ status: 'UNACTIVATED' })))).toMatchObject({ message: `批次 ${ID1} 状态为「未激活」，需为已激活（运行中）`, hint: '请先激活代金券' });
    expect(one('R4', check(single(), withStock({ status: 'PAUSED' }))).message).toContain('已暂停');
    expect(one('R4', check(single(), withStock({ status: 'STOPPED' }))).message).toContain('已终止');
    expect(one('R4', check(single(), withStock({ status: 'EXPIRED' }))).message).toContain('已过期');
    expect(one('R4', check(single(), withStock({ cardPackInsertable: false }))).message).toBe(`批次 ${ID1} 不支持插入卡包`);
  });

  it('R5: availableBegin = startAt passes, one second later fails', () => {
    expect(check(single(), withStock({ availableBegin: START }))).toEqual([]);
    const issue = one('R5', check(single(), withStock({ availableBegin: at(ms(START) + SEC) })));
    expect(issue.message).toBe(`批次 ${ID1} 核销开始时间 2026-11-24 00:00:01 晚于活动开始 2026-11-24 00:00`);
  });

  it('R6: availableEnd = endAt + 1 day passes, one second less fails, naming both times', () => {
    expect(check(single(), withStock({ availableEnd: at(ms(END) + DAY) }))).toEqual([]);
    const issue = one('R6', check(single(), withStock({ availableEnd: at(ms(END) + DAY - SEC) })));
    expect(issue.message).toBe(`批次 ${ID1} 核销结束时间 2026-12-08 23:59:59 需晚于活动结束 1 天以上（活动结束 2026-12-08 00:00）`);
    expect(issue.hint).toBe('活动结束时间最晚为 2026-12-07 23:59:59');
  });

  it('R7: remaining 300 passes, 299 fails with the figures', () => {
    expect(check(single(), withStock({ remaining: 300 }))).toEqual([]);
    expect(one('R7', check(single(), withStock({ remaining: 299 }))).message).toBe(`批次 ${ID1} 剩余库存 299 张，需不少于 300 张`);
  });

  it.each([
    ['DAYS_AFTER_CLAIM', { kind: 'DAYS_AFTER_CLAIM', days: 7 }],
    ['WEEKLY', { kind: 'WEEKLY', weekdays: [1, 2, 3], slots: [{ begin: 36_000, end: 72_000 }] }],
    ['IRREGULAR', { kind: 'IRREGULAR', ranges: [{ begin: AVAIL_BEGIN, end: AVAIL_END }] }],
  ] as const)('R8: a %s time rule', (_kind, timeRule) => {
    expect(one('R8', check(single(), withStock({ timeRule: timeRule as Stock['timeRule'] }))).message).toBe(`批次 ${ID1} 不是「有效期内任意时段可用」`);
  });

  it('R9: a targeted store where the stock is not usable, by store list or by merchant', () => {
    const issue = one('R9', check(single(), withStock({ usableStoreIds: ['st-sh-gubei'] })));
    expect(issue.message).toBe(`批次 ${ID1} 在投放门店 家乐福五角场店 不可用`);
    // Usable at 家乐福北京 only (same brand group, so R3 holds): neither targeted store of 家乐福上海.
    expect(one('R9', check(single(), withStock({ usableMerchantIds: [BJ] }))).message).toBe(`批次 ${ID1} 在投放门店 家乐福古北店、家乐福五角场店 不可用`);
    // Usable at exactly the targeted stores: fine.
    expect(check(single(), withStock({ usableStoreIds: ['st-sh-wujiaochang', 'st-sh-gubei', 'st-bj-zhongguancun'] }))).toEqual([]);
  });
});

describe('P1–P4 for a gift pack', () => {
  it('P1: one stock with another window (each still satisfying R5/R6) gets only P1', () => {
    const issue = one('P1', check(pack(), withStock({ availableEnd: '2026-12-25T23:59:59+08:00' }, ID3)));
    expect(issue.path).toBe('content.items');
    expect(issue.message).toContain(`${ID3}：2026-11-23 00:00 至 2026-12-25 23:59:59`);
  });

  it('P2: one stock with another set of usable merchants gets only P2; the same set in another order is fine', () => {
    const issue = one('P2', check(pack(), withStock({ usableMerchantIds: [SH] }, ID2)));
    expect(issue.message).toBe(`礼包中代金券的可用商户号不一致（${ID1}：${SH}、${BJ}；${ID2}：${SH}；${ID3}：${SH}、${BJ}）`);
    expect(check(pack(), withStock({ usableMerchantIds: [BJ, SH] }, ID2))).toEqual([]);
  });

  it('P3: a small image of the wrong size, or one never uploaded', () => {
    const files = FILES.map((f) => (f.fileId === SMALL[1] ? image(f.fileId, 'smallImage', 120, 120) : f));
    expect(one('P3', check(pack(), env({ files })))).toMatchObject({ path: 'content.items.1.smallImage', message: '商品小图尺寸为 120×120，需为 100×100' });
    const missing = FILES.filter((f) => f.fileId !== SMALL[2]);
    expect(one('P3', check(pack(), env({ files: missing })))).toMatchObject({ path: 'content.items.2.smallImage', message: '商品小图未上传或已失效' });
  });

  it('P4: a large image of 750×521, or over 1 MB', () => {
    const files = FILES.map((f) => (f.fileId === LARGE[0] ? image(f.fileId, 'largeImage', 750, 521) : f));
    expect(one('P4', check(pack(), env({ files })))).toMatchObject({ path: 'content.items.0.largeImage', message: '商品大图尺寸为 750×521，需为 750×520' });
    const big = FILES.map((f) => (f.fileId === LARGE[2] ? image(f.fileId, 'largeImage', 750, 520, 'jpg', 1_048_577) : f));
    expect(one('P4', check(pack(), env({ files: big }))).message).toBe('商品大图大小为 1.00 MB，不能超过 1 MB');
  });
});

describe('F1 logo', () => {
  const withLogo = (meta: Partial<FileMeta>) => env({ files: FILES.map((f) => (f.fileId === LOGO ? { ...f, ...meta } : f)) });

  it('121×120 is refused with the real size', () => {
    expect(one('F1', check(single(), withLogo({ width: 121 })))).toMatchObject({ path: 'delivery.logo', message: '商户 logo 尺寸为 121×120，需为 120×120' });
  });

  it('exactly 1 MB passes, one byte more fails', () => {
    expect(check(single(), withLogo({ bytes: 1_048_576 }))).toEqual([]);
    expect(one('F1', check(single(), withLogo({ bytes: 1_048_577 }))).message).toBe('商户 logo 大小为 1.00 MB，不能超过 1 MB');
  });

  it('a gif is refused; a jpg is fine', () => {
    expect(one('F1', check(single(), withLogo({ format: 'gif' }))).message).toBe('商户 logo 格式为 gif，仅支持 jpg、png');
    expect(check(single(), withLogo({ format: 'jpg' }))).toEqual([]);
  });

  it('an unknown fileId is refused', () => {
    expect(one('F1', check(single(), env({ files: FILES.filter((f) => f.fileId !== LOGO) }))).message).toBe('商户 logo未上传或已失效');
  });
});

describe('F5 delivery time', () => {
  /** Stocks whose window always covers [start, end + 1 day], so only F5 can speak. */
  const covering = (start: number, end: number, now = NOW) =>
    env({ now, stocks: [ID1, ID2, ID3].map((id) => stock(id, { availableBegin: at(Math.min(start, ms(AVAIL_BEGIN))), availableEnd: at(end + DAY) })) });
  const span = (start: number, end: number) => single({ delivery: { startAt: at(start), endAt: at(end) } });

  it.each([
    ['10:00', NOW, '2026-11-24T00:00:00+08:00'],
    ['23:30 (15:30Z: the UTC date is the same, the UTC midnight is not)', '2026-11-22T23:30:00+08:00', '2026-11-24T00:00:00+08:00'],
    ['00:30 (16:30Z the day before)', '2026-11-23T00:30:00+08:00', '2026-11-25T00:00:00+08:00'],
    ['23:59:59', '2026-11-22T23:59:59+08:00', '2026-11-24T00:00:00+08:00'],
    ['00:00:00', '2026-11-23T00:00:00+08:00', '2026-11-25T00:00:00+08:00'],
  ])('now %s: a start at the Shanghai midnight two days ahead passes, one second earlier fails', (_label, now, earliest) => {
    const e = ms(earliest);
    expect(check(span(e, e + 14 * DAY), covering(e, e + 14 * DAY, now))).toEqual([]);
    const issue = one('F5', check(span(e - SEC, e + 14 * DAY), covering(e - SEC, e + 14 * DAY, now)));
    expect(issue.path).toBe('delivery.startAt');
    expect(issue.message).toContain(`早于最早可投放时间 ${at(e).slice(0, 10)} 00:00`);
  });

  it('end must be after start', () => {
    const s = ms(START);
    expect(one('F5', check(span(s, s), covering(s, s))).path).toBe('delivery.endAt');
    expect(one('F5', check(span(s, s - SEC), covering(s, s))).message).toBe('投放结束时间 2026-11-23 23:59:59 需晚于开始时间 2026-11-24 00:00');
  });

  it('end − start exactly 365 days passes (with the length advice only), one second more is an error', () => {
    const s = ms(START);
    const ok = check(span(s, s + 365 * DAY), covering(s, s + 365 * DAY));
    expect(errorRules(ok)).toEqual([]);
    expect(ok).toEqual([expect.objectContaining({ rule: 'F5', level: 'suggestion', message: '活动持续 365 天' })]);
    const issue = one('F5', check(span(s, s + 365 * DAY + SEC), covering(s, s + 365 * DAY + SEC)));
    expect(issue).toMatchObject({ level: 'error', path: 'delivery.endAt', message: '活动持续 365.1 天，最长 365 天', hint: '结束时间最晚为 2027-11-24 00:00' });
  });

  it.each([7, 30, 14])('%i days gives no suggestion', (days) => {
    const s = ms(START);
    expect(check(span(s, s + days * DAY), covering(s, s + days * DAY))).toEqual([]);
  });

  it.each([
    [6.9, '活动持续 6.9 天'],
    [30.1, '活动持续 30.1 天'],
    [1, '活动持续 1 天'],
  ])('%f days gives a suggestion and no error', (days, message) => {
    const s = ms(START);
    const e = s + Math.round(days * DAY);
    const issues = check(span(s, e), covering(s, e));
    expect(errorRules(issues)).toEqual([]);
    expect(issues).toEqual([{ rule: 'F5', path: 'delivery.endAt', level: 'suggestion', message, hint: '建议活动持续 7–30 天' }]);
  });

  it('7 days − 1 s and 30 days + 1 s are outside the suggestion, and the figure shown says so', () => {
    const s = ms(START);
    const short = check(span(s, s + 7 * DAY - SEC), covering(s, s + 7 * DAY));
    expect(suggestionRules(short)).toEqual(['F5']);
    expect(short[0]!.message).toBe('活动持续 6.9 天');
    const long = check(span(s, s + 30 * DAY + SEC), covering(s, s + 30 * DAY + SEC));
    expect(suggestionRules(long)).toEqual(['F5']);
    expect(long[0]!.message).toBe('活动持续 30.1 天');
  });
});

describe('F7 content', () => {
  it('a stock id that does not exist', () => {
    expect(one('F7', check(single({ content: { kind: 'SINGLE', stockId: '1999999999' } })))).toMatchObject({ path: 'content.stockId', message: '批次 1999999999 不存在' });
  });

  it('a pack naming the same stock twice', () => {
    const d = pack({ content: { kind: 'PACK', items: packItems([ID1, ID2, ID1]) } });
    expect(one('F7', check(d))).toMatchObject({ path: 'content.items.2.stockId', message: `批次 ${ID1} 重复添加` });
  });

  it('a pack of two is refused by the schema with F7', () => {
    const r = parseWith(campaignDraftSchema, pack({ content: { kind: 'PACK', items: packItems([ID1, ID2]) } }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues).toEqual([expect.objectContaining({ rule: 'F7', path: 'content.items' })]);
  });
});

describe('T1–T3 targeting', () => {
  it('T1: no stores', () => {
    expect(one('T1', check(single({ targeting: { storeIds: [] } })))).toMatchObject({ path: 'targeting.storeIds', message: '请至少选择 1 家投放门店' });
    expect(one('T1', check(single({ targeting: {} }))).path).toBe('targeting.storeIds');
  });

  it('T1: a store of another merchant (and R9 does not double-report it)', () => {
    const d = single({ targeting: { storeIds: ['st-sh-gubei', 'st-xh-jingan'] } });
    expect(one('T1', check(d))).toMatchObject({ path: 'targeting.storeIds.1', message: `门店 st-xh-jingan 不是配额归属商户 ${SH} 的门店` });
  });

  it('T1: the same store twice', () => {
    expect(one('T1', check(single({ targeting: { storeIds: ['st-sh-gubei', 'st-sh-gubei'] } }))).message).toBe('投放门店重复');
  });

  const mini = (targeting: CampaignDraft['targeting']) => pack({ promotionType: 'MINIPROGRAM', targeting });
  const MP = { appid: 'wxebb78adbe8371f8c', path: 'pages/index/index' };

  it('T2: missing appid and path', () => {
    expect(one('T2', check(mini({ audience: { source: 'MERCHANT_TRADING_USERS' } })))).toMatchObject({ path: 'targeting.miniProgram' });
  });

  it('T2: an empty APPID says to choose one, not the APPID format; a malformed one names the format', () => {
    const empty = parseWith(campaignDraftSchema, mini({ miniProgram: { appid: '', path: 'pages/index/index' }, audience: { source: 'MERCHANT_TRADING_USERS' } }));
    const bad = parseWith(campaignDraftSchema, mini({ miniProgram: { appid: 'wx123', path: 'pages/index/index' }, audience: { source: 'MERCHANT_TRADING_USERS' } }));
    const on = (r: typeof empty) => (r.ok ? [] : r.issues.filter((i) => i.path === 'targeting.miniProgram.appid').map((i) => [i.rule, i.message]));
    expect(on(empty)).toEqual([['T2', '小程序 APPID：请选择或输入核销小程序']]);
    expect(on(bad)).toEqual([['T2', '小程序 APPID：需为 wx + 16 位十六进制']]);
  });

  it('T2: missing audience', () => {
    expect(one('T2', check(mini({ miniProgram: MP })))).toMatchObject({ path: 'targeting.audience' });
  });

  it('T2: seed package missing, unknown, or not a seed package', () => {
    expect(one('T2', check(mini({ miniProgram: MP, audience: { source: 'SEED_PACKAGE' } })))).toMatchObject({ path: 'targeting.audience.seedPackageId', message: '请上传种子包' });
    expect(one('T2', check(mini({ miniProgram: MP, audience: { source: 'SEED_PACKAGE', seedPackageId: 'local:seedPackage/nonenonenone.csv' } }))).message).toBe('种子包未上传或已失效');
    expect(one('T2', check(mini({ miniProgram: MP, audience: { source: 'SEED_PACKAGE', seedPackageId: LOGO } }))).message).toBe('种子包未上传或已失效');
  });

  it('T3: missing area', () => {
    const d = pack();
    const { area: _area, ...rest } = d.targeting;
    expect(one('T3', check({ ...d, targeting: rest }))).toMatchObject({ path: 'targeting.area' });
  });

  it('T3: stores, appid+path and audience are required for MINIPROGRAM_AND_STORE, under T3', () => {
    const d = pack();
    const { miniProgram: _mp, audience: _a, storeIds: _s, ...rest } = d.targeting;
    const issues = only('T3', check({ ...d, targeting: rest }));
    expect(issues.map((i) => i.path)).toEqual(['targeting.storeIds', 'targeting.miniProgram', 'targeting.audience']);
  });
});

describe('several rules at once', () => {
  it('a draft that breaks five different rules gets exactly those five', () => {
    const d = single({ delivery: { startAt: '2026-11-23T12:00:00+08:00' }, targeting: { storeIds: [] } });
    const e = env({
      stocks: [stock(ID1, { remaining: 120, timeRule: { kind: 'WEEKLY', weekdays: [6], slots: [{ begin: 0, end: 86_400 }] } })],
      files: FILES.map((f) => (f.fileId === LOGO ? { ...f, width: 100, height: 100 } : f)),
    });
    const issues = check(d, e);
    expect(errorRules(issues)).toEqual(['F1', 'F5', 'R7', 'R8', 'T1']);
    expect(issues).toHaveLength(5);
    expect(issues.find((i) => i.rule === 'R7')!.message).toBe(`批次 ${ID1} 剩余库存 120 张，需不少于 300 张`);
  });

  it('every coupon of a pack is checked on its own path', () => {
    const e = env({ stocks: [stock(ID1), stock(ID2, { remaining: 5 }), stock(ID3, { purpose: 'GENERAL', remaining: 7 })] });
    const issues = check(pack(), e);
    expect(issues.map((i) => [i.rule, i.path])).toEqual([
      ['R7', 'content.items.1.stockId'],
      ['R2', 'content.items.2.stockId'],
      ['R7', 'content.items.2.stockId'],
    ]);
  });
});

describe('R3 reading: an SP acting for a sub-merchant', () => {
  /** sp-admin logged in as the SP (1900000001), quota owner 家乐福上海 in bg-carrefour. */
  const spFor = (stocks: Stock[]) => env({ loginMerchantId: SP, quotaOwner: { merchantId: SH, brandGroupMerchantIds: [SH, BJ] }, stocks });

  it('a stock made by the SP, usable within the quota owner\'s brand group, is accepted', () => {
    expect(check(single(), spFor([stock(ID1, { merchantId: SP, usableMerchantIds: [SH] })]))).toEqual([]);
  });

  it('a stock made by the sub-merchant itself is refused by R3 only', () => {
    const issue = one('R3', check(single(), spFor([stock(ID1, { merchantId: SH })])));
    expect(issue.message).toBe(`批次 ${ID1} 不是当前登录商户号 ${SP} 制作的代金券`);
  });

  it('a stock made by the SP but usable only at the SP is refused by R3 (outside the brand group)', () => {
    const issue = one('R3', check(single({ promotionType: 'MINIPROGRAM', targeting: { miniProgram: { appid: 'wxebb78adbe8371f8c', path: 'p/i' }, audience: { source: 'MERCHANT_TRADING_USERS' } } }), spFor([stock(ID1, { merchantId: SP, usableMerchantIds: [SP] })])));
    expect(issue.message).toBe(`批次 ${ID1} 的可用商户号 ${SP} 与配额归属商户号 ${SH} 不是同品牌`);
  });
});

describe('checkStockEligibility (the eligible-stocks list)', () => {
  const draftish = { promotionType: 'STORE' as const, delivery: { startAt: START, endAt: END }, targeting: { storeIds: ['st-sh-gubei'] } };
  const { stocks: _s, files: _f, ...base } = env();

  it('is empty for a fitting stock and names each failing rule for another', () => {
    expect(checkStockEligibility(stock(ID1), 'stockId', draftish, base)).toEqual([]);
    const issues = checkStockEligibility(stock(ID1, { remaining: 0, status: 'UNACTIVATED', availableBegin: at(ms(START) + DAY) }), 'stockId', draftish, base);
    expect(issues.map((i) => i.rule)).toEqual(['R4', 'R5', 'R7']);
  });
});
