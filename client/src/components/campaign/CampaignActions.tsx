import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { CampaignDetailVm } from '@/hooks/useCampaignDetail';
import './campaign.scss';

/** M3/M4: only what the status allows — 修改, 暂停, 重启 — and why the rest is not there. */
export function CampaignActions({ vm }: { vm: CampaignDetailVm }) {
  const c = vm.data?.campaign;
  if (!c) return null;
  const note = c.status === 'ENDED'
    ? '活动已结束，不能再修改或重启。'
    : c.status === 'PAUSED' && !vm.canRestart
      ? '活动已暂停：配额余额为 0，充值后才能重启。'
      : c.status === 'PAUSED'
        ? '活动已暂停，暂停期间不发券；重启后恢复。'
        : '';
  return (
    <View className="campaign-actions">
      <View className="campaign-actions__row">
        {vm.canEdit ? (
          <Button className="campaign-action campaign-action--edit" size="large" fill="outline" type="primary" onClick={vm.edit}>修改</Button>
        ) : null}
        {vm.canPause ? (
          <Button className="campaign-action campaign-action--pause" size="large" fill="outline" type="warning" loading={vm.busy === 'pause'} disabled={!!vm.busy} onClick={() => void vm.pause()}>暂停</Button>
        ) : null}
        {vm.canRestart ? (
          <Button className="campaign-action campaign-action--restart" size="large" type="primary" loading={vm.busy === 'restart'} disabled={!!vm.busy} onClick={() => void vm.restart()}>重启</Button>
        ) : null}
      </View>
      {note ? <Text className="campaign-actions__note">{note}</Text> : null}
    </View>
  );
}
