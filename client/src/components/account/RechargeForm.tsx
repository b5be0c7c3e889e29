import { Text, View } from '@tarojs/components';
import { Button, Cell, Input } from '@nutui/nutui-react-taro';
import type { Issue } from '@shared/result';
import { FieldError } from '@/components/FieldError';
import { formatCount } from '@/lib/format';
import './account.scss';

interface Props {
  amountText: string;
  issue: Issue | undefined;
  presets: readonly number[];
  disabled: boolean;
  onChange: (text: string) => void;
  onSubmit: () => void;
}

/** The amount of quota (a count of coupons), checked as it is typed, with quick picks. */
export function RechargeForm({ amountText, issue, presets, disabled, onChange, onSubmit }: Props) {
  return (
    <View className="recharge-form">
      <Cell className={`recharge-form__field ${issue ? 'recharge-form__field--error' : ''}`} align="center">
        <Text className="recharge-form__label">充值配额</Text>
        <Input
          className="recharge-form__input"
          name="amount"
          type="digit"
          placeholder="请输入张数，如 1000"
          value={amountText}
          clearable
          confirmType="done"
          onChange={onChange}
          onConfirm={onSubmit}
        />
        <Text className="recharge-form__unit">张</Text>
      </Cell>
      <FieldError issue={issue} />
      <View className="recharge-form__presets">
        {presets.map((p) => (
          <Button
            key={p}
            className="recharge-form__preset"
            size="small"
            fill="outline"
            type={String(p) === amountText ? 'primary' : 'default'}
            onClick={() => onChange(String(p))}
          >
            {formatCount(p)}
          </Button>
        ))}
      </View>
      <Text className="recharge-form__note">配额即可发放的优惠券张数，每发出 1 张券扣减 1 个配额。</Text>
      <Button className="recharge-form__submit" block size="large" type="primary" disabled={disabled} onClick={onSubmit}>
        充值
      </Button>
    </View>
  );
}
