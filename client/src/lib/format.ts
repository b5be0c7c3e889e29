import type { MerchantWithQuota } from '@shared/account/schema';
import { formatDateTime } from '@shared/time';

/** 1234567 → "1,234,567". Hand-rolled: toLocaleString grouping is not reliable in mini-program JS engines. */
export function formatCount(n: number): string {
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(Math.trunc(n))).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A signed ledger delta: +1,000 / -1. */
export function formatDelta(n: number): string {
  return n > 0 ? `+${formatCount(n)}` : formatCount(n);
}

export const formatTime = (iso: string): string => formatDateTime(iso);

export const MERCHANT_KIND_LABELS: Record<MerchantWithQuota['kind'], string> = {
  SERVICE_PROVIDER: '服务商',
  SUB_MERCHANT: '特约商户',
};
