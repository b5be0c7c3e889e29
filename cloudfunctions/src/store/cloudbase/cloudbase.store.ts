import { init } from '@cloudbase/node-sdk';
import {
  assertFieldPath, DuplicateKeyError, MAX_QUERY_LIMIT, NotFoundInTxError, TransactionConflictError,
  type Condition, type Doc, type Filter, type QueryOptions, type Scalar, type Store, type TxOps, type Update,
} from '../port';

/*
 * The SDK boundary. `@cloudbase/node-sdk` ships loose typings (`Object`, `any`), so the few calls this
 * adapter makes are declared here, narrowly, and the database handle is cast once in the constructor.
 * Wire format (read from @cloudbase/database 1.4): every call is one POST with an `action`;
 * query/data/order travel as canonical EJSON strings; a reply carrying `code` is thrown as an Error
 * with that `code` (the SDK's default throwOnCode).
 */

/** An opaque `db.command` value (query operator or update operator). */
interface SdkCmd {
  and(...others: SdkCmd[]): SdkCmd;
}

interface SdkCommand {
  eq(v: Scalar | object): SdkCmd;
  neq(v: Scalar): SdkCmd;
  gt(v: number | string): SdkCmd;
  gte(v: number | string): SdkCmd;
  lt(v: number | string): SdkCmd;
  lte(v: number | string): SdkCmd;
  in(v: Scalar[]): SdkCmd;
  set(v: unknown): SdkCmd;
  inc(n: number): SdkCmd;
}

type SdkQueryObject = Record<string, Scalar | SdkCmd>;
type SdkUpdateObject = Record<string, SdkCmd>;
type RawDoc = Record<string, unknown>;

interface SdkDocRef {
  /** Outside a transaction `data` is an array; inside, the document or null. */
  get(): Promise<{ data: RawDoc[] | RawDoc | null }>;
  set(data: RawDoc): Promise<{ updated?: number }>;
  update(data: SdkUpdateObject): Promise<{ updated?: number }>;
  remove(): Promise<{ deleted?: number }>;
}

interface SdkQuery {
  where(q: SdkQueryObject): SdkQuery;
  orderBy(field: string, direction: 'asc' | 'desc'): SdkQuery;
  skip(n: number): SdkQuery;
  limit(n: number): SdkQuery;
  get(): Promise<{ data: RawDoc[] }>;
  count(): Promise<{ total: number }>;
  update(data: SdkUpdateObject): Promise<{ updated?: number }>;
  remove(): Promise<{ deleted?: number }>;
}

interface SdkCollection extends SdkQuery {
  doc(id: string): SdkDocRef;
  add(data: RawDoc): Promise<{ id?: string }>;
}

interface SdkTransaction {
  collection(name: string): SdkCollection;
  commit(): Promise<unknown>;
  rollback(): Promise<unknown>;
}

interface SdkDb {
  command: SdkCommand;
  collection(name: string): SdkCollection;
  createCollection(name: string): Promise<{ code?: string; message?: string }>;
  startTransaction(): Promise<SdkTransaction>;
}

/** Server error codes this adapter reacts to (docs.cloudbase.net/error-code). */
export const TCB_DUPLICATE_WRITE = 'DATABASE_DUPLICATE_WRITE';
export const TCB_TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT';
const TCB_COLLECTION_EXISTS = 'DATABASE_COLLECTION_ALREADY_EXIST';

/**
 * Another writer touched a document of this transaction (CloudBase's DATABASE_TRANSACTION_CONFLICT).
 * Nothing of the transaction was applied: the caller may retry it or refuse the request.
 */

const errorCode = (e: unknown): string | undefined =>
  typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String((e as { message?: unknown })?.message ?? e));

/** The documented code first; the Mongo E11000 text as a fallback for older gateways. */
const isDuplicate = (e: unknown): boolean => errorCode(e) === TCB_DUPLICATE_WRITE || /E11000|duplicate key/i.test(errorMessage(e));

function mapError(e: unknown): unknown {
  if (errorCode(e) === TCB_TRANSACTION_CONFLICT) return new TransactionConflictError(errorMessage(e), e);
  return e;
}

/** `id` is stored twice: as the key `_id` (uniqueness, primary index) and in the document. */
const keyOf = (field: string): string => (field === 'id' ? '_id' : field);

function fromRaw<T extends Doc>(raw: RawDoc): T {
  const doc: RawDoc = { ...raw };
  delete doc._id;
  return doc as T;
}

/** The stored body: the doc without any `_id` of its own (the SDK refuses `_id` in set/update data). */
function body(doc: Doc): RawDoc {
  const out: RawDoc = { ...doc };
  delete out._id;
  return out;
}

function conditionParts(_: SdkCommand, cond: Condition): Array<Scalar | SdkCmd> {
  if (cond === null || typeof cond !== 'object') return [cond];
  const parts: Array<Scalar | SdkCmd> = [];
  if (cond.eq !== undefined) parts.push(cond.eq);
  if (cond.ne !== undefined) parts.push(_.neq(cond.ne));
  if (cond.gt !== undefined) parts.push(_.gt(cond.gt));
  if (cond.gte !== undefined) parts.push(_.gte(cond.gte));
  if (cond.lt !== undefined) parts.push(_.lt(cond.lt));
  if (cond.lte !== undefined) parts.push(_.lte(cond.lte));
  if (cond.in !== undefined) parts.push(_.in(cond.in));
  return parts;
}

/**
 * Filter → `where` object. A lone plain value stays plain (`{_id: 'x'}`); several conditions on one
 * field are chained with `.and` (the SDK encodes them as `$and: [...]`).
 */
function toQuery(_: SdkCommand, filter: Filter, extra: Array<[string, Scalar | SdkCmd]> = []): SdkQueryObject {
  const byKey = new Map<string, Array<Scalar | SdkCmd>>();
  const add = (key: string, part: Scalar | SdkCmd) => byKey.set(key, [...(byKey.get(key) ?? []), part]);
  for (const [key, part] of extra) add(key, part);
  for (const [field, cond] of Object.entries(filter)) {
    assertFieldPath(field);
    for (const part of conditionParts(_, cond)) add(keyOf(field), part);
  }
  const query: SdkQueryObject = {};
  for (const [key, parts] of byKey) {
    if (parts.length === 1) query[key] = parts[0] as Scalar | SdkCmd;
    else {
      const [first, ...rest] = parts.map((p) => (isCmd(p) ? p : _.eq(p)));
      query[key] = (first as SdkCmd).and(...rest);
    }
  }
  return query;
}

const isCmd = (p: Scalar | SdkCmd): p is SdkCmd => typeof p === 'object' && p !== null;

/**
 * Update → SDK update object. Every `set` goes through `_.set(v)` so an object value replaces the
 * field (a bare object would be flattened into a merge of its sub-fields); dotted paths stay dotted
 * keys (`$set: {'a.b': v}`), which the server applies as nested paths.
 */
function toUpdate(_: SdkCommand, update: Update): SdkUpdateObject {
  const data: SdkUpdateObject = {};
  for (const [field, value] of Object.entries(update.set ?? {})) {
    assertFieldPath(field);
    if (field === 'id' || field === '_id') throw new Error('id cannot be changed');
    data[field] = _.set(value === undefined ? null : value);
  }
  for (const [field, by] of Object.entries(update.inc ?? {})) {
    assertFieldPath(field);
    if (!Number.isFinite(by)) throw new Error(`inc by a non-number: ${field}`);
    if (field in data) throw new Error(`field both set and inc: ${field}`);
    data[field] = _.inc(by);
  }
  return data;
}

/** True when applying `update` necessarily changes the document (so `updated: 0` means "no match"). */
const alwaysModifies = (update: Update): boolean => Object.values(update.inc ?? {}).some((n) => n !== 0);

export interface CloudbaseStoreOptions {
  env: string;
  secretId?: string;
  secretKey?: string;
  /** Any HTTP endpoint speaking the TCB admin protocol (tests point it at a local stub). */
  serviceUrl?: string;
  /** Per-request timeout in ms (SDK default 15000). */
  timeout?: number;
}

export class CloudbaseStore implements Store {
  readonly engine = 'cloudbase' as const;
  /** No transaction spans guarded updates here: a batch is its operations, each atomic alone. */
  readonly atomicBatch = false;
  private readonly db: SdkDb;
  private readonly _: SdkCommand;

  constructor(opts: CloudbaseStoreOptions) {
    const config: Record<string, unknown> = { env: opts.env };
    // The SDK insists on both or neither; inside a CloudBase function it reads them from the runtime.
    if (opts.secretId && opts.secretKey) Object.assign(config, { secretId: opts.secretId, secretKey: opts.secretKey });
    if (opts.serviceUrl) config.serviceUrl = opts.serviceUrl;
    if (opts.timeout) config.timeout = opts.timeout;
    this.db = init(config).database() as unknown as SdkDb;
    this._ = this.db.command;
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): CloudbaseStore {
    if (!env.TCB_ENV) throw new Error('TCB_ENV is not set');
    return new CloudbaseStore({
      env: env.TCB_ENV,
      secretId: env.TENCENTCLOUD_SECRETID,
      secretKey: env.TENCENTCLOUD_SECRETKEY,
      serviceUrl: env.TCB_SERVICE_URL,
    });
  }

  batch<R>(fn: () => Promise<R>): Promise<R> {
    return fn();
  }

  /** Creates the collections that do not exist yet (CloudBase does not create them on first write). */
  async ensureCollections(names: readonly string[]): Promise<void> {
    for (const name of names) {
      assertFieldPath(name);
      try {
        await this.db.createCollection(name);
      } catch (e) {
        if (errorCode(e) !== TCB_COLLECTION_EXISTS) throw e;
      }
    }
  }

  async get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    const { data } = await this.db.collection(collection).doc(id).get();
    const raw = Array.isArray(data) ? data[0] : data;
    return raw ? fromRaw<T>(raw) : null;
  }

  async insert<T extends Doc>(collection: string, doc: T): Promise<boolean> {
    try {
      await this.db.collection(collection).add({ ...body(doc), _id: doc.id });
      return true;
    } catch (e) {
      if (isDuplicate(e)) return false;
      throw mapError(e);
    }
  }

  async set<T extends Doc>(collection: string, doc: T): Promise<void> {
    // modifyDocument {query: {_id}, merge: false, upsert: true}: replace or create.
    await this.db.collection(collection).doc(doc.id).set(body(doc)).catch((e: unknown) => Promise.reject(mapError(e)));
  }

  async update(collection: string, id: string, update: Update, guard: Filter = {}): Promise<boolean> {
    const _ = this._;
    const data = toUpdate(_, update);
    const coll = this.db.collection(collection);
    const where = toQuery(_, guard, [['_id', id]]);
    try {
      if (Object.keys(data).length === 0) return (await coll.where(where).count()).total === 1;
      // One atomic call: the guard and the write are evaluated together by the server.
      const { updated } = await coll.where(where).update(data);
      if (updated === 1) return true;
      if (alwaysModifies(update)) return false;
      // The server counts modified documents: a `set` to the values already there answers 0 although
      // the guard held. Check that the document now matches the guard and holds those values.
      const sameValues: Array<[string, Scalar | SdkCmd]> = Object.entries(update.set ?? {})
        .map(([f, v]) => [f, _.eq((v === undefined ? null : v) as Scalar | object)]);
      return (await coll.where(toQuery(_, guard, [['_id', id], ...sameValues])).count()).total === 1;
    } catch (e) {
      throw mapError(e);
    }
  }

  async updateAndGet<T extends Doc>(collection: string, id: string, update: Update, guard: Filter = {}): Promise<T | null> {
    return (await this.update(collection, id, update, guard)) ? this.get<T>(collection, id) : null;
  }

  async delete(collection: string, id: string, guard: Filter = {}): Promise<boolean> {
    const coll = this.db.collection(collection);
    // Guarded: one atomic call, the server evaluates the guard and removes together.
    const { deleted } = Object.keys(guard).length ? await coll.where(toQuery(this._, guard, [['_id', id]])).remove() : await coll.doc(id).remove();
    return deleted === 1;
  }

  async find<T extends Doc>(collection: string, filter: Filter, options: QueryOptions = {}): Promise<T[]> {
    const limit = Math.min(options.limit ?? MAX_QUERY_LIMIT, MAX_QUERY_LIMIT);
    // The SDK turns a limit of 0 into its default page of 100.
    if (limit <= 0) return [];
    let q: SdkQuery = this.db.collection(collection);
    if (Object.keys(filter).length) q = q.where(toQuery(this._, filter));
    for (const [field, direction] of options.orderBy ?? []) {
      assertFieldPath(field);
      q = q.orderBy(keyOf(field), direction);
    }
    if (options.offset) q = q.skip(options.offset);
    const { data } = await q.limit(limit).get();
    return data.map((raw) => fromRaw<T>(raw));
  }

  async count(collection: string, filter: Filter): Promise<number> {
    let q: SdkQuery = this.db.collection(collection);
    if (Object.keys(filter).length) q = q.where(toQuery(this._, filter));
    return (await q.count()).total;
  }

  /**
   * start → single-document operations carrying the transaction id → commit; any throw sends abort.
   * Not `db.runTransaction`: it silently re-runs the callback on conflicts; here a conflict surfaces
   * as TransactionConflictError and the caller decides.
   */
  async transaction<R>(fn: (tx: TxOps) => Promise<R>): Promise<R> {
    const _ = this._;
    const t = await this.db.startTransaction().catch((e: unknown) => Promise.reject(mapError(e)));
    // A failed write inside a server transaction aborts it: even if `fn` swallows the error, do not commit.
    let doomed: Error | null = null;
    const tx: TxOps = {
      get: async <T extends Doc>(c: string, id: string) => {
        const { data } = await t.collection(c).doc(id).get();
        const raw = Array.isArray(data) ? data[0] : data;
        return raw ? fromRaw<T>(raw) : null;
      },
      insert: async (c, doc) => {
        try {
          await t.collection(c).add({ ...body(doc), _id: doc.id });
        } catch (e) {
          doomed = isDuplicate(e) ? new DuplicateKeyError(c, doc.id) : (mapError(e) as Error);
          throw doomed;
        }
      },
      set: async (c, doc) => {
        await t.collection(c).doc(doc.id).set(body(doc));
      },
      update: async (c, id, u) => {
        const data = toUpdate(_, u);
        if (Object.keys(data).length) {
          const { updated } = await t.collection(c).doc(id).update(data);
          if (updated === 1) return;
          if (alwaysModifies(u)) throw new NotFoundInTxError(c, id);
        }
        // 0 modified: missing, or a no-op `set` on an existing document.
        if (!(await tx.get(c, id))) throw new NotFoundInTxError(c, id);
      },
      delete: async (c, id) => {
        await t.collection(c).doc(id).remove();
      },
    };
    try {
      const result = await fn(tx);
      if (doomed) throw doomed;
      await t.commit();
      return result;
    } catch (e) {
      // Best effort: after a failed commit the server has usually dropped the transaction already.
      await t.rollback().catch(() => undefined);
      throw mapError(e);
    }
  }

  async close(): Promise<void> {
    // The SDK keeps no connection to close (its keep-alive sockets idle out on their own).
  }
}
