import { Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import './form.scss';

interface Props {
  value: string;
  onChange: (text: string) => void;
  placeholder?: string;
  type?: 'text' | 'number' | 'digit';
  before?: string;
  after?: string;
  disabled?: boolean;
}

/** A grey, full-width input with optional words around it: 消费满 [ ] 元可使用. */
export function TextInput({ value, onChange, placeholder, type = 'text', before, after, disabled }: Props) {
  return (
    <View className="form-input">
      {before ? <Text className="form-input__text form-input__text--before">{before}</Text> : null}
      <Input value={value} type={type} placeholder={placeholder} disabled={disabled} clearable={type === 'text'} onChange={onChange} />
      {after ? <Text className="form-input__text form-input__text--after">{after}</Text> : null}
    </View>
  );
}
