import type { Role } from '@shared/account/schema';
import type { RouteName } from './routes';

export type FeatureIcon = 'merchants' | 'recharge' | 'quota' | 'stores';

export interface Feature {
  key: string;
  title: string;
  route: RouteName;
  icon: FeatureIcon;
}

const merchants: Feature = { key: 'merchants', title: '商户列表', route: 'merchants', icon: 'merchants' };
const recharge: Feature = { key: 'recharge', title: '配额充值', route: 'recharge', icon: 'recharge' };
const quota: Feature = { key: 'quota', title: '配额余额/流水', route: 'quota', icon: 'quota' };
const stores: Feature = { key: 'stores', title: '门店', route: 'stores', icon: 'stores' };

/**
 * What each role may do from home (PRODUCT.md roles table). Only features that exist are listed:
 * a tile that leads nowhere is worse than no tile.
 */
export const FEATURES_BY_ROLE: Record<Role, readonly Feature[]> = {
  SP_ADMIN: [merchants, recharge, stores],
  MERCHANT_ADMIN: [quota, stores],
  LIVE_HOST: [stores],
  STORE_STAFF: [stores],
};
