import type { ComponentProps } from 'react';
import { Empty } from '@nutui/nutui-react-taro';
import { NetworkError, Order, Tips } from '@nutui/icons-react-taro';

type Props = Omit<ComponentProps<typeof Empty>, 'image'>;

/**
 * NutUI <Empty> with bundled icons: its default pictures are hot-linked from a JD CDN, which a
 * merchant's phone may not reach (and a mini-program should not depend on).
 */
export function EmptyState({ status = 'empty', size, ...rest }: Props) {
  const px = size === 'small' ? 40 : 56;
  const color = status === 'empty' ? '#c8cdd3' : '#ff9500';
  const image = status === 'network' ? <NetworkError size={px} color={color} /> : status === 'error' ? <Tips size={px} color={color} /> : <Order size={px} color={color} />;
  return <Empty {...rest} status={status} size={size} image={image} imageSize={px} />;
}
