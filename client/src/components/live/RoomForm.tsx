import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { Issue } from '@shared/result';
import type { ReactNode } from 'react';
import { FieldError } from '@/components/FieldError';
import { DateTimeField } from '@/components/form/DateTimeField';
import { LENGTH_CHOICES, NAME_WIDTH, type LiveCreateVm } from '@/hooks/useLiveCreate';
import { minutesText } from './liveText';
import './live.scss';

function Row({ name, label, extra, extraOver, note, issue, children }: { name: string; label: string; extra?: string; extraOver?: boolean; note?: string; issue: Issue | undefined; children: ReactNode }) {
  return (
    <View className={`live-field live-field--${name} ${issue?.level === 'error' ? 'live-field--error' : ''}`}>
      <View className="live-field__head">
        <Text className="live-field__label">{label}</Text>
        {extra ? <Text className={`live-field__extra ${extraOver ? 'live-field__extra--over' : ''}`}>{extra}</Text> : null}
      </View>
      {children}
      {note ? <Text className="live-field__note">{note}</Text> : null}
      <FieldError issue={issue} />
    </View>
  );
}

/** 创建直播间 (L1): the form, checked as typed, with the server's issues on their fields. */
export function RoomForm({ vm }: { vm: LiveCreateVm }) {
  const { form } = vm;
  const nameOver = vm.nameWidth > NAME_WIDTH.max || (vm.nameWidth > 0 && vm.nameWidth < NAME_WIDTH.min);
  return (
    <View className="live-form">
      <View className="live-panel">
        <Row name="name" label="直播间名称" extra={`${vm.nameWidth}/${NAME_WIDTH.max}`} extraOver={nameOver} note="3–17 个中文字符（6–34 个英文字符），1 个中文字符计 2" issue={vm.issueOf('name')}>
          <View className="live-input">
            <Input value={form.name} placeholder="如：家乐福双十二直播专场" clearable onChange={(v) => vm.set('name', v)} />
          </View>
        </Row>
        <Row name="hostName" label="主播昵称" issue={vm.issueOf('hostName')}>
          <View className="live-input">
            <Input value={form.hostName} placeholder="观众看到的主播名" clearable onChange={(v) => vm.set('hostName', v)} />
          </View>
        </Row>
        <Row name="appid" label="直播小程序" note="优惠券需已授权给这个小程序的 APPID" issue={vm.issueOf('appid')}>
          <View className="live-appids">
            {vm.options.map((o) => (
              <View
                key={o.appid}
                className={`live-appids__item ${form.appid === o.appid ? 'live-appids__item--active' : ''}`}
                role="radio"
                aria-checked={form.appid === o.appid}
                onClick={() => vm.set('appid', o.appid)}
              >
                <Text className="live-appids__nick">{o.nickname}</Text>
                <Text className="live-appids__appid">{o.appid}</Text>
              </View>
            ))}
            {vm.appids.loading && !vm.options.length ? <Text className="live-field__note">加载小程序…</Text> : null}
          </View>
        </Row>
      </View>
      <View className="live-panel">
        <Row name="startAt" label="开播时间" note={vm.leadNote} issue={vm.issueOf('startAt')}>
          <DateTimeField className="live-datetime live-datetime--start" value={form.startAt} onChange={vm.setStart} maxDaysAhead={90} />
        </Row>
        <Row name="endAt" label="结束时间" extra={`时长 ${vm.lengthText}`} note={vm.lengthNote} issue={vm.issueOf('endAt')}>
          <DateTimeField className="live-datetime live-datetime--end" value={form.endAt} onChange={(v) => vm.set('endAt', v)} maxDaysAhead={91} />
          <View className="live-lengths">
            {LENGTH_CHOICES.map((m) => (
              <View key={m} className={`live-lengths__item ${vm.lengthMinutes === m ? 'live-lengths__item--active' : ''}`} onClick={() => vm.setLength(m)}>
                {minutesText(m)}
              </View>
            ))}
          </View>
        </Row>
      </View>
      <View className="live-form__submit">
        <Button className="live-create-submit" type="primary" size="large" block loading={vm.submitting} onClick={() => void vm.submit()}>
          {vm.networkFailed ? '重试创建' : '创建直播间'}
        </Button>
        {vm.networkFailed ? <Text className="live-field__note">网络异常，结果未知。重试会沿用同一请求号，不会重复创建。</Text> : null}
      </View>
    </View>
  );
}
