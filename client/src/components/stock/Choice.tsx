import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './stock.scss';

interface Props {
  active: boolean;
  disabled?: boolean;
  title: ReactNode;
  desc?: ReactNode;
  onSelect: () => void;
  /** Shown under the title while this choice is the active one (its own small form). */
  children?: ReactNode;
  className?: string;
}

/** One big radio card: the whole title row is the target; its sub-form opens under it. */
export function Choice({ active, disabled, title, desc, onSelect, children, className }: Props) {
  return (
    <View className={`stock-choices__item ${active ? 'stock-choices__item--active' : ''} ${disabled ? 'stock-choices__item--disabled' : ''} ${className ?? ''}`}>
      <View
        className="stock-choices__row"
        role="radio"
        aria-checked={active}
        aria-disabled={disabled}
        onClick={() => {
          if (!active && !disabled) onSelect();
        }}
      >
        <View className={`stock-radio ${active ? 'stock-radio--on' : ''} ${disabled ? 'stock-radio--off' : ''}`} />
        <View className="stock-choices__text">
          <Text className="stock-choices__title">{title}</Text>
          {desc ? <Text className="stock-choices__desc">{desc}</Text> : null}
        </View>
      </View>
      {active && children ? <View className="stock-choices__body">{children}</View> : null}
    </View>
  );
}
