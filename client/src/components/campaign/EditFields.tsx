import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CampaignEditVm } from '@/hooks/useCampaignEdit';
import { WIDTH_LIMITS } from '@/hooks/useCampaignForm';
import { issuesAt } from '@/lib/issues';
import { formatRange, formatTime } from '@/lib/format';
import { DateTimeField } from '@/components/form/DateTimeField';
import { Field, FormSection } from '@/components/form/Field';
import { TextInput } from '@/components/form/TextInput';
import { ImageUpload } from './ImageUpload';
import { StockIssues } from './StockIssues';
import { DELIVERY_FIELD_LABELS, headline, spanDays } from './campaignText';
import './campaign.scss';

const counter = (w: number, max: number) => ({ extra: `${w}/${max}`, extraOver: w > max });

/** VERSION_CONFLICT: someone saved first; say so, show what was typed, offer the latest version. */
function ConflictNotice({ vm }: { vm: CampaignEditVm }) {
  if (!vm.conflict) return null;
  const mine = vm.conflict.mine;
  const lines = (['brandName', 'title', 'subtitle'] as const).map((k) => `${DELIVERY_FIELD_LABELS[k]}：${mine[k]}`);
  lines.push(`投放时间：${formatRange(mine.startAt, mine.endAt)}`);
  return (
    <View className="campaign-conflict" aria-live="assertive">
      <Text className="campaign-conflict__title">保存失败：活动已被他人修改</Text>
      <Text className="campaign-conflict__text">{vm.conflict.message}。你的修改没有保存，也没有覆盖别人的修改。</Text>
      <Text className="campaign-conflict__label">你刚才填写的内容：</Text>
      {lines.map((l) => (
        <Text key={l} className="campaign-conflict__line">{l}</Text>
      ))}
      <Button className="campaign-conflict__reload" type="primary" block onClick={() => void vm.reloadLatest()}>
        加载最新版本后重新修改
      </Button>
    </View>
  );
}

/** 修改活动 (M3): the five editable things, under the creation rules, checked live. */
export function EditFields({ vm }: { vm: CampaignEditVm }) {
  const { form, widths } = vm;
  if (!form) return null;
  return (
    <>
      <ConflictNotice vm={vm} />
      <FormSection title={`修改活动 · 版本 ${vm.version ?? ''}`}>
        <Field name="logo" label="商户 logo">
          <ImageUpload name="logo" purpose="logo" image={form.logo} busy={vm.upload.busy === 'delivery.logo'} onPick={() => void vm.uploadLogo()} />
          <StockIssues issues={issuesAt(vm.visible, 'delivery.logo')} />
        </Field>
        <Field name="brandName" label="商户品牌名称" issue={vm.at('brandName')} {...counter(widths.brandName, WIDTH_LIMITS.brandName)}>
          <TextInput value={form.brandName} onChange={(t) => vm.set('brandName', t)} />
        </Field>
        <Field name="title" label="活动标题" issue={vm.at('title')} note={`展示为：${headline(form.brandName, form.title)}`} {...counter(widths.title, WIDTH_LIMITS.title)}>
          <TextInput value={form.title} onChange={(t) => vm.set('title', t)} />
        </Field>
        <Field name="subtitle" label="活动副标题" issue={vm.at('subtitle')} {...counter(widths.subtitle, WIDTH_LIMITS.subtitle)}>
          <TextInput value={form.subtitle} onChange={(t) => vm.set('subtitle', t)} />
        </Field>
        <Field
          name="window"
          label="投放时间"
          issue={vm.at('startAt') ?? vm.at('endAt')}
          note={vm.started ? '活动已开始，开始时间不能再修改；结束时间需早于券的核销结束时间 1 天以上' : '最长 365 天，建议 7–30 天'}
        >
          <View className="form-window">
            {vm.started ? (
              <View className="form-pick campaign-window__locked"><Text>{formatTime(form.startAt)}</Text><Text className="form-pick__hint">已锁定</Text></View>
            ) : (
              <DateTimeField className="campaign-window__start" value={form.startAt} onChange={vm.setStart} />
            )}
            <Text className="form-window__to">至</Text>
            <DateTimeField className="campaign-window__end" value={form.endAt} onChange={(v) => vm.set('endAt', v)} />
          </View>
          <Text className="campaign-days__now campaign-edit__days">共 {spanDays(Date.parse(form.startAt), Date.parse(form.endAt))} 天</Text>
        </Field>
      </FormSection>
      <View className="campaign-confirm__note">保存后实时生效；推广类型、投放内容和定向在创建后不能修改。</View>
      <View className="form-actions">
        <Button className="form-actions__btn campaign-save" size="large" type="primary" loading={vm.saving} disabled={!!vm.conflict} onClick={vm.save}>
          保存修改
        </Button>
      </View>
    </>
  );
}
