import { Text, View } from '@tarojs/components';
import './wallet.scss';

export interface StoreOption {
  storeId: string;
  name: string;
  address: string;
}

/** The stores the staff member works at, as big chips; the picked one's address below. */
export function StorePicker({ stores, value, onPick }: { stores: readonly StoreOption[]; value: string | undefined; onPick: (id: string) => void }) {
  const picked = stores.find((s) => s.storeId === value);
  return (
    <View className="store-picker">
      <View className="store-picker__chips" role="radiogroup">
        {stores.map((s) => (
          <View
            key={s.storeId}
            role="radio"
            aria-checked={s.storeId === value}
            className={`store-picker__chip ${s.storeId === value ? 'store-picker__chip--active' : ''}`}
            onClick={() => onPick(s.storeId)}
          >
            {s.name}
          </View>
        ))}
      </View>
      {picked?.address ? <Text className="store-picker__address">{picked.address}</Text> : null}
    </View>
  );
}
