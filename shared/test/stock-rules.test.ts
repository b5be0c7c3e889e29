import type { Issue } from '@shared/result';
import { checkStockDraft, stockBudget, type StockRuleEnv } from '@shared/stock/rules';
import { createStockInput, stockDraftSchema, type StockDraft } from '@shared/stock/schema';
import { toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';

/** The fixed "now" of every case: 2026-11-22 10:00 in Shanghai. */
const NOW = '2026-11-22T10:00:00+08:00';
const NOW_MS = Date.parse(NOW);
const SEC = 1000;
const DAY = 86_400_000;
const at = (ms: number) => toRfc3339(ms);

const SH = '1900000101';
const BJ = '1900000102';
const COFFEE = '1900000201';

const STORES = new Map([
  ['st-sh-gubei', SH],
  ['st-sh-jinqiao', SH],
  ['st-bj-zhongguancun', BJ],
  ['st-xh-jingan', COFFEE],
]);

const env = (over: Partial<StockRuleEnv['creator']> = {}): StockRuleEnv => ({
  now: new Date(NOW_MS),
  creator: { merchantId: SH, noCashEnabled: true, brandGroupMerchantIds: [SH, BJ], ...over },
  storeMerchant: STORES,
});

/** A draft that passes every rule: a 30-day window starting tomorrow at midnight. */
const BEGIN_MS = Date.parse('2026-11-23T00:00:00+08:00');
const END_MS = Date.parse('2026-12-22T23:59:59+08:00');
function draft(over: Partial<StockDraft> = {}): StockDraft {
  return {
    name: '全员裂变通优惠券',
    funding: 'PREPAID',
    faceValue: 50_000,
    minSpend: 500_000,
    availableBegin: at(BEGIN_MS),
    availableEnd: at(END_MS),
    timeRule: { kind: 'ANYTIME' },
    effectiveAfterClaimDays: 0,
    excludedGoodsCodes: [],
    instructions: '满5000元减500元，全场通用',
    scope: 'ALL',
    availableGoodsCodes: [],
    totalQuantity: 100,
    perUserLimit: 1,
    usableMerchantIds: [SH],
    usableStoreIds: [],
    cardPackInsertable: true,
    purpose: 'GENERAL',
    ...over,
  };
}

/** The draft must pass both the schema and the cross-field rules. */
function expectValid(d: StockDraft, e: StockRuleEnv = env()) {
  const parsed = parseWith(stockDraftSchema, d);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  expect(checkStockDraft(d, e)).toEqual([]);
}

/** Schema-level refusal: every issue names `rule`, and at least one has `path`. */
function schemaIssues(d: unknown, rule: string): Issue[] {
  const parsed = parseWith(stockDraftSchema, d);
  if (parsed.ok) throw new Error(`expected the schema to refuse ${JSON.stringify(d).slice(0, 200)}`);
  expect(parsed.issues.map((i) => i.rule)).toEqual(parsed.issues.map(() => rule));
  return parsed.issues;
}

/** Cross-field refusal: the schema accepts the draft, the rules refuse it, every issue names `rule`. */
function ruleIssues(d: StockDraft, rule: string, e: StockRuleEnv = env()): Issue[] {
  const parsed = parseWith(stockDraftSchema, d);
  expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  const issues = checkStockDraft(d, e);
  expect(issues.length).toBeGreaterThan(0);
  expect(issues.map((i) => i.rule)).toEqual(issues.map(() => rule));
  expect(issues.every((i) => i.level === 'error')).toBe(true);
  return issues;
}

const onlyOne = (issues: Issue[]): Issue => {
  expect(issues).toHaveLength(1);
  return issues[0]!;
};

describe('the valid draft factory', () => {
  it('passes the schema, the create input and the rules', () => {
    expectValid(draft());
    const r = parseWith(createStockInput, { merchantId: SH, requestId: 'req-00000001', ...draft() });
    expect(r.ok).toBe(true);
  });
});

describe('S1 name', () => {
  it('9 Han characters (width 18) pass; 9 Han + 1 ASCII (width 19) fail with both figures', () => {
    expectValid(draft({ name: '一二三四五六七八九' }));
    const issue = onlyOne(schemaIssues(draft({ name: '一二三四五六七八九A' }), 'S1'));
    expect(issue).toEqual({ rule: 'S1', path: 'name', level: 'error', message: '券名称：长度 19 超过上限 18（最多 9 个中文字符，1 个中文字符 = 2 个英文字符）' });
  });

  it('18 ASCII characters pass, 19 fail on width', () => {
    expectValid(draft({ name: 'a'.repeat(18) }));
    expect(onlyOne(schemaIssues(draft({ name: 'a'.repeat(19) }), 'S1')).message).toContain('长度 19 超过上限 18');
  });

  it('20 ASCII characters are width 20 > 18 and refused (see report: the "≤ 20 characters" limit can never bind)', () => {
    const issue = onlyOne(schemaIssues(draft({ name: 'abcdefghijklmnopqrst' }), 'S1'));
    expect(issue).toMatchObject({ path: 'name', message: expect.stringContaining('长度 20 超过上限 18') });
  });

  it('21 ASCII characters break both the width and the character count', () => {
    const issues = schemaIssues(draft({ name: 'abcdefghijklmnopqrstu' }), 'S1');
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['name', '券名称：长度 21 超过上限 18（最多 9 个中文字符，1 个中文字符 = 2 个英文字符）'],
      ['name', '券名称：最多 20 个字符'],
    ]);
  });

  it.each(['_', ',', ';', '|'])('refuses %p', (ch) => {
    expect(onlyOne(schemaIssues(draft({ name: `满减${ch}券` }), 'S1'))).toMatchObject({ path: 'name', message: '券名称：不能包含 _ , ; |' });
  });

  it('accepts Chinese punctuation and ASCII punctuation other than the four', () => {
    expectValid(draft({ name: '满500减50！(新)' }));
  });

  it('refuses emoji and control characters, naming them', () => {
    expect(onlyOne(schemaIssues(draft({ name: '满减券😀' }), 'S1')).message).toBe('券名称：含有不支持的字符 😀（仅支持中文、英文、数字及标点）');
    expect(onlyOne(schemaIssues(draft({ name: '满减\t券' }), 'S1')).message).toContain('U+0009');
  });

  it('refuses an empty name', () => {
    expect(onlyOne(schemaIssues(draft({ name: '' }), 'S1'))).toMatchObject({ path: 'name', message: '券名称：不能为空' });
  });
});

describe('S2 funding', () => {
  it('NO_CASH passes when the merchant has the product enabled', () => {
    expectValid(draft({ funding: 'NO_CASH' }), env({ noCashEnabled: true }));
  });

  it('NO_CASH without the product is refused with the hint to enable it', () => {
    const issue = onlyOne(ruleIssues(draft({ funding: 'NO_CASH' }), 'S2', env({ noCashEnabled: false })));
    expect(issue.path).toBe('funding');
    expect(issue.message).toContain('免充值');
    expect(issue.hint).toContain('立即开通免充值代金券产品功能');
  });

  it('PREPAID never needs the product', () => {
    expectValid(draft({ funding: 'PREPAID' }), env({ noCashEnabled: false }));
  });

  it('refuses another funding value in the schema', () => {
    expect(onlyOne(schemaIssues(draft({ funding: 'CREDIT' as never }), 'S2'))).toMatchObject({ path: 'funding', message: expect.stringContaining('PREPAID / NO_CASH') });
  });
});

describe('S3 faceValue', () => {
  it('1 fen and 10,000,000 fen pass', () => {
    expectValid(draft({ faceValue: 1, minSpend: 2 }));
    expectValid(draft({ faceValue: 10_000_000, minSpend: 10_000_001 }));
  });

  it('0 and 10,000,001 fail with the figure and the hint', () => {
    expect(onlyOne(schemaIssues(draft({ faceValue: 0 }), 'S3'))).toEqual({ rule: 'S3', path: 'faceValue', level: 'error', message: '面额（分）：不能小于 1', hint: '面额 0.01–100000 元' });
    expect(onlyOne(schemaIssues(draft({ faceValue: 10_000_001, minSpend: 20_000_000 }), 'S3')).message).toBe('面额（分）：不能大于 10000000');
  });

  it('a fraction of a fen or a yuan string is refused', () => {
    expect(onlyOne(schemaIssues(draft({ faceValue: 100.5 }), 'S3')).message).toBe('面额（分）：需为整数');
    expect(onlyOne(schemaIssues(draft({ faceValue: '500.00' as never }), 'S3')).message).toBe('面额（分）：需为数字，收到文本');
  });
});

describe('S4 minSpend', () => {
  it('minSpend = faceValue fails, naming both amounts in yuan', () => {
    const issue = onlyOne(ruleIssues(draft({ faceValue: 50_000, minSpend: 50_000 }), 'S4'));
    expect(issue.path).toBe('minSpend');
    expect(issue.message).toBe('使用门槛 500.00 元需大于面额 500.00 元');
    expect(issue.hint).toContain('500.01');
  });

  it('minSpend below faceValue fails too', () => {
    expect(onlyOne(ruleIssues(draft({ faceValue: 50_000, minSpend: 1_000 }), 'S4')).message).toBe('使用门槛 10.00 元需大于面额 500.00 元');
  });

  it('faceValue + 1 fen passes', () => {
    expectValid(draft({ faceValue: 50_000, minSpend: 50_001 }));
  });

  it('0 is refused by the schema as S4', () => {
    expect(onlyOne(schemaIssues(draft({ minSpend: 0 }), 'S4'))).toMatchObject({ path: 'minSpend', message: '使用门槛（分）：不能小于 1' });
  });
});

describe('S5 available window', () => {
  const win = (beginMs: number, endMs: number) => draft({ availableBegin: at(beginMs), availableEnd: at(endMs) });

  it('begin = now passes; now − 1 s fails with both times', () => {
    expectValid(win(NOW_MS, NOW_MS + 10 * DAY));
    const issue = onlyOne(ruleIssues(win(NOW_MS - SEC, NOW_MS + 10 * DAY), 'S5'));
    expect(issue.path).toBe('availableBegin');
    expect(issue.message).toBe('可用开始时间 2026-11-22 09:59:59 早于当前时间 2026-11-22 10:00');
  });

  it('begin = now + 365 days passes; + 1 s more fails naming the latest begin', () => {
    const latest = NOW_MS + 365 * DAY;
    expect(at(latest)).toBe('2027-11-22T10:00:00+08:00');
    expectValid(win(latest, latest + DAY));
    const issue = onlyOne(ruleIssues(win(latest + SEC, latest + DAY), 'S5'));
    expect(issue.path).toBe('availableBegin');
    expect(issue.message).toBe('可用开始时间 2027-11-22 超出 365 天内的范围（最晚 2027-11-22 10:00）');
  });

  it('end = begin fails; end before begin fails', () => {
    const issue = onlyOne(ruleIssues(win(BEGIN_MS, BEGIN_MS), 'S5'));
    expect(issue).toMatchObject({ path: 'availableEnd', message: '可用结束时间 2026-11-23 00:00 需晚于开始时间 2026-11-23 00:00' });
    expect(onlyOne(ruleIssues(win(BEGIN_MS, BEGIN_MS - DAY), 'S5')).path).toBe('availableEnd');
  });

  it('end = begin + 1 s passes', () => {
    expectValid(win(BEGIN_MS, BEGIN_MS + SEC));
  });

  it('a window of exactly 90 days passes; 90 days + 1 s fails with the latest end', () => {
    expectValid(win(BEGIN_MS, BEGIN_MS + 90 * DAY));
    const issue = onlyOne(ruleIssues(win(BEGIN_MS, BEGIN_MS + 90 * DAY + SEC), 'S5'));
    expect(issue.path).toBe('availableEnd');
    expect(issue.message).toBe('可用时间跨度 90.1 天，最长 90 天');
    expect(issue.hint).toBe('结束时间最晚为 2027-02-21 00:00');
  });

  it('times in another offset are compared as instants', () => {
    // 2026-11-22T02:00:00Z is 10:00 in Shanghai: exactly now.
    expectValid(draft({ availableBegin: '2026-11-22T02:00:00Z', availableEnd: '2026-12-01T00:00:00+08:00' }));
    expect(onlyOne(ruleIssues(draft({ availableBegin: '2026-11-22T01:59:59Z' }), 'S5')).path).toBe('availableBegin');
  });

  it('a time without an offset is refused by the schema as S5', () => {
    expect(onlyOne(schemaIssues(draft({ availableBegin: '2026-11-23T00:00:00' }), 'S5'))).toMatchObject({ path: 'availableBegin' });
    expect(onlyOne(schemaIssues(draft({ availableEnd: '2026-02-30T00:00:00+08:00' }), 'S5'))).toMatchObject({ path: 'availableEnd' });
  });
});

describe('S6 timeRule', () => {
  const HOUR = 3600;

  it('each of the four kinds is valid', () => {
    expectValid(draft({ timeRule: { kind: 'ANYTIME' } }));
    expectValid(draft({ timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 7 } }));
    expectValid(draft({ timeRule: { kind: 'WEEKLY', weekdays: [1, 3, 5], slots: [{ begin: 9 * HOUR, end: 21 * HOUR }] } }));
    expectValid(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: '2026-11-25T00:00:00+08:00', end: '2026-11-26T00:00:00+08:00' }] } }));
  });

  it('DAYS_AFTER_CLAIM: 1 and 365 pass, 0 and 366 fail with the figure', () => {
    expectValid(draft({ timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 1 } }));
    expectValid(draft({ timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 365 } }));
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 0 } }), 'S6'))).toMatchObject({ path: 'timeRule.days', message: expect.stringContaining('不能小于 1') });
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'DAYS_AFTER_CLAIM', days: 366 } }), 'S6'))).toMatchObject({ path: 'timeRule.days', message: expect.stringContaining('不能大于 365') });
  });

  it('an unknown kind is refused as S6', () => {
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'SOMETIMES' } as never }), 'S6')).path).toMatch(/^timeRule/);
  });

  it('WEEKLY: empty weekdays, a weekday of 7 and no slots are refused by the schema', () => {
    const slots = [{ begin: 9 * HOUR, end: 12 * HOUR }];
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [], slots } }), 'S6'))).toMatchObject({ path: 'timeRule.weekdays', message: expect.stringContaining('至少选择 1 天') });
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [7], slots } }), 'S6')).path).toBe('timeRule.weekdays.0');
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [1], slots: [] } }), 'S6')).path).toBe('timeRule.slots');
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [1], slots: [{ begin: 0, end: 86_401 }] } }), 'S6')).path).toBe('timeRule.slots.0.end');
  });

  it('WEEKLY: the whole day 00:00–24:00 passes', () => {
    expectValid(draft({ timeRule: { kind: 'WEEKLY', weekdays: [0, 6], slots: [{ begin: 0, end: 86_400 }] } }));
  });

  it('WEEKLY: a duplicate weekday is refused, naming it', () => {
    const issue = onlyOne(ruleIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [1, 3, 1], slots: [{ begin: 9 * HOUR, end: 12 * HOUR }] } }), 'S6'));
    expect(issue).toMatchObject({ path: 'timeRule.weekdays.2', message: '周一 重复选择' });
  });

  it('WEEKLY: a slot with begin ≥ end is refused with its times', () => {
    const same = onlyOne(ruleIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [1], slots: [{ begin: 9 * HOUR, end: 9 * HOUR }] } }), 'S6'));
    expect(same).toMatchObject({ path: 'timeRule.slots.0', message: '时段 09:00–09:00 的结束时刻需晚于开始时刻' });
    const reversed = onlyOne(ruleIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [1], slots: [{ begin: 8 * HOUR, end: 9 * HOUR }, { begin: 14 * HOUR, end: 12 * HOUR + 30 * 60 }] } }), 'S6'));
    expect(reversed).toMatchObject({ path: 'timeRule.slots.1', message: '时段 14:00–12:30 的结束时刻需晚于开始时刻' });
  });

  it('WEEKLY: overlapping slots are refused; touching slots 09:00–12:00 and 12:00–14:00 pass', () => {
    expectValid(draft({ timeRule: { kind: 'WEEKLY', weekdays: [2], slots: [{ begin: 12 * HOUR, end: 14 * HOUR }, { begin: 9 * HOUR, end: 12 * HOUR }] } }));
    const issue = onlyOne(ruleIssues(draft({ timeRule: { kind: 'WEEKLY', weekdays: [2], slots: [{ begin: 9 * HOUR, end: 12 * HOUR }, { begin: 12 * HOUR - 60, end: 14 * HOUR }] } }), 'S6'));
    expect(issue).toMatchObject({ path: 'timeRule.slots.1', message: '时段 11:59–14:00 与 09:00–12:00 重叠' });
  });

  it('IRREGULAR: a range ending exactly at availableEnd and one starting at availableBegin pass', () => {
    expectValid(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: at(BEGIN_MS), end: at(BEGIN_MS + DAY) }, { begin: at(END_MS - DAY), end: at(END_MS) }] } }));
  });

  it('IRREGULAR: a range outside the window is refused, naming both', () => {
    const late = onlyOne(ruleIssues(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: at(END_MS - DAY), end: at(END_MS + SEC) }] } }), 'S6'));
    expect(late).toMatchObject({ path: 'timeRule.ranges.0', message: '日期段 2026-12-21 23:59:59 至 2026-12-23 00:00 超出可用时间 2026-11-23 00:00 至 2026-12-22 23:59:59' });
    const early = onlyOne(ruleIssues(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: at(BEGIN_MS - SEC), end: at(BEGIN_MS + DAY) }] } }), 'S6'));
    expect(early.path).toBe('timeRule.ranges.0');
  });

  it('IRREGULAR: overlapping ranges are refused; touching ranges pass', () => {
    const d1 = at(BEGIN_MS + DAY);
    const d2 = at(BEGIN_MS + 2 * DAY);
    expectValid(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: at(BEGIN_MS), end: d1 }, { begin: d1, end: d2 }] } }));
    const issue = onlyOne(ruleIssues(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: at(BEGIN_MS), end: d2 }, { begin: d1, end: at(BEGIN_MS + 3 * DAY) }] } }), 'S6'));
    expect(issue).toMatchObject({ path: 'timeRule.ranges.1', message: '日期段 2026-11-24 00:00 至 2026-11-26 00:00 与上一段重叠' });
  });

  it('IRREGULAR: a range with begin ≥ end is refused', () => {
    const issue = onlyOne(ruleIssues(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: at(BEGIN_MS + DAY), end: at(BEGIN_MS + DAY) }] } }), 'S6'));
    expect(issue).toMatchObject({ path: 'timeRule.ranges.0', message: expect.stringContaining('结束需晚于开始') });
  });

  it('IRREGULAR: no ranges or a range without offset are refused by the schema', () => {
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'IRREGULAR', ranges: [] } }), 'S6')).path).toBe('timeRule.ranges');
    expect(onlyOne(schemaIssues(draft({ timeRule: { kind: 'IRREGULAR', ranges: [{ begin: '2026-11-25T00:00:00', end: '2026-11-26T00:00:00+08:00' }] } }), 'S6')).path).toBe('timeRule.ranges.0.begin');
  });
});

describe('S7 effectiveAfterClaimDays', () => {
  it('begin + N days = end fails with both times', () => {
    const issue = onlyOne(ruleIssues(draft({ availableEnd: at(BEGIN_MS + 10 * DAY), effectiveAfterClaimDays: 10 }), 'S7'));
    expect(issue.path).toBe('effectiveAfterClaimDays');
    expect(issue.message).toBe('领取后 10 天生效（最早 2026-12-03 00:00），已晚于可用结束时间 2026-12-03 00:00');
  });

  it('begin + N days = end − 1 s passes', () => {
    expectValid(draft({ availableEnd: at(BEGIN_MS + 10 * DAY + SEC), effectiveAfterClaimDays: 10 }));
  });

  it('0 always passes, even for a 1-second window', () => {
    expectValid(draft({ availableEnd: at(BEGIN_MS + SEC), effectiveAfterClaimDays: 0 }));
  });

  it('-1 and 366 are refused by the schema as S7', () => {
    expect(onlyOne(schemaIssues(draft({ effectiveAfterClaimDays: -1 }), 'S7')).path).toBe('effectiveAfterClaimDays');
    expect(onlyOne(schemaIssues(draft({ effectiveAfterClaimDays: 366 }), 'S7')).message).toContain('不能大于 365');
  });
});

describe('S8 excludedGoodsCodes', () => {
  const codes = (n: number) => Array.from({ length: n }, (_, i) => `SKU-${i}`);

  it('50 codes pass, 51 fail', () => {
    expectValid(draft({ excludedGoodsCodes: codes(50) }));
    expect(onlyOne(schemaIssues(draft({ excludedGoodsCodes: codes(51) }), 'S8'))).toMatchObject({ path: 'excludedGoodsCodes', message: expect.stringContaining('最多 50 个') });
  });

  it('a code of 128 characters passes, 129 fails', () => {
    expectValid(draft({ excludedGoodsCodes: ['A'.repeat(128)] }));
    expect(onlyOne(schemaIssues(draft({ excludedGoodsCodes: ['ok', 'A'.repeat(129)] }), 'S8'))).toMatchObject({ path: 'excludedGoodsCodes.1', message: expect.stringContaining('1–128') });
  });

  it('letters, digits, _ and - pass; a space, a Han character or an empty code fail', () => {
    expectValid(draft({ excludedGoodsCodes: ['aZ09_-'] }));
    for (const bad of ['SKU 1', '商品1', '', 'a.b']) {
      expect(onlyOne(schemaIssues(draft({ excludedGoodsCodes: [bad] }), 'S8')).path).toBe('excludedGoodsCodes.0');
    }
  });

  it('a duplicate is refused, naming the code', () => {
    expect(onlyOne(schemaIssues(draft({ excludedGoodsCodes: ['A1', 'B2', 'A1'] }), 'S8'))).toMatchObject({ path: 'excludedGoodsCodes', message: expect.stringContaining('商品编码 A1 重复') });
  });
});

describe('S9 instructions', () => {
  it('1000 characters pass, 1001 fail', () => {
    expectValid(draft({ instructions: '说'.repeat(1000) }));
    expect(onlyOne(schemaIssues(draft({ instructions: '说'.repeat(1001) }), 'S9'))).toMatchObject({ path: 'instructions', message: '使用说明：最多 1000 个字符' });
  });
});

describe('S10 scope', () => {
  it('SINGLE_ITEM with goods codes passes; without fails', () => {
    expectValid(draft({ scope: 'SINGLE_ITEM', availableGoodsCodes: ['SKU-1'] }));
    expect(onlyOne(ruleIssues(draft({ scope: 'SINGLE_ITEM', availableGoodsCodes: [] }), 'S10'))).toMatchObject({ path: 'availableGoodsCodes', message: expect.stringContaining('单品券') });
  });

  it('ALL with goods codes fails', () => {
    expect(onlyOne(ruleIssues(draft({ scope: 'ALL', availableGoodsCodes: ['SKU-1'] }), 'S10'))).toMatchObject({ path: 'availableGoodsCodes', message: expect.stringContaining('全场券') });
  });

  it('availableGoodsCodes follow the S8 shape, reported as S10', () => {
    expect(onlyOne(schemaIssues(draft({ scope: 'SINGLE_ITEM', availableGoodsCodes: ['SKU 1'] }), 'S10')).path).toBe('availableGoodsCodes.0');
    expect(onlyOne(schemaIssues(draft({ scope: 'SINGLE_ITEM', availableGoodsCodes: ['X', 'X'] }), 'S10')).message).toContain('X 重复');
    expect(onlyOne(schemaIssues(draft({ scope: 'SINGLE_ITEM', availableGoodsCodes: Array.from({ length: 51 }, (_, i) => `g${i}`) }), 'S10')).path).toBe('availableGoodsCodes');
  });
});

describe('S11 quantity and per-user limit', () => {
  it('totalQuantity 1 and 10,000,000 pass; 0 and 10,000,001 fail', () => {
    expectValid(draft({ totalQuantity: 1 }));
    expectValid(draft({ totalQuantity: 10_000_000 }));
    expect(onlyOne(schemaIssues(draft({ totalQuantity: 0 }), 'S11'))).toMatchObject({ path: 'totalQuantity', message: '发放总量：不能小于 1' });
    expect(onlyOne(schemaIssues(draft({ totalQuantity: 10_000_001 }), 'S11'))).toMatchObject({ path: 'totalQuantity', message: '发放总量：不能大于 10000000' });
  });

  it('perUserLimit 1 and 60 pass; 0 and 61 fail as S11', () => {
    expectValid(draft({ perUserLimit: 1 }));
    expectValid(draft({ perUserLimit: 60 }));
    expect(onlyOne(schemaIssues(draft({ perUserLimit: 61 }), 'S11'))).toEqual({ rule: 'S11', path: 'perUserLimit', level: 'error', message: '每人限领：不能大于 60' });
    expect(onlyOne(schemaIssues(draft({ perUserLimit: 0 }), 'S11')).message).toBe('每人限领：不能小于 1');
  });

  it('the create input reports perUserLimit 61 as S11 too', () => {
    const r = parseWith(createStockInput, { merchantId: SH, requestId: 'req-00000001', ...draft({ perUserLimit: 61 }) });
    expect(r.ok ? [] : r.issues).toEqual([expect.objectContaining({ rule: 'S11', path: 'perUserLimit' })]);
  });

  it('budget = faceValue × totalQuantity, exact at the largest figures', () => {
    expect(stockBudget({ faceValue: 50_000, totalQuantity: 100 })).toBe(5_000_000);
    expect(stockBudget({ faceValue: 10_000_000, totalQuantity: 10_000_000 })).toBe(100_000_000_000_000);
    expect(Number.isSafeInteger(stockBudget({ faceValue: 10_000_000, totalQuantity: 10_000_000 }))).toBe(true);
  });
});

describe('S12 where it can be used', () => {
  it('the creator and a merchant of its brand group, with their stores, pass', () => {
    expectValid(draft({ usableMerchantIds: [SH, BJ], usableStoreIds: ['st-sh-gubei', 'st-bj-zhongguancun'] }));
  });

  it('a merchant outside the brand group is refused, naming it', () => {
    const issue = onlyOne(ruleIssues(draft({ usableMerchantIds: [SH, COFFEE] }), 'S12'));
    expect(issue).toMatchObject({ path: 'usableMerchantIds.1', message: `商户号 ${COFFEE} 不是本商户或其同品牌商户` });
  });

  it('a creator without a brand group may name only itself', () => {
    expectValid(draft({ usableMerchantIds: [COFFEE] }), env({ merchantId: COFFEE, brandGroupMerchantIds: [] }));
    expect(onlyOne(ruleIssues(draft({ usableMerchantIds: [SH] }), 'S12', env({ merchantId: COFFEE, brandGroupMerchantIds: [] }))).path).toBe('usableMerchantIds.0');
  });

  it('a store of another merchant is refused, naming it', () => {
    const issue = onlyOne(ruleIssues(draft({ usableMerchantIds: [SH], usableStoreIds: ['st-sh-gubei', 'st-xh-jingan'] }), 'S12'));
    expect(issue).toMatchObject({ path: 'usableStoreIds.1', message: '门店 st-xh-jingan 不属于所选可用商户' });
  });

  it('a store of a brand-group merchant that is not among the usable merchants is refused', () => {
    expect(onlyOne(ruleIssues(draft({ usableMerchantIds: [SH], usableStoreIds: ['st-bj-zhongguancun'] }), 'S12')).path).toBe('usableStoreIds.0');
  });

  it('an unknown store is refused', () => {
    expect(onlyOne(ruleIssues(draft({ usableStoreIds: ['st-nowhere'] }), 'S12')).path).toBe('usableStoreIds.0');
  });

  it('duplicate merchants are refused', () => {
    expect(onlyOne(ruleIssues(draft({ usableMerchantIds: [SH, SH] }), 'S12'))).toMatchObject({ path: 'usableMerchantIds', message: '可用商户重复' });
  });

  it('no usable merchant and a bad purpose are refused by the schema as S12', () => {
    expect(onlyOne(schemaIssues(draft({ usableMerchantIds: [] }), 'S12'))).toMatchObject({ path: 'usableMerchantIds', message: expect.stringContaining('至少 1 个可用商户') });
    expect(onlyOne(schemaIssues(draft({ purpose: 'LIVE' as never }), 'S12')).path).toBe('purpose');
    expect(onlyOne(schemaIssues(draft({ cardPackInsertable: 'yes' as never }), 'S12')).path).toBe('cardPackInsertable');
  });
});

describe('every violation, not the first', () => {
  it('a draft breaking five cross-field rules gets all five', () => {
    const d = draft({
      funding: 'NO_CASH',
      minSpend: 50_000,
      availableBegin: at(NOW_MS - SEC),
      scope: 'SINGLE_ITEM',
      usableMerchantIds: [SH, COFFEE],
    });
    expect(parseWith(stockDraftSchema, d).ok).toBe(true);
    const issues = checkStockDraft(d, env({ noCashEnabled: false }));
    expect(issues.map((i) => [i.rule, i.path])).toEqual([
      ['S2', 'funding'],
      ['S4', 'minSpend'],
      ['S5', 'availableBegin'],
      ['S10', 'availableGoodsCodes'],
      ['S12', 'usableMerchantIds.1'],
    ]);
  });

  it('a draft breaking five schema rules gets all five', () => {
    const r = parseWith(stockDraftSchema, draft({ name: 'a|b', faceValue: 0, excludedGoodsCodes: ['x y'], instructions: 'x'.repeat(1001), perUserLimit: 61 }));
    expect(r.ok ? [] : r.issues.map((i) => [i.rule, i.path])).toEqual([
      ['S1', 'name'],
      ['S3', 'faceValue'],
      ['S8', 'excludedGoodsCodes.0'],
      ['S9', 'instructions'],
      ['S11', 'perUserLimit'],
    ]);
  });
});
