import { View } from '@tarojs/components';
import { PROMOTION_TYPES, PROMOTION_TYPE_LABELS } from '@shared/campaign/schema';
import type { CampaignCreateVm } from '@/hooks/useCampaignCreate';
import { Choice } from '@/components/form/Choice';
import { FormSection } from '@/components/form/Field';
import { PROMOTION_TYPE_DESCRIPTIONS } from './campaignText';
import './campaign.scss';

/** Step 1 推广类型 (C0): 推广门店 / 推广小程序 / 推广小程序+门店. */
export function PromotionTypeStep({ vm }: { vm: CampaignCreateVm }) {
  return (
    <FormSection title="选择推广类型">
      <View className="form-field campaign-types">
        <View className="form-choices">
          {PROMOTION_TYPES.map((t) => (
            <Choice
              key={t}
              className={`campaign-type campaign-type--${t}`}
              active={vm.form.promotionType === t}
              title={PROMOTION_TYPE_LABELS[t]}
              desc={PROMOTION_TYPE_DESCRIPTIONS[t]}
              onSelect={() => vm.set('promotionType', t)}
            />
          ))}
        </View>
      </View>
    </FormSection>
  );
}
