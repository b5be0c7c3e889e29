import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Toast } from '@nutui/nutui-react-taro';
import { TOAST_ID } from './feedback';
import './PageShell.scss';

/**
 * The frame of every page: background, padding, and the toast that `showError` targets. `withBar`
 * leaves room at the end for a `BottomBar`.
 */
export function PageShell({ children, className, withBar }: { children: ReactNode; className?: string; withBar?: boolean }) {
  return (
    <View className={`page-shell ${withBar ? 'page-shell--with-bar' : ''} ${className ?? ''}`}>
      {children}
      <Toast id={TOAST_ID} />
    </View>
  );
}
