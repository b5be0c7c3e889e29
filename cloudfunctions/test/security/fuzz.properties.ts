/**
 * The fuzzing properties, shared by `fuzz.test.ts` (200 runs per action in `npm test`) and
 * `scripts/fuzz.mjs` (FUZZ_RUNS, e.g. 5000): arbitrary and near-valid payloads as the `data` of
 * every action and as whole bodies, sent to a gateway (fastify `inject` or the real process).
 *
 * Every answer must be an error envelope with a known code (ERROR_MESSAGES) — never a 5xx, never
 * INTERNAL.*, never a stack or internal text — and the database must be exactly as before. An
 * answer that is ok (the generated payload happened to be valid) is counted, not checked.
 */
import fc from 'fast-check';
import { ERROR_MESSAGES } from '@shared/errors';

// ---------------------------------------------------------------------------------------------
// Values

/**
 * A piece of JSON text spliced in as is: nesting 5,000 levels deep cannot go through
 * JSON.stringify (it overflows the stack), and is exactly what a hostile client can send.
 */
export class RawJson {
  constructor(readonly label: string, readonly text: string) {}
  toString(): string {
    return `RawJson(${this.label}, ${this.text.length} chars)`;
  }
}

const PLACEHOLDER = /"\\u0000RAW(\d+)\\u0000"/g;

/** JSON text of a value that may contain RawJson pieces (own `__proto__` keys are kept). */
export function toJsonText(value: unknown): string {
  const raws: RawJson[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v);
      return `\u0000RAW${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) return 'null';
  return raws.length ? text.replace(PLACEHOLDER, (_m, i: string) => raws[Number(i)]!.text) : text;
}

/** An object with own keys exactly as given — `__proto__` included, as JSON.parse would make it. */
export function objectOf(entries: ReadonlyArray<readonly [string, unknown]>): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

const KB = 1024;
const deepObject = (n: number) => new RawJson(`object nested ${n} deep`, '{"a":'.repeat(n) + '1' + '}'.repeat(n));
const deepArray = (n: number) => new RawJson(`array nested ${n} deep`, '['.repeat(n) + ']'.repeat(n));

/** Keys a parser, an ORM or a template might treat specially. */
export const WEIRD_KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__',
  '', ' ', 'merchantId ', 'MerchantId', 'merchantid', 'id', '_id', 'doc', '$where', '$set', 'a.b', 'a[0]', '0', '-1',
  'memberId', 'openid', 'OPENID', 'actor', 'roles', 'role', 'userInfo', 'isAdmin',
  '🎉', '家乐福', '\u0000', '\u202e', 'x'.repeat(300),
] as const;

/** Hand-picked values: the ones that have broken systems like this one before. */
export const SPECIAL_VALUES: unknown[] = [
  null, true, false, 0, -0, 1, -1, 0.5, 0.1 + 0.2, -0.01, 1.5, 299.99, -50_000, 2 ** 31, 2 ** 53, 2 ** 53 + 2, 1e21, -1e21, 1e308, -1e308, 5e-324,
  '', ' ', '0', '-1', '1.5', '1e3', '0x10', 'NaN', 'Infinity', 'null', 'undefined', 'true', '[]', '{}',
  // times: without offset, other notations, impossible calendar values
  '2026-11-24T00:00:00', '2026-11-24 00:00:00', '2026-11-24', '2026-11-24T00:00', '2026-11-24T00:00:00.000Z', '2026-11-24T00:00:00Z',
  '2026-11-24T00:00:00+8:00', '2026-11-24T00:00:00+0800', '2026-02-30T00:00:00+08:00', '2026-11-24T24:00:00+08:00', '2026-11-24T23:59:60+08:00',
  '9999-12-31T23:59:59+08:00', '0000-01-01T00:00:00+08:00', '2026-11-24T00:00:00+14:59', '2026-11-24T00:00:00.1234567891+08:00', '1764000000000',
  // text: control characters, invisible and bidi characters, emoji, astral Han, lone surrogates
  '\u0000', '\u0007\u001b[31mred', 'a\nb\r\nc', '\t', '\u200b', '\u202e家乐福', '\ufeff', '🎉', '👨‍👩‍👧‍👦', '家乐福🎉满减', '𠀀𠀁', '\ud800', 'a\udfffb', 'ﾊﾟﾝ', 'ＡＢＣ',
  // injection shapes
  '<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE c_members; --', '$.doc', "json_extract(doc, '$.id')", '%s%n%x', '{{7*7}}', '${7*7}',
  '../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/passwd', 'local:../../x.png', 'logo/../../x.png', 'file:///etc/passwd', 'http://169.254.169.254/latest',
  // ids that are almost right
  '1900000101', '1900000201', '1900000001', '1900000901', '190000010１', ' 1900000101', '1900000101\n', '19000001010000000000000', '1e9', '-1900000101',
  'wxebb78adbe8371f8c', 'WXEBB78ADBE8371F8C', 'wxebb78adbe8371f8', '123456789012', '12345678901', 'st-sh-gubei', 'st-xh-jingan',
  '__proto__', 'constructor', 'prototype', 'toString',
  [], {}, [null], [[]], [{}], [1, '1', null], { a: 1 }, { merchantId: '1900000101' },
  objectOf([['__proto__', { polluted: true }]]),
  objectOf([['constructor', { prototype: { polluted: true } }]]),
  objectOf([['__proto__', null], ['toString', 1]]),
  // depth and breadth
  deepObject(5_000), deepArray(5_000), deepObject(12_000), deepArray(40_000),
  new Array(10_000).fill(0), new Array(10_000).fill('st-sh-gubei'), new Array(10_000).fill({}), new Array(10_000).fill(null),
  // size: over the 100 KB body limit, and just under it (reaching the schemas and the rule engines)
  'a'.repeat(100 * KB + 7), '汉'.repeat(40_000), '🎉'.repeat(30_000), '\u0000'.repeat(20_000),
  'a'.repeat(90 * KB), '1'.repeat(90 * KB), '汉'.repeat(30_000), '2026-11-24T00:00:00' + '0'.repeat(80 * KB) + '+08:00',
  Array.from({ length: 11_000 }, (_, i) => String.fromCharCode(0xac00 + i)).join(''), // 11,000 distinct disallowed characters
];

const anyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('汉', '字', 'a', '1', '_', ',', ';', '|', ' ', '🎉', '\u0000', '\n', '-', ':', '.', '/'), maxLength: 60 }),
);

const anyNumber = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
  fc.double({ noNaN: false }), // NaN and ±Infinity become null in JSON
  fc.constantFrom(0, 1, -1, 0.5, 1.5, -0.01, 10_000_001, 100_000_001, 61, 366, 86_401),
);

/** Any value a JSON body can carry, weighted towards the hand-picked ones. */
export const weirdValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...SPECIAL_VALUES) },
    { weight: 2, arbitrary: anyString },
    { weight: 2, arbitrary: anyNumber },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
    { weight: 1, arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...WEIRD_KEYS), fc.string({ maxLength: 8 })), tie('value')), { maxLength: 3 }).map(objectOf) },
  ),
})).value;

export const weirdKey = fc.oneof({ weight: 3, arbitrary: fc.constantFrom<string>(...WEIRD_KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });

// ---------------------------------------------------------------------------------------------
// Near-valid payloads: a valid sample with one to three surgical changes

type Path = Array<string | number>;

function pathsOf(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([...prefix, i]); pathsOf(x, [...prefix, i], out); });
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) { out.push([...prefix, k]); pathsOf((v as Record<string, unknown>)[k], [...prefix, k], out); }
  return out;
}

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function containerAt(root: unknown, path: Path): unknown {
  let cur: unknown = root;
  for (const k of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

interface Mutation {
  kind: 'replace' | 'delete' | 'extra';
  at: number;
  key: string;
  value: unknown;
}

/** Every object and array of a value (the clone's own nodes: the only ones a mutation may touch). */
function nodesOf(v: unknown, set: WeakSet<object> = new WeakSet()): WeakSet<object> {
  if (v && typeof v === 'object' && !(v instanceof RawJson)) {
    set.add(v);
    for (const x of Object.values(v)) nodesOf(x, set);
  }
  return set;
}

/**
 * Applies mutations to a fresh clone of the sample. Positions are those of the sample; a mutation
 * whose position no longer exists in the clone (deleted, or replaced by a generated value) goes to
 * the root instead — generated values are shared between runs and are never mutated in place.
 */
function mutate(sample: Record<string, unknown>, ms: readonly Mutation[]): Record<string, unknown> {
  const root = clone(sample);
  const own = nodesOf(root);
  const paths = pathsOf(sample);
  const objectPaths: Path[] = [[], ...paths.filter((p) => { const c = containerAt(sample, p); return !!c && typeof c === 'object' && !Array.isArray(c); })];
  const define = (o: object, k: string | number, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const m of ms) {
    if (m.kind === 'extra') {
      // A key the schema does not know, on the root or on any nested object.
      const target = containerAt(root, objectPaths[m.at % objectPaths.length]!);
      define(target && typeof target === 'object' && own.has(target) ? target : root, m.key, m.value);
      continue;
    }
    if (!paths.length) {
      define(root, m.key, m.value);
      continue;
    }
    const path = paths[m.at % paths.length]!;
    const parent = containerAt(root, path.slice(0, -1));
    const last = path[path.length - 1]!;
    if (!parent || typeof parent !== 'object' || !own.has(parent)) {
      define(root, m.key, m.value);
    } else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete (parent as Record<string, unknown>)[last as string];
    } else {
      define(parent, last, m.value);
    }
  }
  return root;
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('replace', 'replace', 'replace', 'delete', 'extra'),
  at: fc.nat(),
  key: weirdKey,
  value: weirdValue,
});

/** A valid sample with 1–3 mutations (wrong types, missing and extra fields, hostile values). */
export const nearValid = (sample: Record<string, unknown>): fc.Arbitrary<Record<string, unknown>> =>
  fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => mutate(sample, ms));

/** The `data` of an action: mostly near-valid, sometimes anything at all, sometimes absent. */
export const dataFor = (sample: Record<string, unknown>): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: 12, arbitrary: nearValid(sample) },
    { weight: 6, arbitrary: weirdValue },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );

/** Keys a caller might add beside `action` and `data` hoping to choose its identity. */
const identityKeys = fc.constantFrom(
  {}, {}, {}, { memberId: 'sp-admin' }, { openid: 'o-demo-sp-admin' }, { userInfo: { openId: 'o-demo-sp-admin' } },
  { actor: { memberId: 'sp-admin', memberships: [{ role: 'SP_ADMIN', merchantId: '1900000001', storeIds: [] }] } }, { roles: ['SP_ADMIN'] },
);

/** A whole `{ action, data }` event for one action, as JSON text. */
export const eventFor = (action: string, sample: Record<string, unknown>): fc.Arbitrary<string> =>
  fc.tuple(dataFor(sample), identityKeys).map(([data, extra]) => toJsonText({ action, ...(data === undefined ? {} : { data }), ...extra }));

// ---------------------------------------------------------------------------------------------
// Whole bodies: any method, path, content type and bytes

export interface RawRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

const MALFORMED_BODIES = [
  '', ' ', 'null', '0', '"me"', '[]', '{', '{"action":', '{"action":"me"', '{"action":"me",}', "{'action':'me'}", '{"action":"me"}{"x":1}',
  '\ufeff{"action":"me","data":{}}', '{"action":"me","action":"merchants","data":{}}', '{"action":null}', '{"action":["me"]}', '{"action":{"toString":"me"}}',
  '{"__proto__":{"polluted":true},"action":"me"}', '{"constructor":{"prototype":{"polluted":true}},"action":"me"}', '{"action":"__proto__"}',
  '{"action":"constructor","data":{}}', '{"action":"hasOwnProperty","data":{}}', '{"action":"toString"}', '{"action":"me","data":{"__proto__":[]}}',
  '{"action":"me","data":1e999}', '{"action":"me","data":-}', '{"action":"me","data":NaN}', '{"action":"me","data":undefined}', '{"action":"me\u0000"}',
  `{"action":"${'x'.repeat(2_000)}"}`, `{"action":"me","data":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, `{"action":"list","data":${'{"a":'.repeat(16_000)}1${'}'.repeat(16_000)}}`,
  `{"action":"me","data":{"x":"${'a'.repeat(200 * KB)}"}}`, 'action=me&data=x', '--x\r\nContent-Disposition: form-data; name="action"\r\n\r\nme\r\n--x--\r\n', '\u0000\u0001\u0002',
];

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/JSON', 'application/vnd.api+json',
  'text/plain', 'text/html', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'multipart/form-data', 'application/octet-stream', 'image/png', '', ';;;',
];

export const FUNCTION_PATHS = ['account', 'stock', 'campaign', 'live', 'stats', 'wallet'];

const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FUNCTION_PATHS.map((f) => `/api/${f}`)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/api/upload', '/api/__proto__', '/api/constructor', '/api/toString', '/api/hasOwnProperty', '/api/', '/api', '/api/account/', '/api/account?action=me',
      '/api/%2e%2e/account', '/api/account%00', '/api/ACCOUNT', '/api/account/../stock', '/api//account', '/api/account;x', '/api/account%2F..%2Fstock', `/api/${'a'.repeat(5_000)}`,
      '/api/files/', '/api/files/%2e%2e%2f%2e%2e%2fetc%2fpasswd', '/api/live/x/events', '/api/live/%00/events?merchantId=1900000101', '/api/live/room/events?merchantId[]=1',
      '/api/%E0%A4%A', '/api/files/%c0%af', `/api/live/${'r'.repeat(101)}/events`, '/api/account?__proto__[x]=1',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `/api/${encodeURIComponent(s)}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => `/api/live/${encodeURIComponent(s)}/events?merchantId=${encodeURIComponent(s)}`) },
);

export const wholeRequest: fc.Arbitrary<RawRequest> = fc.record({
  method: fc.constantFrom<RawRequest['method']>('POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
  url: path,
  contentType: fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined, freq: 6 }),
  body: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...MALFORMED_BODIES) },
    { weight: 2, arbitrary: weirdValue.map(toJsonText) },
    { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom('me', 'list', 'claim', 'create', 'redeem', 'merchants'), fc.string({ maxLength: 10 })), weirdValue).map(([action, data]) => toJsonText({ action, data })) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  ),
  extraHeaders: fc.constantFrom<Record<string, string>>({}, {}, {}, { 'content-encoding': 'gzip' }, { 'transfer-encoding': 'chunked' }, { 'x-forwarded-for': '127.0.0.1' }, { 'x-wx-openid': 'o-demo-sp-admin' }, { accept: 'text/html' }),
}).map(({ method, url, contentType, body, extraHeaders }) => {
  const headers: Record<string, string> = { ...extraHeaders };
  if (contentType !== undefined) headers['content-type'] = contentType;
  // GET/OPTIONS with a body are legal but unusual; send one on POST/PUT/PATCH/DELETE only.
  return method === 'GET' || method === 'OPTIONS' ? { method, url, headers } : { method, url, headers, body };
});

// ---------------------------------------------------------------------------------------------
// The verdict on one answer

/** Text that would reveal internals: stack frames, error class names, file paths, SQL. */
const LEAKS: RegExp[] = [
  /\n\s*at\s/,
  /\bat\s+[\w$.<>]+\s+\(/,
  /\bat\s+(?:async\s+)?[\w$./<>-]+:\d+:\d+/,
  /\b(?:Type|Range|Syntax|Reference|Internal|Sqlite|Zod|Fastify)?Error:/,
  /(?:\/|\\)(?:work|home|root|tmp|usr|var|opt|private|Users)(?:\/|\\)/,
  /node_modules/,
  /\.(?:ts|js|mjs|cjs|map):\d+/,
  /SQLITE_[A-Z]+/,
  /better-sqlite3|json_extract|no such (?:table|column)|UNIQUE constraint|FST_[A-Z_]+|ERR_[A-Z_]+/,
];

export interface Verdict {
  ok: boolean;
  code?: string;
  problem?: string;
}

function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => stringsIn(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); stringsIn(x, out); }
  return out;
}

/**
 * Judges one HTTP answer. `sent` is what the client sent (a leak pattern that merely echoes the
 * client's own text — an unknown key named in a message — is not a leak).
 */
export function judge(status: number, text: string, sent: string): Verdict {
  if (status >= 500) return { ok: false, problem: `status ${status}: ${text.slice(0, 300)}` };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, problem: `not JSON (status ${status}): ${text.slice(0, 300)}` };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, problem: `not an envelope: ${text.slice(0, 300)}` };
  const env = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown; issues?: unknown } };
  const keys = Object.keys(env).sort().join(',');
  if (env.ok === true && keys === 'data,ok') return { ok: true, code: 'ok' };
  if (env.ok !== false || keys !== 'error,ok' || !env.error || typeof env.error !== 'object') return { ok: false, problem: `not an envelope: ${text.slice(0, 300)}` };
  const { code, message, issues } = env.error;
  const errorKeys = Object.keys(env.error).filter((k) => !['code', 'message', 'issues'].includes(k));
  if (errorKeys.length) return { ok: false, problem: `unexpected error fields ${errorKeys.join(', ')}` };
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, code)) return { ok: false, problem: `unknown code ${String(code)}` };
  if (code.startsWith('INTERNAL.')) return { ok: false, code, problem: `${code} (a crash behind the envelope)` };
  if (typeof message !== 'string' || !message) return { ok: false, code, problem: 'no message' };
  if (issues !== undefined && !Array.isArray(issues)) return { ok: false, code, problem: 'issues is not a list' };
  if (status < 400) {
    // Errors answered 200 are fine for the dispatcher (it speaks envelopes); transport errors are 4xx.
  }
  const shown = stringsIn(env.error).join('\n');
  let sentStrings: string | null = null;
  for (const re of LEAKS) {
    const m = re.exec(shown);
    if (!m) continue;
    sentStrings ??= (() => {
      try {
        return `${sent}\n${stringsIn(JSON.parse(sent)).join('\n')}`;
      } catch {
        return sent;
      }
    })();
    if (!sentStrings.includes(m[0])) return { ok: false, code, problem: `internal text in the answer (${re}): …${shown.slice(Math.max(0, m.index - 80), m.index + 120)}…` };
  }
  return { ok: false, code };
}

// ---------------------------------------------------------------------------------------------
// Running

/** What the properties need from a gateway: send a request, fingerprint the database. */
export interface FuzzTarget {
  send(req: RawRequest): Promise<{ status: number; text: string }>;
  fingerprint(): string;
  /** Errors the server logged as unexpected (the "logged here and answered without internals" branch). */
  unexpected(): unknown[];
}

export interface FuzzStats {
  runs: number;
  okAnswers: number;
  codes: Record<string, number>;
  maxMs: number;
}

const tally = (stats: FuzzStats, code: string, ms: number) => {
  stats.runs += 1;
  stats.codes[code] = (stats.codes[code] ?? 0) + 1;
  stats.maxMs = Math.max(stats.maxMs, ms);
};

/** One request against the target, judged; throws (a failing property) on any violation. */
async function probe(target: FuzzTarget, req: RawRequest, stats: FuzzStats, maxMs: number): Promise<void> {
  const before = target.fingerprint();
  const logged = target.unexpected().length;
  const t0 = Date.now();
  const res = await target.send(req);
  const ms = Date.now() - t0;
  // A path that dot-segment normalization takes out of /api/ is not an API call: the plain 404.
  const leavesApi = !new URL(req.url, 'http://gateway').pathname.startsWith('/api/');
  const verdict: Verdict = leavesApi && res.status === 404 && res.text === 'Not found' ? { ok: false, code: 'not /api/: 404' } : judge(res.status, res.text, req.body ?? req.url);
  tally(stats, verdict.code ?? 'bad', ms);
  const where = `${req.method} ${req.url.slice(0, 120)}`;
  if (verdict.problem) throw new Error(`${where}: ${verdict.problem}`);
  if (target.unexpected().length !== logged) throw new Error(`${where}: the server logged an unexpected error: ${String(target.unexpected().at(-1)).slice(0, 300)}`);
  if (ms > maxMs) throw new Error(`${where}: took ${ms} ms (limit ${maxMs} ms)`);
  if (verdict.ok) {
    stats.okAnswers += 1;
    return;
  }
  const after = target.fingerprint();
  if (after !== before) throw new Error(`${where}: answered ${verdict.code} but the database changed`);
}

export interface RunOptions {
  numRuns: number;
  seed?: number;
  /**
   * The slowest answer allowed, ms: a soft guard against pathological payloads (the deterministic
   * timing check is in gateway.edges.test.ts).
   */
  maxMs?: number;
}

const fcParams = (o: RunOptions) => ({ numRuns: o.numRuns, ...(o.seed !== undefined ? { seed: o.seed } : {}), endOnFailure: true });

/** A seed per property from FUZZ_SEED, so that a fixed seed does not replay one sequence everywhere. */
export const seedFor = (seed: number | undefined, label: string): number | undefined =>
  seed === undefined ? undefined : [...label].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, seed);

/**
 * Fuzz one action's `data`, as `cookie` (a session with the roles that reach the handler), a
 * consumer and nobody.
 */
export async function fuzzAction(
  target: FuzzTarget,
  fnPath: string,
  action: string,
  sample: Record<string, unknown>,
  sessions: { best: string | null; consumer: string | null },
  opts: RunOptions,
): Promise<FuzzStats> {
  const stats: FuzzStats = { runs: 0, okAnswers: 0, codes: {}, maxMs: 0 };
  const session = fc.oneof(
    { weight: 8, arbitrary: fc.constant(sessions.best) },
    { weight: 1, arbitrary: fc.constant(sessions.consumer) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  await fc.assert(
    fc.asyncProperty(eventFor(action, sample), session, async (body, cookie) => {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (cookie) headers.cookie = cookie;
      await probe(target, { method: 'POST', url: `/api/${fnPath}`, headers, body }, stats, opts.maxMs ?? 5_000);
    }),
    fcParams(opts),
  );
  return stats;
}

/** Fuzz whole requests: methods, paths, content types, bodies. */
export async function fuzzWholeBodies(target: FuzzTarget, cookies: Array<string | null>, opts: RunOptions): Promise<FuzzStats> {
  const stats: FuzzStats = { runs: 0, okAnswers: 0, codes: {}, maxMs: 0 };
  await fc.assert(
    fc.asyncProperty(wholeRequest, fc.constantFrom(...cookies), async (req, cookie) => {
      const headers = { ...req.headers, ...(cookie ? { cookie } : {}) };
      await probe(target, { ...req, headers }, stats, opts.maxMs ?? 5_000);
    }),
    fcParams(opts),
  );
  return stats;
}
