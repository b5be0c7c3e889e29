import { Text, View } from '@tarojs/components';
import { Switch, TextArea } from '@nutui/nutui-react-taro';
import { INSTRUCTIONS_MAX, PER_USER_MAX } from '@shared/stock/schema';
import type { StockCreateVm } from '@/hooks/useStockCreate';
import { issueAt } from '@/lib/issues';
import { Chip } from '@/components/form/Chip';
import { Choice } from '@/components/form/Choice';
import { Field, FormSection } from '@/components/form/Field';
import { StoreChecklist } from '@/components/form/StoreChecklist';
import { TextInput } from '@/components/form/TextInput';
import { CodeList } from './CodeList';
import { PURPOSE_LABELS, SCOPE_LABELS } from './stockText';
import './stock.scss';

/** Step 2 其他规则: 券生效时间, excluded goods, 使用说明, scope, quantities, where usable, card pack, purpose. */
export function OtherRulesStep({ vm }: { vm: StockCreateVm }) {
  const { form, visible } = vm;
  const at = (p: string) => issueAt(visible, p);
  const exact = (p: string) => issueAt(visible, p, true);
  const stores = vm.stores.data?.stores ?? [];
  return (
    <>
      <FormSection title="其他规则">
        <Field name="effectiveAfterClaimDays" label="券生效时间" issue={at('effectiveAfterClaimDays')} note="用户需在可用时间内使用">
          <View className="form-choices">
            <Choice active={form.effectiveMode === 'NOW'} title="券在领取后立即生效" onSelect={() => vm.set('effectiveMode', 'NOW')} />
            <Choice active={form.effectiveMode === 'DAYS'} title="券在领取后 N 天生效" onSelect={() => vm.set('effectiveMode', 'DAYS')}>
              <TextInput value={form.effectiveDaysText} type="number" before="领取后" after="天生效" onChange={(t) => vm.set('effectiveDaysText', t)} />
            </Choice>
          </View>
        </Field>
        <Field name="excludedGoodsCodes" label="不参与优惠的商品编码" note="可录入不参与本次全场优惠的商品编码信息，最多 50 个">
          <CodeList
            codes={form.excludedGoodsCodes}
            path="excludedGoodsCodes"
            addLabel="添加商品编码"
            placeholder="商品编码，可用空格分隔多个"
            issueOf={exact}
            onAdd={(t) => vm.addCodes('excludedGoodsCodes', t)}
            onRemove={(c) => vm.removeCode('excludedGoodsCodes', c)}
          />
        </Field>
        <Field name="instructions" label="使用说明" issue={at('instructions')} extra={`${form.instructions.length}/${INSTRUCTIONS_MAX}`} extraOver={form.instructions.length > INSTRUCTIONS_MAX}>
          <TextArea
            className="stock-textarea"
            value={form.instructions}
            placeholder="如：仅限门店及线上商城使用，不与其他优惠同享"
            maxLength={INSTRUCTIONS_MAX}
            autoSize
            onChange={(t) => vm.set('instructions', t)}
          />
        </Field>
      </FormSection>

      <FormSection title="发放与使用">
        <Field name="scope" label="券类型" issue={at('scope') ?? exact('availableGoodsCodes')}>
          <View className="form-choices">
            <Choice active={form.scope === 'ALL'} title={SCOPE_LABELS.ALL} desc="订单中除不参与优惠的商品外均可使用" onSelect={() => vm.set('scope', 'ALL')} />
            <Choice active={form.scope === 'SINGLE_ITEM'} title={SCOPE_LABELS.SINGLE_ITEM} desc="仅下列商品编码可用" onSelect={() => vm.set('scope', 'SINGLE_ITEM')}>
              <CodeList
                codes={form.availableGoodsCodes}
                path="availableGoodsCodes"
                addLabel="添加可用商品编码"
                placeholder="商品编码，可用空格分隔多个"
                issueOf={exact}
                onAdd={(t) => vm.addCodes('availableGoodsCodes', t)}
                onRemove={(c) => vm.removeCode('availableGoodsCodes', c)}
              />
            </Choice>
          </View>
        </Field>
        <Field name="totalQuantity" label="发放总量" issue={at('totalQuantity')}>
          <TextInput value={form.totalQuantityText} type="number" placeholder="1–10000000" after="张" onChange={(t) => vm.set('totalQuantityText', t)} />
        </Field>
        <Field name="perUserLimit" label="每人限领" issue={at('perUserLimit')}>
          <TextInput value={form.perUserLimitText} type="number" placeholder={`1–${PER_USER_MAX}`} after="张" onChange={(t) => vm.set('perUserLimitText', t)} />
        </Field>
        <Field name="usableMerchantIds" label="可用商户" issue={at('usableMerchantIds')} note="默认本商户；可添加同品牌商户号">
          <CodeList
            codes={form.usableMerchantIds}
            path="usableMerchantIds"
            addLabel="添加商户号"
            placeholder="同品牌商户号"
            issueOf={exact}
            onAdd={vm.addMerchant}
            onRemove={vm.removeMerchant}
            fixed={(m) => m === vm.merchantId}
            labelOf={(m) => (m === vm.merchantId && vm.merchantName ? `${vm.merchantName} ${m}` : m)}
          />
        </Field>
        <Field
          name="usableStoreIds"
          label="可用门店"
          issue={at('usableStoreIds')}
          extra={form.usableStoreIds.length ? `已选 ${form.usableStoreIds.length} 家` : '全部门店'}
          note="不选择即所选商户的全部门店可用"
        >
          <StoreChecklist stores={stores} selected={form.usableStoreIds} onToggle={vm.toggleStore}>
            {vm.stores.loading && !stores.length ? <Text className="form-field__note">门店加载中…</Text> : null}
            {vm.stores.error ? <Text className="form-field__note">门店加载失败：{vm.stores.error.message}</Text> : null}
          </StoreChecklist>
        </Field>
        <Field name="cardPackInsertable" label="可放入微信卡包" issue={at('cardPackInsertable')}>
          <View className="stock-switch-row">
            <Text className="form-field__note">用户领取后可在微信卡包中查看</Text>
            <Switch checked={form.cardPackInsertable} onChange={(v) => vm.set('cardPackInsertable', v)} />
          </View>
        </Field>
        <Field name="purpose" label="用途" issue={at('purpose')} note={form.purpose === 'QUOTA_CAMPAIGN' ? '仅可用于配额发券活动' : '可用于直播间、APPID 营销等'}>
          <View className="form-chips">
            {(['GENERAL', 'QUOTA_CAMPAIGN'] as const).map((p) => (
              <Chip key={p} active={form.purpose === p} role="radio" onClick={() => vm.set('purpose', p)}>
                {PURPOSE_LABELS[p]}
              </Chip>
            ))}
          </View>
        </Field>
      </FormSection>
    </>
  );
}
