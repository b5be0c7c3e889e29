import * as z from 'zod/mini';
import type { Issue } from '@shared/result';
import {
  field,
  idSchema,
  integer,
  merchantIdSchema,
  pageSchema,
  parseWith,
  requestIdSchema,
  resolveMeta,
  rfc3339,
  widthText,
} from '@shared/validation';

/** A small stock-like form: titled text, integers, times, arrays and a nested object. */
const goodsCode = field(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, { error: '格式不正确' })), {
  label: '商品编码',
  rule: 'S8',
});
const form = z.strictObject({
  name: field(widthText({ maxWidth: 18, maxChars: 20, forbid: /[_,;|]/, forbidLabel: '_ , ; |' }), { label: '批次名称', rule: 'S1' }),
  perUserLimit: field(integer(1, 60), { label: '每人限领', rule: 'S11', hint: '每人 1–60 张' }),
  begin: field(rfc3339(), { label: '开始时间', rule: 'S5' }),
  codes: z.optional(field(z.array(goodsCode).check(z.maxLength(3)), { label: '不参与优惠的商品编码', rule: 'S8' })),
  delivery: field(
    z.strictObject({
      brandName: field(widthText({ maxWidth: 14 }), { label: '品牌名称', rule: 'F2' }),
      note: z.optional(z.string()),
    }),
    { label: '投放设置' },
  ),
  items: field(
    z.array(
      z.strictObject({
        title: field(widthText({ maxWidth: 24 }), { label: '标题', rule: 'F3' }),
        kind: z.enum(['A', 'B']),
      }),
    ),
    { label: '商品' },
  ),
});

const good = {
  name: '满减券',
  perUserLimit: 1,
  begin: '2026-11-22T00:00:00+08:00',
  delivery: { brandName: '品牌' },
  items: [{ title: 'x', kind: 'A' }],
};

function issuesOf(data: unknown): Issue[] {
  const r = parseWith(form, data);
  if (r.ok) throw new Error(`expected a rejection, got ${JSON.stringify(r.value)}`);
  return r.issues;
}

function only(data: unknown): Issue {
  const issues = issuesOf(data);
  expect(issues).toHaveLength(1);
  return issues[0] as Issue;
}

describe('parseWith: accepted input', () => {
  it('returns the value', () => {
    expect(parseWith(form, good)).toEqual({ ok: true, value: good });
  });

  it('accepts the exact boundaries', () => {
    const r = parseWith(form, {
      ...good,
      name: '一二三四五六七八九', // width 18
      perUserLimit: 60,
      codes: ['a', 'b', 'c'],
      delivery: { brandName: '一二三四五六七' }, // width 14
      items: [{ title: '全场满五百元立减五十元券', kind: 'B' }], // width 24
    });
    expect(r.ok).toBe(true);
  });
});

describe('parseWith: issues', () => {
  it('a title over its width says so with both figures, the label and the rule', () => {
    const issue = only({ ...good, name: '一二三四五六七八九十十二' });
    expect(issue).toEqual({
      path: 'name',
      rule: 'S1',
      level: 'error',
      message: '批次名称：长度 24 超过上限 18（最多 9 个中文字符，1 个中文字符 = 2 个英文字符）',
    });
  });

  it('12 Han + 1 ASCII is width 25 over limit 24, with the array position in the label', () => {
    const issue = only({ ...good, items: [{ title: 'ok', kind: 'A' }, { title: '全场满五百元立减五十元券A', kind: 'A' }] });
    expect(issue.path).toBe('items.1.title');
    expect(issue.rule).toBe('F3');
    expect(issue.message).toMatch(/^商品第 2 项 · 标题：长度 25 超过上限 24（/);
  });

  it('reports disallowed characters, control characters as U+XXXX', () => {
    const issue = only({ ...good, delivery: { brandName: '品牌😀\n' } });
    expect(issue.path).toBe('delivery.brandName');
    expect(issue.rule).toBe('F2');
    expect(issue.message).toBe('投放设置 · 品牌名称：含有不支持的字符 😀 U+000A（仅支持中文、英文、数字及标点）');
  });

  it('reports a forbidden character and the character-count limit', () => {
    expect(only({ ...good, name: 'a_b' }).message).toBe('批次名称：不能包含 _ , ; |');
    const issues = issuesOf({ ...good, name: 'abcdefghijklmnopqrstu' }); // 21 chars, width 21
    expect(issues.map((i) => i.message)).toEqual([
      '批次名称：长度 21 超过上限 18（最多 9 个中文字符，1 个中文字符 = 2 个英文字符）',
      '批次名称：最多 20 个字符',
    ]);
    expect(issues.every((i) => i.rule === 'S1' && i.path === 'name')).toBe(true);
  });

  it('an empty title is 不能为空', () => {
    expect(only({ ...good, name: '' })).toMatchObject({ path: 'name', rule: 'S1', message: '批次名称：不能为空' });
  });

  it('integer bounds carry the figures, the rule and the hint', () => {
    expect(only({ ...good, perUserLimit: 61 })).toEqual({
      path: 'perUserLimit',
      rule: 'S11',
      level: 'error',
      message: '每人限领：不能大于 60',
      hint: '每人 1–60 张',
    });
    expect(only({ ...good, perUserLimit: 0 }).message).toBe('每人限领：不能小于 1');
    expect(only({ ...good, perUserLimit: 1.5 }).message).toBe('每人限领：需为整数');
  });

  it('wrong types name what was expected and what came', () => {
    const issues = issuesOf({ ...good, name: 5, perUserLimit: '5', begin: null, delivery: [], items: {} });
    expect(issues.map((i) => [i.path, i.message])).toEqual([
      ['name', '批次名称：需为文本，收到数字'],
      ['perUserLimit', '每人限领：需为数字，收到文本'],
      ['begin', '开始时间：需为文本，收到空值'],
      ['delivery', '投放设置：需为对象，收到列表'],
      ['items', '商品：需为列表，收到对象'],
    ]);
  });

  it('missing fields say 必填, each with its own path', () => {
    const issues = issuesOf({});
    expect(issues.map((i) => [i.path, i.message, i.rule])).toEqual([
      ['name', '批次名称：必填', 'S1'],
      ['perUserLimit', '每人限领：必填', 'S11'],
      ['begin', '开始时间：必填', 'S5'],
      ['delivery', '投放设置：必填', undefined],
      ['items', '商品：必填', undefined],
    ]);
    expect(issues.every((i) => i.level === 'error')).toBe(true);
  });

  it('a nested missing field has the nested path', () => {
    expect(only({ ...good, delivery: {} })).toMatchObject({ path: 'delivery.brandName', rule: 'F2', message: '投放设置 · 品牌名称：必填' });
  });

  it('a time without offset or an impossible date is refused', () => {
    for (const begin of ['2026-11-22T00:00:00', '2026-02-30T00:00:00+08:00', '2026-11-22']) {
      expect(only({ ...good, begin })).toEqual({
        path: 'begin',
        rule: 'S5',
        level: 'error',
        message: '开始时间：需为带时区的时间，如 2026-11-24T00:00:00+08:00',
      });
    }
  });

  it('array elements: bad element and too many elements', () => {
    expect(only({ ...good, codes: ['a', 'b b'] })).toMatchObject({ path: 'codes.1', rule: 'S8', message: expect.stringMatching(/：格式不正确$/) });
    expect(only({ ...good, codes: ['a', 'b', 'c', 'd'] })).toMatchObject({ path: 'codes', rule: 'S8', message: '不参与优惠的商品编码：最多 3 项' });
  });

  it('enum values list the allowed ones', () => {
    const issue = only({ ...good, items: [{ title: 'x', kind: 'C' }] });
    expect(issue.path).toBe('items.0.kind');
    expect(issue.message).toContain('取值需为 A / B 之一');
    expect(issue.rule).toBeUndefined();
  });

  it('unknown keys are refused at the top level and inside nested objects and array items', () => {
    expect(only({ ...good, foo: 1 })).toEqual({ path: '', level: 'error', message: '不支持的字段：foo' });
    expect(only({ ...good, delivery: { brandName: '品牌', extra: 1 } })).toMatchObject({ path: 'delivery', message: '投放设置：不支持的字段：extra' });
    expect(only({ ...good, items: [{ title: 'x', kind: 'A', price: 1 }] })).toMatchObject({ path: 'items.0', message: expect.stringContaining('不支持的字段：price') });
  });

  it('a non-object payload is refused with an empty path', () => {
    expect(only(null)).toEqual({ path: '', level: 'error', message: '需为对象，收到空值' });
    expect(only('x').message).toBe('需为对象，收到文本');
    expect(only([]).message).toBe('需为对象，收到列表');
  });

  it('reports every problem at once, in field order', () => {
    const issues = issuesOf({ ...good, name: '', perUserLimit: 61, begin: 'soon', foo: 1 });
    expect(issues.map((i) => i.path)).toEqual(['name', 'perUserLimit', 'begin', '']);
  });
});

describe('prototype keys in parsed JSON', () => {
  afterEach(() => {
    // Clean up if a regression ever pollutes, so other tests are not poisoned.
    delete (Object.prototype as Record<string, unknown>).polluted;
    delete (Object.prototype as Record<string, unknown>).p2;
  });

  it('refuses __proto__ and constructor as unknown keys and pollutes nothing', () => {
    const data = JSON.parse(
      '{"name":"满减券","perUserLimit":1,"begin":"2026-11-22T00:00:00+08:00","delivery":{"brandName":"品牌"},"items":[],' +
        '"__proto__":{"polluted":1},"constructor":{"prototype":{"p2":1}}}',
    );
    const issue = only(data);
    expect(issue.path).toBe('');
    expect(issue.message).toBe('不支持的字段：__proto__、constructor');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).p2).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('refuses __proto__ inside a nested object', () => {
    const data = JSON.parse(
      '{"name":"满减券","perUserLimit":1,"begin":"2026-11-22T00:00:00+08:00","items":[],' +
        '"delivery":{"brandName":"品牌","__proto__":{"polluted":1}}}',
    );
    expect(only(data)).toMatchObject({ path: 'delivery', message: '投放设置：不支持的字段：__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not take labels from Object.prototype when resolving a path', () => {
    expect(resolveMeta(form, ['constructor'])).toEqual({});
    expect(resolveMeta(form, ['__proto__'])).toEqual({});
    expect(resolveMeta(form, ['toString'])).toEqual({});
  });
});

describe('resolveMeta', () => {
  it('joins labels outer → inner and keeps the innermost rule', () => {
    expect(resolveMeta(form, ['delivery', 'brandName'])).toEqual({ label: '投放设置 · 品牌名称', rule: 'F2' });
    expect(resolveMeta(form, ['perUserLimit'])).toEqual({ label: '每人限领', rule: 'S11', hint: '每人 1–60 张' });
    expect(resolveMeta(form, ['items', 2, 'title'])).toEqual({ label: '商品第 3 项 · 标题', rule: 'F3' });
    expect(resolveMeta(form, ['nope'])).toEqual({});
  });
});

describe('shared id schemas', () => {
  const ok = (s: z.core.$ZodType, v: unknown) => parseWith(s, v).ok;

  it('merchantId is 6–16 digits', () => {
    expect(ok(merchantIdSchema, '123456')).toBe(true);
    expect(ok(merchantIdSchema, '1234567890123456')).toBe(true);
    expect(ok(merchantIdSchema, '12345')).toBe(false);
    expect(ok(merchantIdSchema, '12345678901234567')).toBe(false);
    expect(ok(merchantIdSchema, '12345a')).toBe(false);
    expect(ok(merchantIdSchema, 1234567)).toBe(false);
    expect(parseWith(z.strictObject({ merchantId: merchantIdSchema }), { merchantId: 'abc' })).toEqual({
      ok: false,
      issues: [{ path: 'merchantId', level: 'error', message: '商户号：需为 6–16 位数字' }],
    });
  });

  it('requestId is 8–64 of [A-Za-z0-9_-]', () => {
    expect(ok(requestIdSchema, 'abcd_-12')).toBe(true);
    expect(ok(requestIdSchema, 'a'.repeat(64))).toBe(true);
    expect(ok(requestIdSchema, 'a'.repeat(7))).toBe(false);
    expect(ok(requestIdSchema, 'a'.repeat(65))).toBe(false);
    expect(ok(requestIdSchema, 'abcd efgh')).toBe(false);
  });

  it('idSchema carries its label', () => {
    const s = idSchema('批次号');
    expect(ok(s, 'stock:1.a-b_c')).toBe(true);
    expect(parseWith(z.strictObject({ stockId: s }), { stockId: 'a b' })).toEqual({
      ok: false,
      issues: [{ path: 'stockId', level: 'error', message: '批次号：格式不正确' }],
    });
    expect(ok(s, '')).toBe(false);
    expect(ok(s, 'x'.repeat(65))).toBe(false);
  });

  it('pageSchema bounds page and pageSize', () => {
    const s = z.strictObject(pageSchema);
    expect(ok(s, {})).toBe(true);
    expect(ok(s, { page: 1, pageSize: 100 })).toBe(true);
    expect(parseWith(s, { page: 0, pageSize: 101 })).toEqual({
      ok: false,
      issues: [
        { path: 'page', level: 'error', message: '页码：不能小于 1' },
        { path: 'pageSize', level: 'error', message: '每页条数：不能大于 100' },
      ],
    });
  });
});
