import type { MerchantWithQuota } from '@shared/account/schema';
import { formatCount } from '@/lib/format';
import { ConfirmRowsDialog, type ConfirmRow } from '@/components/ConfirmRowsDialog';
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

const CLASSES = { rows: 'confirm-rows', footer: 'confirm-footer', cancel: 'confirm-footer__btn', confirm: 'confirm-footer__btn' };

/** Everything once more before money-like quota moves; retry after a network error keeps the request. */
export function RechargeConfirmDialog({ visible, merchant, amount, balanceAfter, ...rest }: Props) {
  const rows: ConfirmRow[] = merchant && amount !== undefined
    ? [
        ['商户', merchant.name],
        ['商户号', merchant.merchantId],
        ['充值配额', `${formatCount(amount)} 张`],
        ['当前余额', merchant.quota.opened ? `${formatCount(merchant.quota.balance)} 张` : '未开户（本次充值自动开户）'],
        ['充值后余额', `${formatCount(balanceAfter ?? 0)} 张`, true],
      ]
    : [];
  return (
    <ConfirmRowsDialog
      {...rest}
      visible={visible}
      title="请核对充值信息"
      rows={rows}
      confirmText="确认充值"
      warning="网络异常，充值结果未知。点「重试」会沿用同一请求号，不会重复充值。"
      classes={CLASSES}
    />
  );
}
