import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AGE_BANDS, AREA_LABELS, AREAS, AUDIENCE_LABELS, AUDIENCE_SOURCES, GENDER_LABELS, GENDERS, PROMOTION_TYPE_LABELS } from '@shared/campaign/schema';
import type { CampaignCreateVm } from '@/hooks/useCampaignCreate';
import { issueAt, issuesAt } from '@/lib/issues';
import { formatCount } from '@/lib/format';
import { AppidPicker } from '@/components/form/AppidPicker';
import { Chip } from '@/components/form/Chip';
import { Choice } from '@/components/form/Choice';
import { Field, FormSection } from '@/components/form/Field';
import { StoreChecklist } from '@/components/form/StoreChecklist';
import { TextInput } from '@/components/form/TextInput';
import { StockIssues } from './StockIssues';
import { AGE_BAND_LABELS, formatDistance } from './campaignText';
import './campaign.scss';

function Stores({ vm }: { vm: CampaignCreateVm }) {
  const rows = vm.storeRows;
  const all = rows.length > 0 && rows.every((r) => r.selected);
  // R9 is judged per coupon, but it is the store choice that breaks it: say it here too.
  const r9 = vm.visible.filter((i) => i.rule === 'R9');
  return (
    <Field name="storeIds" label="投放门店" issue={issueAt(vm.visible, 'targeting.storeIds')}>
      <View className="campaign-stores__head">
        <Text className="campaign-stores__count">已选 {vm.form.storeIds.length} / {rows.length} 家{vm.referenceName ? ` · 距离以「${vm.referenceName}」计` : ''}</Text>
        {rows.length > 1 ? <Text className="campaign-stores__all" onClick={vm.selectAllStores}>{all ? '全不选' : '全选'}</Text> : null}
      </View>
      <StoreChecklist
        className="campaign-stores"
        itemClassName="campaign-store"
        stores={rows}
        selected={vm.form.storeIds}
        onToggle={vm.toggleStore}
        aside={(s) => (s.km !== null ? <Text className="campaign-store__km">{formatDistance(s.km)}</Text> : null)}
      >
        {!rows.length && !vm.stores.loading ? <Text className="form-field__note">该商户还没有门店</Text> : null}
      </StoreChecklist>
      <StockIssues issues={r9} />
    </Field>
  );
}

function MiniProgram({ vm }: { vm: CampaignCreateVm }) {
  return (
    <>
      <Field name="appid" label="核销小程序 APPID" issue={issueAt(vm.visible, 'targeting.miniProgram.appid') ?? issueAt(vm.visible, 'targeting.miniProgram', true)} note="用户领券后点「立即使用」跳转到这个小程序">
        <AppidPicker options={vm.appids.data?.appids ?? []} value={vm.form.appid} onChange={(t) => vm.set('appid', t)} />
      </Field>
      <Field name="path" label="小程序 path" issue={issueAt(vm.visible, 'targeting.miniProgram.path')} note="用券的页面路径">
        <TextInput value={vm.form.path} placeholder="如 pages/coupon/index" onChange={(t) => vm.set('path', t)} />
      </Field>
    </>
  );
}

function Audience({ vm }: { vm: CampaignCreateVm }) {
  const seedBusy = vm.upload.busy === 'targeting.audience.seedPackageId';
  return (
    <Field name="audience" label="目标人群" issue={issueAt(vm.visible, 'targeting.audience', true)}>
      <View className="form-choices">
        {AUDIENCE_SOURCES.map((s) => (
          <Choice
            key={s}
            className={`campaign-audience campaign-audience--${s}`}
            active={vm.form.audienceSource === s}
            title={AUDIENCE_LABELS[s]}
            desc={s === 'SEED_PACKAGE' ? '上传用户 ID 的 CSV，按种子用户智能扩散' : '按本商户号的交易用户智能扩散'}
            onSelect={() => vm.set('audienceSource', s)}
          >
            {s === 'SEED_PACKAGE' ? (
              <View className="campaign-seed">
                {vm.form.seed ? (
                  <Text className="campaign-seed__file">{vm.form.seed.name} · 共 {formatCount(vm.form.seed.rows)} 个用户</Text>
                ) : null}
                <Button className="campaign-seed__btn" size="small" fill="outline" type="primary" loading={seedBusy} onClick={() => void vm.uploadSeed()}>
                  {vm.form.seed ? '重新上传' : '上传种子包（CSV）'}
                </Button>
                <StockIssues issues={issuesAt(vm.visible, 'targeting.audience.seedPackageId')} />
              </View>
            ) : null}
          </Choice>
        ))}
      </View>
    </Field>
  );
}

/** Step 3 精准定向 (T1–T4), by promotion type. */
export function TargetingStep({ vm }: { vm: CampaignCreateVm }) {
  const type = vm.form.promotionType;
  return (
    <FormSection title={`精准定向 · ${PROMOTION_TYPE_LABELS[type]}`}>
      {type !== 'MINIPROGRAM' ? <Stores vm={vm} /> : null}
      {type !== 'STORE' ? <MiniProgram vm={vm} /> : null}
      {type === 'MINIPROGRAM_AND_STORE' ? (
        <Field name="area" label="投放范围" issue={issueAt(vm.visible, 'targeting.area')}>
          <View className="form-chips">
            {AREAS.map((a) => (
              <Chip key={a} className={`campaign-area campaign-area--${a}`} active={vm.form.area === a} onClick={() => vm.set('area', a)}>
                {AREA_LABELS[a]}
              </Chip>
            ))}
          </View>
        </Field>
      ) : null}
      {type !== 'STORE' ? <Audience vm={vm} /> : null}
      <Field name="tags" label="画像标签（可选）" issue={issueAt(vm.visible, 'targeting.tags')} note="按年龄、性别精准投放，如酒类品牌选择 18 岁以上">
        <Text className="campaign-tags__label">年龄（不选为不限）</Text>
        <View className="form-chips">
          {AGE_BANDS.map((a) => (
            <Chip key={a} className="campaign-age" active={vm.form.ageBands.includes(a)} onClick={() => vm.toggleAgeBand(a)}>
              {AGE_BAND_LABELS[a]}
            </Chip>
          ))}
        </View>
        <Text className="campaign-tags__label">性别</Text>
        <View className="form-chips">
          {GENDERS.map((g) => (
            <Chip key={g} className="campaign-gender" active={vm.form.gender === g} onClick={() => vm.set('gender', g)}>
              {GENDER_LABELS[g]}
            </Chip>
          ))}
        </View>
      </Field>
    </FormSection>
  );
}
