import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Button, Loading } from '@nutui/nutui-react-taro';
import type { CloudError } from '@/services/cloud';
import { EmptyState } from './EmptyState';
import { emptyAction } from './emptyAction';
import './LoadState.scss';

interface Props {
  loading: boolean;
  error: CloudError | undefined;
  onRetry?: () => void;
  /** Shown when loading is over without error; loading wins only while there is nothing to show yet. */
  children?: ReactNode;
  hasData: boolean;
}

/** The three states of anything loaded: spinner, error with retry, content. */
export function LoadState({ loading, error, onRetry, children, hasData }: Props) {
  if (error && !hasData) {
    return (
      <EmptyState
        className="load-state__empty"
        status={error.isNetwork ? 'network' : 'error'}
        title={error.isNetwork ? '网络开小差了' : '加载失败'}
        description={error.message}
        actions={onRetry ? [emptyAction('重新加载', onRetry)] : []}
      />
    );
  }
  if (loading && !hasData) {
    return (
      <View className="load-state__loading">
        <Loading type="circular" direction="vertical">加载中…</Loading>
      </View>
    );
  }
  return <>{children}</>;
}

/** A retry button row for errors shown above existing data. */
export function InlineRetry({ error, onRetry }: { error: CloudError | undefined; onRetry: () => void }) {
  if (!error) return null;
  return (
    <View className="load-state__inline">
      <View className="load-state__inline-text">{error.message}</View>
      <Button size="small" fill="outline" type="primary" onClick={onRetry}>重试</Button>
    </View>
  );
}
