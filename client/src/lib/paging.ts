/** The most pages `everyPage` reads: 20 pages of 100 is more than any merchant's list a picker shows. */
const MAX_PAGES = 20;

/** Every item of a paged list action, page by page (a picker must not stop at the first page). */
export async function everyPage<T>(load: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const out: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { items, total } = await load(page);
    out.push(...items);
    if (!items.length || out.length >= total) break;
  }
  return out;
}
