/**
 * A local stand-in for the CloudBase (TCB) admin endpoint, so the real `@cloudbase/node-sdk` can be
 * exercised in tests (`tcb.init({ serviceUrl })`). It speaks the wire format of @cloudbase/database
 * 1.4: one POST per call with `action`, EJSON-string `query` / `data` / `order`, replies
 * `{ requestId, data }` or `{ code, message }` (HTTP 200; the SDK throws on `code`). Behind it, an
 * in-memory Mongo-like store: `updated` counts modified documents (as Mongo's nModified), `_id` is
 * unique, transactions read a snapshot taken at start, write into it, and commit all-or-nothing with
 * first-committer-wins conflict detection. Collections are implicit (created on first write).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonObject = { [k: string]: Json };

/** One call as the SDK sent it, with the EJSON strings decoded and the empty auth fields dropped. */
export interface RecordedRequest {
  action: string;
  params: Record<string, unknown>;
}

export type Fault =
  /** Answer with this CloudBase error; the call has no effect (a failed commit discards the transaction). */
  | { error: { code: string; message?: string } }
  /** Answer a modifyDocument with this `updated` count; the call has no effect. */
  | { updated: number };

export interface TcbStub {
  /** Endpoint for `serviceUrl`. */
  url: string;
  requests: RecordedRequest[];
  /** The next request with `action` (and matching `when`) gets `fault` instead of being executed. */
  injectOnce(action: string, fault: Fault, when?: (r: RecordedRequest) => boolean): void;
  /** The stored document, `_id` included, as the server holds it. */
  peek(collection: string, id: string): JsonObject | undefined;
  /** Forget data, transactions, recorded requests and pending faults. */
  reset(): void;
  close(): Promise<void>;
}

class TcbFailure extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

// ---------------------------------------------------------------- EJSON (the subset the SDK emits)

function decodeEjson(v: unknown): Json {
  if (Array.isArray(v)) return v.map(decodeEjson);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 1) {
      const [k] = keys as [string];
      const inner = o[k];
      if (k === '$numberInt' || k === '$numberLong' || k === '$numberDouble') return Number(inner);
      if (k === '$date' || k === '$oid' || k === '$regularExpression') throw new TcbFailure('INVALID_PARAM', `stub: unsupported EJSON type ${k}`);
    }
    const out: JsonObject = {};
    for (const [k, inner] of Object.entries(o)) out[k] = decodeEjson(inner);
    return out;
  }
  return v as Json;
}

const parseEjson = (s: string): Json => decodeEjson(JSON.parse(s));

// ---------------------------------------------------------------- documents, queries, updates

const clone = <T>(v: T): T => structuredClone(v);
const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function getPath(doc: JsonObject, path: string): Json | undefined {
  let cur: Json | undefined = doc;
  for (const part of path.split('.')) {
    if (!isObject(cur)) return undefined;
    cur = cur[part];
  }
  return cur;
}

function setPath(doc: JsonObject, path: string, value: Json): void {
  const parts = path.split('.');
  let cur = doc;
  for (const part of parts.slice(0, -1)) {
    const next = cur[part];
    if (next === undefined || next === null) cur[part] = {};
    else if (!isObject(next)) throw new TcbFailure('DATABASE_REQUEST_FAILED', `cannot create field in element ${part}`);
    cur = cur[part] as JsonObject;
  }
  cur[parts[parts.length - 1] as string] = value;
}

function unsetPath(doc: JsonObject, path: string): void {
  const parts = path.split('.');
  const parent = parts.length > 1 ? getPath(doc, parts.slice(0, -1).join('.')) : doc;
  if (isObject(parent)) delete parent[parts[parts.length - 1] as string];
}

/** Mongo's ordering within one type; values of different types never compare. */
function compare(a: Json | undefined, b: Json): number | null {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return null;
}

/** Equality as Mongo: null matches a missing field; an array matches when an element matches. */
function equals(field: Json | undefined, value: Json): boolean {
  if (value === null) return field === null || field === undefined;
  if (Array.isArray(field) && !Array.isArray(value)) return field.some((x) => deepEqual(x, value));
  return deepEqual(field, value);
}

function matchOperator(field: Json | undefined, op: string, arg: Json): boolean {
  switch (op) {
    case '$eq': return equals(field, arg);
    case '$ne': return !equals(field, arg);
    case '$gt': { const c = compare(field, arg); return c !== null && c > 0; }
    case '$gte': { const c = compare(field, arg); return c !== null && c >= 0; }
    case '$lt': { const c = compare(field, arg); return c !== null && c < 0; }
    case '$lte': { const c = compare(field, arg); return c !== null && c <= 0; }
    case '$in': return Array.isArray(arg) && arg.some((v) => equals(field, v));
    case '$nin': return Array.isArray(arg) && !arg.some((v) => equals(field, v));
    default: throw new TcbFailure('INVALID_PARAM', `stub: unsupported query operator ${op}`);
  }
}

function matches(doc: JsonObject, query: Json): boolean {
  if (!isObject(query)) return true;
  for (const [key, cond] of Object.entries(query)) {
    if (key === '$and') {
      if (!Array.isArray(cond) || !cond.every((q) => matches(doc, q))) return false;
    } else if (key === '$or') {
      if (!Array.isArray(cond) || !cond.some((q) => matches(doc, q))) return false;
    } else if (key.startsWith('$')) {
      throw new TcbFailure('INVALID_PARAM', `stub: unsupported query operator ${key}`);
    } else {
      const field = getPath(doc, key);
      const isOps = isObject(cond) && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$'));
      if (isOps) {
        for (const [op, arg] of Object.entries(cond)) if (!matchOperator(field, op, arg)) return false;
      } else if (!equals(field, cond)) return false;
    }
  }
  return true;
}

function applyUpdate(doc: JsonObject, update: Json): JsonObject {
  if (!isObject(update)) throw new TcbFailure('INVALID_PARAM', 'update must be an object');
  const out = clone(doc);
  for (const [op, fields] of Object.entries(update)) {
    if (!isObject(fields)) throw new TcbFailure('INVALID_PARAM', `bad ${op}`);
    for (const [path, value] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.')) throw new TcbFailure('DATABASE_REQUEST_FAILED', 'cannot modify _id');
      if (op === '$set') setPath(out, path, clone(value));
      else if (op === '$inc') {
        const cur = getPath(out, path);
        if (typeof value !== 'number') throw new TcbFailure('DATABASE_REQUEST_FAILED', `$inc by non-number at ${path}`);
        if (cur !== undefined && typeof cur !== 'number') throw new TcbFailure('DATABASE_REQUEST_FAILED', `$inc on non-number at ${path}`);
        setPath(out, path, (cur ?? 0) + value);
      } else if (op === '$unset') unsetPath(out, path);
      else throw new TcbFailure('INVALID_PARAM', `stub: unsupported update operator ${op}`);
    }
  }
  return out;
}

function sortDocs(docs: JsonObject[], order: Json): JsonObject[] {
  if (!isObject(order)) return docs;
  const keys = Object.entries(order).map(([k, d]) => [k, d === -1 ? -1 : 1] as const);
  // Mongo's cross-type order, enough for tests: missing/null < numbers < strings < others.
  const rank = (v: Json | undefined) => (v === undefined || v === null ? 0 : typeof v === 'number' ? 1 : typeof v === 'string' ? 2 : 3);
  return [...docs].sort((a, b) => {
    for (const [k, dir] of keys) {
      const x = getPath(a, k);
      const y = getPath(b, k);
      const c = rank(x) - rank(y) || (compare(x, y as Json) ?? 0);
      if (c !== 0) return c * dir;
    }
    return 0;
  });
}

// ---------------------------------------------------------------- the store and its transactions

/** Documents by collection and `_id`, plus a version per key that survives deletes (conflict checks). */
interface Space {
  docs: Map<string, Map<string, JsonObject>>;
  versions: Map<string, number>;
}

interface Tx {
  space: Space;
  /** Keys this transaction wrote, with the version they had in its snapshot. */
  writes: Map<string, number>;
}

const keyOf = (coll: string, id: string) => `${coll}\u0000${id}`;

class MemoryTcb {
  live: Space = { docs: new Map(), versions: new Map() };
  txs = new Map<string, Tx>();
  private clock = 0;
  private txSeq = 0;

  reset(): void {
    this.live = { docs: new Map(), versions: new Map() };
    this.txs.clear();
  }

  /** The space a call works on, and how it records a write to a key. */
  private target(transactionId: unknown): { space: Space; touch: (key: string) => void } {
    if (transactionId === undefined) {
      return { space: this.live, touch: (key) => this.live.versions.set(key, ++this.clock) };
    }
    const tx = this.txs.get(String(transactionId));
    if (!tx) throw new TcbFailure('DATABASE_TRANSACTION_FAIL', `no transaction ${String(transactionId)}`);
    return { space: tx.space, touch: (key) => { if (!tx.writes.has(key)) tx.writes.set(key, tx.space.versions.get(key) ?? 0); } };
  }

  private coll(space: Space, name: string): Map<string, JsonObject> {
    let c = space.docs.get(name);
    if (!c) space.docs.set(name, (c = new Map()));
    return c;
  }

  private select(space: Space, p: Record<string, unknown>): JsonObject[] {
    const docs = [...this.coll(space, String(p.collectionName)).values()];
    return docs.filter((d) => matches(d, (p.query ?? {}) as Json));
  }

  handle(action: string, p: Record<string, unknown>): JsonObject {
    switch (action) {
      case 'database.startTransaction': {
        const id = `tx-${++this.txSeq}`;
        this.txs.set(id, { space: { docs: clone(this.live.docs), versions: new Map(this.live.versions) }, writes: new Map() });
        return { transactionId: id };
      }
      case 'database.commitTransaction': {
        const tx = this.txs.get(String(p.transactionId));
        if (!tx) throw new TcbFailure('DATABASE_TRANSACTION_FAIL', `no transaction ${String(p.transactionId)}`);
        this.txs.delete(String(p.transactionId));
        for (const [key, seen] of tx.writes) {
          if ((this.live.versions.get(key) ?? 0) !== seen) throw new TcbFailure('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${key.replace('\u0000', '/')}`);
        }
        for (const key of tx.writes.keys()) {
          const [coll, id] = key.split('\u0000') as [string, string];
          const doc = tx.space.docs.get(coll)?.get(id);
          if (doc) this.coll(this.live, coll).set(id, doc);
          else this.coll(this.live, coll).delete(id);
          this.live.versions.set(key, ++this.clock);
        }
        return {};
      }
      case 'database.abortTransaction': {
        if (!this.txs.delete(String(p.transactionId))) throw new TcbFailure('DATABASE_TRANSACTION_FAIL', `no transaction ${String(p.transactionId)}`);
        return {};
      }
      case 'database.addCollection': {
        const name = String(p.collectionName);
        if (this.live.docs.has(name)) throw new TcbFailure('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} exists`);
        this.coll(this.live, name);
        return { data: {} };
      }
      case 'database.getDocument': {
        const { space } = this.target(p.transactionId);
        let docs = sortDocs(this.select(space, p), (p.order ?? null) as Json);
        const offset = Number(p.offset ?? 0);
        const limit = p.limit === undefined ? 100 : Number(p.limit);
        docs = docs.slice(offset, offset + limit);
        if (p.multi === false) docs = docs.slice(0, 1);
        return { data: { list: docs.map((d) => JSON.stringify(d)), offset, limit } };
      }
      case 'database.calculateDocument': {
        return { data: { total: this.select(this.live, p).length } };
      }
      case 'database.insertDocument': {
        const { space, touch } = this.target(p.transactionId);
        const coll = String(p.collectionName);
        const docs = this.coll(space, coll);
        const ids: string[] = [];
        for (const raw of (p.data ?? []) as Json[]) {
          if (!isObject(raw)) throw new TcbFailure('INVALID_PARAM', 'document must be an object');
          const doc = clone(raw);
          if (doc._id === undefined) doc._id = `auto-${++this.clock}`;
          const id = String(doc._id);
          if (docs.has(id)) {
            throw new TcbFailure('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`);
          }
          docs.set(id, doc);
          touch(keyOf(coll, id));
          ids.push(id);
        }
        return { data: { insertedIds: ids } };
      }
      case 'database.modifyDocument': {
        const { space, touch } = this.target(p.transactionId);
        const coll = String(p.collectionName);
        const docs = this.coll(space, coll);
        let targets = this.select(space, p);
        if (p.multi === false) targets = targets.slice(0, 1);
        let updated = 0;
        for (const doc of targets) {
          const next = p.merge === false
            ? { ...(clone(p.data) as JsonObject), _id: doc._id as Json }
            : applyUpdate(doc, p.data as Json);
          if (deepEqual(doc, next)) continue; // Mongo counts modified documents only
          docs.set(String(doc._id), next);
          touch(keyOf(coll, String(doc._id)));
          updated += 1;
        }
        if (targets.length === 0 && p.upsert === true) {
          const id = isObject(p.query) ? p.query._id : undefined;
          if (typeof id !== 'string') throw new TcbFailure('INVALID_PARAM', 'stub: upsert needs query._id');
          const fresh: JsonObject = p.merge === false ? { ...(clone(p.data) as JsonObject), _id: id } : applyUpdate({ _id: id }, p.data as Json);
          docs.set(id, fresh);
          touch(keyOf(coll, id));
          return { data: { updated: 0, upsert_id: id } };
        }
        return { data: { updated } };
      }
      case 'storage.batchGetDownloadUrl': {
        // Temporary links: the same ids back, in order; unknown schemes answer a per-file error code.
        const list = (p.file_list ?? []) as Array<{ fileid: string; max_age?: number }>;
        if (!Array.isArray(list) || list.length === 0 || list.length > 50) throw new TcbFailure('INVALID_PARAM', 'stub: file_list must hold 1–50 files');
        return {
          data: {
            download_list: list.map(({ fileid }) => fileid.startsWith('cloud://')
              ? { fileID: fileid, tempFileURL: `https://stub-env.tcb.qcloud.la/${fileid.slice('cloud://'.length)}?sign=stub`, code: 'SUCCESS' }
              : { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }),
          },
        };
      }
      case 'database.removeDocument': {
        const { space, touch } = this.target(p.transactionId);
        const coll = String(p.collectionName);
        const docs = this.coll(space, coll);
        let targets = this.select(space, p);
        if (p.multi === false) targets = targets.slice(0, 1);
        for (const doc of targets) {
          docs.delete(String(doc._id));
          touch(keyOf(coll, String(doc._id)));
        }
        return { data: { deleted: targets.length } };
      }
      default:
        throw new TcbFailure('INVALID_PARAM', `stub: unknown action ${action}`);
    }
  }
}

// ---------------------------------------------------------------- HTTP

const NOISE = ['wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken', 'sessionToken'];

function decodeParams(body: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'action' || NOISE.includes(k)) continue;
    if ((k === 'query' || k === 'data' || k === 'order' || k === 'projection') && typeof v === 'string') params[k] = parseEjson(v);
    else if (k === 'data' && Array.isArray(v)) params[k] = v.map((s) => (typeof s === 'string' ? parseEjson(s) : decodeEjson(s)));
    else params[k] = v;
  }
  return params;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startTcbStub(): Promise<TcbStub> {
  const db = new MemoryTcb();
  const requests: RecordedRequest[] = [];
  let faults: Array<{ action: string; fault: Fault; when?: (r: RecordedRequest) => boolean }> = [];
  let seq = 0;

  const reply = (res: ServerResponse, payload: JsonObject) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ requestId: `stub-${++seq}`, ...payload }));
  };

  const server = createServer((req, res) => {
    readBody(req).then((text) => {
      const body = JSON.parse(text) as Record<string, unknown>;
      const action = String(body.action);
      const recorded: RecordedRequest = { action, params: decodeParams(body) };
      requests.push(recorded);
      const i = faults.findIndex((f) => f.action === action && (!f.when || f.when(recorded)));
      const fault = i >= 0 ? faults.splice(i, 1)[0]?.fault : undefined;
      if (fault) {
        if ('error' in fault) {
          if (action === 'database.commitTransaction') db.txs.delete(String(recorded.params.transactionId));
          reply(res, { code: fault.error.code, message: fault.error.message ?? fault.error.code });
        } else reply(res, { data: { updated: fault.updated } });
        return;
      }
      reply(res, db.handle(action, recorded.params));
    }).catch((e: unknown) => {
      if (e instanceof TcbFailure) reply(res, { code: e.code, message: e.message });
      else {
        res.statusCode = 500;
        res.end(String(e));
      }
    });
  });

  // The SDK keeps its sockets alive; a server closing an idle one (Node's default after 5 s, easily
  // reached on a loaded machine) races the next request on it, which then fails with ECONNRESET.
  server.keepAliveTimeout = 10 * 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/admin`,
    requests,
    injectOnce: (action, fault, when) => {
      faults.push({ action, fault, when });
    },
    peek: (collection, id) => {
      const doc = db.live.docs.get(collection)?.get(id);
      return doc && clone(doc);
    },
    reset: () => {
      db.reset();
      requests.length = 0;
      faults = [];
    },
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((e) => (e ? reject(e) : resolve()));
    }),
  };
}
