import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { StockAuthorizationsVm } from '@/hooks/useStockAuthorizations';
import { AppidPicker } from '@/components/form/AppidPicker';
import { Chip } from '@/components/form/Chip';
import { Field, FormSection } from '@/components/form/Field';
import { TextInput } from '@/components/form/TextInput';
import './stock.scss';

/** 新增授权: pick (or type) the mini-program APPID, type (or pick) the 批次号, 授权. */
export function AuthorizeForm({ vm }: { vm: StockAuthorizationsVm }) {
  return (
    <FormSection title="新增授权">
      <Field name="appid" label="小程序 APPID" issue={vm.appidIssue} note="需为已绑定本商户号的小程序">
        <AppidPicker options={vm.appids.data?.appids ?? []} value={vm.appid} onChange={vm.setAppid} />
      </Field>
      <Field name="stockId" label="券批次号" issue={vm.stockIdIssue} note="批次需为运行中（已激活）">
        <View className="auth-stock-input">
          <TextInput value={vm.stockId} type="number" placeholder="粘贴或输入批次号" onChange={vm.setStockId} />
        </View>
        {vm.running.length ? (
          <View className="form-chips auth-running">
            {vm.running.map((s) => (
              <Chip key={s.stockId} active={vm.stockId.trim() === s.stockId} onClick={() => vm.setStockId(s.stockId)}>
                {s.name} · {s.stockId}
              </Chip>
            ))}
          </View>
        ) : null}
      </Field>
      {vm.failure ? (
        <View className="form-field">
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
      <View className="form-field">
        <Button className="auth-submit" block size="large" type="primary" loading={vm.submitting} onClick={() => void vm.submit()}>
          授权
        </Button>
      </View>
    </FormSection>
  );
}
