import type { EmptyProps } from '@nutui/nutui-react-taro';

type EmptyAction = NonNullable<EmptyProps['actions']>[number];

/**
 * An action button under a NutUI <Empty>. NutUI 3.0.20 types `onClick` as `() => () => void`
 * (a typo in its d.ts; the runtime just calls it), so adapt a plain handler here, once.
 */
export function emptyAction(text: string, onClick: () => void, type: EmptyAction['type'] = 'primary'): EmptyAction {
  return {
    text,
    type,
    onClick: () => {
      onClick();
      return () => undefined;
    },
  };
}
