import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { Issue } from '@shared/result';
import { FieldError } from '@/components/FieldError';
import type { GoodsLineDraft } from '@/hooks/useRedeem';
import './wallet.scss';

interface Props {
  lines: readonly GoodsLineDraft[];
  issue: (path: string) => Issue | undefined;
  onAdd: () => void;
  onRemove: (key: string) => void;
  onChange: (key: string, patch: { code?: string; amountText?: string }) => void;
}

/**
 * 商品明细, optional: only needed when the order holds goods the coupon excludes (S8) or the
 * coupon is a single-item coupon (S10). Code + amount in 元 per line.
 */
export function GoodsLines({ lines, issue, onAdd, onRemove, onChange }: Props) {
  return (
    <View className="goods-lines">
      <View className="goods-lines__head">
        <Text className="goods-lines__title">商品明细（选填）</Text>
        <Button className="goods-lines__add" size="small" fill="none" onClick={onAdd}>
          + 添加商品
        </Button>
      </View>
      <Text className="goods-lines__note">订单含不参与优惠的商品、或使用单品券时填写商品编码和金额</Text>
      {lines.map((l, i) => (
        <View key={l.key} className="goods-line">
          <View className="goods-line__row">
            <Input
              className="goods-line__code"
              placeholder="商品编码"
              value={l.code}
              maxLength={128}
              onChange={(v) => onChange(l.key, { code: v })}
            />
            <Input
              className="goods-line__amount"
              type="digit"
              placeholder="金额"
              value={l.amountText}
              onChange={(v) => onChange(l.key, { amountText: v })}
            />
            <Text className="goods-line__unit">元</Text>
            <Button className="goods-line__remove" size="small" fill="none" onClick={() => onRemove(l.key)}>
              删除
            </Button>
          </View>
          <FieldError issue={issue(`goods.${i}.code`) ?? issue(`goods.${i}.amount`)} />
        </View>
      ))}
      <FieldError issue={issue('goods')} />
    </View>
  );
}
