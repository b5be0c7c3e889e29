import { useEffect, useRef, useState } from 'react';
import { showError } from '@/components/feedback';
import { useRemote } from './useRemote';

/**
 * A list read a page at a time: page 1 through `useRemote` (again whenever `key` changes), later
 * pages appended by `loadMore`. Items are kept once by `idOf`: a row added while paging shifts the
 * next page back onto one already shown.
 */
export function usePagedList<P extends { total: number }, T>(
  key: string | null,
  loadPage: (page: number) => Promise<P>,
  itemsOf: (page: P) => readonly T[],
  idOf: (item: T) => string,
) {
  const first = useRemote(key, () => loadPage(1));
  const [more, setMore] = useState<T[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  // The list a page in flight was asked for: a tab changed meanwhile must not receive it.
  const current = useRef(key);
  current.current = key;

  // A new first page invalidates whatever was appended to the old one.
  useEffect(() => {
    setMore([]);
    setPage(1);
  }, [first.data]);

  const seen = new Set<string>();
  const items = [...(first.data ? itemsOf(first.data) : []), ...more].filter((item) => {
    const id = idOf(item);
    return seen.has(id) ? false : (seen.add(id), true);
  });
  const total = first.data?.total ?? 0;

  return {
    remote: first,
    items,
    total,
    hasMore: items.length < total,
    loadingMore,
    loadMore: async () => {
      if (!key || loadingMore) return;
      setLoadingMore(true);
      const asked = key;
      try {
        const next = await loadPage(page + 1);
        if (current.current !== asked) return;
        setMore((m) => [...m, ...itemsOf(next)]);
        setPage(page + 1);
      } catch (e) {
        if (current.current === asked) showError(e);
      } finally {
        setLoadingMore(false);
      }
    },
  };
}
