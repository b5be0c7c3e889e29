import { CloudbaseStore } from '../../src/store/cloudbase/cloudbase.store';
import { TransactionConflictError } from '../../src/store/port';
import { startTcbStub, type RecordedRequest, type TcbStub } from '../support/tcb-stub';
import { CONTRACT_COLLECTIONS, describeStoreContract } from './store.contract';

// Outside Tencent Cloud the SDK probes http://metadata.tencentyun.com (30 ms timeout) twice per call
// and never caches a failure; this flag tells it where it is. With `serviceUrl` set it changes nothing else.
process.env.TENCENTCLOUD = 'true';

let stub: TcbStub;
beforeAll(async () => {
  stub = await startTcbStub();
});
afterAll(async () => {
  await stub.close();
});

const connect = () => new CloudbaseStore({ env: 'stub-env', serviceUrl: stub.url, secretId: 'stub-id', secretKey: 'stub-key', timeout: 5000 });

describeStoreContract('cloudbase (real SDK against the local TCB stub)', async () => ({ store: connect(), cleanup: async () => undefined }));

describe('CloudbaseStore: what the SDK sends', () => {
  const C = CONTRACT_COLLECTIONS.main;
  let store: CloudbaseStore;
  const actions = () => stub.requests.map((r) => r.action);
  const only = (): RecordedRequest => {
    expect(stub.requests).toHaveLength(1);
    return stub.requests[0] as RecordedRequest;
  };

  beforeEach(async () => {
    stub.reset();
    store = connect();
    await store.insert(C, { id: 'stock', remaining: 2, status: 'open' });
    stub.requests.length = 0;
  });

  it('a guarded update is ONE modifyDocument: the _id and the guard in the query, $inc and $set in the data', async () => {
    expect(await store.update(C, 'stock', { inc: { remaining: -1 }, set: { 'last.by': 'u1' } }, { remaining: { gte: 1 }, status: 'open' })).toBe(true);
    const req = only();
    expect(req.action).toBe('database.modifyDocument');
    expect(req.params).toMatchObject({
      collectionName: C,
      queryType: 'WHERE',
      query: { _id: 'stock', remaining: { $gte: 1 }, status: 'open' },
      data: { $inc: { remaining: -1 }, $set: { 'last.by': 'u1' } },
      merge: true,
      upsert: false,
    });
    expect(req.params.transactionId).toBeUndefined();
    expect(stub.peek(C, 'stock')).toEqual({ _id: 'stock', id: 'stock', remaining: 1, status: 'open', last: { by: 'u1' } });
  });

  it('several conditions on one field travel as $and', async () => {
    await store.update(C, 'stock', { inc: { remaining: -1 } }, { remaining: { gte: 1, lt: 10 } });
    expect(only().params.query).toEqual({ _id: 'stock', $and: [{ remaining: { $gte: 1 } }, { remaining: { $lt: 10 } }] });
  });

  it('insert sends insertDocument with the id as _id; a taken id answers false', async () => {
    expect(await store.insert(C, { id: 'fresh', n: 1 })).toBe(true);
    expect(only()).toEqual({ action: 'database.insertDocument', params: expect.objectContaining({ collectionName: C, data: [{ id: 'fresh', n: 1, _id: 'fresh' }] }) });
    expect(await store.insert(C, { id: 'fresh', n: 2 })).toBe(false);
    expect(stub.peek(C, 'fresh')).toEqual({ _id: 'fresh', id: 'fresh', n: 1 });
  });

  it('get, set and delete address the document by _id', async () => {
    expect(await store.get(C, 'stock')).toEqual({ id: 'stock', remaining: 2, status: 'open' });
    await store.set(C, { id: 'stock', remaining: 9 });
    expect(await store.delete(C, 'stock')).toBe(true);
    expect(stub.requests.map((r) => [r.action, r.params.queryType, r.params.query])).toEqual([
      ['database.getDocument', 'DOC', { _id: 'stock' }],
      ['database.modifyDocument', 'DOC', { _id: 'stock' }],
      ['database.removeDocument', 'DOC', { _id: 'stock' }],
    ]);
    expect(stub.requests[1]?.params).toMatchObject({ data: { id: 'stock', remaining: 9 }, merge: false, upsert: true });
  });

  it('find sends the filter, order (id as _id), offset and a limit capped at 1000', async () => {
    await store.find(C, { status: { in: ['open', 'paused'] }, remaining: { ne: 0 } }, { orderBy: [['remaining', 'desc'], ['id', 'asc']], offset: 3, limit: 5000 });
    expect(only()).toEqual({
      action: 'database.getDocument',
      params: expect.objectContaining({
        queryType: 'WHERE',
        query: { status: { $in: ['open', 'paused'] }, remaining: { $ne: 0 } },
        order: { remaining: -1, _id: 1 },
        offset: 3,
        limit: 1000,
      }),
    });
    stub.requests.length = 0;
    await store.count(C, { status: 'open' });
    expect(only()).toEqual({ action: 'database.calculateDocument', params: expect.objectContaining({ query: { status: 'open' } }) });
  });

  it('an injected updated: 0 makes update() answer false and leaves the document unchanged', async () => {
    stub.injectOnce('database.modifyDocument', { updated: 0 });
    expect(await store.update(C, 'stock', { inc: { remaining: -1 } }, { remaining: { gte: 1 } })).toBe(false);
    expect(actions()).toEqual(['database.modifyDocument']);
    expect(stub.peek(C, 'stock')).toMatchObject({ remaining: 2 });
  });

  it('a no-op set (updated: 0) is confirmed with one count on the guard and the values', async () => {
    expect(await store.update(C, 'stock', { set: { status: 'open' } }, { remaining: 2 })).toBe(true);
    expect(actions()).toEqual(['database.modifyDocument', 'database.calculateDocument']);
    expect(stub.requests[1]?.params.query).toEqual({ _id: 'stock', remaining: 2, status: { $eq: 'open' } });
  });

  it('a transaction sends start, single-document operations carrying its id, then commit', async () => {
    await store.transaction(async (tx) => {
      await tx.get(C, 'stock');
      await tx.insert(C, { id: 'claim-1', by: 'u1' });
      await tx.update(C, 'stock', { inc: { remaining: -1 } });
      await tx.set(C, { id: 'log-1', note: 'x' });
      await tx.delete(C, 'log-1');
    });
    expect(actions()).toEqual([
      'database.startTransaction',
      'database.getDocument',
      'database.insertDocument',
      'database.modifyDocument',
      'database.modifyDocument',
      'database.removeDocument',
      'database.commitTransaction',
    ]);
    const ops = stub.requests.slice(1, -1);
    const txId = stub.requests.at(-1)?.params.transactionId;
    expect(txId).toEqual(expect.any(String));
    for (const op of ops) expect(op.params.transactionId).toBe(txId);
    // No `where` inside a transaction: every operation addresses one document by _id.
    for (const op of ops.filter((o) => o.action !== 'database.insertDocument')) {
      expect(op.params).toMatchObject({ queryType: 'DOC', query: { _id: expect.any(String) } });
    }
    expect(stub.peek(C, 'stock')).toMatchObject({ remaining: 1 });
    expect(stub.peek(C, 'claim-1')).toEqual({ _id: 'claim-1', id: 'claim-1', by: 'u1' });
  });

  it('a throwing transaction sends abort, never commit, and writes nothing', async () => {
    await expect(store.transaction(async (tx) => {
      await tx.update(C, 'stock', { inc: { remaining: -1 } });
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(actions()).toEqual(['database.startTransaction', 'database.modifyDocument', 'database.abortTransaction']);
    expect(stub.peek(C, 'stock')).toMatchObject({ remaining: 2 });
  });

  it('a commit refused with DATABASE_TRANSACTION_CONFLICT surfaces as TransactionConflictError, nothing applied', async () => {
    stub.injectOnce('database.commitTransaction', { error: { code: 'DATABASE_TRANSACTION_CONFLICT', message: 'write conflict' } });
    const err = await store.transaction(async (tx) => tx.update(C, 'stock', { inc: { remaining: -1 } })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionConflictError);
    expect((err as Error).cause).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(stub.peek(C, 'stock')).toMatchObject({ remaining: 2 });
  });

  it('a concurrent write to a document of the transaction makes the commit conflict (snapshot reads)', async () => {
    const other = connect();
    const err = await store.transaction(async (tx) => {
      expect(await tx.get(C, 'stock')).toMatchObject({ remaining: 2 });
      expect(await other.update(C, 'stock', { inc: { remaining: -2 } })).toBe(true);
      expect(await tx.get(C, 'stock')).toMatchObject({ remaining: 2 }); // still the snapshot
      await tx.update(C, 'stock', { inc: { remaining: -1 } });
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionConflictError);
    expect(stub.peek(C, 'stock')).toMatchObject({ remaining: 0 });
  });

  it('a duplicate insert inside a transaction dooms it even when fn swallows the error', async () => {
    const err = await store.transaction(async (tx) => {
      await tx.insert(C, { id: 'new-one' });
      await tx.insert(C, { id: 'stock' }).catch(() => undefined);
      return 'done';
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'DuplicateKeyError', id: 'stock' });
    expect(actions().at(-1)).toBe('database.abortTransaction');
    expect(stub.peek(C, 'new-one')).toBeUndefined();
  });

  it('fromEnv reads TCB_ENV, the secrets and TCB_SERVICE_URL', async () => {
    const fromEnv = CloudbaseStore.fromEnv({ TCB_ENV: 'env-from-vars', TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', TCB_SERVICE_URL: stub.url });
    expect(await fromEnv.get(C, 'stock')).toMatchObject({ remaining: 2 });
    expect(only().params.envName).toBe('env-from-vars');
    expect(() => CloudbaseStore.fromEnv({})).toThrow('TCB_ENV');
  });
});
