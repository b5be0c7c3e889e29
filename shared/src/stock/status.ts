import type { StockState, StockStatus } from './schema';
import { STOCK_STATUS_LABELS } from './schema';

/** S13: UNACTIVATED → RUNNING ↔ PAUSED → STOPPED (final); EXPIRED once availableEnd has passed. */
export const STOCK_TRANSITIONS = {
  activate: { from: ['UNACTIVATED'], to: 'RUNNING', label: '激活' },
  pause: { from: ['RUNNING'], to: 'PAUSED', label: '暂停' },
  restart: { from: ['PAUSED'], to: 'RUNNING', label: '重启' },
  stop: { from: ['RUNNING', 'PAUSED'], to: 'STOPPED', label: '终止' },
} as const satisfies Record<string, { from: readonly StockState[]; to: StockState; label: string }>;

export type StockTransition = keyof typeof STOCK_TRANSITIONS;

export function stockStatus(state: StockState, availableEndMs: number, nowMs: number): StockStatus {
  if (state !== 'STOPPED' && nowMs > availableEndMs) return 'EXPIRED';
  return state;
}

export function allowedStockActions(status: StockStatus): StockTransition[] {
  return (Object.keys(STOCK_TRANSITIONS) as StockTransition[]).filter((a) => (STOCK_TRANSITIONS[a].from as readonly string[]).includes(status));
}

/** Chinese reason an action is not allowed now, or null when it is. */
export function transitionRefusal(action: StockTransition, status: StockStatus): string | null {
  if ((STOCK_TRANSITIONS[action].from as readonly string[]).includes(status)) return null;
  const label = STOCK_TRANSITIONS[action].label;
  const current = STOCK_STATUS_LABELS[status];
  if (status === 'STOPPED') return `批次已终止，不能${label}`;
  if (status === 'EXPIRED') return `批次已过期，不能${label}`;
  return `批次当前状态为「${current}」，不能${label}`;
}
