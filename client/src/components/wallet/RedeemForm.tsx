import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Scan } from '@nutui/icons-react-taro';
import type { Issue } from '@shared/result';
import type { GoodsLineDraft } from '@/hooks/useRedeem';
import { GoodsLines } from './GoodsLines';
import { RedeemField } from './RedeemField';
import { StorePicker, type StoreOption } from './StorePicker';
import './wallet.scss';

export interface RedeemFormProps {
  stores: readonly StoreOption[];
  storeId: string | undefined;
  onPickStore: (id: string) => void;
  codeText: string;
  onCode: (t: string) => void;
  canScan: boolean;
  onScan: () => void;
  amountText: string;
  onAmount: (t: string) => void;
  orderId: string;
  onOrderId: (t: string) => void;
  onNewOrderId: () => void;
  goods: readonly GoodsLineDraft[];
  onAddGoods: () => void;
  onRemoveGoods: (key: string) => void;
  onChangeGoods: (key: string, patch: { code?: string; amountText?: string }) => void;
  issue: (path: string) => Issue | undefined;
  /** The preview is on its way: 核销 shows it and ignores another tap. */
  submitting: boolean;
  onSubmit: () => void;
}

/** The till: store, 券码 (typed or scanned), 订单金额 in 元, order number, optional goods lines. */
export function RedeemForm(p: RedeemFormProps) {
  return (
    <View className="redeem-form">
      <View className="redeem-card">
        <Text className="redeem-card__title">核销门店</Text>
        <StorePicker stores={p.stores} value={p.storeId} onPick={p.onPickStore} />
        <View className="redeem-card__error">{p.issue('storeId') ? <Text>{p.issue('storeId')?.message}</Text> : null}</View>
      </View>

      <View className="redeem-card">
        <RedeemField
          name="couponCode"
          label="券码"
          issue={p.issue('couponCode')}
          extra={
            <Button className="redeem-scan" size="small" fill="outline" type="primary" disabled={!p.canScan} icon={<Scan size={14} />} onClick={p.onScan}>
              扫码
            </Button>
          }
        >
          <Input className="redeem-code-input" type="number" placeholder="12 位券码" value={p.codeText} maxLength={12} clearable onChange={p.onCode} />
        </RedeemField>
        {p.canScan ? null : <Text className="redeem-note">扫码仅在微信小程序中可用，网页版请手动输入顾客卡包中的券码</Text>}

        <RedeemField name="orderAmount" label="订单金额" issue={p.issue('orderAmount')} extra={<Text className="redeem-field__unit">元</Text>}>
          <Input className="redeem-amount-input" type="digit" placeholder="如 128.50" value={p.amountText} clearable onChange={p.onAmount} />
        </RedeemField>

        <RedeemField
          name="orderId"
          label="订单号"
          issue={p.issue('orderId')}
          extra={
            <Button className="redeem-regen" size="small" fill="none" onClick={p.onNewOrderId}>
              重新生成
            </Button>
          }
        >
          <Input className="redeem-order-input" placeholder="收银系统的订单号" value={p.orderId} maxLength={64} onChange={p.onOrderId} />
        </RedeemField>
        <Text className="redeem-note">同一订单号重复提交只核销一次；可改为收银系统的订单号</Text>
      </View>

      <View className="redeem-card">
        <GoodsLines lines={p.goods} issue={p.issue} onAdd={p.onAddGoods} onRemove={p.onRemoveGoods} onChange={p.onChangeGoods} />
      </View>

      <Button className="redeem-submit" block size="large" type="primary" loading={p.submitting} onClick={p.onSubmit}>
        核销
      </Button>
    </View>
  );
}
