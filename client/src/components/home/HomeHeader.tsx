import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { Me, Membership } from '@shared/account/schema';
import type { MerchantRef } from '@/hooks/useSession';
import { ROLE_LABELS } from '@shared/account/roles';
import './home.scss';

interface Props {
  me: Me;
  acting: Membership | null;
  canSwitch: boolean;
  onSwitch: () => void;
  /** SP_ADMIN: the sub-merchant its pages act for. */
  target: MerchantRef | null;
  canSwitchTarget: boolean;
  onSwitchTarget: () => void;
  /** SP_ADMIN whose merchants failed to load: 重试 in place of 换商户. */
  onRetryTarget?: () => void;
}

/** Who is signed in and which merchant/role they act as, with the switcher when there is a choice. */
export function HomeHeader({ me, acting, canSwitch, onSwitch, target, canSwitchTarget, onSwitchTarget, onRetryTarget }: Props) {
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
          {target || onRetryTarget ? (
            <View className="home-header__target">
              <Text className="home-header__target-name">{target ? `管理中：${target.name}` : '商户加载失败'}</Text>
              {canSwitchTarget || onRetryTarget ? (
                <Button className="home-header__switch" size="small" shape="round" onClick={onRetryTarget ?? onSwitchTarget}>
                  {onRetryTarget ? '重试' : '换商户'}
                </Button>
              ) : null}
            </View>
          ) : null}
        </>
      ) : (
        <Text className="home-header__merchant">欢迎使用券管家</Text>
      )}
    </View>
  );
}
