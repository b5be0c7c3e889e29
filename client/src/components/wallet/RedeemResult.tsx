import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Success, Tips } from '@nutui/icons-react-taro';
import type { RedeemOutcome } from '@/hooks/useRedeem';
import { formatYuan } from '@/lib/format';
import { couponCodeText, shortTime } from './walletText';
import './wallet.scss';

interface Props {
  outcome: RedeemOutcome;
  onNext: () => void;
  onEdit: () => void;
  onHome: () => void;
}

/** 核销成功 with 优惠 and 实付 in large type — or the refusal with its figures. */
export function RedeemResult({ outcome, onNext, onEdit, onHome }: Props) {
  if (outcome.kind === 'refused') {
    const { refusal, hint } = outcome;
    return (
      <View className={`redeem-result redeem-result--refused redeem-result--${refusal.code.replace(/\W+/g, '_').toLowerCase()}`}>
        <Tips size={44} color="#ff9500" />
        <Text className="redeem-result__title">{refusal.title}</Text>
        <Text className="redeem-result__message">{refusal.message}</Text>
        {hint ? <Text className="redeem-result__hint">{hint}</Text> : null}
        <View className="redeem-result__actions">
          <Button block size="large" type="primary" onClick={onEdit}>
            返回修改
          </Button>
          <Button block size="large" fill="outline" onClick={onNext}>
            核销下一单
          </Button>
        </View>
      </View>
    );
  }
  const r = outcome.result;
  const rows: Array<[string, string]> = [
    ['门店', outcome.storeName],
    ['券码', couponCodeText(r.couponCode)],
    ['订单号', r.orderId],
    ['订单金额', `${formatYuan(r.orderAmount)} 元`],
    ...(r.eligibleAmount !== r.orderAmount ? [['参与优惠金额', `${formatYuan(r.eligibleAmount)} 元`] as [string, string]] : []),
    ['核销时间', shortTime(r.redeemedAt)],
  ];
  return (
    <View className={`redeem-result redeem-result--ok ${r.replayed ? 'redeem-result--replayed' : ''}`}>
      <Success size={44} color="#07c160" />
      <Text className="redeem-result__title">核销成功</Text>
      {r.replayed ? (
        <Text className="redeem-result__replayed">该订单已于 {shortTime(r.redeemedAt)} 核销，本次为重复提交，未再次扣券</Text>
      ) : null}
      <View className="redeem-result__figures">
        <View className="redeem-result__figure">
          <Text className="redeem-result__figure-label">优惠</Text>
          <Text className="redeem-result__discount">{formatYuan(r.discount)} 元</Text>
        </View>
        <View className="redeem-result__figure">
          <Text className="redeem-result__figure-label">实付</Text>
          <Text className="redeem-result__payable">{formatYuan(r.payable)} 元</Text>
        </View>
      </View>
      <View className="redeem-result__rows">
        {rows.map(([k, v]) => (
          <View key={k} className="redeem-result__row">
            <Text className="redeem-result__key">{k}</Text>
            <Text className="redeem-result__value">{v}</Text>
          </View>
        ))}
      </View>
      <View className="redeem-result__actions">
        <Button block size="large" type="primary" onClick={onNext}>
          核销下一单
        </Button>
        <Button block size="large" fill="outline" onClick={onHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
