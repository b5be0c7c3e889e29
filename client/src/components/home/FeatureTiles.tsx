import { View } from '@tarojs/components';
import { Grid } from '@nutui/nutui-react-taro';
import { Coupon, Order, ShieldCheck, Store, Wallet, List } from '@nutui/icons-react-taro';
import type { Feature, FeatureIcon } from '@/lib/features';
import './home.scss';

const ICON_COLOR = '#07c160';

function FeatureGlyph({ icon }: { icon: FeatureIcon }) {
  switch (icon) {
    case 'merchants':
      return <List size={28} color={ICON_COLOR} />;
    case 'recharge':
      return <Wallet size={28} color={ICON_COLOR} />;
    case 'quota':
      return <Order size={28} color={ICON_COLOR} />;
    case 'stores':
      return <Store size={28} color={ICON_COLOR} />;
    case 'stocks':
      return <Coupon size={28} color={ICON_COLOR} />;
    case 'authorizations':
      return <ShieldCheck size={28} color={ICON_COLOR} />;
  }
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
