/**
 * The public contract: function → action → { input, output, permission }. Both sides import it:
 * the dispatcher parses every call with `input` before a handler runs and enforces `permission`;
 * the client types its calls from it; `scripts/gen-api-docs.ts` writes docs/api.md from it.
 */
import * as account from './account/schema';
import * as stock from './stock/schema';
import * as campaign from './campaign/schema';
import * as wallet from './wallet/schema';
import * as live from './live/schema';
import { ADMINS, ALL_STAFF, roles, signedIn, type Permission } from './permissions';

const ALL_STAFF_BUT_HOST = ['SP_ADMIN', 'MERCHANT_ADMIN', 'STORE_STAFF'] as const;
import * as z from 'zod/mini';

export interface ActionSpec<I extends z.core.$ZodType = z.core.$ZodType, O extends z.core.$ZodType = z.core.$ZodType> {
  summary: string;
  input: I;
  output: O;
  permission: Permission;
  /** Create-type: carries `requestId`; a retry returns the first result. */
  idempotent?: boolean;
  /** Error codes this action may answer besides the common ones. */
  errors?: readonly string[];
}

/** What a redemption (and its preview) can be refused with. */
const REDEEM_REFUSALS = ['WALLET.COUPON_NOT_FOUND', 'WALLET.COUPON_USED', 'WALLET.COUPON_EXPIRED', 'WALLET.COUPON_NOT_USABLE_NOW', 'WALLET.STORE_NOT_ALLOWED', 'WALLET.BELOW_MIN_SPEND', 'WALLET.ORDER_ALREADY_USED'] as const;

const action = <I extends z.core.$ZodType, O extends z.core.$ZodType>(spec: ActionSpec<I, O>) => spec;

const empty = z.strictObject({});

export const contract = {
  account: {
    me: action({
      summary: '当前登录成员及其在各商户的角色',
      input: empty,
      output: account.meSchema,
      permission: signedIn,
    }),
    merchant: action({
      summary: '一个商户：是否开通免充值、品牌组内可作为可用商户的商户号、配额',
      input: account.merchantScoped,
      output: account.merchantDetailOutput,
      permission: roles(...ALL_STAFF),
    }),
    registerFile: action({
      summary: '小程序上传：文件已在云存储，服务端读取真实内容检查并登记（同 POST /api/upload）',
      input: account.registerFileInput,
      output: account.fileMetaSchema,
      permission: roles(...ADMINS),
      errors: ['FILE.INVALID'],
    }),
    merchants: action({
      summary: '服务商的商户列表（A4）及其配额余额',
      input: account.merchantScoped,
      output: account.merchantsOutput,
      permission: roles('SP_ADMIN'),
      errors: ['ACCOUNT.NOT_SERVICE_PROVIDER'],
    }),
    rechargeQuota: action({
      summary: '配额充值；首次充值自动开户（A3）',
      input: account.rechargeQuotaInput,
      output: account.rechargeQuotaOutput,
      permission: roles('SP_ADMIN'),
      idempotent: true,
      errors: ['ACCOUNT.MERCHANT_NOT_FOUND', 'ACCOUNT.NOT_SUB_MERCHANT', 'REQUEST.ID_REUSED'],
    }),
    quotaLedger: action({
      summary: '配额账户余额与流水',
      input: account.quotaLedgerInput,
      output: account.quotaLedgerOutput,
      permission: roles(...ADMINS),
    }),
    stores: action({
      summary: '商户的门店（名称、地址、经纬度）',
      input: account.merchantScoped,
      output: z.object({ stores: z.array(account.storeSchema) }),
      permission: roles(...ALL_STAFF),
    }),
    appids: action({
      summary: '绑定到商户的 APPID（类型、昵称）',
      input: account.merchantScoped,
      output: z.object({ appids: z.array(account.appidSchema) }),
      permission: roles(...ADMINS, 'LIVE_HOST'),
    }),
  },
  stock: {
    create: action({
      summary: '创建代金券批次（S1–S12）',
      input: stock.createStockInput,
      output: stock.stockSchema,
      permission: roles(...ADMINS),
      idempotent: true,
      errors: ['STOCK.RULE_VIOLATION', 'STOCK.NO_CASH_NOT_ENABLED', 'REQUEST.ID_REUSED'],
    }),
    list: action({
      summary: '代金券批次列表（按状态筛选，新建在前，分页）',
      input: stock.listStocksInput,
      output: stock.listStocksOutput,
      permission: roles(...ADMINS, 'LIVE_HOST'),
    }),
    get: action({
      summary: '代金券批次详情，含剩余、已发放、已核销数量',
      input: stock.stockRef,
      output: stock.stockSchema,
      permission: roles(...ADMINS, 'LIVE_HOST'),
      errors: ['STOCK.NOT_FOUND'],
    }),
    activate: action({
      summary: '激活批次（未激活 → 运行中）',
      input: stock.stockRef,
      output: stock.stockSchema,
      permission: roles(...ADMINS),
      errors: ['STOCK.NOT_FOUND', 'STOCK.ILLEGAL_TRANSITION'],
    }),
    pause: action({
      summary: '暂停批次（运行中 → 已暂停）',
      input: stock.stockRef,
      output: stock.stockSchema,
      permission: roles(...ADMINS),
      errors: ['STOCK.NOT_FOUND', 'STOCK.ILLEGAL_TRANSITION'],
    }),
    restart: action({
      summary: '重启批次（已暂停 → 运行中）',
      input: stock.stockRef,
      output: stock.stockSchema,
      permission: roles(...ADMINS),
      errors: ['STOCK.NOT_FOUND', 'STOCK.ILLEGAL_TRANSITION'],
    }),
    stop: action({
      summary: '终止批次（运行中或已暂停 → 已终止，不可恢复）',
      input: stock.stockRef,
      output: stock.stockSchema,
      permission: roles(...ADMINS),
      errors: ['STOCK.NOT_FOUND', 'STOCK.ILLEGAL_TRANSITION'],
    }),
    authorizeAppid: action({
      summary: 'APPID 营销授权（S14）；重复授权返回已有授权',
      input: stock.authorizeAppidInput,
      output: stock.authorizeAppidOutput,
      permission: roles(...ADMINS),
      errors: ['STOCK.NOT_FOUND', 'STOCK.NOT_ACTIVATED', 'STOCK.PAUSED', 'STOCK.STOPPED', 'STOCK.EXPIRED', 'STOCK.APPID_NOT_BOUND'],
    }),
    authorizations: action({
      summary: 'APPID 营销授权列表',
      input: stock.listAuthorizationsInput,
      output: stock.listAuthorizationsOutput,
      permission: roles(...ADMINS, 'LIVE_HOST'),
    }),
  },
  campaign: {
    validate: action({
      summary: '校验活动草稿：一次返回全部规则问题（C1），不写入',
      input: campaign.campaignDraftInput,
      output: campaign.validateCampaignOutput,
      permission: roles(...ADMINS),
    }),
    eligibleStocks: action({
      summary: '当前登录商户号可用于配额发券的代金券，及每张不符合的规则',
      input: campaign.eligibleStocksInput,
      output: campaign.eligibleStocksOutput,
      permission: roles(...ADMINS),
    }),
    create: action({
      summary: '创建配额发券活动（C3）；任一错误则不写入',
      input: campaign.createCampaignInput,
      output: campaign.campaignSchema,
      permission: roles(...ADMINS),
      idempotent: true,
      errors: ['CAMPAIGN.RULE_VIOLATION', 'REQUEST.ID_REUSED'],
    }),
    list: action({
      summary: '商户的配额余额与活动列表（M1），含最新 T+1 数据',
      input: campaign.listCampaignsInput,
      output: campaign.listCampaignsOutput,
      permission: roles(...ALL_STAFF_BUT_HOST),
    }),
    get: action({
      summary: '活动详情：每日数据、历史记录、可执行的操作',
      input: campaign.campaignRef,
      output: campaign.getCampaignOutput,
      permission: roles(...ALL_STAFF_BUT_HOST),
      errors: ['CAMPAIGN.NOT_FOUND'],
    }),
    update: action({
      summary: '修改 logo、品牌名、标题、副标题、投放时间（M3）；版本过期则拒绝',
      input: campaign.updateCampaignInput,
      output: campaign.campaignSchema,
      permission: roles(...ADMINS),
      errors: ['CAMPAIGN.NOT_FOUND', 'CAMPAIGN.VERSION_CONFLICT', 'CAMPAIGN.RULE_VIOLATION', 'CAMPAIGN.ILLEGAL_TRANSITION'],
    }),
    pause: action({
      summary: '暂停活动（M4）：未开始或投放中',
      input: campaign.campaignRef,
      output: campaign.campaignSchema,
      permission: roles(...ADMINS),
      errors: ['CAMPAIGN.NOT_FOUND', 'CAMPAIGN.ILLEGAL_TRANSITION'],
    }),
    restart: action({
      summary: '重启活动（M4）：未到结束时间且配额余额 > 0',
      input: campaign.campaignRef,
      output: campaign.campaignSchema,
      permission: roles(...ADMINS),
      errors: ['CAMPAIGN.NOT_FOUND', 'CAMPAIGN.ILLEGAL_TRANSITION', 'CAMPAIGN.QUOTA_EMPTY'],
    }),
    exportRedemptions: action({
      summary: '导出核销明细 CSV（UTF-8 BOM），返回下载链接；一次最多 92 天。含为本商户发出的券（活动与直播间）在任一门店的核销；传 campaignId 时只含该活动',
      input: campaign.exportRedemptionsInput,
      output: campaign.exportRedemptionsOutput,
      permission: roles(...ADMINS),
      errors: ['CAMPAIGN.NOT_FOUND'],
    }),
    public: action({
      summary: '消费者看到的活动（入口预览卡片与券），以及是否已领取',
      input: campaign.publicCampaignInput,
      output: campaign.publicCampaignSchema,
      permission: signedIn,
      errors: ['CAMPAIGN.NOT_FOUND'],
    }),
    discover: action({
      summary: '正在投放、可以领取的活动',
      input: campaign.discoverCampaignsInput,
      output: campaign.discoverCampaignsOutput,
      permission: signedIn,
    }),
    claim: action({
      summary: '消费者领取活动的券（W1）：每张券每人一次，礼包三张全得或全不得',
      input: wallet.claimCampaignInput,
      output: wallet.claimOutput,
      permission: signedIn,
      idempotent: true,
      errors: ['CAMPAIGN.NOT_FOUND', 'CAMPAIGN.NOT_STARTED', 'CAMPAIGN.PAUSED', 'CAMPAIGN.ENDED', 'CAMPAIGN.ALREADY_CLAIMED', 'CAMPAIGN.STOCK_OUT', 'CAMPAIGN.STOCK_UNAVAILABLE', 'CAMPAIGN.QUOTA_EXHAUSTED'],
    }),
  },
  live: {
    rooms: action({ summary: '直播间列表', input: live.listRoomsInput, output: z.object({ rooms: z.array(z.extend(live.roomSchema, { online: z.int(), onShelfCount: z.int() })), total: z.int() }), permission: roles(...ADMINS, 'LIVE_HOST') }),
    createRoom: action({ summary: '创建直播间（L1）', input: live.createRoomInput, output: live.roomSchema, permission: roles(...ADMINS, 'LIVE_HOST'), idempotent: true, errors: ['LIVE.RULE_VIOLATION', 'REQUEST.ID_REUSED'] }),
    room: action({ summary: '直播间控制台（L5）：数据面板、直播控制、推送控制', input: live.roomRef, output: live.consoleSchema, permission: roles(...ADMINS, 'LIVE_HOST'), errors: ['LIVE.ROOM_NOT_FOUND'] }),
    control: action({ summary: '开始/暂停/继续/结束直播，回放与评论开关', input: live.controlInput, output: live.consoleSchema, permission: roles(...ADMINS, 'LIVE_HOST'), errors: ['LIVE.ROOM_NOT_FOUND', 'LIVE.ILLEGAL_TRANSITION'] }),
    addCoupon: action({ summary: '按批次号添加优惠券（L2）', input: live.addCouponInput, output: live.consoleSchema, permission: roles(...ADMINS, 'LIVE_HOST'), errors: ['LIVE.ROOM_NOT_FOUND', 'STOCK.NOT_FOUND', 'LIVE.RULE_VIOLATION', 'LIVE.COUPON_ALREADY_ADDED'] }),
    shelve: action({ summary: '上架/取消上架（L3：最多 3 张；推送中不能下架；直播结束后不能再改）', input: live.shelveInput, output: live.consoleSchema, permission: roles(...ADMINS, 'LIVE_HOST'), errors: ['LIVE.ROOM_NOT_FOUND', 'LIVE.COUPON_NOT_IN_ROOM', 'LIVE.SHELF_FULL', 'LIVE.COUPON_BEING_PUSHED', 'LIVE.ILLEGAL_TRANSITION'] }),
    push: action({ summary: '推送已上架的券（L4：直播中、同一时间一张，到时自动结束）', input: live.pushInput, output: live.consoleSchema, permission: roles(...ADMINS, 'LIVE_HOST'), errors: ['LIVE.ROOM_NOT_FOUND', 'LIVE.NOT_LIVE', 'LIVE.COUPON_NOT_IN_ROOM', 'LIVE.NOT_ON_SHELF', 'LIVE.PUSH_IN_PROGRESS'] }),
    join: action({ summary: '观众进入直播间（计入在线、观看人数与次数）', input: live.viewerRoomRef, output: live.viewerStateSchema, permission: signedIn, errors: ['LIVE.ROOM_NOT_FOUND'] }),
    leave: action({ summary: '观众离开直播间（计入观看时长）', input: live.viewerRoomRef, output: live.viewerStateSchema, permission: signedIn, errors: ['LIVE.ROOM_NOT_FOUND'] }),
    watch: action({ summary: '观众看到的直播间与正在推送的券', input: live.viewerRoomRef, output: live.viewerStateSchema, permission: signedIn, errors: ['LIVE.ROOM_NOT_FOUND'] }),
    claim: action({ summary: '领取正在推送的券（W2：每人限领、直播间数量、库存）', input: live.liveClaimInput, output: wallet.claimOutput, permission: signedIn, idempotent: true, errors: ['LIVE.ROOM_NOT_FOUND', 'LIVE.COUPON_NOT_IN_ROOM', 'LIVE.NOT_PUSHED', 'LIVE.PER_USER_LIMIT', 'LIVE.ROOM_SOLD_OUT', 'LIVE.STOCK_OUT', 'LIVE.STOCK_UNAVAILABLE', 'REQUEST.ID_REUSED'] }),
  },
  stats: {
    runDaily: action({
      summary: 'T+1 统计（每天 12:00 计算前一天）；补算漏掉的日子，重复运行不改变结果',
      input: campaign.runDailyInput,
      output: campaign.runDailyOutput,
      permission: roles(...ADMINS),
    }),
  },
  wallet: {
    list: action({
      summary: '我的卡包：券及其状态与真实有效期（W3）',
      input: wallet.listWalletInput,
      output: wallet.listWalletOutput,
      permission: signedIn,
    }),
    redeem: action({
      summary: '门店核销（W4）；同一订单号重复提交返回首次结果',
      input: wallet.redeemInput,
      output: wallet.redeemOutput,
      permission: roles('STORE_STAFF'),
      errors: REDEEM_REFUSALS,
    }),
    preview: action({
      summary: '核销前预览：券面额、门槛、可优惠金额、优惠与实付；与核销同样检查，不写入',
      input: wallet.redeemInput,
      output: wallet.redeemPreviewOutput,
      permission: roles('STORE_STAFF'),
      errors: REDEEM_REFUSALS,
    }),
  },
} as const;

export type Contract = typeof contract;
export type FunctionName = keyof Contract;
export type ActionName<F extends FunctionName> = keyof Contract[F] & string;
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends ActionSpec<infer I, z.core.$ZodType> ? z.input<I> : never;
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Contract[F][A] extends ActionSpec<z.core.$ZodType, infer O> ? z.output<O> : never;

export const FUNCTION_NAMES = Object.keys(contract) as FunctionName[];

export function findAction(fn: string, actionName: string): ActionSpec | undefined {
  if (!Object.prototype.hasOwnProperty.call(contract, fn)) return undefined;
  const actions = contract[fn as FunctionName] as Record<string, ActionSpec>;
  return Object.prototype.hasOwnProperty.call(actions, actionName) ? actions[actionName] : undefined;
}
