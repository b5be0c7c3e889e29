import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import './form.scss';

interface Props {
  active: boolean;
  onClick: () => void;
  className?: string;
  /** `radio` or `checkbox` when the chips are one choice or a set; aria-checked follows `active`. */
  role?: 'radio' | 'checkbox';
  children: ReactNode;
}

/** A round chip, green when chosen; sits in a `form-chips` row. */
export function Chip({ active, onClick, className, role, children }: Props) {
  return (
    <View className={`form-chips__chip ${active ? 'form-chips__chip--active' : ''} ${className ?? ''}`} role={role} aria-checked={role ? active : undefined} onClick={onClick}>
      {children}
    </View>
  );
}
