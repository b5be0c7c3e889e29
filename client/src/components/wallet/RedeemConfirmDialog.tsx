import type { RedeemConfirming } from '@/hooks/useRedeem';
import { formatYuan } from '@/lib/format';
import { ConfirmRowsDialog, type ConfirmRow } from '@/components/ConfirmRowsDialog';
import { couponCodeText } from './walletText';
import './wallet.scss';

interface Props {
  confirming: RedeemConfirming | undefined;
  submitting: boolean;
  networkFailed: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

const CLASSES = { rows: 'redeem-confirm', footer: 'redeem-confirm__footer', cancel: 'redeem-confirm__btn', confirm: 'redeem-confirm__btn redeem-confirm__ok' };

const yuan = (fen: number) => `${formatYuan(fen)} 元`;

/**
 * The coupon's terms and the server's figures for this order (from wallet.preview) before the
 * coupon is spent; 重试 after a network error sends the same order.
 */
export function RedeemConfirmDialog({ confirming, ...rest }: Props) {
  const rows: ConfirmRow[] = [];
  if (confirming) {
    const { payload, preview: p, storeName } = confirming;
    if (p.replayed) rows.push(['注意', '此订单已核销过这张券，确认不会再次扣券', true]);
    rows.push(
      ['券名称', p.couponName],
      ['优惠规则', p.summary],
      ['门店', storeName],
      ['券码', couponCodeText(payload.couponCode)],
      ['订单号', payload.orderId],
      ['订单金额', yuan(p.orderAmount)],
      // A replayed order shows the redemption's own figures, not what was typed this time.
      ...(p.replayed ? [] : (payload.goods ?? []).map((g): ConfirmRow => [`商品 ${g.code}`, yuan(g.amount)])),
      ...(p.eligibleAmount !== p.orderAmount ? [['参与优惠金额', yuan(p.eligibleAmount)] as ConfirmRow] : []),
      ['优惠', `−${yuan(p.discount)}`, true],
      ['实付', yuan(p.payable), true],
    );
  }
  return (
    <ConfirmRowsDialog
      {...rest}
      visible={!!confirming}
      title="确认核销"
      rows={rows}
      confirmText="确认核销"
      warning="网络异常，核销结果未知。点「重试」沿用同一订单号，不会重复核销。"
      classes={CLASSES}
    />
  );
}
