import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { Me, Membership } from '@shared/account/schema';
import { ROLE_LABELS } from '@shared/account/roles';
import './home.scss';

interface Props {
  me: Me;
  acting: Membership | null;
  canSwitch: boolean;
  onSwitch: () => void;
}

/** Who is signed in and which merchant/role they act as, with the switcher when there is a choice. */
export function HomeHeader({ me, acting, canSwitch, onSwitch }: Props) {
  return (
    <View className="home-header">
      <Text className="home-header__hello">你好，{me.nickname}</Text>
      {acting ? (
        <>
          <View className="home-header__row">
            <Text className="home-header__merchant">{acting.merchantName}</Text>
            {canSwitch ? (
              <Button className="home-header__switch" size="small" shape="round" onClick={onSwitch}>
                切换
              </Button>
            ) : null}
          </View>
          <View className="home-header__meta">
            <Tag className="home-header__role" background="rgba(255,255,255,0.22)" color="#ffffff" round>
              {ROLE_LABELS[acting.role]}
            </Tag>
            <Text className="home-header__id">商户号 {acting.merchantId}</Text>
          </View>
        </>
      ) : (
        <Text className="home-header__merchant">欢迎使用券管家</Text>
      )}
    </View>
  );
}
