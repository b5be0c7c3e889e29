import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import './PagedList.scss';

/** What `usePagedList` gives a page to page on. */
interface Paging {
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => Promise<void>;
}

/** 加载更多, while the server has more than the list shows. */
export function LoadMore({ paging }: { paging: Paging }) {
  if (!paging.hasMore) return null;
  return (
    <Button className="paged-list__more" block fill="outline" loading={paging.loadingMore} onClick={() => void paging.loadMore()}>
      加载更多
    </Button>
  );
}

interface Props<T> {
  items: readonly T[];
  /** The 共 N … line above the items. */
  count: string;
  /** One item, with its key. */
  render: (item: T) => ReactNode;
  paging: Paging;
  /** Shown instead when there are no items. */
  empty: ReactNode;
}

/** A paged list's body: its count, its items and 加载更多, or the empty state. */
export function PagedList<T>({ items, count, render, paging, empty }: Props<T>) {
  if (!items.length) return <>{empty}</>;
  return (
    <>
      <View className="paged-list__count">{count}</View>
      {items.map(render)}
      <LoadMore paging={paging} />
    </>
  );
}
