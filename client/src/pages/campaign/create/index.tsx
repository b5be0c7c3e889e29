import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { PageShell } from '@/components/PageShell';
import { LoadState } from '@/components/LoadState';
import { DraftNote } from '@/components/form/DraftNote';
import { Forbidden } from '@/components/account/Forbidden';
import { ConfirmStep } from '@/components/campaign/ConfirmStep';
import { CreatedResult } from '@/components/campaign/CreatedResult';
import { DeliveryStep } from '@/components/campaign/DeliveryStep';
import { PreviewSwitch } from '@/components/campaign/CampaignPreview';
import { PromotionTypeStep } from '@/components/campaign/PromotionTypeStep';
import { TargetingStep } from '@/components/campaign/TargetingStep';
import { WizardSteps } from '@/components/campaign/WizardSteps';
import { STEP_TITLES } from '@/hooks/useCampaignForm';
import { useCampaignCreate } from '@/hooks/useCampaignCreate';

export default function CampaignCreatePage() {
  const vm = useCampaignCreate();
  if (vm.forbidden) return <PageShell><Forbidden what="新建配额发券活动" /></PageShell>;
  if (vm.created) {
    return (
      <PageShell>
        <CreatedResult campaign={vm.created} onOpen={vm.openCreated} onList={vm.openList} onAnother={vm.createAnother} />
      </PageShell>
    );
  }
  const last = STEP_TITLES.length - 1;
  return (
    <PageShell className="campaign-create">
      <LoadState loading={!vm.acting} error={undefined} hasData={!!vm.acting}>
        <WizardSteps titles={STEP_TITLES} current={vm.step} onStep={vm.goStep} />
        <DraftNote shown={vm.draftRestored} onDiscard={vm.discardDraft} />
        {vm.step === 0 ? <PromotionTypeStep vm={vm} /> : null}
        {vm.step === 1 ? <DeliveryStep vm={vm} /> : null}
        {vm.step === 2 ? <TargetingStep vm={vm} /> : null}
        {vm.step === 3 ? <PreviewSwitch data={vm.preview} mode={vm.previewMode} onMode={vm.setPreviewMode} /> : null}
        {vm.step === last ? (
          <ConfirmStep vm={vm} />
        ) : (
          <View className="form-actions">
            {vm.step > 0 ? (
              <Button className="form-actions__btn campaign-prev" size="large" fill="outline" onClick={vm.back}>
                上一步
              </Button>
            ) : null}
            <Button className="form-actions__btn campaign-next" size="large" type="primary" loading={vm.checking} onClick={vm.next}>
              下一步
            </Button>
          </View>
        )}
      </LoadState>
    </PageShell>
  );
}
