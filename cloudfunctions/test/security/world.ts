/**
 * The world the security suites stand on: the demo data, a provider outside the demo SP with its
 * own sub-merchant, and real objects of 家乐福上海 (uploaded files, a quota stock, a campaign, a
 * GENERAL stock authorized for the room's APPID, a live room) — plus one minimal VALID input per
 * contract action. The permission walk and the fuzzer both take their inputs from `SAMPLES`; an
 * action of the contract without a sample fails both, so a new action cannot slip through.
 */
import { createHash } from 'node:crypto';
import { contract, type FunctionName } from '@shared/api';
import { C, type MerchantDoc } from '../../src/runtime/records';
import { DEMO } from '../../src/seed/demo';
import { data, type Harness } from '../support/harness';
import {
  APPID_SH, delivery, makeStock, quotaStockDraft, SH, singleDraft, uploadAll, type CampaignOut, type Uploads,
} from '../campaign/campaign.fixtures';

/** A provider that is not the demo SP's, and its sub-merchant: "another tenant" for SP_ADMIN. */
export const OUTSIDE_PROVIDER = '1900000900';
export const OUTSIDE_SUB = '1900000901';

export interface World {
  files: Uploads;
  /** RUNNING, QUOTA_CAMPAIGN, of 家乐福上海. */
  quotaStockId: string;
  /** RUNNING, GENERAL, authorized for APPID_SH: fit for a live room. */
  generalStockId: string;
  campaignId: string;
  roomId: string;
}

export async function addOutsideProvider(h: Harness): Promise<void> {
  const provider: MerchantDoc = { id: OUTSIDE_PROVIDER, name: '外部服务商', kind: 'SERVICE_PROVIDER', providerId: null, brandGroupId: null, noCashEnabled: true };
  const sub: MerchantDoc = { id: OUTSIDE_SUB, name: '外部特约商户', kind: 'SUB_MERCHANT', providerId: OUTSIDE_PROVIDER, brandGroupId: null, noCashEnabled: false };
  await h.store.set(C.merchants, provider);
  await h.store.set(C.merchants, sub);
}

/** Builds the world through the real handlers (h's clock stands at campaign.fixtures' NOW). */
export async function buildWorld(h: Harness): Promise<World> {
  await addOutsideProvider(h);
  const files = await uploadAll(h);
  const quota = await makeStock(h, SH);
  const general = await makeStock(h, SH, { name: '直播间满100减10', faceValue: 1_000, purpose: 'GENERAL' });
  data(await h.call(DEMO.members.merchant, 'stock', 'authorizeAppid', { merchantId: SH, stockId: general.stockId, appid: APPID_SH }));
  const campaign = data(await h.call<CampaignOut>(DEMO.members.merchant, 'campaign', 'create', { ...singleDraft(SH, files, quota.stockId), requestId: 'world-campaign-0001' }));
  const room = data(await h.call<{ roomId: string }>(DEMO.members.merchant, 'live', 'createRoom', roomDraft(SH, 'world-room-0001')));
  return { files, quotaStockId: quota.stockId, generalStockId: general.stockId, campaignId: campaign.campaignId, roomId: room.roomId };
}

const roomDraft = (merchantId: string, requestId: string) => ({
  merchantId, requestId, appid: APPID_SH, name: '家乐福双十二直播', hostName: '小美',
  startAt: '2026-11-22T12:00:00+08:00', endAt: '2026-11-22T14:00:00+08:00',
});

/** Fresh request ids for create-type actions (a new id per call: no replays between principals). */
let seq = 0;
export const freshId = (prefix: string) => `${prefix}-${String(++seq).padStart(8, '0')}`;

type Sample = (w: World, merchantId: string) => Record<string, unknown>;

/**
 * One minimal valid input per action: required fields only (so that deleting any key makes it
 * invalid), naming real objects of the world where an id is needed.
 */
export const SAMPLES: { [F in FunctionName]: { [A in keyof (typeof contract)[F]]: Sample } } = {
  account: {
    me: () => ({}),
    merchant: (_w, merchantId) => ({ merchantId }),
    registerFile: (_w, merchantId) => ({ merchantId, fileId: 'cloud://env-test.0000/uploads/logo/missing.png', purpose: 'logo' }),
    merchants: (_w, merchantId) => ({ merchantId }),
    rechargeQuota: (_w, merchantId) => ({ merchantId, amount: 1, requestId: freshId('recharge') }),
    quotaLedger: (_w, merchantId) => ({ merchantId }),
    stores: (_w, merchantId) => ({ merchantId }),
    appids: (_w, merchantId) => ({ merchantId }),
  },
  stock: {
    create: (_w, merchantId) => ({ merchantId, requestId: freshId('stock'), ...quotaStockDraft(merchantId) }),
    list: (_w, merchantId) => ({ merchantId }),
    get: (w, merchantId) => ({ merchantId, stockId: w.quotaStockId }),
    activate: (w, merchantId) => ({ merchantId, stockId: w.quotaStockId }),
    pause: (w, merchantId) => ({ merchantId, stockId: w.quotaStockId }),
    restart: (w, merchantId) => ({ merchantId, stockId: w.quotaStockId }),
    stop: (w, merchantId) => ({ merchantId, stockId: w.quotaStockId }),
    authorizeAppid: (w, merchantId) => ({ merchantId, stockId: w.generalStockId, appid: APPID_SH }),
    authorizations: (_w, merchantId) => ({ merchantId }),
  },
  campaign: {
    validate: (w, merchantId) => singleDraft(merchantId, w.files, w.quotaStockId),
    eligibleStocks: (_w, merchantId) => ({ merchantId }),
    create: (w, merchantId) => ({ ...singleDraft(merchantId, w.files, w.quotaStockId), requestId: freshId('campaign') }),
    list: (_w, merchantId) => ({ merchantId }),
    get: (w, merchantId) => ({ merchantId, campaignId: w.campaignId }),
    update: (w, merchantId) => ({ merchantId, campaignId: w.campaignId, version: 1, delivery: delivery(w.files, { title: '满100减30元，到店专享' }) }),
    pause: (w, merchantId) => ({ merchantId, campaignId: w.campaignId }),
    restart: (w, merchantId) => ({ merchantId, campaignId: w.campaignId }),
    exportRedemptions: (_w, merchantId) => ({ merchantId, from: '2026-11-01', to: '2026-11-21' }),
    public: (w) => ({ campaignId: w.campaignId }),
    discover: () => ({}),
    claim: (w) => ({ campaignId: w.campaignId, requestId: freshId('claim') }),
  },
  live: {
    rooms: (_w, merchantId) => ({ merchantId }),
    createRoom: (_w, merchantId) => roomDraft(merchantId, freshId('room')),
    room: (w, merchantId) => ({ merchantId, roomId: w.roomId }),
    control: (w, merchantId) => ({ merchantId, roomId: w.roomId, op: 'replayOn' }),
    addCoupon: (w, merchantId) => ({ merchantId, roomId: w.roomId, stockId: w.generalStockId, quantity: 10 }),
    shelve: (w, merchantId) => ({ merchantId, roomId: w.roomId, stockId: w.generalStockId, onShelf: true }),
    push: (w, merchantId) => ({ merchantId, roomId: w.roomId, stockId: w.generalStockId }),
    join: (w) => ({ roomId: w.roomId }),
    leave: (w) => ({ roomId: w.roomId }),
    watch: (w) => ({ roomId: w.roomId }),
    claim: (w) => ({ roomId: w.roomId, stockId: w.generalStockId, requestId: freshId('liveclaim') }),
  },
  stats: {
    runDaily: (_w, merchantId) => ({ merchantId }),
  },
  wallet: {
    list: () => ({}),
    redeem: (_w, merchantId) => ({ merchantId, storeId: 'st-sh-gubei', couponCode: '123456789012', orderId: 'order-0001', orderAmount: 20_000 }),
    preview: (_w, merchantId) => ({ merchantId, storeId: 'st-sh-gubei', couponCode: '123456789012', orderId: 'order-0002', orderAmount: 20_000 }),
  },
};

/** Every action of the contract as [fn, action]. */
export const CONTRACT_ACTIONS: Array<[FunctionName, string]> = (Object.keys(contract) as FunctionName[])
  .flatMap((fn) => Object.keys(contract[fn]).map((a): [FunctionName, string] => [fn, a]));

/** The sample of an action, or undefined when the table lacks one (the caller fails on that). */
export function sampleOf(fn: FunctionName, action: string): Sample | undefined {
  const table = SAMPLES[fn] as Record<string, Sample> | undefined;
  return table && Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined;
}

/**
 * A fingerprint of every row of every collection table: equal before and after ⇔ nothing was
 * written (row counts alone miss updates in place).
 */
export function fingerprint(db: { prepare(sql: string): { all(...a: unknown[]): unknown[] } }): string {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const hash = createHash('sha1');
  for (const t of tables) {
    hash.update(`\u0001${t}`);
    for (const row of db.prepare(`SELECT id, doc FROM ${t} ORDER BY id`).all() as { id: string; doc: string }[]) hash.update(`\u0002${row.id}\u0003${row.doc}`);
  }
  return hash.digest('hex');
}
