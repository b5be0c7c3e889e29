/**
 * The storage port: a small document store that both engines do well.
 *
 * It is shaped by the weaker engine, CloudBase: a transaction may only read and write single
 * documents by id (no `where` inside), so uniqueness comes from deterministic ids, contended
 * counters use a guarded atomic update (`where {_id, remaining >= n}` + `inc(-n)`), and the
 * transaction is kept for the few documents that must move together. The SQLite adapter runs the
 * same operations, each transaction in `BEGIN IMMEDIATE`.
 */

export type Scalar = string | number | boolean | null;

/** A condition on one field: a plain value means equality. */
export type Condition =
  | Scalar
  | { eq?: Scalar; ne?: Scalar; gt?: number | string; gte?: number | string; lt?: number | string; lte?: number | string; in?: Scalar[] };

/** Field (dotted path allowed) → condition; all must hold. */
export type Filter = Record<string, Condition>;

export interface QueryOptions {
  orderBy?: Array<[field: string, direction: 'asc' | 'desc']>;
  limit?: number;
  offset?: number;
}

/** `set` replaces fields (dotted paths allowed); `inc` adds to numeric fields atomically. */
export interface Update {
  set?: Record<string, unknown>;
  inc?: Record<string, number>;
}

/** Every stored document carries its own id, equal to its key. */
export interface Doc {
  id: string;
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`duplicate key ${collection}/${id}`);
    this.name = 'DuplicateKeyError';
  }
}

export class NotFoundInTxError extends Error {
  constructor(readonly collection: string, readonly id: string) {
    super(`no document ${collection}/${id}`);
    this.name = 'NotFoundInTxError';
  }
}

/**
 * Another transaction wrote the same documents first (CloudBase snapshot isolation). Nothing of
 * this transaction was written; the caller may run it again.
 */
export class TransactionConflictError extends Error {
  constructor(message: string, cause?: unknown) {
    super(`transaction conflict: ${message}`, { cause });
    this.name = 'TransactionConflictError';
  }
}

/** Single-document operations allowed inside a transaction (CloudBase's limits). */
export interface TxOps {
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Throws DuplicateKeyError when the id exists: the whole transaction is then rolled back. */
  insert<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Create or replace. */
  set<T extends Doc>(collection: string, doc: T): Promise<void>;
  /** Throws NotFoundInTxError when the document does not exist. */
  update(collection: string, id: string, update: Update): Promise<void>;
  delete(collection: string, id: string): Promise<void>;
}

export interface Store {
  readonly engine: 'sqlite' | 'cloudbase';
  get<T extends Doc>(collection: string, id: string): Promise<T | null>;
  /** Insert if the id is free; false when it is taken (the deterministic-id uniqueness check). */
  insert<T extends Doc>(collection: string, doc: T): Promise<boolean>;
  set<T extends Doc>(collection: string, doc: T): Promise<void>;
  /**
   * Atomic update of one document, only when `guard` holds for it at that instant.
   * Answers whether a document was updated: false when it is missing or the guard fails.
   */
  update(collection: string, id: string, update: Update, guard?: Filter): Promise<boolean>;
  /**
   * `update`, answering the document after it (null when missing or the guard fails). SQLite reads
   * it in the same statement; CloudBase reads it just after, so it may already hold later changes.
   */
  updateAndGet<T extends Doc>(collection: string, id: string, update: Update, guard?: Filter): Promise<T | null>;
  /** Deletes the document only when `guard` holds for it; answers whether one was removed. */
  delete(collection: string, id: string, guard?: Filter): Promise<boolean>;
  find<T extends Doc>(collection: string, filter: Filter, options?: QueryOptions): Promise<T[]>;
  count(collection: string, filter: Filter): Promise<number>;
  /** Runs `fn` atomically; a thrown error rolls everything back and is rethrown. */
  transaction<R>(fn: (tx: TxOps) => Promise<R>): Promise<R>;
  /**
   * A sequence of operations, made all-or-nothing where the engine can. SQLite runs it in one
   * transaction (and a crash loses all of it or none). CloudBase cannot hold a transaction over
   * guarded updates, so there every operation stays atomic on its own and the caller must undo its
   * own partial work on failure: code written for `batch` always compensates, and is exact on both.
   */
  batch<R>(fn: () => Promise<R>): Promise<R>;
  /** Whether `batch` is all-or-nothing on this engine. */
  readonly atomicBatch: boolean;
  close(): Promise<void>;
}

/** Field names reach SQL and CloudBase queries: only plain dotted identifiers are allowed. */
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

export function assertFieldPath(path: string): void {
  if (!FIELD_PATH.test(path)) throw new Error(`bad field path: ${path}`);
}

/** The largest page a single query may return (CloudBase's per-query cap inside a function). */
export const MAX_QUERY_LIMIT = 1000;
