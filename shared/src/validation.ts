import * as z from 'zod/mini';
import type { Issue } from './result';
import { describeChar, disallowedChars, textWidth } from './text';
import { isRfc3339 } from './time';

/**
 * Field metadata lives beside the field's schema: the Chinese label shown in messages and the
 * PRODUCT.md rule id, so that a `perUserLimit` of 61 is reported as S11 whether the schema or the
 * rule engine catches it.
 */
export interface FieldMeta {
  label: string;
  rule?: string;
  hint?: string;
}

export const fieldMeta = z.registry<FieldMeta>();

/**
 * Attach a label and rule to a schema instance. A schema instance has one meaning: labelling a
 * shared instance twice would silently relabel every field that uses it, so that is refused —
 * build a fresh instance (a factory) for each meaning.
 */
export function field<T extends z.core.$ZodType>(schema: T, meta: FieldMeta): T {
  if (fieldMeta.has(schema)) throw new Error(`schema already labelled "${fieldMeta.get(schema)?.label}", cannot relabel as "${meta.label}"`);
  fieldMeta.add(schema, meta);
  return schema;
}

// ---- Chinese messages for zod's own issue codes (label-less: the label is put in front later) ----

const TYPE_NAMES: Record<string, string> = {
  string: '文本', number: '数字', int: '整数', boolean: '布尔值', object: '对象', array: '列表', date: '日期',
  bigint: '整数', null: '空值', undefined: '未填写', nan: 'NaN',
};

function receivedType(input: unknown): string {
  if (input === undefined) return 'undefined';
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

const zhErrorMap = (iss: z.core.$ZodRawIssue): string | undefined => {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return '必填';
      const expected = TYPE_NAMES[iss.expected] ?? iss.expected;
      if (iss.expected === 'int' || (iss.expected === 'number' && typeof iss.input === 'number')) return `需为${expected}`;
      return `需为${expected}，收到${TYPE_NAMES[receivedType(iss.input)] ?? receivedType(iss.input)}`;
    }
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string') return Number(iss.minimum) <= 1 ? '不能为空' : `至少 ${min} 个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `至少 ${min} 项`;
      return iss.inclusive ? `不能小于 ${min}` : `需大于 ${min}`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'string') return `最多 ${max} 个字符`;
      if (iss.origin === 'array' || iss.origin === 'set') return `最多 ${max} 项`;
      return iss.inclusive ? `不能大于 ${max}` : `需小于 ${max}`;
    }
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return `取值需为 ${iss.values.map((v) => String(v)).join(' / ')} 之一`;
    case 'unrecognized_keys':
      return `不支持的字段：${iss.keys.join('、')}`;
    case 'invalid_union':
      return '取值不符合任何一种允许的形式';
    case 'not_multiple_of':
      return `需为 ${String(iss.divisor)} 的整数倍`;
    case 'invalid_key':
    case 'invalid_element':
      return '包含不正确的项';
    default:
      return undefined;
  }
};

// ---- path → field metadata ----

type AnyDef = { type: string; [k: string]: unknown };
const defOf = (s: unknown): AnyDef | undefined => (s as { _zod?: { def?: AnyDef } })?._zod?.def;

/** Unwrap optional/nullable/pipe/… to the schema that has the shape. */
function unwrap(s: unknown): unknown {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if (!d) return cur;
    if ('innerType' in d) cur = d.innerType;
    else if (d.type === 'pipe') cur = d.in;
    else if (d.type === 'lazy') cur = (d.getter as () => unknown)();
    else return cur;
  }
  return cur;
}

function child(s: unknown, key: PropertyKey): unknown[] {
  const inner = unwrap(s);
  const d = defOf(inner);
  if (!d) return [];
  if (d.type === 'object') {
    const shape = d.shape as Record<string, unknown>;
    return typeof key === 'string' && Object.prototype.hasOwnProperty.call(shape, key) ? [shape[key]] : [];
  }
  if (d.type === 'array') return typeof key === 'number' ? [d.element] : [];
  if (d.type === 'record') return [d.valueType];
  if (d.type === 'union') return (d.options as unknown[]).flatMap((o) => child(o, key));
  if (d.type === 'intersection') return [...child(d.left, key), ...child(d.right, key)];
  return [];
}

function metaOf(s: unknown): FieldMeta | undefined {
  let cur: unknown = s;
  for (let i = 0; i < 10 && cur; i++) {
    const m = fieldMeta.get(cur as z.core.$ZodType);
    if (m) return m;
    const d = defOf(cur);
    if (!d) return undefined;
    cur = 'innerType' in d ? d.innerType : d.type === 'pipe' ? d.in : undefined;
  }
  return undefined;
}

/** The metadata of the deepest field along the path that has some; labels joined outer→inner. */
export function resolveMeta(root: unknown, path: readonly PropertyKey[]): { label?: string; rule?: string; hint?: string } {
  let nodes: unknown[] = [root];
  const labels: string[] = [];
  let rule: string | undefined;
  let hint: string | undefined;
  for (const key of path) {
    nodes = nodes.flatMap((n) => child(n, key));
    if (!nodes.length) break;
    const m = nodes.map(metaOf).find(Boolean);
    if (typeof key === 'number') {
      // An array element is named after its list: 「可用门店第 2 项」.
      if (labels.length) labels[labels.length - 1] = `${labels[labels.length - 1]}第 ${key + 1} 项`;
      else if (m) labels.push(`${m.label}第 ${key + 1} 项`);
    } else if (m && labels[labels.length - 1] !== m.label) {
      labels.push(m.label);
    }
    if (m) {
      rule = m.rule ?? rule;
      hint = m.hint ?? hint;
    }
  }
  const out: { label?: string; rule?: string; hint?: string } = {};
  if (labels.length) out.label = labels.join(' · ');
  if (rule) out.rule = rule;
  if (hint) out.hint = hint;
  return out;
}

/** Turn zod issues into the envelope's issues, in Chinese, with rule ids where a rule owns the field. */
export function toIssues(root: unknown, zodIssues: readonly z.core.$ZodIssue[]): Issue[] {
  return zodIssues.map((zi) => {
    const meta = resolveMeta(root, zi.path);
    const issue: Issue = {
      path: zi.path.map(String).join('.'),
      level: 'error',
      message: meta.label ? `${meta.label}：${zi.message}` : zi.message,
    };
    if (meta.rule) issue.rule = meta.rule;
    if (meta.hint) issue.hint = meta.hint;
    return issue;
  });
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

export function parseWith<S extends z.core.$ZodType>(schema: S, data: unknown): ParseResult<z.output<S>> {
  const r = z.safeParse(schema, data, { error: zhErrorMap });
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: toIssues(schema, r.error.issues) };
}

// ---- building blocks used by every domain ----

/** A titled text field: allowed characters only, and width limits counted as WeChat Pay does. */
export function widthText(opts: { maxWidth: number; minWidth?: number; maxChars?: number; forbid?: RegExp; forbidLabel?: string }) {
  const checks: z.core.$ZodCheck<string>[] = [
    z.minLength(1, { error: '不能为空' }),
    z.refine((s: string) => disallowedChars(s).length === 0, {
      error: (iss) => {
        const bad = disallowedChars(String(iss.input));
        const shown = bad.slice(0, 10).map(describeChar).join(' ') + (bad.length > 10 ? ` 等 ${bad.length} 个` : '');
        return `含有不支持的字符 ${shown}（仅支持中文、英文、数字及标点）`;
      },
    }),
    z.refine((s: string) => textWidth(s) <= opts.maxWidth, {
      error: (iss) => `长度 ${textWidth(String(iss.input))} 超过上限 ${opts.maxWidth}（最多 ${opts.maxWidth / 2} 个中文字符，1 个中文字符 = 2 个英文字符）`,
    }),
  ];
  if (opts.minWidth) {
    const min = opts.minWidth;
    checks.push(z.refine((s: string) => s.length === 0 || textWidth(s) >= min, {
      error: (iss) => `长度 ${textWidth(String(iss.input))} 不足 ${min}（至少 ${min / 2} 个中文字符或 ${min} 个英文字符）`,
    }));
  }
  if (opts.maxChars) checks.push(z.maxLength(opts.maxChars, { error: `最多 ${opts.maxChars} 个字符` }));
  if (opts.forbid) {
    const re = opts.forbid;
    checks.push(z.refine((s: string) => !re.test(s), { error: `不能包含 ${opts.forbidLabel ?? String(re)}` }));
  }
  return z.string().check(...checks);
}

export const rfc3339 = () =>
  z.string().check(z.refine(isRfc3339, { error: '需为带时区的时间，如 2026-11-24T00:00:00+08:00' }));

export const integer = (min: number, max: number) =>
  z.int().check(z.gte(min), z.lte(max));

export const merchantIdSchema = field(z.string().check(z.regex(/^\d{6,16}$/, { error: '需为 6–16 位数字' })), { label: '商户号' });

export const requestIdSchema = field(
  z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '需为 8–64 位字母、数字、_ 或 -' })),
  { label: '请求号 requestId' },
);

export const idSchema = (label: string) =>
  field(z.string().check(z.regex(/^[A-Za-z0-9_:.-]{1,64}$/, { error: '格式不正确' })), { label });

export const pageSchema = {
  page: z.optional(field(integer(1, 10_000), { label: '页码' })),
  pageSize: z.optional(field(integer(1, 100), { label: '每页条数' })),
};


