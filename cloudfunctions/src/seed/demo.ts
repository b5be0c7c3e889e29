import { toRfc3339 } from '@shared/time';
import type { Store } from '../store/port';
import { newId } from '../runtime/ids';
import { C, type AppidDoc, type BrandGroupDoc, type LedgerDoc, type MemberDoc, type MerchantDoc, type QuotaAccountDoc, type StoreDoc } from '../runtime/records';

/**
 * Demo data for the local runtime: one service provider with three sub-merchants in two brand
 * groups, stores with real-looking locations, APPIDs bound to merchants, one member per role and
 * 50 consumers. Ids are fixed so that tests and the README can name them.
 */
export const DEMO = {
  provider: '1900000001',
  carrefourSh: '1900000101',
  carrefourBj: '1900000102',
  coffee: '1900000201',
  members: { sp: 'sp-admin', merchant: 'merchant-admin', host: 'live-host', staff: 'store-staff' },
  consumerCount: 50,
} as const;

export const consumerId = (n: number): string => `consumer-${String(n).padStart(2, '0')}`;

const merchants: MerchantDoc[] = [
  { id: DEMO.provider, name: '云选科技（服务商）', kind: 'SERVICE_PROVIDER', providerId: null, brandGroupId: null, noCashEnabled: true },
  { id: DEMO.carrefourSh, name: '家乐福上海', kind: 'SUB_MERCHANT', providerId: DEMO.provider, brandGroupId: 'bg-carrefour', noCashEnabled: true },
  { id: DEMO.carrefourBj, name: '家乐福北京', kind: 'SUB_MERCHANT', providerId: DEMO.provider, brandGroupId: 'bg-carrefour', noCashEnabled: false },
  { id: DEMO.coffee, name: '星火咖啡', kind: 'SUB_MERCHANT', providerId: DEMO.provider, brandGroupId: 'bg-xinghuo', noCashEnabled: false },
];

const brandGroups: BrandGroupDoc[] = [
  { id: 'bg-carrefour', name: '家乐福', merchantIds: [DEMO.carrefourSh, DEMO.carrefourBj] },
  { id: 'bg-xinghuo', name: '星火咖啡', merchantIds: [DEMO.coffee] },
];

const stores: StoreDoc[] = [
  { id: 'st-sh-gubei', merchantId: DEMO.carrefourSh, name: '家乐福古北店', address: '上海市长宁区水城南路268号', lat: 31.1986, lng: 121.3979 },
  { id: 'st-sh-wujiaochang', merchantId: DEMO.carrefourSh, name: '家乐福五角场店', address: '上海市杨浦区淞沪路8号', lat: 31.3021, lng: 121.5135 },
  { id: 'st-sh-jinqiao', merchantId: DEMO.carrefourSh, name: '家乐福金桥店', address: '上海市浦东新区张杨路3611号', lat: 31.2603, lng: 121.5937 },
  { id: 'st-bj-zhongguancun', merchantId: DEMO.carrefourBj, name: '家乐福中关村店', address: '北京市海淀区中关村广场购物中心', lat: 39.9836, lng: 116.3078 },
  { id: 'st-bj-shuangjing', merchantId: DEMO.carrefourBj, name: '家乐福双井店', address: '北京市朝阳区东三环中路31号', lat: 39.8937, lng: 116.4612 },
  { id: 'st-xh-jingan', merchantId: DEMO.coffee, name: '星火咖啡静安寺店', address: '上海市静安区南京西路1618号', lat: 31.2235, lng: 121.4456 },
  { id: 'st-xh-xuhui', merchantId: DEMO.coffee, name: '星火咖啡徐家汇店', address: '上海市徐汇区虹桥路1号', lat: 31.1955, lng: 121.4372 },
];

const appids: AppidDoc[] = [
  { id: 'wxebb78adbe8371f8c', merchantId: DEMO.carrefourSh, type: 'MINIPROGRAM', nickname: '家乐福线上商城' },
  { id: 'wx5a3f9c21d7e4b680', merchantId: DEMO.carrefourSh, type: 'MINIPROGRAM', nickname: '家乐福直播间' },
  { id: 'wx91c2e8f04a6d3b17', merchantId: DEMO.carrefourBj, type: 'MINIPROGRAM', nickname: '家乐福北京到家' },
  { id: 'wx0d7b3e5c9a1f2468', merchantId: DEMO.coffee, type: 'MINIPROGRAM', nickname: '星火咖啡点单' },
];

const members: MemberDoc[] = [
  { id: DEMO.members.sp, openid: 'o-demo-sp-admin', nickname: '李敏（服务商）', memberships: [{ role: 'SP_ADMIN', merchantId: DEMO.provider, storeIds: [] }] },
  {
    id: DEMO.members.merchant, openid: 'o-demo-merchant-admin', nickname: '王强（家乐福上海）',
    memberships: [{ role: 'MERCHANT_ADMIN', merchantId: DEMO.carrefourSh, storeIds: [] }],
  },
  { id: DEMO.members.host, openid: 'o-demo-live-host', nickname: '小美（主播）', memberships: [{ role: 'LIVE_HOST', merchantId: DEMO.carrefourSh, storeIds: [] }] },
  {
    id: DEMO.members.staff, openid: 'o-demo-store-staff', nickname: '陈晨（古北店店员）',
    memberships: [{ role: 'STORE_STAFF', merchantId: DEMO.carrefourSh, storeIds: ['st-sh-gubei', 'st-sh-wujiaochang'] }],
  },
];

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎';

function consumers(): MemberDoc[] {
  return Array.from({ length: DEMO.consumerCount }, (_, i) => ({
    id: consumerId(i + 1),
    openid: `o-demo-consumer-${String(i + 1).padStart(2, '0')}`,
    nickname: `${SURNAMES[i % SURNAMES.length]}同学${i + 1}`,
    memberships: [],
  }));
}

/** Opening balances, written as real recharges so the ledger explains them. */
const openingQuota: Array<[merchantId: string, amount: number]> = [
  [DEMO.carrefourSh, 5000],
  [DEMO.coffee, 800],
];

/** Writes the demo data once; a second call finds the marker and does nothing. */
export async function seedDemo(store: Store, now: Date = new Date()): Promise<boolean> {
  const marker = { id: 'seed:demo', at: toRfc3339(now) };
  if (await store.get(C.meta, marker.id)) return false;
  const at = toRfc3339(now);
  await store.transaction(async (tx) => {
    for (const m of merchants) await tx.set(C.merchants, m);
    for (const g of brandGroups) await tx.set(C.brandGroups, g);
    for (const s of stores) await tx.set(C.stores, s);
    for (const a of appids) await tx.set(C.appids, a);
    for (const m of [...members, ...consumers()]) await tx.set(C.members, m);
    for (const [merchantId, amount] of openingQuota) {
      const acc: QuotaAccountDoc = { id: merchantId, merchantId, providerId: DEMO.provider, balance: amount, openedAt: at };
      await tx.set(C.quotaAccounts, acc);
      const entry: LedgerDoc = { id: newId('qle', now), merchantId, delta: amount, balanceAfter: amount, reason: 'RECHARGE', refId: 'seed', at, actorId: DEMO.members.sp };
      await tx.set(C.quotaLedger, entry);
    }
    await tx.insert(C.meta, marker);
  });
  return true;
}
