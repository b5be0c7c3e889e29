import { MAX_QUERY_LIMIT, type Doc, type Filter, type Store } from './port';

/**
 * Every document of `collection` whose `field` lies in [from, to) (and matching `filter`), page by
 * page in (field, id) order — keyset pagination along the range index, so each page reads about
 * one page of rows (ordering by id alone made every page sort the whole day: O(n²/1000)). Rows
 * sharing the boundary value are drained by id before moving past it.
 */
export async function* scanRange<T extends { id: string }>(store: Store, collection: string, filter: Filter, field: string, from: string | number, to: string | number): AsyncGenerator<T> {
  const valueOf = (d: T) => (d as unknown as Record<string, string | number>)[field]!;
  let range: Filter[string] = { gte: from, lt: to };
  for (;;) {
    const page: T[] = await store.find<T>(collection, { ...filter, [field]: range }, { orderBy: [[field, 'asc'], ['id', 'asc']], limit: MAX_QUERY_LIMIT });
    yield* page;
    if (page.length < MAX_QUERY_LIMIT) return;
    const last: T = page[page.length - 1]!;
    for (let after = last.id; ;) {
      const rest = await store.find<T>(collection, { ...filter, [field]: valueOf(last), id: { gt: after } }, { orderBy: [['id', 'asc']], limit: MAX_QUERY_LIMIT });
      yield* rest;
      if (rest.length < MAX_QUERY_LIMIT) break;
      after = rest[rest.length - 1]!.id;
    }
    range = { gt: valueOf(last), lt: to };
  }
}

/** Documents by id, however many: `in` queries of at most one page each (`MAX_QUERY_LIMIT`). */
export async function findByIds<T extends Doc>(store: Store, collection: string, ids: readonly string[]): Promise<T[]> {
  const unique = [...new Set(ids)];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += MAX_QUERY_LIMIT) chunks.push(unique.slice(i, i + MAX_QUERY_LIMIT));
  return (await Promise.all(chunks.map((chunk) => store.find<T>(collection, { id: { in: chunk } })))).flat();
}
