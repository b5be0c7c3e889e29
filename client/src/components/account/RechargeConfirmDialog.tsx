import { Text, View } from '@tarojs/components';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import type { MerchantWithQuota } from '@shared/account/schema';
import { formatCount } from '@/lib/format';
import './account.scss';

interface Props {
  visible: boolean;
  merchant: MerchantWithQuota | undefined;
  amount: number | undefined;
  balanceAfter: number | undefined;
  submitting: boolean;
  networkFailed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Everything once more before money-like quota moves; retry after a network error keeps the request. */
export function RechargeConfirmDialog({ visible, merchant, amount, balanceAfter, submitting, networkFailed, onConfirm, onCancel }: Props) {
  const rows: Array<[string, string]> = merchant && amount !== undefined
    ? [
        ['商户', merchant.name],
        ['商户号', merchant.merchantId],
        ['充值配额', `${formatCount(amount)} 张`],
        ['当前余额', merchant.quota.opened ? `${formatCount(merchant.quota.balance)} 张` : '未开户（本次充值自动开户）'],
        ['充值后余额', `${formatCount(balanceAfter ?? 0)} 张`],
      ]
    : [];
  return (
    <Dialog
      visible={visible}
      title="请核对充值信息"
      closeOnOverlayClick={false}
      onCancel={onCancel}
      onClose={onCancel}
      footer={
        <View className="confirm-footer">
          <Button className="confirm-footer__btn" fill="outline" disabled={submitting} onClick={onCancel}>
            取消
          </Button>
          <Button className="confirm-footer__btn" type="primary" loading={submitting} onClick={onConfirm}>
            {networkFailed ? '重试' : '确认充值'}
          </Button>
        </View>
      }
    >
      <View className="confirm-rows">
        {rows.map(([k, v]) => (
          <View key={k} className="confirm-rows__row">
            <Text className="confirm-rows__key">{k}</Text>
            <Text className={`confirm-rows__value ${k === '充值后余额' ? 'confirm-rows__value--strong' : ''}`}>{v}</Text>
          </View>
        ))}
        {networkFailed ? (
          <Text className="confirm-rows__warn">网络异常，充值结果未知。点「重试」会沿用同一请求号，不会重复充值。</Text>
        ) : null}
      </View>
    </Dialog>
  );
}
