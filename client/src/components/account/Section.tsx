import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './account.scss';

/** A titled block of a page. */
export function Section({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className="section">
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {extra ? <View className="section__extra">{extra}</View> : null}
      </View>
      {children}
    </View>
  );
}
