import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './BottomBar.scss';

/** The page's main action, fixed above the phone's home indicator; give the page `PageShell withBar`. */
export function BottomBar({ children }: { children: ReactNode }) {
  return <View className="bottom-bar">{children}</View>;
}
