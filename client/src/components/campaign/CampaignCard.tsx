import { Image, Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { OutputOf } from '@shared/api';
import { CAMPAIGN_STATUS_LABELS, PROMOTION_TYPE_LABELS, type Campaign } from '@shared/campaign/schema';
import { formatShanghai } from '@shared/time';
import { fileUrl } from '@/services/upload';
import { formatCount, formatYuan } from '@/lib/format';
import { STATUS_TAG, headline, shortRange } from './campaignText';
import './campaign.scss';

export type CampaignItem = OutputOf<'campaign', 'list'>['campaigns'][number];
type Item = CampaignItem;

export function CampaignStatusTag({ status }: { status: Campaign['status'] }) {
  const c = STATUS_TAG[status];
  return (
    <Tag className={`campaign-status campaign-status--${status}`} round background={c.background} color={c.color}>
      {CAMPAIGN_STATUS_LABELS[status]}
    </Tag>
  );
}

/** One campaign in the list: what it shows, when, its status and its latest T+1 figures. */
export function CampaignCard({ campaign, onOpen }: { campaign: Item; onOpen: (c: Item) => void }) {
  const d = campaign.delivery;
  const s = campaign.latestStats;
  const logo = fileUrl(d.logo);
  return (
    <View className="campaign-card" onClick={() => onOpen(campaign)}>
      <View className="campaign-card__head">
        {logo ? <Image className="campaign-card__logo" src={logo} mode="aspectFill" /> : <View className="campaign-card__logo campaign-ph" />}
        <View className="campaign-card__titles">
          <Text className="campaign-card__title">{headline(d.brandName, d.title)}</Text>
          <Text className="campaign-card__subtitle">{d.subtitle}</Text>
        </View>
        <CampaignStatusTag status={campaign.status} />
      </View>
      <Text className="campaign-card__meta">{shortRange(d.startAt, d.endAt)}</Text>
      <Text className="campaign-card__meta">
        {PROMOTION_TYPE_LABELS[campaign.promotionType]} · {campaign.content.kind === 'PACK' ? `礼包 ${campaign.content.items.length} 张券` : '单张券'}
      </Text>
      <View className="campaign-card__stats">
        {s ? (
          <>
            <Text className="campaign-card__day">{formatShanghai(`${s.day}T00:00:00+08:00`, 'MM月DD日')}</Text>
            <View className="campaign-card__figures">
              <View className="campaign-card__figure"><Text className="campaign-card__value">{formatCount(s.claims)}</Text><Text className="campaign-card__label">领取</Text></View>
              <View className="campaign-card__figure"><Text className="campaign-card__value">{formatCount(s.redemptions)}</Text><Text className="campaign-card__label">核销</Text></View>
              <View className="campaign-card__figure"><Text className="campaign-card__value">{formatYuan(s.redeemedAmount)}</Text><Text className="campaign-card__label">核销金额(元)</Text></View>
            </View>
          </>
        ) : (
          <Text className="campaign-card__nodata">暂无数据（开始投放后次日 12:00 更新）</Text>
        )}
      </View>
      <View className="campaign-card__foot">
        <Text>累计领取 {formatCount(campaign.totals.claims)} · 核销 {formatCount(campaign.totals.redemptions)}</Text>
        <Text className="campaign-card__more">详情 ›</Text>
      </View>
    </View>
  );
}
