/**
 * The quota-campaign wizard's form as the merchant fills it, and how it becomes a draft.
 *
 * Checking is split the way the brief asks: the client runs the strict shared schema (F2–F4 widths
 * and characters, T2 formats, T4) and F5 from the shared rule engine on every keystroke; the rules
 * that need the stocks, the stores and the uploaded files (F1, F7, R1–R9, P1–P4, T1–T3) come from
 * `campaign.validate`, called debounced with a *probe*: the draft with neutral stand-ins for what
 * is not filled in yet, so the server can judge everything else. Issues about the stand-ins are
 * dropped; the client says "请上传 …" for those itself.
 */
import {
  campaignDraftSchema,
  PACK_SIZE,
  type AGE_BANDS,
  type AREAS,
  type AUDIENCE_SOURCES,
  type CampaignDraft,
  type GENDERS,
  type PromotionType,
  targetingSchema,
} from '@shared/campaign/schema';
import { checkCampaignDraft, earliestStart } from '@shared/campaign/rules';
import { IMAGE_SPECS } from '@shared/files';
import type { StoreInfo } from '@shared/account/schema';
import type { FileMeta } from '@shared/files';
import type { Issue } from '@shared/result';
import type { Stock } from '@shared/stock/schema';
import { textWidth } from '@shared/text';
import { addDays, toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';
import { isUnder } from '@/lib/issues';

export type AgeBand = (typeof AGE_BANDS)[number];
export type Area = (typeof AREAS)[number];
export type AudienceSource = (typeof AUDIENCE_SOURCES)[number];
export type Gender = (typeof GENDERS)[number];

export interface UploadedImage {
  fileId: string;
  /** Where to show it: the picked local file (fast) or the server's copy. */
  url: string;
  width: number;
  height: number;
  bytes: number;
}

export interface UploadedSeed {
  fileId: string;
  name: string;
  rows: number;
  bytes: number;
}

export interface PackSlot {
  stockId: string;
  smallImage: UploadedImage | null;
  largeImage: UploadedImage | null;
}

export interface CampaignForm {
  promotionType: PromotionType;
  logo: UploadedImage | null;
  brandName: string;
  title: string;
  subtitle: string;
  startAt: string;
  endAt: string;
  contentKind: 'SINGLE' | 'PACK';
  singleStockId: string;
  pack: PackSlot[];
  storeIds: string[];
  appid: string;
  path: string;
  area: Area;
  audienceSource: AudienceSource;
  seed: UploadedSeed | null;
  ageBands: AgeBand[];
  gender: Gender;
}

export const WIDTH_LIMITS = { brandName: 14, title: 24, subtitle: 20 } as const;
export const DEFAULT_DAYS = 14;
export const DAY_CHOICES = [7, 14, 30] as const;
const DAY_MS = 86_400_000;

export const emptySlot = (): PackSlot => ({ stockId: '', smallImage: null, largeImage: null });

export function defaultWindow(earliest: Date | string, days = DEFAULT_DAYS): { startAt: string; endAt: string } {
  return { startAt: toRfc3339(earliest), endAt: toRfc3339(addDays(earliest, days)) };
}

export function initialForm(now: Date): CampaignForm {
  return {
    promotionType: 'STORE',
    logo: null,
    brandName: '',
    title: '',
    subtitle: '',
    ...defaultWindow(earliestStart(now)),
    contentKind: 'SINGLE',
    singleStockId: '',
    pack: Array.from({ length: PACK_SIZE }, emptySlot),
    storeIds: [],
    appid: '',
    path: '',
    area: 'NEARBY_3KM',
    audienceSource: 'MERCHANT_TRADING_USERS',
    seed: null,
    ageBands: [],
    gender: 'ALL',
  };
}

// ---- fields, steps and issue paths ----

/** What the merchant edits, one key each; an issue's path maps to one of them. */
export type FieldKey =
  | 'promotionType' | 'logo' | 'brandName' | 'title' | 'subtitle' | 'startAt' | 'endAt' | 'content'
  | 'storeIds' | 'miniProgram' | 'area' | 'audience' | 'tags';

export const STEP_TITLES = ['推广类型', '投放设置', '精准定向', '预览', '确认创建'] as const;
export const STEP_FIELDS: ReadonlyArray<readonly FieldKey[]> = [
  ['promotionType'],
  ['logo', 'brandName', 'title', 'subtitle', 'startAt', 'endAt', 'content'],
  ['storeIds', 'miniProgram', 'area', 'audience', 'tags'],
];

export function fieldOf(path: string): FieldKey | undefined {
  const [head, second] = path.split('.');
  if (head === 'promotionType') return 'promotionType';
  if (head === 'content') return 'content';
  if (head === 'delivery') {
    if (second === 'logo' || second === 'brandName' || second === 'title' || second === 'subtitle' || second === 'startAt' || second === 'endAt') return second;
    return undefined;
  }
  if (head === 'targeting') {
    if (second === 'storeIds' || second === 'miniProgram' || second === 'area' || second === 'audience' || second === 'tags') return second;
    return undefined;
  }
  return undefined;
}

export function stepOfPath(path: string): number | undefined {
  const f = fieldOf(path);
  if (!f) return undefined;
  const i = STEP_FIELDS.findIndex((keys) => keys.includes(f));
  return i < 0 ? undefined : i;
}

// ---- form → draft ----

export function toDraft(f: CampaignForm, merchantId: string): CampaignDraft {
  const t: CampaignDraft['targeting'] = {};
  const stores = f.promotionType !== 'MINIPROGRAM';
  const mini = f.promotionType !== 'STORE';
  if (stores) t.storeIds = f.storeIds;
  if (mini) {
    t.miniProgram = { appid: f.appid.trim(), path: f.path.trim().replace(/^\//, '') };
    t.audience = f.audienceSource === 'SEED_PACKAGE' && f.seed ? { source: 'SEED_PACKAGE', seedPackageId: f.seed.fileId } : { source: f.audienceSource };
  }
  if (f.promotionType === 'MINIPROGRAM_AND_STORE') t.area = f.area;
  if (f.ageBands.length || f.gender !== 'ALL') {
    t.tags = { ...(f.ageBands.length ? { ageBands: [...f.ageBands] } : {}), gender: f.gender };
  }
  return {
    merchantId,
    promotionType: f.promotionType,
    delivery: {
      logo: f.logo?.fileId ?? '',
      brandName: f.brandName.trim(),
      title: f.title.trim(),
      subtitle: f.subtitle.trim(),
      startAt: f.startAt,
      endAt: f.endAt,
    },
    content: f.contentKind === 'SINGLE'
      ? { kind: 'SINGLE', stockId: f.singleStockId }
      : { kind: 'PACK', items: f.pack.map((s) => ({ stockId: s.stockId, smallImage: s.smallImage?.fileId ?? '', largeImage: s.largeImage?.fileId ?? '' })) },
    targeting: t,
  };
}

// ---- the client's own checks ----

const STOCK_ID = /^\d{6,20}$/;

/** Messages for what has not been filled in, instead of the schema's "需为上传后返回的 fileId". */
function missingIssues(f: CampaignForm): Issue[] {
  const out: Issue[] = [];
  const spec = (p: keyof typeof IMAGE_SPECS) => `${IMAGE_SPECS[p].width}×${IMAGE_SPECS[p].height} 像素，jpg 或 png，不超过 1 MB`;
  if (!f.logo) out.push({ rule: 'F1', path: 'delivery.logo', level: 'error', message: '请上传商户 logo', hint: spec('logo') });
  if (f.contentKind === 'SINGLE') {
    if (!f.singleStockId) out.push({ rule: 'F7', path: 'content.stockId', level: 'error', message: '请添加一张代金券', hint: '输入批次号，或从已配置的代金券中选择' });
  } else {
    f.pack.forEach((s, i) => {
      const p = `content.items.${i}`;
      if (!s.stockId) out.push({ rule: 'F7', path: `${p}.stockId`, level: 'error', message: `请添加礼包第 ${i + 1} 张代金券`, hint: '礼包需 3 张不同的代金券' });
      if (!s.smallImage) out.push({ rule: 'P3', path: `${p}.smallImage`, level: 'error', message: `请上传第 ${i + 1} 张券的商品小图`, hint: spec('smallImage') });
      if (!s.largeImage) out.push({ rule: 'P4', path: `${p}.largeImage`, level: 'error', message: `请上传第 ${i + 1} 张券的商品大图`, hint: spec('largeImage') });
    });
  }
  if (f.promotionType !== 'STORE' && f.audienceSource === 'SEED_PACKAGE' && !f.seed) {
    out.push({ rule: f.promotionType === 'MINIPROGRAM' ? 'T2' : 'T3', path: 'targeting.audience.seedPackageId', level: 'error', message: '请上传种子包', hint: 'CSV 文件，每行一个用户 ID' });
  }
  return out;
}

/** Paths the missing-issue messages cover: the schema's own issue there is replaced. */
const coveredBy = (missing: readonly Issue[], path: string) => missing.some((m) => isUnder(path, m.path));

/** A draft with stand-ins that pass the schema, so F5 can run on the dates alone. */
function datesOnly(f: CampaignForm, merchantId: string): CampaignDraft {
  return {
    merchantId,
    promotionType: 'STORE',
    delivery: { logo: 'x', brandName: 'x', title: 'x', subtitle: 'x', startAt: f.startAt, endAt: f.endAt },
    content: { kind: 'SINGLE', stockId: '000000' },
    targeting: { storeIds: ['x'] },
  };
}

export interface ClientCheck {
  issues: Issue[];
  /** The strictly parsed draft, when the schema accepts it (rules may still object). */
  parsed: CampaignDraft | undefined;
}

const TARGETING_RULES = new Set(['T1', 'T2', 'T3']);

/**
 * Schema (strict) + F5, and T1–T3 once the merchant's stores are known: exactly the messages the
 * server gives for the same fields (the same shared functions make them).
 */
export function checkOnClient(f: CampaignForm, merchantId: string, now: Date, ownerStores?: ReadonlyMap<string, StoreInfo>): ClientCheck {
  const draft = toDraft(f, merchantId);
  const parsed = parseWith(campaignDraftSchema, draft);
  const missing = missingIssues(f);
  const schemaIssues = parsed.ok ? [] : parsed.issues.filter((i) => !coveredBy(missing, i.path));
  const datesParse = !schemaIssues.some((i) => i.path === 'delivery.startAt' || i.path === 'delivery.endAt');
  const env = { now, loginMerchantId: merchantId, quotaOwner: { merchantId, brandGroupMerchantIds: [] }, stocks: new Map<string, Stock>(), ownerStores: ownerStores ?? new Map<string, StoreInfo>(), files: new Map<string, FileMeta>() };
  const f5 = datesParse ? checkCampaignDraft(datesOnly(f, merchantId), env).filter((i) => i.rule === 'F5') : [];
  // T1–T3 read the targeting and the owner's stores only; the seed package's file is the server's.
  const targeting = ownerStores
    ? checkCampaignDraft({ ...datesOnly(f, merchantId), promotionType: draft.promotionType, targeting: draft.targeting }, env)
      .filter((i) => TARGETING_RULES.has(i.rule ?? '') && i.path.startsWith('targeting.') && !isUnder(i.path, 'targeting.audience.seedPackageId'))
    : [];
  return { issues: [...missing, ...schemaIssues, ...f5, ...targeting], parsed: parsed.ok ? parsed.value : undefined };
}

// ---- the probe sent to campaign.validate ----

export interface Probe {
  draft: CampaignDraft;
  /** Paths filled with stand-ins: the server's issues under them are not about the merchant's input. */
  standIns: string[];
}

const STAND_IN_FILE = 'pending-upload';
const STAND_IN_STOCK = '000000';

/** Fields whose every rule the client runs itself (schema + F5): the server's copies are dropped. */
export const CLIENT_OWNED = ['delivery.brandName', 'delivery.title', 'delivery.subtitle', 'delivery.startAt', 'delivery.endAt', 'targeting.tags', 'promotionType'];

export function probeOf(f: CampaignForm, merchantId: string): Probe {
  const draft = toDraft(f, merchantId);
  const standIns: string[] = [];
  if (!f.logo) {
    draft.delivery.logo = STAND_IN_FILE;
    standIns.push('delivery.logo');
  }
  if (draft.content.kind === 'SINGLE') {
    if (!STOCK_ID.test(draft.content.stockId)) {
      draft.content = { kind: 'SINGLE', stockId: STAND_IN_STOCK };
      standIns.push('content.stockId');
    }
  } else {
    draft.content.items = draft.content.items.map((it, i) => {
      const p = `content.items.${i}`;
      const stockOk = STOCK_ID.test(it.stockId);
      if (!stockOk) standIns.push(`${p}.stockId`);
      if (!it.smallImage) standIns.push(`${p}.smallImage`);
      if (!it.largeImage) standIns.push(`${p}.largeImage`);
      // Distinct stand-ins, so that three empty slots are not reported as duplicates (F7).
      return { stockId: stockOk ? it.stockId : `${STAND_IN_STOCK}${i}`, smallImage: it.smallImage || STAND_IN_FILE, largeImage: it.largeImage || STAND_IN_FILE };
    });
  }
  const mp = draft.targeting.miniProgram;
  if (mp && !parseWith(targetingSchema, { miniProgram: mp }).ok) {
    // A half-typed APPID or path would make the whole call invalid: judge the rest without it.
    delete draft.targeting.miniProgram;
    standIns.push('targeting.miniProgram');
  }
  return { draft, standIns };
}

/** The server's issues that are about the merchant's input and not already the client's. */
export function keepServerIssue(issue: Issue, standIns: readonly string[]): boolean {
  if (standIns.some((p) => isUnder(issue.path, p))) return false;
  if (CLIENT_OWNED.some((p) => isUnder(issue.path, p))) return false;
  return true;
}

/** Client issues first, then the server's; each (path, message) once. */
export function mergeIssues(...lists: ReadonlyArray<readonly Issue[]>): Issue[] {
  const seen = new Set<string>();
  const out: Issue[] = [];
  for (const list of lists) {
    for (const i of list) {
      const k = `${i.path}\u0000${i.message}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(i);
      }
    }
  }
  return out;
}

export const widthOf = (text: string): number => textWidth(text.trim());

export const daysBetween = (startAt: string, endAt: string): number => (Date.parse(endAt) - Date.parse(startAt)) / DAY_MS;
