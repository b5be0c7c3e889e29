import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import './form.scss';

interface Store {
  storeId: string;
  name: string;
  address: string;
}

interface Props<S extends Store> {
  stores: readonly S[];
  selected: readonly string[];
  onToggle: (storeId: string) => void;
  className?: string;
  itemClassName?: string;
  /** Right of a store's name and address, such as its distance. */
  aside?: (store: S) => ReactNode;
  /** Above the rows: why there are none yet (loading, failed, no stores). */
  children?: ReactNode;
}

/** Stores to tick, one full-width row each with its name and address. */
export function StoreChecklist<S extends Store>({ stores, selected, onToggle, className, itemClassName, aside, children }: Props<S>) {
  return (
    <View className={`form-stores ${className ?? ''}`}>
      {children}
      {stores.map((s) => {
        const on = selected.includes(s.storeId);
        return (
          <View key={s.storeId} className={`form-stores__item ${itemClassName ?? ''}`} role="checkbox" aria-checked={on} onClick={() => onToggle(s.storeId)}>
            <View className={`form-check ${on ? 'form-check--on' : ''}`} />
            <View className="form-stores__text">
              <Text className="form-stores__name">{s.name}</Text>
              <Text className="form-stores__addr">{s.address}</Text>
            </View>
            {aside?.(s)}
          </View>
        );
      })}
    </View>
  );
}
