import { Image, View } from '@tarojs/components';
import type { Campaign, StockSummary } from '@shared/campaign/schema';
import { fileUrl } from '@/services/upload';
import { StockLine } from './StockLine';
import './campaign.scss';

/** 投放内容 of a saved campaign: each coupon, and for a gift pack its small and large pictures. */
export function CampaignContent({ campaign, stocks }: { campaign: Campaign; stocks: readonly StockSummary[] }) {
  const byId = new Map(stocks.map((s) => [s.stockId, s]));
  const c = campaign.content;
  if (c.kind === 'SINGLE') {
    return (
      <View className="campaign-content">
        <StockLine stock={byId.get(c.stockId)} stockId={c.stockId} />
      </View>
    );
  }
  return (
    <View className="campaign-content">
      {c.items.map((it) => (
        <View key={it.stockId} className="campaign-content__item">
          <StockLine stock={byId.get(it.stockId)} stockId={it.stockId} />
          <View className="campaign-content__images">
            <Image className="campaign-content__small" src={fileUrl(it.smallImage)} mode="aspectFill" />
            <Image className="campaign-content__large" src={fileUrl(it.largeImage)} mode="aspectFill" />
          </View>
        </View>
      ))}
    </View>
  );
}
