import { Image, Text, View } from '@tarojs/components';
import type { StockSummary } from '@shared/campaign/schema';
import { fenToYuanShort } from '@shared/money';
import { formatShanghai } from '@shared/time';
import { headline } from './campaignText';
import './campaign.scss';

export interface PreviewCoupon {
  stockId: string;
  stock: StockSummary | undefined;
  smallUrl?: string;
  largeUrl?: string;
}

export interface PreviewData {
  logoUrl: string;
  brandName: string;
  title: string;
  subtitle: string;
  kind: 'SINGLE' | 'PACK';
  coupons: PreviewCoupon[];
  startAt: string;
  endAt: string;
}

const amount = (s: StockSummary | undefined) => (s ? fenToYuanShort(s.faceValue) : '--');
const threshold = (s: StockSummary | undefined) => (s ? `满${fenToYuanShort(s.minSpend)}元可用` : '满-元可用');

function Logo({ url, className }: { url: string; className: string }) {
  return url ? <Image className={className} src={url} mode="aspectFill" /> : <View className={`${className} campaign-ph`} />;
}

/** 入口预览: the card a consumer sees in the feed — logo, 品牌名 + 标题, 副标题, the coupons in short. */
export function EntryPreview({ data }: { data: PreviewData }) {
  const total = data.coupons.reduce((s, c) => s + (c.stock?.faceValue ?? 0), 0);
  return (
    <View className="campaign-entry">
      <View className="campaign-entry__card">
        <Logo url={data.logoUrl} className="campaign-entry__logo" />
        <View className="campaign-entry__text">
          <Text className={`campaign-entry__title ${data.title ? '' : 'campaign-ph-text'}`}>{headline(data.brandName || '品牌名', data.title || '活动标题')}</Text>
          <Text className={`campaign-entry__subtitle ${data.subtitle ? '' : 'campaign-ph-text'}`}>{data.subtitle || '活动副标题'}</Text>
          <View className="campaign-entry__coupons">
            {data.kind === 'PACK' ? (
              <Text className="campaign-entry__pill">礼包 {data.coupons.length} 张 · 共 ¥{total ? fenToYuanShort(total) : '--'}</Text>
            ) : (
              <Text className="campaign-entry__pill">¥{amount(data.coupons[0]?.stock)} · {threshold(data.coupons[0]?.stock)}</Text>
            )}
          </View>
        </View>
        <View className="campaign-entry__btn">领取</View>
      </View>
      <Text className="campaign-entry__caption">用户在微信支付入口看到的活动卡片</Text>
    </View>
  );
}

/** 内页预览: the landing page after a tap — header, the coupons (pack: with their pictures), 立即领取. */
export function LandingPreview({ data }: { data: PreviewData }) {
  return (
    <View className="campaign-landing">
      <View className="campaign-landing__head">
        <View className="campaign-landing__brand">
          <Logo url={data.logoUrl} className="campaign-landing__logo" />
          <Text className="campaign-landing__brand-name">{data.brandName || '品牌名'}</Text>
        </View>
        <Text className="campaign-landing__title">{headline(data.brandName, data.title || '活动标题')}</Text>
        <Text className="campaign-landing__subtitle">{data.subtitle || '活动副标题'}</Text>
      </View>
      <View className="campaign-landing__body">
        {data.coupons.map((c, i) => (
          <View key={`${c.stockId}-${i}`} className="campaign-landing__coupon">
            {data.kind === 'PACK' ? (
              c.largeUrl ? <Image className="campaign-landing__large" src={c.largeUrl} mode="aspectFill" /> : <View className="campaign-landing__large campaign-ph" />
            ) : null}
            <View className="campaign-landing__ticket">
              <View className="campaign-landing__value">
                <Text className="campaign-landing__amount"><Text className="campaign-landing__yen">¥</Text>{amount(c.stock)}</Text>
                <Text className="campaign-landing__threshold">{threshold(c.stock)}</Text>
              </View>
              <View className="campaign-landing__info">
                {data.kind === 'PACK' ? <Logo url={c.smallUrl ?? ''} className="campaign-landing__small" /> : null}
                <View className="campaign-landing__info-text">
                  <Text className="campaign-landing__name">{c.stock?.name ?? (c.stockId ? `批次 ${c.stockId}` : '代金券')}</Text>
                  <Text className="campaign-landing__valid">
                    {c.stock ? `${formatShanghai(c.stock.availableBegin, 'MM.DD')}–${formatShanghai(c.stock.availableEnd, 'MM.DD')} 可用` : '有效期'}
                  </Text>
                </View>
              </View>
            </View>
          </View>
        ))}
        <View className="campaign-landing__cta">{data.kind === 'PACK' ? '一键领取礼包' : '立即领取'}</View>
        <Text className="campaign-landing__foot">
          活动时间 {formatShanghai(data.startAt, 'YYYY.MM.DD HH:mm')} – {formatShanghai(data.endAt, 'YYYY.MM.DD HH:mm')}；每张券每人限领 1 次
        </Text>
      </View>
    </View>
  );
}

/** C2: 入口预览 / 内页预览, switchable. */
export function PreviewSwitch({ data, mode, onMode }: { data: PreviewData; mode: 'entry' | 'landing'; onMode: (m: 'entry' | 'landing') => void }) {
  return (
    <View className="campaign-preview">
      <View className="campaign-preview__tabs" role="tablist">
        {(['entry', 'landing'] as const).map((m) => (
          <View key={m} role="tab" aria-selected={mode === m} className={`campaign-preview__tab campaign-preview__tab--${m} ${mode === m ? 'campaign-preview__tab--active' : ''}`} onClick={() => onMode(m)}>
            {m === 'entry' ? '入口预览' : '内页预览'}
          </View>
        ))}
      </View>
      <View className="campaign-preview__stage">
        {mode === 'entry' ? <EntryPreview data={data} /> : <LandingPreview data={data} />}
      </View>
    </View>
  );
}
