import { AsyncLocalStorage } from 'node:async_hooks';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  assertFieldPath, DuplicateKeyError, MAX_QUERY_LIMIT, NotFoundInTxError,
  type Condition, type Doc, type Filter, type QueryOptions, type Scalar, type Store, type TxOps, type Update,
} from '../port';
import { jsonExtract, MIGRATIONS, tableName, type Migration } from './migrations';

type Param = string | number | null;

/** better-sqlite3 binds no booleans; JSON true/false read back through json_extract as 1/0. */
const toParam = (v: Scalar): Param => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

function conditionSql(field: string, cond: Condition, params: Param[]): string {
  assertFieldPath(field);
  const col = field === 'id' ? 'id' : jsonExtract(field);
  if (cond === null) return `${col} IS NULL`;
  if (typeof cond !== 'object') {
    params.push(toParam(cond));
    return `${col} = ?`;
  }
  const parts: string[] = [];
  const op = (sql: string, v: Scalar) => {
    params.push(toParam(v));
    parts.push(`${col} ${sql} ?`);
  };
  if (cond.eq !== undefined) cond.eq === null ? parts.push(`${col} IS NULL`) : op('=', cond.eq);
  if (cond.ne !== undefined) cond.ne === null ? parts.push(`${col} IS NOT NULL`) : parts.push(`(${col} IS NULL OR ${col} <> ?)`) && params.push(toParam(cond.ne));
  if (cond.gt !== undefined) op('>', cond.gt);
  if (cond.gte !== undefined) op('>=', cond.gte);
  if (cond.lt !== undefined) op('<', cond.lt);
  if (cond.lte !== undefined) op('<=', cond.lte);
  if (cond.in !== undefined) {
    if (cond.in.length === 0) parts.push('0');
    else {
      parts.push(`${col} IN (${cond.in.map(() => '?').join(', ')})`);
      params.push(...cond.in.map(toParam));
    }
  }
  return parts.length ? parts.join(' AND ') : '1';
}

function whereSql(filter: Filter, params: Param[]): string {
  const parts = Object.entries(filter).map(([f, c]) => conditionSql(f, c, params));
  return parts.length ? parts.join(' AND ') : '1';
}

/** json_set expression applying `set` and `inc`; paths are checked, values bound as JSON. */
function updateSql(update: Update, params: Param[]): string {
  let expr = 'doc';
  const args: string[] = [];
  for (const [field, value] of Object.entries(update.set ?? {})) {
    assertFieldPath(field);
    if (field === 'id') throw new Error('id cannot be changed');
    args.push(`'$.${field}', json(?)`);
    params.push(JSON.stringify(value === undefined ? null : value));
  }
  for (const [field, by] of Object.entries(update.inc ?? {})) {
    assertFieldPath(field);
    if (!Number.isFinite(by)) throw new Error(`inc by a non-number: ${field}`);
    args.push(`'$.${field}', coalesce(${jsonExtract(field)}, 0) + ?`);
    params.push(by);
  }
  if (args.length) expr = `json_set(doc, ${args.join(', ')})`;
  return expr;
}

export interface SqliteStoreOptions {
  /** File path, or ':memory:'. */
  file: string;
  /**
   * FULL: a claim answered ok survives power loss (WAL fsync at each commit). NORMAL is faster
   * but may lose the last commits on power loss (never on a process crash).
   */
  synchronous?: 'FULL' | 'NORMAL';
}

/** A tiny FIFO lock: transactions hold the single connection across awaits. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  run<R>(fn: () => Promise<R>): Promise<R> {
    const result = this.tail.then(fn);
    this.tail = result.then(() => undefined, () => undefined);
    return result;
  }
}

export class SqliteStore implements Store {
  readonly engine = 'sqlite' as const;
  readonly atomicBatch = true;
  /** Marks the async context of a running batch: its own operations must not wait for the lock it holds. */
  private readonly inBatch = new AsyncLocalStorage<SqliteStore>();
  private savepoints = 0;
  readonly db: Database.Database;
  private readonly lock = new Mutex();
  private readonly stmts = new Map<string, Database.Statement>();
  /** Group commit: units (batches, transactions) waiting for the next shared transaction. */
  private readonly queue: Array<{ unit: () => Promise<unknown>; resolve: (v: unknown) => void; reject: (e: unknown) => void }> = [];
  private drainScheduled = false;

  constructor(opts: SqliteStoreOptions) {
    if (opts.file !== ':memory:') mkdirSync(dirname(opts.file), { recursive: true });
    this.db = new Database(opts.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    // Savepoints (every group-commit unit is one) keep their undo pages in memory, not in temp files.
    this.db.pragma('temp_store = MEMORY');
    migrate(this.db);
    // Keeps the planner's statistics fresh enough for the filtered lists (cheap when nothing changed).
    this.db.pragma('optimize=0x10002');
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  // ---- synchronous primitives, shared by plain calls and transactions ----

  private getSync<T extends Doc>(collection: string, id: string): T | null {
    const row = this.stmt(`SELECT doc FROM ${tableName(collection)} WHERE id = ?`).get(id) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private insertSync(collection: string, doc: Doc): boolean {
    const r = this.stmt(`INSERT INTO ${tableName(collection)} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO NOTHING`).run(doc.id, JSON.stringify(doc));
    return r.changes === 1;
  }

  private setSync(collection: string, doc: Doc): void {
    this.stmt(`INSERT INTO ${tableName(collection)} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`).run(doc.id, JSON.stringify(doc));
  }

  private updateSync(collection: string, id: string, update: Update, guard?: Filter): boolean {
    const params: Param[] = [];
    const sql = this.updateStatement(collection, id, update, guard, params);
    return this.stmt(sql).run(...params).changes === 1;
  }

  private updateAndGetSync<T extends Doc>(collection: string, id: string, update: Update, guard?: Filter): T | null {
    const params: Param[] = [];
    const sql = `${this.updateStatement(collection, id, update, guard, params)} RETURNING doc`;
    const row = this.stmt(sql).get(...params) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as T) : null;
  }

  private updateStatement(collection: string, id: string, update: Update, guard: Filter | undefined, params: Param[]): string {
    const expr = updateSql(update, params);
    params.push(id);
    const where = guard && Object.keys(guard).length ? ` AND ${whereSql(guard, params)}` : '';
    return `UPDATE ${tableName(collection)} SET doc = ${expr} WHERE id = ?${where}`;
  }

  private deleteSync(collection: string, id: string, guard?: Filter): boolean {
    const params: Param[] = [id];
    const where = guard && Object.keys(guard).length ? ` AND ${whereSql(guard, params)}` : '';
    return this.stmt(`DELETE FROM ${tableName(collection)} WHERE id = ?${where}`).run(...params).changes === 1;
  }

  // ---- the port ----

  /** Every operation holds the connection alone, except inside the batch that already holds it. */
  private exclusive<R>(fn: () => R): Promise<R> {
    if (this.inBatch.getStore() === this) return Promise.resolve().then(fn);
    return this.lock.run(async () => fn());
  }

  get<T extends Doc>(collection: string, id: string): Promise<T | null> {
    return this.exclusive(() => this.getSync<T>(collection, id));
  }

  insert<T extends Doc>(collection: string, doc: T): Promise<boolean> {
    return this.exclusive(() => this.insertSync(collection, doc));
  }

  set<T extends Doc>(collection: string, doc: T): Promise<void> {
    return this.exclusive(() => this.setSync(collection, doc));
  }

  update(collection: string, id: string, update: Update, guard?: Filter): Promise<boolean> {
    return this.exclusive(() => this.updateSync(collection, id, update, guard));
  }

  updateAndGet<T extends Doc>(collection: string, id: string, update: Update, guard?: Filter): Promise<T | null> {
    return this.exclusive(() => this.updateAndGetSync<T>(collection, id, update, guard));
  }

  delete(collection: string, id: string, guard?: Filter): Promise<boolean> {
    return this.exclusive(() => this.deleteSync(collection, id, guard));
  }

  find<T extends Doc>(collection: string, filter: Filter, options: QueryOptions = {}): Promise<T[]> {
    return this.exclusive(() => {
      const params: Param[] = [];
      let sql = `SELECT doc FROM ${tableName(collection)} WHERE ${whereSql(filter, params)}`;
      if (options.orderBy?.length) {
        sql += ' ORDER BY ' + options.orderBy.map(([f, d]) => {
          assertFieldPath(f);
          return `${f === 'id' ? 'id' : jsonExtract(f)} ${d === 'desc' ? 'DESC' : 'ASC'}`;
        }).join(', ');
      }
      sql += ' LIMIT ? OFFSET ?';
      params.push(Math.min(options.limit ?? MAX_QUERY_LIMIT, MAX_QUERY_LIMIT), options.offset ?? 0);
      return (this.stmt(sql).all(...params) as { doc: string }[]).map((r) => JSON.parse(r.doc) as T);
    });
  }

  count(collection: string, filter: Filter): Promise<number> {
    return this.exclusive(() => {
      const params: Param[] = [];
      const row = this.stmt(`SELECT count(*) AS n FROM ${tableName(collection)} WHERE ${whereSql(filter, params)}`).get(...params) as { n: number };
      return row.n;
    });
  }

  transaction<R>(fn: (tx: TxOps) => Promise<R>): Promise<R> {
    const tx: TxOps = {
      get: async <T extends Doc>(c: string, id: string) => this.getSync<T>(c, id),
      insert: async (c, doc) => {
        if (!this.insertSync(c, doc)) throw new DuplicateKeyError(c, doc.id);
      },
      set: async (c, doc) => this.setSync(c, doc),
      update: async (c, id, u) => {
        if (!this.updateSync(c, id, u)) throw new NotFoundInTxError(c, id);
      },
      delete: async (c, id) => {
        this.deleteSync(c, id);
      },
    };
    // Inside a batch the transaction becomes a savepoint of the batch's transaction.
    if (this.inBatch.getStore() === this) {
      const name = `sp${++this.savepoints}`;
      return this.within(`SAVEPOINT ${name}`, `RELEASE ${name}`, `ROLLBACK TO ${name}; RELEASE ${name}`, () => fn(tx));
    }
    return this.grouped(() => this.inBatch.run(this, () => fn(tx)));
  }

  batch<R>(fn: () => Promise<R>): Promise<R> {
    if (this.inBatch.getStore() === this) return fn();
    return this.grouped(() => this.inBatch.run(this, fn));
  }

  /**
   * Group commit: a unit waits for the next shared BEGIN IMMEDIATE … COMMIT, runs in its own
   * savepoint there (rolled back alone when it throws), and is answered only after the COMMIT —
   * so an ok answer is still durable, but one fsync serves every unit that queued meanwhile.
   */
  private grouped<R>(unit: () => Promise<R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ unit, resolve: resolve as (v: unknown) => void, reject });
      this.scheduleDrain();
    });
  }

  private scheduleDrain(): void {
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    // Let the requests already received reach the queue before the group starts.
    setImmediate(() => void this.lock.run(() => this.drain()));
  }

  private async drain(): Promise<void> {
    this.drainScheduled = false;
    type Waiter = { resolve: (v: unknown) => void; reject: (e: unknown) => void };
    const settled: Array<{ ok: boolean; value: unknown; u: Waiter }> = [];
    let n = 0;
    try {
      try {
        this.db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        // No write lock within busy_timeout (another process holds the file): fail the waiting
        // units rather than retry them forever, each attempt blocking the thread.
        for (const u of this.queue.splice(0, 256)) settled.push({ ok: false, value: e, u });
        throw e;
      }
      while (this.queue.length && n < 256) {
        const u = this.queue.shift()!;
        const sp = `g${++n}`;
        try {
          this.db.exec(`SAVEPOINT ${sp}`);
          const value = await u.unit();
          this.db.exec(`RELEASE ${sp}`);
          settled.push({ ok: true, value, u });
        } catch (e) {
          if (this.db.inTransaction) this.db.exec(`ROLLBACK TO ${sp}; RELEASE ${sp}`);
          settled.push({ ok: false, value: e, u });
        }
        // An error that aborted the whole transaction (disk full, I/O): nothing of this group holds.
        if (!this.db.inTransaction) throw new Error('SQLite transaction aborted');
      }
      this.db.exec('COMMIT');
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      for (const s of settled) if (s.ok) Object.assign(s, { ok: false, value: e });
    }
    for (const s of settled) (s.ok ? s.u.resolve(s.value) : s.u.reject(s.value));
    if (this.queue.length) this.scheduleDrain();
  }

  private async within<R>(begin: string, commit: string, rollback: string, fn: () => Promise<R>): Promise<R> {
    this.db.exec(begin);
    try {
      const result = await fn();
      this.db.exec(commit);
      return result;
    } catch (e) {
      if (this.db.inTransaction) this.db.exec(rollback);
      throw e;
    }
  }

  async close(): Promise<void> {
    await this.lock.run(async () => {
      if (this.db.open) this.db.close();
    });
  }
}

export function migrate(db: Database.Database, migrations: Migration[] = MIGRATIONS): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
    }).immediate();
    applied.push(m.version);
  }
  return applied;
}
