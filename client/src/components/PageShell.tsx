import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import { Toast } from '@nutui/nutui-react-taro';
import { TOAST_ID } from './feedback';
import './PageShell.scss';

/** The frame of every page: background, padding, and the toast that `showError` targets. */
export function PageShell({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <View className={`page-shell ${className ?? ''}`}>
      {children}
      <Toast id={TOAST_ID} />
    </View>
  );
}
