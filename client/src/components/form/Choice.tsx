import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './form.scss';

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
    <View className={`form-choices__item ${active ? 'form-choices__item--active' : ''} ${disabled ? 'form-choices__item--disabled' : ''} ${className ?? ''}`}>
      <View
        className="form-choices__row"
        role="radio"
        aria-checked={active}
        aria-disabled={disabled}
        onClick={() => {
          if (!active && !disabled) onSelect();
        }}
      >
        <View className={`form-radio ${active ? 'form-radio--on' : ''} ${disabled ? 'form-radio--off' : ''}`} />
        <View className="form-choices__text">
          <Text className="form-choices__title">{title}</Text>
          {desc ? <Text className="form-choices__desc">{desc}</Text> : null}
        </View>
      </View>
      {active && children ? <View className="form-choices__body">{children}</View> : null}
    </View>
  );
}
