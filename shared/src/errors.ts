import type { ErrorBody, Issue } from './result';

/**
 * Stable error codes (`DOMAIN.REASON`) with their Chinese messages. Codes never change once
 * published: outside clients branch on them. Messages may be refined.
 */
export const ERROR_MESSAGES = {
  'REQUEST.INVALID': '请求参数不正确',
  'REQUEST.MALFORMED': '请求格式不正确，需为 JSON：{ action, data }',
  'REQUEST.UNKNOWN_FUNCTION': '不存在的云函数',
  'REQUEST.UNKNOWN_ACTION': '不存在的操作',
  'REQUEST.TOO_LARGE': '请求内容过大',
  'REQUEST.ID_REUSED': '同一 requestId 已用于另一份不同的请求',
  'AUTH.UNAUTHENTICATED': '请先登录',
  'AUTH.FORBIDDEN': '无权执行此操作',
  'AUTH.UNKNOWN_MEMBER': '不存在的成员',
  'ACCOUNT.MERCHANT_NOT_FOUND': '商户不存在',
  'ACCOUNT.NOT_SUB_MERCHANT': '只能为本服务商或其特约商户充值配额',
  'ACCOUNT.NOT_SERVICE_PROVIDER': '该商户号不是服务商，没有商户列表',
  'QUOTA.INSUFFICIENT': '配额余额不足',
  'STOCK.RULE_VIOLATION': '代金券批次不符合规则',
  'STOCK.NO_CASH_NOT_ENABLED': '免充值代金券产品功能尚未开通',
  'STOCK.NOT_FOUND': '代金券批次不存在',
  'STOCK.ILLEGAL_TRANSITION': '当前状态不能执行此操作',
  'STOCK.NOT_ACTIVATED': '批次未激活，请先激活',
  'STOCK.PAUSED': '批次已暂停，请先重启',
  'STOCK.STOPPED': '批次已终止，不能授权',
  'STOCK.EXPIRED': '批次已过期，不能授权',
  'STOCK.APPID_NOT_BOUND': '该 APPID 未绑定到批次所属商户',
  'CAMPAIGN.RULE_VIOLATION': '活动不符合规则',
  'CAMPAIGN.NOT_FOUND': '活动不存在',
  'CAMPAIGN.VERSION_CONFLICT': '活动已被他人修改，请刷新后再改',
  'CAMPAIGN.ILLEGAL_TRANSITION': '当前状态不能执行此操作',
  'CAMPAIGN.QUOTA_EMPTY': '配额余额为 0，不能重启活动',
  'CAMPAIGN.NOT_STARTED': '活动尚未开始',
  'CAMPAIGN.PAUSED': '活动已暂停，暂不发券',
  'CAMPAIGN.ENDED': '活动已结束',
  'CAMPAIGN.ALREADY_CLAIMED': '每张券每人限领一次，你已领取过',
  'CAMPAIGN.STOCK_OUT': '券已领完',
  'CAMPAIGN.STOCK_UNAVAILABLE': '券批次暂不可发放',
  'CAMPAIGN.QUOTA_EXHAUSTED': '活动配额已用完',
  'LIVE.RULE_VIOLATION': '直播间设置不符合规则',
  'LIVE.ROOM_NOT_FOUND': '直播间不存在',
  'LIVE.ILLEGAL_TRANSITION': '直播间当前状态不能执行此操作',
  'LIVE.COUPON_NOT_IN_ROOM': '该券未添加到直播间',
  'LIVE.COUPON_ALREADY_ADDED': '该券已添加到直播间',
  'LIVE.SHELF_FULL': '已上架优惠券已达 3 张',
  'LIVE.COUPON_BEING_PUSHED': '该券正在推送中，不能下架',
  'LIVE.NOT_LIVE': '直播未在进行中，不能推送',
  'LIVE.NOT_ON_SHELF': '只有已上架的券可以推送',
  'LIVE.PUSH_IN_PROGRESS': '同一时间只能推送一张券',
  'LIVE.NOT_PUSHED': '该券当前未在推送，不能领取',
  'LIVE.PER_USER_LIMIT': '已达到每人限领张数',
  'LIVE.ROOM_SOLD_OUT': '直播间的券已领完',
  'LIVE.STOCK_OUT': '券已领完',
  'LIVE.STOCK_UNAVAILABLE': '券批次暂不可发放',
  'WALLET.COUPON_NOT_FOUND': '券码不存在',
  'WALLET.COUPON_USED': '券已使用',
  'WALLET.COUPON_EXPIRED': '券已过期',
  'WALLET.COUPON_NOT_USABLE_NOW': '券当前不可用',
  'WALLET.STORE_NOT_ALLOWED': '券不能在本门店使用',
  'WALLET.BELOW_MIN_SPEND': '订单金额未达到使用门槛',
  'WALLET.ORDER_ALREADY_USED': '该订单号已核销过其他券',
  'FILE.INVALID': '文件不符合要求',
  'FILE.TOO_LARGE': '文件过大',
  'FILE.NOT_FOUND': '文件不存在',
  'FILE.MALFORMED_UPLOAD': '上传格式不正确：需为 multipart/form-data，包含 file 与 purpose 字段',
  'INTERNAL.ERROR': '系统繁忙，请稍后再试',
  'INTERNAL.CONFLICT': '操作冲突，请重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/**
 * An expected failure. Handlers throw it and the dispatcher turns it into the error envelope;
 * anything else that is thrown is a bug and answers `INTERNAL.ERROR` without details.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues?: Issue[];

  constructor(code: ErrorCode, message?: string, issues?: Issue[]) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    if (issues && issues.length) this.issues = issues;
  }

  toBody(): ErrorBody {
    return this.issues ? { code: this.code, message: this.message, issues: this.issues } : { code: this.code, message: this.message };
  }
}

export const appError = (code: ErrorCode, message?: string, issues?: Issue[]): AppError => new AppError(code, message, issues);

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
