import { STOCK_STATES, STOCK_STATUSES, STOCK_STATUS_LABELS, type StockStatus } from '@shared/stock/schema';
import { STOCK_TRANSITIONS, allowedStockActions, stockStatus, transitionRefusal, type StockTransition } from '@shared/stock/status';

const ACTIONS: StockTransition[] = ['activate', 'pause', 'restart', 'stop'];

/** S13 written out by hand: the allowed (action, status) pairs and where they lead. */
const ALLOWED: Record<string, StockStatus> = {
  'activate:UNACTIVATED': 'RUNNING',
  'pause:RUNNING': 'PAUSED',
  'restart:PAUSED': 'RUNNING',
  'stop:RUNNING': 'STOPPED',
  'stop:PAUSED': 'STOPPED',
};

const ACTION_LABEL: Record<StockTransition, string> = { activate: '激活', pause: '暂停', restart: '重启', stop: '终止' };

const pairs = ACTIONS.flatMap((a) => STOCK_STATUSES.map((s) => [a, s] as const));

describe('S13 transitions: every (action × status) pair', () => {
  it('covers 4 actions × 5 statuses', () => {
    expect(pairs).toHaveLength(20);
    expect([...STOCK_STATUSES]).toEqual(['UNACTIVATED', 'RUNNING', 'PAUSED', 'STOPPED', 'EXPIRED']);
  });

  it.each(pairs.filter(([a, s]) => ALLOWED[`${a}:${s}`]))('%s from %s is allowed', (action, status) => {
    expect(transitionRefusal(action, status)).toBeNull();
    expect(STOCK_TRANSITIONS[action].to).toBe(ALLOWED[`${action}:${status}`]);
    expect(allowedStockActions(status)).toContain(action);
  });

  it.each(pairs.filter(([a, s]) => !ALLOWED[`${a}:${s}`]))('%s from %s is refused, naming the current state', (action, status) => {
    const reason = transitionRefusal(action, status);
    expect(reason).not.toBeNull();
    expect(reason).toContain(STOCK_STATUS_LABELS[status]);
    expect(reason).toContain(`不能${ACTION_LABEL[action]}`);
    expect(allowedStockActions(status)).not.toContain(action);
  });

  it('gives the exact reasons', () => {
    expect(transitionRefusal('activate', 'RUNNING')).toBe('批次当前状态为「运行中」，不能激活');
    expect(transitionRefusal('pause', 'UNACTIVATED')).toBe('批次当前状态为「未激活」，不能暂停');
    expect(transitionRefusal('restart', 'RUNNING')).toBe('批次当前状态为「运行中」，不能重启');
    expect(transitionRefusal('pause', 'PAUSED')).toBe('批次当前状态为「已暂停」，不能暂停');
    expect(transitionRefusal('stop', 'UNACTIVATED')).toBe('批次当前状态为「未激活」，不能终止');
    expect(transitionRefusal('restart', 'STOPPED')).toBe('批次已终止，不能重启');
    expect(transitionRefusal('stop', 'STOPPED')).toBe('批次已终止，不能终止');
    expect(transitionRefusal('activate', 'EXPIRED')).toBe('批次已过期，不能激活');
    expect(transitionRefusal('stop', 'EXPIRED')).toBe('批次已过期，不能终止');
  });

  it('lists the allowed actions per status, in a fixed order', () => {
    expect(allowedStockActions('UNACTIVATED')).toEqual(['activate']);
    expect(allowedStockActions('RUNNING')).toEqual(['pause', 'stop']);
    expect(allowedStockActions('PAUSED')).toEqual(['restart', 'stop']);
    expect(allowedStockActions('STOPPED')).toEqual([]);
    expect(allowedStockActions('EXPIRED')).toEqual([]);
  });

  it('STOPPED is final: no transition leaves it', () => {
    for (const a of ACTIONS) expect(transitionRefusal(a, 'STOPPED')).toMatch(/^批次已终止/);
  });
});

describe('S13 derived EXPIRED', () => {
  const END = Date.parse('2026-12-31T23:59:59+08:00');

  it.each(STOCK_STATES.filter((s) => s !== 'STOPPED'))('%s: the end instant itself is not expired, 1 ms later is', (state) => {
    expect(stockStatus(state, END, END - 1)).toBe(state);
    expect(stockStatus(state, END, END)).toBe(state);
    expect(stockStatus(state, END, END + 1)).toBe('EXPIRED');
    expect(stockStatus(state, END, END + 400 * 86_400_000)).toBe('EXPIRED');
  });

  it('STOPPED is never EXPIRED', () => {
    expect(stockStatus('STOPPED', END, END + 1)).toBe('STOPPED');
    expect(stockStatus('STOPPED', END, END + 400 * 86_400_000)).toBe('STOPPED');
    expect(stockStatus('STOPPED', END, END - 1)).toBe('STOPPED');
  });
});
