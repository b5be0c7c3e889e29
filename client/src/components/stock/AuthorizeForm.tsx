import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StockAuthorizationsVm } from '@/hooks/useStockAuthorizations';
import { Field, FormSection } from './Field';
import { TextInput } from './TextInput';
import './stock.scss';

/** 新增授权: pick (or type) the mini-program APPID, type (or pick) the 批次号, 授权. */
export function AuthorizeForm({ vm }: { vm: StockAuthorizationsVm }) {
  const options = vm.appids.data?.appids ?? [];
  const typedIsOption = options.some((o) => o.appid === vm.appid.trim());
  return (
    <FormSection title="新增授权">
      <Field name="appid" label="小程序 APPID" issue={vm.appidIssue} note="需为已绑定本商户号的小程序">
        <View className="appid-options">
          {options.map((o) => (
            <View
              key={o.appid}
              className={`appid-options__item ${vm.appid.trim() === o.appid ? 'appid-options__item--active' : ''}`}
              role="radio"
              aria-checked={vm.appid.trim() === o.appid}
              onClick={() => vm.setAppid(o.appid)}
            >
              <View className="appid-options__text">
                <Text className="appid-options__nick">{o.nickname}</Text>
                <Text className="appid-options__appid">{o.appid} · 小程序</Text>
              </View>
              <View className={`stock-radio ${vm.appid.trim() === o.appid ? 'stock-radio--on' : ''}`} />
            </View>
          ))}
        </View>
        <View className="auth-appid-input">
          <TextInput value={typedIsOption ? '' : vm.appid} placeholder={options.length ? '或输入其他 APPID，如 wx 开头 18 位' : '输入 APPID，如 wx 开头 18 位'} onChange={vm.setAppid} />
        </View>
      </Field>
      <Field name="stockId" label="券批次号" issue={vm.stockIdIssue} note="批次需为运行中（已激活）">
        <View className="auth-stock-input">
          <TextInput value={vm.stockId} type="number" placeholder="粘贴或输入批次号" onChange={vm.setStockId} />
        </View>
        {vm.running.length ? (
          <View className="stock-chips auth-running">
            {vm.running.map((s) => (
              <View
                key={s.stockId}
                className={`stock-chips__chip ${vm.stockId.trim() === s.stockId ? 'stock-chips__chip--active' : ''}`}
                onClick={() => vm.setStockId(s.stockId)}
              >
                {s.name} · {s.stockId}
              </View>
            ))}
          </View>
        ) : null}
      </Field>
      {vm.failure ? (
        <View className="stock-field">
          <View className={`auth-error auth-error--${vm.failure.code.replace('STOCK.', '').toLowerCase()}`} aria-live="polite">
            <Text className="auth-error__title">{vm.failure.title}</Text>
            <Text className="auth-error__text">{vm.failure.text}</Text>
            {vm.failure.hint ? <Text className="auth-error__text">{vm.failure.hint}</Text> : null}
            {vm.failure.action ? (
              <Button className="auth-error__action" type="primary" onClick={vm.failure.action.run}>
                {vm.failure.action.label}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      <View className="stock-field">
        <Button className="auth-submit" block size="large" type="primary" loading={vm.submitting} onClick={() => void vm.submit()}>
          授权
        </Button>
      </View>
    </FormSection>
  );
}
