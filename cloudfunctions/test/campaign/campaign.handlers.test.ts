import type { Issue } from '@shared/result';
import type { CampaignDoc } from '../../src/campaign/campaign.records';
import { C, type AuditDoc, type MemberDoc, type MerchantDoc } from '../../src/runtime/records';
import { consumerId } from '../../src/seed/demo';
import { data, errorOf, type Harness } from '../support/harness';
import {
  AVAIL_BEGIN, BJ, COFFEE, END, M, NOW, SH, SP, START,
  makeStock, packDraft, rid, singleDraft, uploadAll, eachCampaignWorld,
  type CampaignOut, type EligibleOut, type StockOut, type Uploads, type ValidateOut,
} from './campaign.fixtures';

let h: Harness;
let files: Uploads;
eachCampaignWorld((w) => ({ h, files } = w));

const validate = (member: string, draft: unknown) => h.call<ValidateOut>(member, 'campaign', 'validate', draft);
const create = (member: string, draft: Record<string, unknown>, requestId = rid('cmp')) => h.call<CampaignOut>(member, 'campaign', 'create', { ...draft, requestId });
const eligible = (member: string, input: Record<string, unknown>) => h.call<EligibleOut>(member, 'campaign', 'eligibleStocks', input);

const rulesOf = (issues: readonly Issue[] | undefined, level: Issue['level'] = 'error') =>
  [...new Set((issues ?? []).filter((i) => i.level === level).map((i) => i.rule))].sort();

function auditEntries(operation: string): AuditDoc[] {
  const rows = h.store.db.prepare("SELECT doc FROM c_auditLog WHERE json_extract(doc, '$.operation') = ?").all(operation) as { doc: string }[];
  return rows.map((r) => JSON.parse(r.doc) as AuditDoc);
}

describe('campaign.create: valid campaigns', () => {
  it('a SINGLE campaign targeting stores is created NOT_STARTED, with one campaign, request and audit row', async () => {
    const s = await makeStock(h, SH);
    expect(s).toMatchObject({ status: 'RUNNING', remaining: 1_000, purpose: 'QUOTA_CAMPAIGN', cardPackInsertable: true });
    const draft = singleDraft(SH, files, s.stockId);

    const v = data(await validate(M.merchant, draft));
    expect(v).toEqual({
      valid: true,
      issues: [],
      earliestStartAt: START,
      stocks: [{ stockId: s.stockId, name: s.name, faceValue: 3_000, minSpend: 10_000, remaining: 1_000, availableBegin: s.availableBegin, availableEnd: s.availableEnd, scope: 'ALL', status: 'RUNNING' }],
    });

    const before = h.snapshot();
    const c = data(await create(M.merchant, draft));
    expect(c).toEqual({
      campaignId: expect.any(String),
      merchantId: SH,
      createdByMerchantId: SH,
      promotionType: 'STORE',
      delivery: draft.delivery,
      content: { kind: 'SINGLE', stockId: s.stockId },
      targeting: { storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] },
      status: 'NOT_STARTED',
      paused: false,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    });
    const after = h.snapshot();
    expect(after.c_campaigns).toBe((before.c_campaigns ?? 0) + 1);
    expect(after.c_requests).toBe(before.c_requests! + 1);
    expect(after.c_auditLog).toBe(before.c_auditLog! + 1);
    const doc = await h.store.get<CampaignDoc>(C.campaigns, c.campaignId);
    expect(doc).toMatchObject({ merchantId: SH, startAtMs: Date.parse(START), endAtMs: Date.parse(END), createdBy: M.merchant });
    expect(auditEntries('campaign.create')).toEqual([expect.objectContaining({ merchantId: SH, actorId: M.merchant, targetId: c.campaignId, detail: { title: draft.delivery.title, content: 'SINGLE', stocks: [s.stockId] } })]);
  });

  it('a PACK campaign for MINIPROGRAM_AND_STORE with appid, path, area and a seed package is created NOT_STARTED', async () => {
    const stocks = [await makeStock(h, SH, { usableMerchantIds: [SH, BJ] }), await makeStock(h, SH, { usableMerchantIds: [BJ, SH], faceValue: 5_000, minSpend: 20_000 }), await makeStock(h, SH, { usableMerchantIds: [SH, BJ], name: '家乐福满50减10', faceValue: 1_000, minSpend: 5_000 })];
    const draft = packDraft(SH, files, stocks.map((s) => s.stockId));
    const v = data(await validate(M.merchant, draft));
    expect(v.issues).toEqual([]);
    expect(v.valid).toBe(true);
    expect(v.stocks.map((s) => s.stockId).sort()).toEqual(stocks.map((s) => s.stockId).sort());

    const c = data(await create(M.merchant, draft));
    expect(c).toMatchObject({ merchantId: SH, promotionType: 'MINIPROGRAM_AND_STORE', status: 'NOT_STARTED', paused: false, content: draft.content, delivery: draft.delivery });
    expect(c.targeting).toEqual(draft.targeting);
    expect(c.content.kind === 'PACK' && c.content.items.map((i) => i.smallImage)).toEqual(files.small);
  });

  it('a suggestion (R1 under 8 折, length outside 7–30 days) does not block creation', async () => {
    const s = await makeStock(h, SH, { faceValue: 1_000, minSpend: 10_000 });
    const draft = singleDraft(SH, files, s.stockId, { delivery: { ...singleDraft(SH, files, s.stockId).delivery, endAt: '2026-11-27T00:00:00+08:00' } });
    const v = data(await validate(M.merchant, draft));
    expect(v.valid).toBe(true);
    expect(rulesOf(v.issues, 'error')).toEqual([]);
    expect(v.issues.map((i) => [i.rule, i.level])).toEqual([['F5', 'suggestion'], ['R1', 'suggestion']]);
    expect(data(await create(M.merchant, draft)).status).toBe('NOT_STARTED');
  });

  it('after the start the status derives from the clock: DELIVERING, then ENDED', async () => {
    const s = await makeStock(h, SH);
    const c = data(await create(M.merchant, singleDraft(SH, files, s.stockId)));
    expect(c.status).toBe('NOT_STARTED');
    // campaign.get derives the status from the clock at every read (M1).
    const statusAt = async (ms: number) => {
      h.clock.set(new Date(ms));
      return data(await h.call<{ campaign: { status: string } }>(M.merchant, 'campaign', 'get', { merchantId: SH, campaignId: c.campaignId })).campaign.status;
    };
    expect(await statusAt(Date.parse(START) - 1000)).toBe('NOT_STARTED');
    expect(await statusAt(Date.parse(START))).toBe('DELIVERING');
    expect(await statusAt(Date.parse(END))).toBe('DELIVERING');
    expect(await statusAt(Date.parse(END) + 1000)).toBe('ENDED');
  });
});

describe('campaign.validate: every issue at once, nothing written', () => {
  it('reports a too-wide title (schema) together with R7 and other rules, and writes nothing', async () => {
    const low = await makeStock(h, SH, { totalQuantity: 299 });
    expect(low.remaining).toBe(299);
    const base = singleDraft(SH, files, low.stockId);
    const draft = {
      ...base,
      delivery: { ...base.delivery, title: '家乐福双十二全场满一百减三十元', logo: files.small[0] },
      targeting: { storeIds: ['st-sh-gubei', 'st-xh-jingan'] },
    };
    const before = h.snapshot();
    const v = data(await validate(M.merchant, draft));
    expect(h.snapshot()).toEqual(before);
    expect(v.valid).toBe(false);
    expect(rulesOf(v.issues)).toEqual(['F1', 'F3', 'R7', 'T1']);
    expect(v.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ rule: 'F3', path: 'delivery.title', level: 'error', message: '活动标题：长度 30 超过上限 24（最多 12 个中文字符，1 个中文字符 = 2 个英文字符）' }),
      expect.objectContaining({ rule: 'R7', path: 'content.stockId', level: 'error', message: `批次 ${low.stockId} 剩余库存 299 张，需不少于 300 张` }),
      expect.objectContaining({ rule: 'F1', path: 'delivery.logo', message: '商户 logo 尺寸为 100×100，需为 120×120' }),
      expect.objectContaining({ rule: 'T1', path: 'targeting.storeIds.1', message: `门店 st-xh-jingan 不是配额归属商户 ${SH} 的门店` }),
    ]));
    expect(v.issues).toHaveLength(4);
  });

  it('reports the rules of a stock read from the database: R4 unactivated, R5, R6, R8, R9', async () => {
    const s = await makeStock(h, SH, {
      availableBegin: '2026-11-24T00:00:01+08:00',
      availableEnd: '2026-12-08T23:59:59+08:00',
      timeRule: { kind: 'WEEKLY', weekdays: [0, 6], slots: [{ begin: 0, end: 86_400 }] },
      usableStoreIds: ['st-sh-gubei'],
    }, { activate: false });
    const v = data(await validate(M.merchant, singleDraft(SH, files, s.stockId)));
    expect(v.issues.map((i) => i.rule)).toEqual(['R4', 'R5', 'R6', 'R8', 'R9']);
    expect(v.issues.find((i) => i.rule === 'R6')!.message).toBe(`批次 ${s.stockId} 核销结束时间 2026-12-08 23:59:59 需晚于活动结束 1 天以上（活动结束 2026-12-08 00:00）`);
    expect(v.issues.find((i) => i.rule === 'R9')!.message).toBe(`批次 ${s.stockId} 在投放门店 家乐福五角场店 不可用`);
  });

  it('a start before the earliest day is F5, with the earliest start for the date picker', async () => {
    const s = await makeStock(h, SH);
    const base = singleDraft(SH, files, s.stockId);
    const v = data(await validate(M.merchant, { ...base, delivery: { ...base.delivery, startAt: '2026-11-23T23:59:59+08:00' } }));
    expect(v.earliestStartAt).toBe(START);
    expect(v.issues).toEqual([expect.objectContaining({ rule: 'F5', path: 'delivery.startAt', hint: '请选择 2026-11-24 00:00 或之后' })]);
    // Late in the evening (23:30 Shanghai = 15:30Z) the earliest day is still the 24th.
    h.clock.set(new Date('2026-11-22T23:30:00+08:00'));
    expect(data(await validate(M.merchant, base)).issues).toEqual([]);
    // Half an hour later it is the 25th.
    h.clock.set(new Date('2026-11-23T00:00:00+08:00'));
    const next = data(await validate(M.merchant, base));
    expect(next.earliestStartAt).toBe('2026-11-25T00:00:00+08:00');
    expect(rulesOf(next.issues)).toEqual(['F5']);
  });

  it('a stock of another merchant is named by R3 only, and its data is not returned', async () => {
    const foreign = await makeStock(h, BJ, { totalQuantity: 5, purpose: 'GENERAL' });
    const v = data(await validate(M.merchant, singleDraft(SH, files, foreign.stockId)));
    expect(v.issues).toEqual([{ rule: 'R3', path: 'content.stockId', level: 'error', message: `批次 ${foreign.stockId} 不是当前登录商户号 ${SH} 制作的代金券`, hint: '仅允许添加当前登录商户号制作的代金券' }]);
    expect(v.stocks).toEqual([]);
  });

  it('P1–P4 in a pack, with real files of the wrong purpose', async () => {
    const a = await makeStock(h, SH, { usableMerchantIds: [SH, BJ] });
    const b = await makeStock(h, SH, { usableMerchantIds: [SH] });
    const c = await makeStock(h, SH, { usableMerchantIds: [SH, BJ], availableEnd: '2026-12-21T23:59:59+08:00' });
    const draft = packDraft(SH, files, [a.stockId, b.stockId, c.stockId]);
    draft.content.items[0]!.smallImage = files.logo; // 120×120
    draft.content.items[2]!.largeImage = files.small[2]; // 100×100
    const v = data(await validate(M.merchant, draft));
    expect(v.issues.map((i) => [i.rule, i.path])).toEqual([
      ['P1', 'content.items'],
      ['P2', 'content.items'],
      ['P3', 'content.items.0.smallImage'],
      ['P4', 'content.items.2.largeImage'],
    ]);
  });

  it('T2 for MINIPROGRAM without appid/path and with a seed package that is not one', async () => {
    const s = await makeStock(h, SH);
    const v = data(await validate(M.merchant, singleDraft(SH, files, s.stockId, { promotionType: 'MINIPROGRAM', targeting: { audience: { source: 'SEED_PACKAGE', seedPackageId: files.logo } } })));
    expect(v.issues.map((i) => [i.rule, i.path])).toEqual([['T2', 'targeting.miniProgram'], ['T2', 'targeting.audience.seedPackageId']]);
  });

  it('a malformed draft is REQUEST.INVALID before any rule runs, with the rule id where a rule owns the field', async () => {
    const s = await makeStock(h, SH);
    const bad = singleDraft(SH, files, s.stockId, { targeting: { storeIds: ['st-sh-gubei'], miniProgram: { appid: 'wx123', path: 'pages/index' } } });
    const err = errorOf(await validate(M.merchant, bad));
    expect(err.code).toBe('REQUEST.INVALID');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'T2', path: 'targeting.miniProgram.appid' })]);
  });
});

describe('campaign.create: refusals', () => {
  it('any error → CAMPAIGN.RULE_VIOLATION with every issue, nothing written', async () => {
    const low = await makeStock(h, SH, { totalQuantity: 299 });
    const base = singleDraft(SH, files, low.stockId);
    const before = h.snapshot();
    const err = errorOf(await create(M.merchant, { ...base, delivery: { ...base.delivery, subtitle: '双十二到店专享满一百减三十' } }));
    expect(err.code).toBe('CAMPAIGN.RULE_VIOLATION');
    expect(err.message).toBe('活动有 2 处不符合规则');
    expect(err.issues?.map((i) => [i.rule, i.path])).toEqual([['F4', 'delivery.subtitle'], ['R7', 'content.stockId']]);
    expect(h.snapshot()).toEqual(before);
  });

  it('a single error is the message itself; suggestions travel with it', async () => {
    const s = await makeStock(h, SH, { faceValue: 1_000, minSpend: 10_000 });
    const before = h.snapshot();
    const err = errorOf(await create(M.merchant, singleDraft(SH, files, s.stockId, { targeting: { storeIds: [] } })));
    expect(err.code).toBe('CAMPAIGN.RULE_VIOLATION');
    expect(err.message).toBe('请至少选择 1 家投放门店');
    expect(err.issues?.map((i) => [i.rule, i.level])).toEqual([['R1', 'suggestion'], ['T1', 'error']]);
    expect(h.snapshot()).toEqual(before);
  });

  it('an emoji in the brand name is refused (F2)', async () => {
    const s = await makeStock(h, SH);
    const base = singleDraft(SH, files, s.stockId);
    const err = errorOf(await create(M.merchant, { ...base, delivery: { ...base.delivery, brandName: '家乐福🎉' } }));
    expect(err.code).toBe('CAMPAIGN.RULE_VIOLATION');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'F2', path: 'delivery.brandName', message: expect.stringContaining('含有不支持的字符 🎉') })]);
  });

  it('a refused create can be fixed and retried with the same requestId', async () => {
    const s = await makeStock(h, SH);
    const requestId = rid('cmp');
    const bad = singleDraft(SH, files, s.stockId, { targeting: { storeIds: [] } });
    expect(errorOf(await create(M.merchant, bad, requestId)).code).toBe('CAMPAIGN.RULE_VIOLATION');
    expect(data(await create(M.merchant, singleDraft(SH, files, s.stockId), requestId)).status).toBe('NOT_STARTED');
  });
});

describe('campaign.create: idempotency', () => {
  it('the same requestId returns the same campaign and writes nothing more; another payload is REQUEST.ID_REUSED', async () => {
    const s = await makeStock(h, SH);
    const draft = singleDraft(SH, files, s.stockId);
    const requestId = rid('cmp');
    const first = data(await create(M.merchant, draft, requestId));
    const after = h.snapshot();
    h.clock.advance(60_000);
    expect(data(await create(M.merchant, draft, requestId))).toEqual(first);
    expect(h.snapshot()).toEqual(after);

    const other = { ...draft, delivery: { ...draft.delivery, title: '满100减30元' } };
    const err = errorOf(await create(M.merchant, other, requestId));
    expect(err.code).toBe('REQUEST.ID_REUSED');
    expect(h.snapshot()).toEqual(after);

    // A new requestId is a new campaign.
    const second = data(await create(M.merchant, draft));
    expect(second.campaignId).not.toBe(first.campaignId);
    expect(h.snapshot().c_campaigns).toBe(after.c_campaigns! + 1);
  });
});

describe('R3 when an SP admin acts for a sub-merchant', () => {
  /*
   * loginMerchantOf: sp-admin holds SP_ADMIN in 1900000001 only, so acting for 家乐福上海 it is
   * logged in as 1900000001. R3 then needs (a) the stock made by 1900000001 and (b) every usable
   * merchant of it in 家乐福上海's brand group. S12 lets a service provider make coupons usable at
   * its sub-merchants, so the SP can run a quota campaign for a sub-merchant with its own coupons.
   */
  it('the SP makes a stock usable at the sub-merchant and creates the sub-merchant\'s campaign with it', async () => {
    const spStock = await makeStock(h, SP, { usableMerchantIds: [SH] }, { member: M.sp });
    expect(spStock).toMatchObject({ merchantId: SP, usableMerchantIds: [SH] });
    const created = data(await create(M.sp, singleDraft(SH, files, spStock.stockId)));
    expect(created).toMatchObject({ merchantId: SH, createdByMerchantId: SP, status: 'NOT_STARTED' });
  });

  it('the SP cannot make a stock usable at a merchant that is not its sub-merchant (S12)', async () => {
    const err = errorOf(await h.call(M.sp, 'stock', 'create', { merchantId: SP, requestId: rid('stock'), name: '服务商配额券', funding: 'PREPAID', faceValue: 3_000, minSpend: 10_000, availableBegin: AVAIL_BEGIN, availableEnd: '2026-12-20T23:59:59+08:00', timeRule: { kind: 'ANYTIME' }, effectiveAfterClaimDays: 0, excludedGoodsCodes: [], instructions: '', scope: 'ALL', availableGoodsCodes: [], totalQuantity: 1_000, perUserLimit: 1, usableMerchantIds: ['1900009999'], usableStoreIds: [], cardPackInsertable: true, purpose: 'QUOTA_CAMPAIGN' }));
    expect(err.code).toBe('STOCK.RULE_VIOLATION');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'S12', path: 'usableMerchantIds.0' })]);
  });

  it('a stock made by the SP (usable at the SP) is refused by R3 for being outside the brand group', async () => {
    const spStock = await makeStock(h, SP, { usableMerchantIds: [SP] }, { member: M.sp });
    expect(spStock.merchantId).toBe(SP);
    const v = data(await validate(M.sp, singleDraft(SH, files, spStock.stockId)));
    expect(v.issues).toEqual([
      expect.objectContaining({ rule: 'R3', path: 'content.stockId', message: `批次 ${spStock.stockId} 的可用商户号 ${SP} 与配额归属商户号 ${SH} 不是同品牌` }),
      // …and, being usable at the SP only, it is usable at none of 家乐福上海's stores.
      expect.objectContaining({ rule: 'R9', message: `批次 ${spStock.stockId} 在投放门店 家乐福古北店、家乐福五角场店 不可用` }),
    ]);
    // The SP's stock is the logged-in merchant's: the summary is shown.
    expect(v.stocks.map((s) => s.stockId)).toEqual([spStock.stockId]);
  });

  it('a stock made by the sub-merchant itself is refused by R3 (not made by the logged-in SP)', async () => {
    const own = await makeStock(h, SH);
    const before = h.snapshot();
    const err = errorOf(await create(M.sp, singleDraft(SH, files, own.stockId)));
    expect(err.code).toBe('CAMPAIGN.RULE_VIOLATION');
    expect(err.issues).toEqual([expect.objectContaining({ rule: 'R3', message: `批次 ${own.stockId} 不是当前登录商户号 ${SP} 制作的代金券` })]);
    expect(h.snapshot()).toEqual(before);
    // The same draft by the merchant's own admin is fine.
    expect(data(await create(M.merchant, singleDraft(SH, files, own.stockId))).createdByMerchantId).toBe(SH);
  });

  it('eligibleStocks for sp-admin acting for 家乐福上海 lists the SP\'s stocks, each refused by R3', async () => {
    const spStock = await makeStock(h, SP, { usableMerchantIds: [SP] }, { member: M.sp });
    await makeStock(h, SH);
    const out = data(await eligible(M.sp, { merchantId: SH }));
    expect(out.stocks.map((s) => [s.stock.stockId, s.eligible, s.issues.map((i) => i.rule)])).toEqual([[spStock.stockId, false, ['R3']]]);
  });

  it('an admin of two service providers acting for a sub-merchant is logged in as that sub-merchant\'s provider (R3), not the first one', async () => {
    const P2 = '1900000002';
    const SUB2 = '1900000021';
    await h.store.set<MerchantDoc>(C.merchants, { id: P2, name: '新程科技（服务商）', kind: 'SERVICE_PROVIDER', providerId: null, brandGroupId: null, noCashEnabled: true });
    await h.store.set<MerchantDoc>(C.merchants, { id: SUB2, name: '新程便利店', kind: 'SUB_MERCHANT', providerId: P2, brandGroupId: null, noCashEnabled: false });
    await h.store.set<MemberDoc>(C.members, {
      id: 'sp-two', openid: 'o-sp-two', nickname: '两家服务商的管理员',
      memberships: [{ role: 'SP_ADMIN', merchantId: SP, storeIds: [] }, { role: 'SP_ADMIN', merchantId: P2, storeIds: [] }],
    });
    await makeStock(h, SP, { name: '云选的券', usableMerchantIds: [SP] }, { member: 'sp-two' });
    const p2Stock = await makeStock(h, P2, { name: '新程的券', usableMerchantIds: [P2] }, { member: 'sp-two' });
    const out = data(await eligible('sp-two', { merchantId: SUB2 }));
    expect(out.stocks.map((s) => [s.stock.stockId, s.stock.name])).toEqual([[p2Stock.stockId, '新程的券']]);
  });

  it('the SP acting for itself (quota owner = logged-in merchant) may use its own stock', async () => {
    const spStock = await makeStock(h, SP, { usableMerchantIds: [SP] }, { member: M.sp });
    const spFiles = await uploadAll(h, M.sp);
    const draft = singleDraft(SP, spFiles, spStock.stockId, { promotionType: 'MINIPROGRAM', targeting: { miniProgram: { appid: 'wxebb78adbe8371f8c', path: 'pages/index/index' }, audience: { source: 'MERCHANT_TRADING_USERS' } } });
    expect(data(await validate(M.sp, draft)).issues).toEqual([]);
    const c = data(await create(M.sp, draft));
    expect(c).toMatchObject({ merchantId: SP, createdByMerchantId: SP, status: 'NOT_STARTED', targeting: { miniProgram: { appid: 'wxebb78adbe8371f8c', path: 'pages/index/index' }, audience: { source: 'MERCHANT_TRADING_USERS' } } });
    expect(c.targeting.storeIds).toBeUndefined();
  });
});

describe('campaign.eligibleStocks', () => {
  it('lists the logged-in merchant\'s quota stocks with `eligible` and the failing rules of the others', async () => {
    const good = await makeStock(h, SH, { name: '可用券' });
    const low = await makeStock(h, SH, { name: '库存不足', totalQuantity: 120 });
    const inactive = await makeStock(h, SH, { name: '未激活' }, { activate: false });
    const weekly = await makeStock(h, SH, { name: '周末券', timeRule: { kind: 'WEEKLY', weekdays: [0, 6], slots: [{ begin: 0, end: 86_400 }] } });
    const gubeiOnly = await makeStock(h, SH, { name: '古北专享', usableStoreIds: ['st-sh-gubei'] });
    const cheap = await makeStock(h, SH, { name: '九折券', faceValue: 1_000, minSpend: 10_000 });
    const shortWindow = await makeStock(h, SH, { name: '短期券', availableEnd: '2026-12-01T23:59:59+08:00' });
    // Not listed: a GENERAL stock, a stopped one, and stocks of other merchants.
    await makeStock(h, SH, { purpose: 'GENERAL' });
    const stopped = await makeStock(h, SH);
    data(await h.call<StockOut>(M.merchant, 'stock', 'stop', { merchantId: SH, stockId: stopped.stockId }));
    await makeStock(h, BJ, { usableMerchantIds: [BJ] });
    await makeStock(h, COFFEE);

    const out = data(await eligible(M.merchant, { merchantId: SH, promotionType: 'STORE', startAt: START, endAt: END, storeIds: ['st-sh-gubei', 'st-sh-jinqiao'] }));
    const rows = Object.fromEntries(out.stocks.map((s) => [s.stock.name, [s.eligible, s.issues.map((i) => `${i.rule}:${i.level}`)]]));
    expect(rows).toEqual({
      可用券: [true, []],
      库存不足: [false, ['R7:error']],
      未激活: [false, ['R4:error']],
      周末券: [false, ['R8:error']],
      古北专享: [false, ['R9:error']],
      九折券: [true, ['R1:suggestion']],
      短期券: [false, ['R6:error']],
    });
    expect(out.stocks.find((s) => s.stock.stockId === good.stockId)!.stock).toMatchObject({ remaining: 1_000, status: 'RUNNING', scope: 'ALL' });
    expect(out.stocks.find((s) => s.stock.stockId === low.stockId)!.issues[0]!.message).toBe(`批次 ${low.stockId} 剩余库存 120 张，需不少于 300 张`);
    expect(out.stocks.find((s) => s.stock.stockId === inactive.stockId)!.stock.status).toBe('UNACTIVATED');
    expect([weekly, gubeiOnly, cheap, shortWindow].every((s) => out.stocks.some((r) => r.stock.stockId === s.stockId))).toBe(true);
  });

  it('without times it assumes the earliest start and 14 days; without stores R9 does not apply', async () => {
    const gubeiOnly = await makeStock(h, SH, { usableStoreIds: ['st-sh-gubei'] });
    const lateBegin = await makeStock(h, SH, { availableBegin: '2026-11-24T00:00:01+08:00' });
    const out = data(await eligible(M.merchant, { merchantId: SH }));
    const byId = new Map(out.stocks.map((s) => [s.stock.stockId, s]));
    expect(byId.get(gubeiOnly.stockId)!.eligible).toBe(true);
    expect(byId.get(lateBegin.stockId)!.issues.map((i) => i.rule)).toEqual(['R5']);
    // A later start makes it eligible.
    const later = data(await eligible(M.merchant, { merchantId: SH, startAt: '2026-11-25T00:00:00+08:00', endAt: '2026-12-09T00:00:00+08:00' }));
    expect(later.stocks.find((s) => s.stock.stockId === lateBegin.stockId)!.eligible).toBe(true);
  });

  it('writes nothing', async () => {
    await makeStock(h, SH);
    const before = h.snapshot();
    data(await eligible(M.merchant, { merchantId: SH }));
    expect(h.snapshot()).toEqual(before);
  });
});

describe('roles and tenancy', () => {
  const forbidden = [
    ['LIVE_HOST of 家乐福上海', M.host, SH],
    ['STORE_STAFF of 家乐福上海', M.staff, SH],
    ['a consumer', consumerId(1), SH],
    ['the admin of 家乐福上海, for 家乐福北京', M.merchant, BJ],
    ['the admin of 家乐福上海, for 星火咖啡', M.merchant, COFFEE],
    ['the admin of 家乐福上海, for the SP', M.merchant, SP],
  ] as const;

  it.each(forbidden)('%s: validate, eligibleStocks and create answer AUTH.FORBIDDEN and write nothing', async (_who, member, merchantId) => {
    const s = await makeStock(h, SH);
    const draft = singleDraft(merchantId, files, s.stockId);
    const before = h.snapshot();
    expect(errorOf(await validate(member, draft)).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await eligible(member, { merchantId })).code).toBe('AUTH.FORBIDDEN');
    expect(errorOf(await create(member, draft)).code).toBe('AUTH.FORBIDDEN');
    expect(h.snapshot()).toEqual(before);
  });

  it('nobody signed in is AUTH.UNAUTHENTICATED', async () => {
    const s = await makeStock(h, SH);
    expect(errorOf(await h.call(null, 'campaign', 'validate', singleDraft(SH, files, s.stockId))).code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('the SP admin may validate for every sub-merchant (the role check passes)', async () => {
    const s = await makeStock(h, SH);
    for (const merchantId of [SH, BJ, COFFEE, SP]) {
      const v = await validate(M.sp, singleDraft(merchantId, files, s.stockId));
      expect(v.ok).toBe(true);
    }
  });
});
