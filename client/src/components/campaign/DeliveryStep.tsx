import { Text, View } from '@tarojs/components';
import { PACK_SIZE } from '@shared/campaign/schema';
import { formatShanghai } from '@shared/time';
import type { CampaignCreateVm } from '@/hooks/useCampaignCreate';
import { DAY_CHOICES, WIDTH_LIMITS, daysBetween } from '@/hooks/useCampaignForm';
import { issueAt, issuesAt } from '@/lib/issues';
import { Chip } from '@/components/form/Chip';
import { Choice } from '@/components/form/Choice';
import { DateTimeField } from '@/components/form/DateTimeField';
import { Field, FormSection } from '@/components/form/Field';
import { TextInput } from '@/components/form/TextInput';
import { ImageUpload } from './ImageUpload';
import { StockIssues } from './StockIssues';
import { StockSlot } from './StockSlot';
import { headline, spanDays } from './campaignText';
import './campaign.scss';

const counter = (w: number, max: number) => ({ extra: `${w}/${max}`, extraOver: w > max });

/** Step 2 投放设置 (F1–F7): how the campaign is shown, when, and which coupons it gives. */
export function DeliveryStep({ vm }: { vm: CampaignCreateVm }) {
  const { form, visible, widths } = vm;
  const at = (p: string) => issueAt(visible, p);
  const days = daysBetween(form.startAt, form.endAt);
  return (
    <>
      <FormSection title="投放设置">
        <Field name="logo" label="商户 logo" note="建议使用券可用商户的 logo，如家乐福">
          <ImageUpload name="logo" purpose="logo" image={form.logo} busy={vm.upload.busy === 'delivery.logo'} onPick={() => void vm.uploadLogo()} />
          <StockIssues issues={issuesAt(visible, 'delivery.logo')} />
        </Field>
        <Field name="brandName" label="商户品牌名称" issue={at('delivery.brandName')} note="建议填写券可用商户的品牌名，最多 7 个中文字符" {...counter(widths.brandName, WIDTH_LIMITS.brandName)}>
          <TextInput value={form.brandName} placeholder="如：家乐福" onChange={(t) => vm.set('brandName', t)} />
        </Field>
        <Field
          name="title"
          label="活动标题"
          issue={at('delivery.title')}
          note={form.brandName.trim() ? `展示为：${headline(form.brandName, form.title || '活动标题')}` : '品牌名称会显示在标题最前面；建议外露优惠金额，如 100 元、五折'}
          {...counter(widths.title, WIDTH_LIMITS.title)}
        >
          <TextInput value={form.title} placeholder="如：周末满100减30" onChange={(t) => vm.set('title', t)} />
        </Field>
        <Field name="subtitle" label="活动副标题" issue={at('delivery.subtitle')} note="建议外露节假日、使用场景等，最多 10 个中文字符" {...counter(widths.subtitle, WIDTH_LIMITS.subtitle)}>
          <TextInput value={form.subtitle} placeholder="如：国庆到店专享" onChange={(t) => vm.set('subtitle', t)} />
        </Field>
        <Field
          name="window"
          label="投放时间"
          issue={at('delivery.startAt') ?? at('delivery.endAt')}
          note={`最早 ${formatShanghai(vm.earliestStartAt, 'MM月DD日 HH:mm')} 开始（2 天后）；最长 365 天，建议 7–30 天`}
        >
          <View className="form-window">
            <DateTimeField className="campaign-window__start" value={form.startAt} onChange={vm.setStart} />
            <Text className="form-window__to">至</Text>
            <DateTimeField className="campaign-window__end" value={form.endAt} onChange={(v) => vm.set('endAt', v)} />
          </View>
          <View className="campaign-days">
            <Text className="campaign-days__now">共 {spanDays(Date.parse(form.startAt), Date.parse(form.endAt))} 天</Text>
            {DAY_CHOICES.map((d) => (
              <Chip key={d} className="campaign-days__chip" active={days === d} onClick={() => vm.setDays(d)}>
                {d} 天
              </Chip>
            ))}
          </View>
        </Field>
        <Field name="limit" label="用户领取限制">
          <Text className="campaign-fixed">单次活动的每张代金券，每位用户仅限领取一次</Text>
        </Field>
      </FormSection>

      <FormSection title="投放内容">
        <View className="form-field form-field--content">
          <View className="form-choices campaign-kinds">
            <Choice className="campaign-kind campaign-kind--SINGLE" active={form.contentKind === 'SINGLE'} title="单张券" desc="投放 1 张代金券" onSelect={() => vm.setKind('SINGLE')} />
            <Choice className="campaign-kind campaign-kind--PACK" active={form.contentKind === 'PACK'} title="礼包" desc={`${PACK_SIZE} 张代金券一起领取，每张配商品小图和大图`} onSelect={() => vm.setKind('PACK')} />
          </View>
        </View>
        {form.contentKind === 'SINGLE' ? (
          <View className="form-field">
            <View className="form-field__head"><Text className="form-field__label">代金券</Text></View>
            <StockSlot vm={vm} slot="single" issues={issuesAt(visible, 'content.stockId')} />
          </View>
        ) : (
          <>
            {form.pack.map((p, i) => (
              <View key={i} className={`form-field campaign-pack campaign-pack--${i}`}>
                <View className="form-field__head"><Text className="form-field__label">礼包第 {i + 1} 张券</Text></View>
                <StockSlot vm={vm} slot={i} issues={issuesAt(visible, `content.items.${i}.stockId`)} />
                <View className="campaign-pack__images">
                  <View className="campaign-pack__image">
                    <Text className="campaign-pack__label">商品小图</Text>
                    <ImageUpload name={`small-${i}`} purpose="smallImage" image={p.smallImage} busy={vm.upload.busy === `content.items.${i}.smallImage`} onPick={() => void vm.uploadPackImage(i, 'smallImage')} />
                    <StockIssues issues={issuesAt(visible, `content.items.${i}.smallImage`)} />
                  </View>
                  <View className="campaign-pack__image">
                    <Text className="campaign-pack__label">商品大图</Text>
                    <ImageUpload name={`large-${i}`} purpose="largeImage" image={p.largeImage} busy={vm.upload.busy === `content.items.${i}.largeImage`} onPick={() => void vm.uploadPackImage(i, 'largeImage')} />
                    <StockIssues issues={issuesAt(visible, `content.items.${i}.largeImage`)} />
                  </View>
                </View>
              </View>
            ))}
            <StockIssues className="campaign-pack__rules" issues={issuesAt(visible, 'content.items', true)} />
            <Text className="form-field__note campaign-pack__note">全场券建议用券可用商户的 logo 作小图、氛围图作大图；单品券建议用商品图</Text>
          </>
        )}
      </FormSection>
    </>
  );
}
