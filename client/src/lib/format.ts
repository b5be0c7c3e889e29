import type { MerchantWithQuota } from '@shared/account/schema';
import { fenToYuan } from '@shared/money';
import { formatDate, formatDateTime } from '@shared/time';

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

/** Fen as 元 with grouping and two decimals: 123456789 → "1,234,567.89". */
export function formatYuan(fen: number): string {
  const [whole = '0', cents = '00'] = fenToYuan(fen).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${formatCount(Math.abs(Number(whole)))}.${cents}`;
}

export const formatDay = (iso: string): string => formatDate(iso);

/** A validity window, in Shanghai time: "2026-11-22 10:30 至 2026-12-22 10:30". */
export const formatRange = (begin: string, end: string): string => `${formatDateTime(begin)} 至 ${formatDateTime(end)}`;
