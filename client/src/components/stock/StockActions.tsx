import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { Stock } from '@shared/stock/schema';
import { STOCK_TRANSITIONS, type StockTransition } from '@shared/stock/status';
import './stock.scss';

interface Props {
  stock: Stock;
  busy: StockTransition | undefined;
  onAct: (a: StockTransition) => void | Promise<void>;
  onAuthorize: () => void;
}

const HINTS: Partial<Record<Stock['status'], string>> = {
  UNACTIVATED: '激活后批次才能发放，也才能做 APPID 营销授权。',
  PAUSED: '批次已暂停，暂停期间不能发放；重启后恢复。',
  STOPPED: '批次已终止，不能再发放或恢复。',
  EXPIRED: '批次已过可用时间。',
};

/** What the status allows (S13), biggest first; 终止 last and outlined, behind a confirmation. */
export function StockActions({ stock, busy, onAct, onAuthorize }: Props) {
  const main = stock.allowedActions.filter((a) => a !== 'stop');
  const canStop = stock.allowedActions.includes('stop');
  const hint = HINTS[stock.status];
  return (
    <View className="stock-actions">
      {main.map((a) => (
        <Button key={a} className={`stock-action stock-action--${a}`} block size="large" type="primary" loading={busy === a} disabled={!!busy} onClick={() => void onAct(a)}>
          {STOCK_TRANSITIONS[a].label}
        </Button>
      ))}
      {stock.status === 'RUNNING' ? (
        <Button className="stock-action stock-action--authorize" block size="large" fill="outline" type="primary" onClick={onAuthorize}>
          APPID 营销授权
        </Button>
      ) : null}
      {canStop ? (
        <Button className="stock-action stock-action--stop" block size="large" fill="outline" type="danger" loading={busy === 'stop'} disabled={!!busy} onClick={() => void onAct('stop')}>
          {STOCK_TRANSITIONS.stop.label}
        </Button>
      ) : null}
      {hint ? <Text className="stock-actions__note">{hint}</Text> : null}
    </View>
  );
}
