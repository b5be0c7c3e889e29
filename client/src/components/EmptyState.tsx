import type { ComponentProps } from 'react';
import { Text, View } from '@tarojs/components';
import { Empty } from '@nutui/nutui-react-taro';
import './EmptyState.scss';

type Props = Omit<ComponentProps<typeof Empty>, 'image' | 'imageSize'>;

/**
 * NutUI <Empty> with a picture drawn by CSS: its default pictures are hot-linked from a JD CDN,
 * which a merchant's phone may not reach, and the icon font's SVGs drew 0×0 inside it.
 */
export function EmptyState({ status = 'empty', size = 'base', className, ...rest }: Props) {
  const art = (
    <View className={`empty-state__art empty-state__art--${status}`}>
      {status === 'empty' ? <View className="empty-state__slip" /> : <Text className="empty-state__mark">!</Text>}
    </View>
  );
  return <Empty {...rest} status={status} size={size} image={art} className={`empty-state empty-state--${size} ${className ?? ''}`} />;
}
