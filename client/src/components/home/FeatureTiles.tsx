import { View } from '@tarojs/components';
import { Grid } from '@nutui/nutui-react-taro';
import type { Feature, FeatureIcon } from '@/lib/features';
import './home.scss';

/** One character per feature, drawn by CSS: the icon font's base64 SVGs cost ~2 KB each in the main package. */
const GLYPH: Record<FeatureIcon, string> = {
  merchants: '商', recharge: '充', quota: '额', stores: '店', stocks: '券', authorizations: '权', redeem: '销', live: '播', campaigns: '礼',
};

function FeatureGlyph({ icon }: { icon: FeatureIcon }) {
  return <View className="home-tiles__glyph">{GLYPH[icon]}</View>;
}

/** One big tile per feature the acting role may open. */
export function FeatureTiles({ features, onOpen }: { features: readonly Feature[]; onOpen: (f: Feature) => void }) {
  return (
    <View className="home-section">
      <View className="home-section__title">常用功能</View>
      <Grid columns={3} className="home-tiles">
        {features.map((f) => (
          <Grid.Item key={f.key} text={f.title} className="home-tiles__item" onClick={() => onOpen(f)}>
            <FeatureGlyph icon={f.icon} />
          </Grid.Item>
        ))}
      </Grid>
    </View>
  );
}
