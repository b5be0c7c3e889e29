import type { RedeemPayload } from '@/hooks/useRedeem';
import { formatYuan } from '@/lib/format';
import { ConfirmRowsDialog, type ConfirmRow } from '@/components/ConfirmRowsDialog';
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

const CLASSES = { rows: 'redeem-confirm', footer: 'redeem-confirm__footer', cancel: 'redeem-confirm__btn', confirm: 'redeem-confirm__btn redeem-confirm__ok' };

/** Everything once more before the coupon is spent; 重试 after a network error sends the same order. */
export function RedeemConfirmDialog({ payload, storeName, ...rest }: Props) {
  const rows: ConfirmRow[] = payload
    ? [
        ['门店', storeName],
        ['券码', couponCodeText(payload.couponCode)],
        ['订单号', payload.orderId],
        ['订单金额', `${formatYuan(payload.orderAmount)} 元`],
        ...(payload.goods ?? []).map((g): ConfirmRow => [`商品 ${g.code}`, `${formatYuan(g.amount)} 元`]),
      ]
    : [];
  return (
    <ConfirmRowsDialog
      {...rest}
      visible={!!payload}
      title="确认核销"
      rows={rows}
      confirmText="确认核销"
      warning="网络异常，核销结果未知。点「重试」沿用同一订单号，不会重复核销。"
      classes={CLASSES}
    />
  );
}
