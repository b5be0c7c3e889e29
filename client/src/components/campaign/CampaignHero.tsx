import { Image, Text, View } from '@tarojs/components';
import type { Campaign } from '@shared/campaign/schema';
import { fileUrl } from '@/services/upload';
import { formatCount } from '@/lib/format';
import { CampaignStatusTag } from './CampaignCard';
import { headline, shortRange, spanDays } from './campaignText';
import './campaign.scss';

/** The top of the detail: logo, 品牌名 + 标题, 副标题, status, when, and the quota left. */
export function CampaignHero({ campaign, quota }: { campaign: Campaign; quota: { opened: boolean; balance: number } }) {
  const d = campaign.delivery;
  const logo = fileUrl(d.logo);
  return (
    <View className="campaign-hero">
      <View className="campaign-hero__head">
        {logo ? <Image className="campaign-hero__logo" src={logo} mode="aspectFill" /> : <View className="campaign-hero__logo campaign-ph" />}
        <View className="campaign-hero__titles">
          <Text className="campaign-hero__title">{headline(d.brandName, d.title)}</Text>
          <Text className="campaign-hero__subtitle">{d.subtitle}</Text>
        </View>
        <CampaignStatusTag status={campaign.status} />
      </View>
      <Text className="campaign-hero__range">{shortRange(d.startAt, d.endAt)} · 共 {spanDays(Date.parse(d.startAt), Date.parse(d.endAt))} 天</Text>
      <View className="campaign-hero__foot">
        <Text className="campaign-hero__id">活动 ID {campaign.campaignId}</Text>
        <Text className="campaign-hero__quota">配额余额 {quota.opened ? `${formatCount(quota.balance)} 张` : '未开户'}</Text>
      </View>
    </View>
  );
}
