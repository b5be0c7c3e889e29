import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CampaignCreateVm } from '@/hooks/useCampaignCreate';
import { STEP_TITLES, stepOfPath, toDraft } from '@/hooks/useCampaignForm';
import { formatRange, formatTime } from '@/lib/format';
import { BlockingIssues } from '@/components/form/BlockingIssues';
import { FormSection } from '@/components/form/Field';
import { StockRows } from '@/components/stock/StockRows';
import { EntryPreview } from './CampaignPreview';
import { StockIssues } from './StockIssues';
import { headline, spanDays, stockSummaryText, targetingLines } from './campaignText';
import './campaign.scss';

/** Step 5 确认创建 (C3): everything once more, what still blocks, the suggestions, and the one button. */
export function ConfirmStep({ vm }: { vm: CampaignCreateVm }) {
  const { form } = vm;
  const draft = toDraft(form, vm.merchantId);
  const rows: Array<[string, string]> = [
    ['配额归属商户', vm.merchantName ? `${vm.merchantName}（${vm.merchantId}）` : vm.merchantId],
    ['商户品牌名称', form.brandName.trim()],
    ['活动标题', headline(form.brandName, form.title)],
    ['活动副标题', form.subtitle.trim()],
    ['投放时间', `${formatRange(form.startAt, form.endAt)}（${spanDays(Date.parse(form.startAt), Date.parse(form.endAt))} 天）`],
    ['用户领取限制', '每张券每人限领 1 次'],
    ['投放内容', form.contentKind === 'SINGLE' ? '单张券' : `礼包（${form.pack.length} 张券）`],
    ...vm.slotStocks.map((s, i): [string, string] => {
      const id = form.contentKind === 'SINGLE' ? form.singleStockId : form.pack[i]?.stockId ?? '';
      const label = form.contentKind === 'SINGLE' ? '代金券' : `第 ${i + 1} 张券`;
      return [label, s ? `${s.name} · ${stockSummaryText(s)}\n批次号 ${id}` : `批次号 ${id || '未添加'}`];
    }),
    ...targetingLines(draft, vm.storeName),
  ];
  return (
    <>
      <View className="campaign-confirm__preview">
        <EntryPreview data={vm.preview} />
      </View>
      <BlockingIssues className="campaign-blocking" issues={vm.blocking} stepOf={stepOfPath} fixLabel={(step) => `去${STEP_TITLES[step]}`} onFix={vm.goStep} withRule />
      <FormSection title="请核对活动信息">
        <StockRows rows={rows} />
      </FormSection>
      {vm.suggestions.length ? (
        <FormSection title="优化建议（不影响创建）">
          <View className="campaign-suggestions">
            <StockIssues issues={vm.suggestions} />
          </View>
        </FormSection>
      ) : null}
      <View className="campaign-confirm__note">确认创建后，活动将在 {formatTime(form.startAt)} 开始投放，每发出 1 张券扣减 1 个配额。</View>
      {vm.networkFailed ? (
        <View className="form-warn">网络异常，创建结果未知。点「重试」会沿用同一请求号，不会重复创建活动。</View>
      ) : null}
      <View className="form-actions">
        <Button className="form-actions__btn" size="large" fill="outline" disabled={vm.submitting} onClick={vm.back}>
          上一步
        </Button>
        <Button className="form-actions__btn campaign-submit" size="large" type="primary" loading={vm.submitting} onClick={vm.submit}>
          {vm.networkFailed ? '重试' : '确认创建'}
        </Button>
      </View>
    </>
  );
}
