import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { PublicCampaign } from '@/hooks/useClaim';
import { shortTime } from './walletText';
import './wallet.scss';

interface Props {
  campaign: PublicCampaign | undefined;
  canClaim: boolean;
  claiming: boolean;
  networkFailed: boolean;
  onClaim: () => void;
}

/** Why there is nothing to claim right now, from the campaign's status. */
function closedText(c: PublicCampaign): string {
  switch (c.status) {
    case 'NOT_STARTED':
      return `活动未开始，${shortTime(c.startAt)} 起可领`;
    case 'PAUSED':
      return '活动已暂停，暂不能领取';
    case 'ENDED':
      return '活动已结束';
    default:
      return '';
  }
}

/** The big 领取 button, or why it is not there; 重试 after a network error keeps the same request. */
export function ClaimAction({ campaign, canClaim, claiming, networkFailed, onClaim }: Props) {
  const closed = campaign && campaign.status !== 'DELIVERING' ? closedText(campaign) : '';
  return (
    <View className="claim-action">
      {closed ? (
        <Button className="claim-action__btn" block size="large" disabled>
          {closed}
        </Button>
      ) : (
        <Button className="claim-action__btn" block size="large" type="primary" loading={claiming} disabled={!canClaim && !claiming} onClick={onClaim}>
          {networkFailed ? '重试领取' : '立即领取'}
        </Button>
      )}
      {networkFailed ? (
        <Text className="claim-action__warn">网络异常，领取结果未知。点「重试领取」沿用同一请求，不会重复领取。</Text>
      ) : campaign && !closed ? (
        <Text className="claim-action__note">
          每张券每人限领一次 · 活动至 {shortTime(campaign.endAt)}
        </Text>
      ) : null}
    </View>
  );
}
