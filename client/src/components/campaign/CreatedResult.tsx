import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { SuccessF } from '@nutui/icons-react-taro';
import type { Campaign } from '@shared/campaign/schema';
import { formatTime } from '@/lib/format';
import { headline } from './campaignText';
import './campaign.scss';

interface Props {
  campaign: Campaign;
  onOpen: () => void;
  onList: () => void;
  onAnother: () => void;
}

/** After 确认创建: what was created, when it starts, and where to go next. */
export function CreatedResult({ campaign, onOpen, onList, onAnother }: Props) {
  return (
    <View className="campaign-created">
      <SuccessF size={56} color="#07c160" />
      <Text className="campaign-created__title">活动创建成功</Text>
      <Text className="campaign-created__name">{headline(campaign.delivery.brandName, campaign.delivery.title)}</Text>
      <Text className="campaign-created__text">活动 ID {campaign.campaignId}</Text>
      <Text className="campaign-created__text">将于 {formatTime(campaign.delivery.startAt)} 开始投放，至 {formatTime(campaign.delivery.endAt)} 结束</Text>
      <View className="campaign-created__actions">
        <Button className="campaign-created__open" block size="large" type="primary" onClick={onOpen}>查看活动详情</Button>
        <Button className="campaign-created__list" block size="large" fill="outline" type="primary" onClick={onList}>返回活动列表</Button>
        <Button className="campaign-created__again" block size="large" fill="none" onClick={onAnother}>再创建一个活动</Button>
      </View>
    </View>
  );
}
