import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { FUNDING_LABELS } from '@shared/stock/schema';
import type { StockCreateVm } from '@/hooks/useStockCreate';
import { NAME_MAX_WIDTH } from '@/hooks/useStockForm';
import { issueAt } from '@/lib/issues';
import { Choice } from '@/components/form/Choice';
import { Field, FormSection } from '@/components/form/Field';
import { DateTimeField } from '@/components/form/DateTimeField';
import { TextInput } from '@/components/form/TextInput';
import { TimeRuleEditor } from './TimeRuleEditor';
import { FUNDING_DESCRIPTIONS } from './stockText';
import './stock.scss';

function explainNoCash(onEnabled: () => void) {
  void Taro.showModal({
    title: '开通免充值代金券',
    content: '请登录微信支付商户平台，在「营销中心 › 代金券」立即开通免充值代金券产品功能。开通后回到这里即可选择免充值。',
    confirmText: '我已开通',
    cancelText: '知道了',
  }).then((r) => {
    if (r.confirm) onEnabled();
  });
}

/** Step 1 基础规则: 券名称, 营销经费, 面额, 使用门槛, 可用时间 and its rule. */
export function BasicRulesStep({ vm }: { vm: StockCreateVm }) {
  const { form, visible } = vm;
  const at = (p: string) => issueAt(visible, p);
  return (
    <>
      <FormSection title="基础规则">
        <Field name="name" label="券名称" issue={at('name')} extra={`${vm.nameWidth}/${NAME_MAX_WIDTH}`} extraOver={vm.nameWidth > NAME_MAX_WIDTH} note="最多 9 个汉字或 18 个英文字符，不能含 _ , ; |">
          <TextInput value={form.name} placeholder="如：全场满100减10" onChange={(t) => vm.set('name', t)} />
        </Field>
        <Field name="funding" label="营销经费" issue={at('funding')}>
          <View className="form-choices">
            <Choice active={form.funding === 'PREPAID'} title={FUNDING_LABELS.PREPAID} desc={FUNDING_DESCRIPTIONS.PREPAID} onSelect={() => vm.set('funding', 'PREPAID')} />
            <Choice
              active={form.funding === 'NO_CASH'}
              disabled={!vm.noCashEnabled && form.funding !== 'NO_CASH'}
              title={FUNDING_LABELS.NO_CASH}
              desc={
                vm.noCashEnabled ? (
                  FUNDING_DESCRIPTIONS.NO_CASH
                ) : (
                  <Text>
                    {FUNDING_DESCRIPTIONS.NO_CASH}（尚未开通，
                    <Text className="form-choices__link" onClick={() => explainNoCash(vm.recheckNoCash)}>立即开通免充值代金券产品功能</Text>）
                  </Text>
                )
              }
              onSelect={() => vm.set('funding', 'NO_CASH')}
            />
          </View>
        </Field>
        <Field name="faceValue" label="面额" issue={at('faceValue')}>
          <TextInput value={form.faceValueText} type="digit" placeholder="0.01–100000" after="元" onChange={(t) => vm.set('faceValueText', t)} />
        </Field>
        <Field name="minSpend" label="使用门槛" issue={at('minSpend')}>
          <TextInput value={form.minSpendText} type="digit" before="消费满" after="元可使用" placeholder="需大于面额" onChange={(t) => vm.set('minSpendText', t)} />
        </Field>
        <Field name="availableBegin" label="可用时间" issue={at('availableBegin') ?? at('availableEnd')} note="最长 90 天；开始时间需在今天起 365 天内">
          <View className="form-window">
            <DateTimeField className="form-window__begin" value={form.availableBegin} onChange={(v) => vm.set('availableBegin', v)} />
            <Text className="form-window__to">至</Text>
            <DateTimeField className="form-window__end" value={form.availableEnd} onChange={(v) => vm.set('availableEnd', v)} />
          </View>
        </Field>
        <Field name="timeRule" label="可用规则" issue={issueAt(visible, 'timeRule', true)}>
          <TimeRuleEditor vm={vm} />
        </Field>
      </FormSection>
    </>
  );
}
