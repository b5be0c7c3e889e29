import { IMAGE_SPECS, imageProblems, type FileMeta, type ImagePurpose } from '../files';
import { fenToYuan } from '../money';
import type { Issue } from '../result';
import type { StoreInfo } from '../account/schema';
import type { Stock } from '../stock/schema';
import { STOCK_STATUS_LABELS } from '../stock/schema';
import { addDays, formatDateTime, startOfDay, toMillis } from '../time';
import type { CampaignDraft } from './schema';

export const MIN_REMAINING = 300;
export const EARLIEST_START_DAYS = 2;
export const MAX_CAMPAIGN_DAYS = 365;
export const SUGGESTED_DAYS = { min: 7, max: 30 } as const;
const DAY_MS = 86_400_000;

/**
 * What the engine needs besides the draft.
 *
 * R3, how "当前登录商户号" is read: it is the merchant whose staff is logged in. A merchant admin
 * acting for itself is both the logged-in merchant and the quota owner. A service provider acting
 * for a sub-merchant is logged in as the SP — so the coupons must have been made by the SP's own
 * merchant id — while the quota owner (配额归属商户号) is the sub-merchant, whose brand group every
 * usable merchant of the coupon must belong to.
 */
export interface CampaignRuleEnv {
  now: Date;
  loginMerchantId: string;
  quotaOwner: { merchantId: string; brandGroupMerchantIds: readonly string[] };
  /** Every stock the draft names, by id; missing ones are absent. */
  stocks: ReadonlyMap<string, Stock>;
  /** The quota owner's stores. */
  ownerStores: ReadonlyMap<string, StoreInfo>;
  /** The uploaded files the draft names, by fileId. */
  files: ReadonlyMap<string, FileMeta>;
}

const issue = (rule: string, path: string, message: string, hint?: string, level: Issue['level'] = 'error'): Issue =>
  hint ? { rule, path, level, message, hint } : { rule, path, level, message };

/** The earliest allowed start: the start of the day two days from today, Asia/Shanghai (F5). */
export const earliestStart = (now: Date): Date => startOfDay(addDays(now, EARLIEST_START_DAYS));

function checkImage(files: ReadonlyMap<string, FileMeta>, fileId: string, purpose: ImagePurpose, path: string, out: Issue[]): void {
  const spec = IMAGE_SPECS[purpose];
  const meta = files.get(fileId);
  if (!meta) {
    out.push(issue(spec.rule, path, `${spec.label}未上传或已失效`, `请重新上传 ${spec.width}×${spec.height} 的 jpg/png 图片`));
    return;
  }
  for (const p of imageProblems(meta, purpose)) out.push(issue(spec.rule, path, p, `请上传 ${spec.width}×${spec.height}、不超过 1 MB 的 jpg/png 图片`));
}

/** R1–R9 for one stock. A stock made by another merchant gets R3 only: nothing else of it is shown. */
/** The parts of a draft that decide whether a stock fits it. */
export interface EligibilityDraft {
  promotionType: CampaignDraft['promotionType'];
  delivery: Pick<CampaignDraft['delivery'], 'startAt' | 'endAt'>;
  targeting: Pick<CampaignDraft['targeting'], 'storeIds'>;
}

export function checkStockEligibility(stock: Stock, path: string, draft: EligibilityDraft, env: Omit<CampaignRuleEnv, 'stocks' | 'files'>): Issue[] {
  const out: Issue[] = [];
  const sid = stock.stockId;
  if (stock.merchantId !== env.loginMerchantId) {
    out.push(issue('R3', path, `批次 ${sid} 不是当前登录商户号 ${env.loginMerchantId} 制作的代金券`, '仅允许添加当前登录商户号制作的代金券'));
    return out;
  }
  // R1 (advice)
  if (stock.faceValue * 5 < stock.minSpend) {
    const pct = Math.round((stock.faceValue / stock.minSpend) * 1000) / 10;
    out.push(issue('R1', path, `批次 ${sid} 满 ${fenToYuan(stock.minSpend)} 元减 ${fenToYuan(stock.faceValue)} 元，优惠力度 ${pct}%，低于建议的 20%（8 折）`, '建议配置优惠力度不低于 8 折的代金券', 'suggestion'));
  }
  if (stock.scope === 'SINGLE_ITEM') out.push(issue('R1', path, `批次 ${sid} 是单品券`, '单品券建议使用减至券', 'suggestion'));
  // R2
  if (stock.purpose !== 'QUOTA_CAMPAIGN') out.push(issue('R2', path, `批次 ${sid} 的用途不是配额发券`, '请添加创建时用途选择「配额发券」的代金券'));
  // R3: usable merchants within the quota owner's brand group
  const group = new Set([env.quotaOwner.merchantId, ...env.quotaOwner.brandGroupMerchantIds]);
  const outside = stock.usableMerchantIds.filter((m) => !group.has(m));
  if (outside.length) {
    out.push(issue('R3', path, `批次 ${sid} 的可用商户号 ${outside.join('、')} 与配额归属商户号 ${env.quotaOwner.merchantId} 不是同品牌`, '券可用商户号需与配额归属商户号同属一个同品牌商户号组合'));
  }
  // R4
  if (stock.status !== 'RUNNING') out.push(issue('R4', path, `批次 ${sid} 状态为「${STOCK_STATUS_LABELS[stock.status]}」，需为已激活（运行中）`, stock.status === 'UNACTIVATED' ? '请先激活代金券' : undefined));
  if (!stock.cardPackInsertable) out.push(issue('R4', path, `批次 ${sid} 不支持插入卡包`, '仅允许添加支持插入微信卡包的代金券'));
  // R5, R6
  const startAt = toMillis(draft.delivery.startAt);
  const endAt = toMillis(draft.delivery.endAt);
  const availBegin = toMillis(stock.availableBegin);
  const availEnd = toMillis(stock.availableEnd);
  if (availBegin > startAt) {
    out.push(issue('R5', path, `批次 ${sid} 核销开始时间 ${formatDateTime(availBegin)} 晚于活动开始 ${formatDateTime(startAt)}`, '请选择核销开始时间不晚于活动开始时间的代金券，或推迟活动开始'));
  }
  if (availEnd < endAt + DAY_MS) {
    out.push(issue('R6', path, `批次 ${sid} 核销结束时间 ${formatDateTime(availEnd)} 需晚于活动结束 1 天以上（活动结束 ${formatDateTime(endAt)}）`, `活动结束时间最晚为 ${formatDateTime(availEnd - DAY_MS)}`));
  }
  // R7
  if (stock.remaining < MIN_REMAINING) out.push(issue('R7', path, `批次 ${sid} 剩余库存 ${stock.remaining} 张，需不少于 ${MIN_REMAINING} 张`));
  // R8
  if (stock.timeRule.kind !== 'ANYTIME') out.push(issue('R8', path, `批次 ${sid} 不是「有效期内任意时段可用」`, '仅允许添加有效期内任意时段可用的代金券'));
  // R9
  if (draft.promotionType !== 'MINIPROGRAM') {
    const usableMerchants = new Set(stock.usableMerchantIds);
    const usableStores = new Set(stock.usableStoreIds);
    const missing = (draft.targeting.storeIds ?? []).filter((id) => {
      const store = env.ownerStores.get(id);
      if (!store) return false; // T1 reports unknown stores
      return !usableMerchants.has(store.merchantId) || (usableStores.size > 0 && !usableStores.has(id));
    });
    if (missing.length) {
      const names = missing.map((id) => env.ownerStores.get(id)?.name ?? id).join('、');
      out.push(issue('R9', path, `批次 ${sid} 在投放门店 ${names} 不可用`, '代金券必须在所有投放门店可用'));
    }
  }
  return out;
}

/**
 * The whole rule engine (C1): every violation and suggestion of a campaign draft at once — F1–F7,
 * R1–R9 for every coupon, P1–P4 for a gift pack, T1–T3 for the promotion type. Field shapes and
 * widths (F2–F4, T4) are the schema's; this adds everything that needs the clock, the stocks, the
 * stores or the files.
 */
export function checkCampaignDraft(draft: CampaignDraft, env: CampaignRuleEnv): Issue[] {
  const out: Issue[] = [];
  const { delivery, content, targeting, promotionType } = draft;

  // F1
  checkImage(env.files, delivery.logo, 'logo', 'delivery.logo', out);

  // F5
  const start = toMillis(delivery.startAt);
  const end = toMillis(delivery.endAt);
  const earliest = earliestStart(env.now).getTime();
  if (start < earliest) {
    out.push(issue('F5', 'delivery.startAt', `投放开始时间 ${formatDateTime(start)} 早于最早可投放时间 ${formatDateTime(earliest)}（最早 2 天后开始）`, `请选择 ${formatDateTime(earliest)} 或之后`));
  }
  if (end <= start) {
    out.push(issue('F5', 'delivery.endAt', `投放结束时间 ${formatDateTime(end)} 需晚于开始时间 ${formatDateTime(start)}`));
  } else {
    const days = (end - start) / DAY_MS;
    // One decimal, rounded away from the limit it misses: 7 days − 1 s is「6.9 天」, not「7 天」.
    const shown = days < SUGGESTED_DAYS.min ? Math.floor(days * 10 + 1e-9) / 10 : Math.ceil(days * 10 - 1e-9) / 10;
    if (days > MAX_CAMPAIGN_DAYS) {
      out.push(issue('F5', 'delivery.endAt', `活动持续 ${shown} 天，最长 ${MAX_CAMPAIGN_DAYS} 天`, `结束时间最晚为 ${formatDateTime(start + MAX_CAMPAIGN_DAYS * DAY_MS)}`));
    } else if (days < SUGGESTED_DAYS.min || days > SUGGESTED_DAYS.max) {
      out.push(issue('F5', 'delivery.endAt', `活动持续 ${shown} 天`, `建议活动持续 ${SUGGESTED_DAYS.min}–${SUGGESTED_DAYS.max} 天`, 'suggestion'));
    }
  }

  // F7 + R1–R9 per stock
  const refs = content.kind === 'SINGLE'
    ? [{ stockId: content.stockId, path: 'content.stockId' }]
    : content.items.map((it, i) => ({ stockId: it.stockId, path: `content.items.${i}.stockId` }));
  const seen = new Set<string>();
  const found: Stock[] = [];
  for (const ref of refs) {
    if (seen.has(ref.stockId)) {
      out.push(issue('F7', ref.path, `批次 ${ref.stockId} 重复添加`, '礼包需为 3 张不同的代金券'));
      continue;
    }
    seen.add(ref.stockId);
    const stock = env.stocks.get(ref.stockId);
    if (!stock) {
      out.push(issue('F7', ref.path, `批次 ${ref.stockId} 不存在`, '请检查批次号，可在代金券列表复制'));
      continue;
    }
    const issues = checkStockEligibility(stock, ref.path, draft, env);
    out.push(...issues);
    if (stock.merchantId === env.loginMerchantId) found.push(stock);
  }

  // P1–P4
  if (content.kind === 'PACK') {
    if (found.length === refs.length && found.length > 1) {
      const [first] = found as [Stock, ...Stock[]];
      if (found.some((s) => s.availableBegin !== first.availableBegin || s.availableEnd !== first.availableEnd)) {
        const windows = found.map((s) => `${s.stockId}：${formatDateTime(s.availableBegin)} 至 ${formatDateTime(s.availableEnd)}`).join('；');
        out.push(issue('P1', 'content.items', `礼包中代金券的核销起止时间不一致（${windows}）`, '礼包中所有代金券的核销起止时间必须完全一致'));
      }
      const key = (s: Stock) => [...s.usableMerchantIds].sort().join(',');
      if (found.some((s) => key(s) !== key(first))) {
        const sets = found.map((s) => `${s.stockId}：${[...s.usableMerchantIds].sort().join('、')}`).join('；');
        out.push(issue('P2', 'content.items', `礼包中代金券的可用商户号不一致（${sets}）`, '礼包中所有代金券的可用商户号必须完全一致'));
      }
    }
    content.items.forEach((it, i) => {
      checkImage(env.files, it.smallImage, 'smallImage', `content.items.${i}.smallImage`, out);
      checkImage(env.files, it.largeImage, 'largeImage', `content.items.${i}.largeImage`, out);
    });
  }

  // T1–T3
  const needsStores = promotionType === 'STORE' || promotionType === 'MINIPROGRAM_AND_STORE';
  const needsMiniProgram = promotionType !== 'STORE';
  const rule = promotionType === 'STORE' ? 'T1' : promotionType === 'MINIPROGRAM' ? 'T2' : 'T3';
  if (needsStores) {
    const storeIds = targeting.storeIds ?? [];
    if (!storeIds.length) out.push(issue(rule, 'targeting.storeIds', '请至少选择 1 家投放门店'));
    storeIds.forEach((id, i) => {
      if (!env.ownerStores.has(id)) out.push(issue(rule, `targeting.storeIds.${i}`, `门店 ${id} 不是配额归属商户 ${env.quotaOwner.merchantId} 的门店`));
    });
    if (new Set(storeIds).size !== storeIds.length) out.push(issue(rule, 'targeting.storeIds', '投放门店重复'));
  }
  if (needsMiniProgram) {
    if (!targeting.miniProgram) out.push(issue(rule, 'targeting.miniProgram', '请填写核销小程序的 APPID 和 path'));
    if (!targeting.audience) out.push(issue(rule, 'targeting.audience', '请选择目标人群：商户号交易用户或上传种子包'));
    else if (targeting.audience.source === 'SEED_PACKAGE') {
      const id = targeting.audience.seedPackageId;
      const meta = id ? env.files.get(id) : undefined;
      if (!id) out.push(issue(rule, 'targeting.audience.seedPackageId', '请上传种子包'));
      else if (!meta || meta.purpose !== 'seedPackage') out.push(issue(rule, 'targeting.audience.seedPackageId', '种子包未上传或已失效', '请重新上传用户 ID 的 CSV 文件'));
    }
  }
  if (promotionType === 'MINIPROGRAM_AND_STORE' && !targeting.area) {
    out.push(issue('T3', 'targeting.area', '请选择投放范围：门店周围 3 公里或全国'));
  }
  return out;
}

/**
 * M3: an edit of the delivery settings, under the creation rules. F1–F4 as at creation; F5's
 * "2 days ahead" applies only to a start that moves, and once started the start is locked; the new
 * end must keep F5's length and R6 for every coupon of the campaign.
 */
export function checkCampaignEdit(
  current: { startAt: string; endAt: string },
  next: CampaignDraft['delivery'],
  env: { now: Date; files: ReadonlyMap<string, FileMeta>; stocks: readonly Stock[] },
): Issue[] {
  const out: Issue[] = [];
  checkImage(env.files, next.logo, 'logo', 'delivery.logo', out);
  const now = env.now.getTime();
  const start = toMillis(next.startAt);
  const end = toMillis(next.endAt);
  const started = toMillis(current.startAt) <= now;
  if (start !== toMillis(current.startAt)) {
    if (started) {
      out.push(issue('F5', 'delivery.startAt', `活动已于 ${formatDateTime(current.startAt)} 开始，开始时间不能再修改`));
    } else {
      const earliest = earliestStart(env.now).getTime();
      if (start < earliest) out.push(issue('F5', 'delivery.startAt', `投放开始时间 ${formatDateTime(start)} 早于最早可投放时间 ${formatDateTime(earliest)}（最早 2 天后开始）`, `请选择 ${formatDateTime(earliest)} 或之后`));
      for (const s of env.stocks) {
        const availBegin = toMillis(s.availableBegin);
        if (availBegin > start) out.push(issue('R5', 'delivery.startAt', `批次 ${s.stockId} 核销开始时间 ${formatDateTime(availBegin)} 晚于活动开始 ${formatDateTime(start)}`, `活动开始时间最早为 ${formatDateTime(availBegin)}`));
      }
    }
  }
  if (end <= start) out.push(issue('F5', 'delivery.endAt', `投放结束时间 ${formatDateTime(end)} 需晚于开始时间 ${formatDateTime(start)}`));
  else if (end - start > MAX_CAMPAIGN_DAYS * DAY_MS) out.push(issue('F5', 'delivery.endAt', `活动持续 ${Math.ceil(((end - start) / DAY_MS) * 10) / 10} 天，最长 ${MAX_CAMPAIGN_DAYS} 天`));
  if (end < now) out.push(issue('F5', 'delivery.endAt', `投放结束时间 ${formatDateTime(end)} 已过去`));
  for (const s of env.stocks) {
    const availEnd = toMillis(s.availableEnd);
    if (availEnd < end + DAY_MS) {
      out.push(issue('R6', 'delivery.endAt', `批次 ${s.stockId} 核销结束时间 ${formatDateTime(availEnd)} 需晚于活动结束 1 天以上（活动结束 ${formatDateTime(end)}）`, `活动结束时间最晚为 ${formatDateTime(availEnd - DAY_MS)}`));
    }
  }
  return out;
}
