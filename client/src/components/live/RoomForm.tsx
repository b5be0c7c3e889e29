import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AppidPicker } from '@/components/form/AppidPicker';
import { DateTimeField } from '@/components/form/DateTimeField';
import { Field, FormSection } from '@/components/form/Field';
import { TextInput } from '@/components/form/TextInput';
import { LENGTH_CHOICES, NAME_WIDTH, type LiveCreateVm } from '@/hooks/useLiveCreate';
import { minutesText } from './liveText';
import './live.scss';

/** 创建直播间 (L1): the form, checked as typed, with the server's issues on their fields. */
export function RoomForm({ vm }: { vm: LiveCreateVm }) {
  const { form } = vm;
  const nameOver = vm.nameWidth > NAME_WIDTH.max || (vm.nameWidth > 0 && vm.nameWidth < NAME_WIDTH.min);
  return (
    <View className="live-form">
      <FormSection>
        <Field name="name" label="直播间名称" extra={`${vm.nameWidth}/${NAME_WIDTH.max}`} extraOver={nameOver} note="3–17 个中文字符（6–34 个英文字符），1 个中文字符计 2" issue={vm.issueOf('name')}>
          <TextInput value={form.name} placeholder="如：家乐福双十二直播专场" onChange={(v) => vm.set('name', v)} />
        </Field>
        <Field name="hostName" label="主播昵称" issue={vm.issueOf('hostName')}>
          <TextInput value={form.hostName} placeholder="观众看到的主播名" onChange={(v) => vm.set('hostName', v)} />
        </Field>
        <Field name="appid" label="直播小程序" note={vm.appids.loading && !vm.options.length ? '加载小程序…' : '优惠券需已授权给这个小程序的 APPID'} issue={vm.issueOf('appid')}>
          <AppidPicker options={vm.options} value={form.appid} onChange={(appid) => vm.set('appid', appid)} typed={false} />
        </Field>
      </FormSection>
      <FormSection>
        <Field name="startAt" label="开播时间" note={vm.leadNote} issue={vm.issueOf('startAt')}>
          <DateTimeField className="live-datetime live-datetime--start" value={form.startAt} onChange={vm.setStart} maxDaysAhead={90} />
        </Field>
        <Field name="endAt" label="结束时间" extra={`时长 ${vm.lengthText}`} note={vm.lengthNote} issue={vm.issueOf('endAt')}>
          <DateTimeField className="live-datetime live-datetime--end" value={form.endAt} onChange={(v) => vm.set('endAt', v)} maxDaysAhead={91} />
          <View className="live-lengths">
            {LENGTH_CHOICES.map((m) => (
              <View key={m} className={`live-lengths__item ${vm.lengthMinutes === m ? 'live-lengths__item--active' : ''}`} onClick={() => vm.setLength(m)}>
                {minutesText(m)}
              </View>
            ))}
          </View>
        </Field>
      </FormSection>
      <View className="live-form__submit">
        <Button className="live-create-submit" type="primary" size="large" block loading={vm.submitting} onClick={() => void vm.submit()}>
          {vm.networkFailed ? '重试创建' : '创建直播间'}
        </Button>
        {vm.networkFailed ? <Text className="form-field__note">网络异常，结果未知。重试会沿用同一请求号，不会重复创建。</Text> : null}
      </View>
    </View>
  );
}
