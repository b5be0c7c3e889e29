import { Text, View } from '@tarojs/components';
import { TextInput } from './TextInput';
import './form.scss';

interface Props {
  /** The merchant's mini-programs. */
  options: ReadonlyArray<{ appid: string; nickname: string }>;
  value: string;
  onChange: (appid: string) => void;
  /** Whether an APPID not among the options may be typed (false: one of the merchant's only). */
  typed?: boolean;
}

/** A mini-program APPID: one of the merchant's, tapped, or (unless `typed` is false) any other, typed. */
export function AppidPicker({ options, value, onChange, typed = true }: Props) {
  const appid = value.trim();
  const typedIsOption = options.some((o) => o.appid === appid);
  return (
    <>
      <View className="form-appids">
        {options.map((o) => (
          <View key={o.appid} className={`form-appids__item ${appid === o.appid ? 'form-appids__item--active' : ''}`} role="radio" aria-checked={appid === o.appid} onClick={() => onChange(o.appid)}>
            <View className="form-appids__text">
              <Text className="form-appids__nick">{o.nickname}</Text>
              <Text className="form-appids__appid">{o.appid} · 小程序</Text>
            </View>
            <View className={`form-radio ${appid === o.appid ? 'form-radio--on' : ''}`} />
          </View>
        ))}
      </View>
      {typed ? (
        <View className="form-appids__input">
          <TextInput value={typedIsOption ? '' : value} placeholder={options.length ? '或输入其他 APPID（wx 开头 18 位）' : '输入 APPID（wx 开头 18 位）'} onChange={onChange} />
        </View>
      ) : null}
    </>
  );
}
