import { View } from '@tarojs/components';
import './StatusTabs.scss';

/** 全部 and one tab per status, for a list filtered by status (stocks, campaigns). */
export function StatusTabs<S extends string>({ labels, value, onChange }: {
  /** The statuses in order, with their labels. */
  labels: ReadonlyArray<readonly [S, string]>;
  value: S | undefined;
  onChange: (s: S | undefined) => void;
}) {
  const tabs: ReadonlyArray<readonly [S | undefined, string]> = [[undefined, '全部'], ...labels];
  return (
    <View className="status-tabs" role="tablist">
      {tabs.map(([s, label]) => (
        <View
          key={label}
          role="tab"
          aria-selected={s === value}
          className={`status-tabs__item ${s === value ? 'status-tabs__item--active' : ''}`}
          onClick={() => onChange(s)}
        >
          {label}
        </View>
      ))}
    </View>
  );
}
