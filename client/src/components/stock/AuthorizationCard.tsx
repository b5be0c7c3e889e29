import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { TAG_TONES } from '@/lib/tagTones';
import type { Authorization } from '@shared/stock/schema';
import { formatShanghai } from '@shared/time';
import { StockRows } from './StockRows';
import './stock.scss';

/** One authorization as a card: the S14 columns, label beside value, readable on a phone. */
export function AuthorizationCard({ a }: { a: Authorization }) {
  return (
    <View className="auth-card">
      <View className="auth-card__head">
        <Text className="auth-card__name">{a.stockName || '—'}</Text>
        <Tag background={TAG_TONES.green.background} color={TAG_TONES.green.color} round>
          {a.statusLabel}
        </Tag>
      </View>
      <StockRows
        rows={[
          ['券批次号', a.stockId],
          ['券批次名', a.stockName || '—'],
          ['券类型', a.couponType],
          ['APPID', a.appid],
          ['APPID 类型', a.appidType],
          ['APPID 昵称', a.appidNickname || '—'],
          ['授权状态', a.statusLabel],
          ['授权时间', formatShanghai(a.authorizedAt, 'YYYY/MM/DD HH:mm:ss')],
        ]}
      />
    </View>
  );
}
