import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { TAG_TONES } from '@/lib/tagTones';
import { Location } from '@nutui/icons-react-taro';
import type { StoreInfo } from '@shared/account/schema';
import { EmptyState } from '@/components/EmptyState';
import './account.scss';

/** Stores with address and coordinates (A5); the member's own stores tagged. */
export function StoreList({ stores, isMine }: { stores: readonly StoreInfo[]; isMine: (s: StoreInfo) => boolean }) {
  if (!stores.length) return <EmptyState title="暂无门店" description="该商户还没有登记门店" />;
  return (
    <View>
      {stores.map((s) => (
        <View key={s.storeId} className="store-card">
          <View className="store-card__title">
            <Text className="store-card__name">{s.name}</Text>
            {isMine(s) ? <Tag background={TAG_TONES.green.background} color={TAG_TONES.green.color} round>我的门店</Tag> : null}
          </View>
          <View className="store-card__row">
            <Location size={14} color="#8c8c8c" />
            <Text className="store-card__address">{s.address}</Text>
          </View>
          <Text className="store-card__coords">
            纬度 {s.lat.toFixed(6)} · 经度 {s.lng.toFixed(6)}
          </Text>
        </View>
      ))}
    </View>
  );
}
