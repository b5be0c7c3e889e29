import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import type { RedeemPayload } from '@/hooks/useRedeem';
import { formatYuan } from '@/lib/format';
import { couponCodeText } from './walletText';
import './wallet.scss';

interface Props {
  payload: RedeemPayload | undefined;
  storeName: string;
  submitting: boolean;
  networkFailed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Everything once more before the coupon is spent; 重试 after a network error sends the same order. */
export function RedeemConfirmDialog({ payload, storeName, submitting, networkFailed, onConfirm, onCancel }: Props) {
  const rows: Array<[string, string]> = payload
    ? [
        ['门店', storeName],
        ['券码', couponCodeText(payload.couponCode)],
        ['订单号', payload.orderId],
        ['订单金额', `${formatYuan(payload.orderAmount)} 元`],
        ...(payload.goods ?? []).map((g): [string, string] => [`商品 ${g.code}`, `${formatYuan(g.amount)} 元`]),
      ]
    : [];
  return (
    <Dialog
      visible={!!payload}
      title="确认核销"
      closeOnOverlayClick={false}
      onCancel={onCancel}
      onClose={onCancel}
      footer={
        <View className="redeem-confirm__footer">
          <Button className="redeem-confirm__btn" fill="outline" disabled={submitting} onClick={onCancel}>
            取消
          </Button>
          <Button className="redeem-confirm__btn redeem-confirm__ok" type="primary" loading={submitting} onClick={onConfirm}>
            {networkFailed ? '重试' : '确认核销'}
          </Button>
        </View>
      }
    >
      <View className="redeem-confirm">
        {rows.map(([k, v]) => (
          <View key={k} className="redeem-confirm__row">
            <Text className="redeem-confirm__key">{k}</Text>
            <Text className="redeem-confirm__value">{v}</Text>
          </View>
        ))}
        {networkFailed ? (
          <Text className="redeem-confirm__warn">网络异常，核销结果未知。点「重试」沿用同一订单号，不会重复核销。</Text>
        ) : null}
      </View>
    </Dialog>
  );
}
