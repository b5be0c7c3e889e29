import type { Role } from '@shared/account/schema';
import type { RouteName } from './routes';

export type FeatureIcon = 'merchants' | 'recharge' | 'quota' | 'stores' | 'stocks' | 'authorizations' | 'redeem' | 'live' | 'campaigns';

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
const stocks: Feature = { key: 'stocks', title: '代金券', route: 'stockList', icon: 'stocks' };
const authorizations: Feature = { key: 'authorizations', title: 'APPID 营销授权', route: 'stockAuthorizations', icon: 'authorizations' };
const live: Feature = { key: 'live', title: '直播间', route: 'liveRooms', icon: 'live' };
const redeem: Feature = { key: 'redeem', title: '核销', route: 'walletRedeem', icon: 'redeem' };
const campaigns: Feature = { key: 'campaigns', title: '配额发券', route: 'campaignList', icon: 'campaigns' };

/**
 * What each role may do from home (PRODUCT.md roles table). Only features that exist are listed:
 * a tile that leads nowhere is worse than no tile.
 */
export const FEATURES_BY_ROLE: Record<Role, readonly Feature[]> = {
  // Merchant pages act for the SP's chosen sub-merchant (useActingMerchant).
  SP_ADMIN: [merchants, recharge, campaigns, stocks, authorizations, live, stores],
  MERCHANT_ADMIN: [campaigns, stocks, authorizations, live, quota, stores],
  // LIVE_HOST reads its merchant's stocks (to add them to a live room); the pages hide the actions.
  LIVE_HOST: [live, stocks, stores],
  // Store staff redeem coupons at the till (W4); 我的卡包 is the consumer's, not the staff's.
  STORE_STAFF: [redeem, campaigns, stores],
};
