import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { StoreInfo } from '@shared/account/schema';
import { earliestStart } from '@shared/campaign/rules';
import type { Campaign, StockSummary } from '@shared/campaign/schema';
import type { ImagePurpose } from '@shared/files';
import type { Issue } from '@shared/result';
import { addDays, toMillis, toRfc3339 } from '@shared/time';
import { call, toCloudError } from '@/services/cloud';
import { showError, showFormErrors } from '@/components/feedback';
import { centroid, distanceKm } from '@/components/campaign/campaignText';
import type { PreviewData } from '@/components/campaign/CampaignPreview';
import { go, replace } from '@/lib/routes';
import { fileUrl } from '@/services/upload';
import { ADMINS, useActingMerchant } from './useActing';
import { emitCampaignChanged } from './useCampaignEvents';
import {
  checkOnClient,
  defaultWindow,
  fieldOf,
  initialForm,
  keepServerIssue,
  mergeIssues,
  probeOf,
  STEP_FIELDS,
  STEP_TITLES,
  stepOfPath,
  widthOf,
  type AgeBand,
  type CampaignForm,
  type FieldKey,
  type UploadedImage,
} from './useCampaignForm';
import { useFormDraft } from './useFormDraft';
import { useCampaignUpload } from './useCampaignUpload';
import { useRetriableCreate } from './useRetriableCreate';
import { useRemote } from './useRemote';

const STOCK_ID = /^\d{6,20}$/;
const VALIDATE_DELAY_MS = 350;
const ALL_FIELDS: readonly FieldKey[] = STEP_FIELDS.flat();

/** Which coupon a picker or an input is for: the single coupon, or a gift-pack slot. */
export type Slot = 'single' | number;

interface ServerResult {
  seq: number;
  issues: Issue[];
  /** The stock each content path named when the server judged it (its issues are about that stock). */
  stockAt: Record<string, string>;
}

function stockPaths(f: CampaignForm): Record<string, string> {
  if (f.contentKind === 'SINGLE') return { 'content.stockId': f.singleStockId };
  return Object.fromEntries(f.pack.map((s, i) => [`content.items.${i}.stockId`, s.stockId]));
}

/** A picked file's local path dies with the page: a restored image shows the stored copy. */
function storedCopy(img: UploadedImage | null): UploadedImage | null {
  return img ? { ...img, url: fileUrl(img.fileId) } : null;
}

export interface StoreRow extends StoreInfo {
  selected: boolean;
  /** km from the reference point, or null without locations. */
  km: number | null;
}

/**
 * 新建配额发券活动: five steps over one form (推广类型 → 投放设置 → 精准定向 → 预览 → 确认创建),
 * back to any step without losing input; checked live (client schema + F5, debounced
 * `campaign.validate` for the rest); one requestId per confirmation, kept for a retry after a
 * network error so a retry can never create twice.
 */
export function useCampaignCreate() {
  const am = useActingMerchant(ADMINS);
  const { session, acting, forbidden, forOther, scope } = am;
  // The forms want a string: empty until the session is known.
  const merchantId = am.merchantId ?? '';

  const stores = useRemote(merchantId ? `stores:${merchantId}` : null, () => call('account', 'stores', { merchantId }));
  const appids = useRemote(merchantId ? `appids:${merchantId}` : null, () => call('account', 'appids', { merchantId }));
  const merchant = useRemote(forOther ? `merchant:${merchantId}` : null, () => call('account', 'merchant', { merchantId }));

  // The server's clock decides "2 days from today" (it may be set differently from the phone's).
  const [skewMs, setSkewMs] = useState(0);
  const now = useCallback(() => new Date(Date.now() + skewMs), [skewMs]);

  const [form, setForm] = useState<CampaignForm>(() => initialForm(new Date()));
  const formRef = useRef(form);
  formRef.current = form;
  const [touched, setTouched] = useState<ReadonlySet<FieldKey>>(new Set());
  const touchedRef = useRef(touched);
  touchedRef.current = touched;
  const touch = useCallback((keys: readonly FieldKey[]) => setTouched((t) => (keys.every((k) => t.has(k)) ? t : new Set([...t, ...keys]))), []);

  const update = useCallback((patch: Partial<CampaignForm>, keys: readonly FieldKey[]) => {
    setForm((f) => ({ ...f, ...patch }));
    touch(keys);
  }, [touch]);

  const set = useCallback(<K extends keyof CampaignForm>(key: K, value: CampaignForm[K]) => {
    const field: FieldKey = key === 'contentKind' || key === 'singleStockId' || key === 'pack' ? 'content'
      : key === 'appid' || key === 'path' ? 'miniProgram'
        : key === 'audienceSource' || key === 'seed' ? 'audience'
          : key === 'ageBands' || key === 'gender' ? 'tags'
            : (key as FieldKey);
    update({ [key]: value } as Partial<CampaignForm>, [field]);
  }, [update]);

  const upload = useCampaignUpload(merchantId);

  // ---- what is known about stocks: from validate and from the picker ----
  const [summaries, setSummaries] = useState<ReadonlyMap<string, StockSummary>>(new Map());
  const remember = useCallback((list: readonly StockSummary[]) => {
    if (!list.length) return;
    setSummaries((m) => {
      const next = new Map(m);
      for (const s of list) next.set(s.stockId, s);
      return next;
    });
  }, []);

  // ---- campaign.validate, debounced, newest answer wins ----
  const probe = useMemo(() => (merchantId ? probeOf(form, merchantId) : null), [form, merchantId]);
  const probeKey = probe ? JSON.stringify(probe.draft) : null;
  const [server, setServer] = useState<ServerResult | null>(null);
  const seq = useRef(0);
  const applied = useRef(0);
  const inflight = useRef<{ key: string; promise: Promise<Issue[]> } | null>(null);
  const settledKey = useRef<string | null>(null);
  const datesSeeded = useRef(false);

  const runValidate = useCallback((): Promise<Issue[]> => {
    const f = formRef.current;
    if (!merchantId) return Promise.resolve([]);
    const p = probeOf(f, merchantId);
    const key = JSON.stringify(p.draft);
    if (inflight.current?.key === key) return inflight.current.promise;
    const mine = ++seq.current;
    const stockAt = stockPaths(f);
    const promise = (async () => {
      let issues: Issue[] = [];
      try {
        const out = await call('campaign', 'validate', p.draft);
        issues = out.issues.filter((i) => keepServerIssue(i, p.standIns));
        remember(out.stocks);
        if (!datesSeeded.current) {
          datesSeeded.current = true;
          const serverEarliest = toMillis(out.earliestStartAt);
          setSkewMs(serverEarliest - earliestStart(new Date()).getTime());
          // Preselect the earliest start (and a 14-day window) unless the merchant already chose.
          if (!touchedRef.current.has('startAt') && !touchedRef.current.has('endAt') && formRef.current.startAt !== out.earliestStartAt) {
            setForm((cur) => ({ ...cur, ...defaultWindow(out.earliestStartAt) }));
          }
        }
      } catch (e) {
        const err = toCloudError(e);
        if (err.isNetwork) return server?.issues ?? [];
        issues = err.issues.filter((i) => keepServerIssue(i, p.standIns));
      }
      if (mine > applied.current) {
        applied.current = mine;
        settledKey.current = key;
        setServer({ seq: mine, issues, stockAt });
      }
      return issues;
    })();
    inflight.current = { key, promise };
    void promise.finally(() => {
      if (inflight.current?.promise === promise) inflight.current = null;
    });
    return promise;
  }, [merchantId, remember, server]);

  const runValidateRef = useRef(runValidate);
  runValidateRef.current = runValidate;
  useEffect(() => {
    if (!probeKey) return undefined;
    const t = setTimeout(() => void runValidateRef.current(), VALIDATE_DELAY_MS);
    return () => clearTimeout(t);
  }, [probeKey]);

  /** The server's issues for the form as it is now (waits for a pending check). */
  const validateNow = useCallback(async (): Promise<Issue[]> => {
    const key = merchantId ? JSON.stringify(probeOf(formRef.current, merchantId).draft) : null;
    if (key && settledKey.current === key && server) return server.issues;
    return runValidateRef.current();
  }, [merchantId, server]);

  /** Server issues still about what the form names now (a replaced stock's issues go at once). */
  const currentServerIssues = useCallback((issues: readonly Issue[], stockAt: Record<string, string>, f: CampaignForm): Issue[] => {
    const nowAt = stockPaths(f);
    return issues.filter((i) => {
      const stockPath = Object.keys(stockAt).find((p) => i.path === p);
      return stockPath === undefined || nowAt[stockPath] === stockAt[stockPath];
    });
  }, []);

  const ownerStores = useMemo(() => (stores.data ? new Map(stores.data.stores.map((s) => [s.storeId, s])) : undefined), [stores.data]);
  const client = checkOnClient(form, merchantId || '100000', now(), ownerStores);
  const serverIssues = server ? currentServerIssues(server.issues, server.stockAt, form) : [];
  const all = mergeIssues(upload.issues, upload.besides(client.issues), serverIssues);
  const visible = all.filter((i) => {
    const f = fieldOf(i.path);
    return f === undefined || touched.has(f);
  });

  /** Everything for a given server answer, from the latest form (for decisions after an await). */
  const allFor = (serverList: readonly Issue[]): Issue[] => {
    const f = formRef.current;
    return mergeIssues(upload.issues, upload.besides(checkOnClient(f, merchantId || '100000', now(), ownerStores).issues), serverList);
  };

  // ---- steps ----
  const [step, setStep] = useState(0);
  const [checking, setChecking] = useState(false);
  const scrollTop = () => void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);

  const errorsOfStep = (issues: readonly Issue[], s: number) => issues.filter((i) => i.level === 'error' && stepOfPath(i.path) === s);

  /** Check steps from..to-1 and move to `to`, or stop at the first step with errors. */
  const advance = async (to: number) => {
    if (checking) return;
    const upto = Math.min(to, STEP_FIELDS.length);
    const keys = STEP_FIELDS.slice(step, upto).flat();
    touch(keys);
    setChecking(true);
    let issues: Issue[];
    try {
      issues = allFor(await validateNow());
    } finally {
      setChecking(false);
    }
    for (let s = step; s < upto; s++) {
      if (errorsOfStep(issues, s).length) {
        setStep(s);
        showFormErrors();
        return;
      }
    }
    setStep(Math.min(to, STEP_TITLES.length - 1));
    scrollTop();
  };

  const goStep = (i: number) => {
    if (i === step) return;
    if (i < step) {
      setStep(i);
      scrollTop();
    } else void advance(i);
  };

  const kept = useFormDraft('campaign', acting ? merchantId : '', { form, step, touched: [...touched] }, (d) => {
    if (!d) return startOver(); const f = { ...initialForm(now()), ...d.form };
    setForm({ ...f, logo: storedCopy(f.logo), pack: f.pack.map((s) => ({ ...s, smallImage: storedCopy(s.smallImage), largeImage: storedCopy(s.largeImage) })) });
    setTouched(new Set(d.touched as FieldKey[]));
    setStep(Math.min(Math.max(0, d.step), STEP_TITLES.length - 1));
  });
  const startOver = () => {
    setForm(initialForm(now()));
    setTouched(new Set());
    setStep(0);
    datesSeeded.current = false;
  };

  // ---- content: single coupon or gift pack ----
  const [picker, setPicker] = useState<Slot | null>(null);
  const stockOf = (slot: Slot) => (slot === 'single' ? form.singleStockId : form.pack[slot]?.stockId ?? '');
  const setSlotStock = (slot: Slot, stockId: string) => {
    if (slot === 'single') set('singleStockId', stockId);
    else set('pack', form.pack.map((s, i) => (i === slot ? { ...s, stockId } : s)));
  };

  /** Add a coupon by 批次号 (typed or picked); a Chinese reason when it cannot go in this slot. */
  const addStock = (slot: Slot, text: string): string | undefined => {
    const id = text.trim();
    if (!STOCK_ID.test(id)) return '批次号为 6–20 位数字';
    if (slot !== 'single' && form.pack.some((s, i) => i !== slot && s.stockId === id)) return `批次 ${id} 已在礼包中，礼包需 3 张不同的代金券`;
    setSlotStock(slot, id);
    setPicker(null);
    return undefined;
  };

  const eligibleKey = picker !== null && merchantId
    ? JSON.stringify({ merchantId, promotionType: form.promotionType, startAt: form.startAt, endAt: form.endAt, storeIds: form.promotionType === 'MINIPROGRAM' ? [] : form.storeIds })
    : null;
  const eligible = useRemote(eligibleKey, () => call('campaign', 'eligibleStocks', {
    merchantId,
    promotionType: form.promotionType,
    startAt: form.startAt,
    endAt: form.endAt,
    ...(form.promotionType === 'MINIPROGRAM' ? {} : { storeIds: form.storeIds }),
  }));
  useEffect(() => {
    if (eligible.data) remember(eligible.data.stocks.map((s) => s.stock));
  }, [eligible.data, remember]);

  const uploadPackImage = async (slot: number, kind: 'smallImage' | 'largeImage') => {
    touch(['content']);
    const img = await upload.image(`content.items.${slot}.${kind}`, kind as ImagePurpose);
    if (img) setForm((f) => ({ ...f, pack: f.pack.map((s, i) => (i === slot ? { ...s, [kind]: img } : s)) }));
  };

  // ---- targeting ----
  const storeList = stores.data?.stores ?? [];
  const firstSelected = storeList.find((s) => s.storeId === form.storeIds[0]);
  const reference = firstSelected ?? centroid(storeList);
  const storeRows: StoreRow[] = storeList.map((s) => ({
    ...s,
    selected: form.storeIds.includes(s.storeId),
    km: reference ? distanceKm(reference, s) : null,
  }));
  const toggleStore = (id: string) => set('storeIds', form.storeIds.includes(id) ? form.storeIds.filter((x) => x !== id) : [...form.storeIds, id]);

  // ---- confirmation and the call ----
  const [submitting, setSubmitting] = useState(false);
  const [created, setCreated] = useState<Campaign | null>(null);
  const create = useRetriableCreate('cmp');

  const submit = async () => {
    if (submitting || !acting) return;
    touch(ALL_FIELDS);
    setSubmitting(true);
    try {
      const issues = allFor(await validateNow());
      const errors = issues.filter((i) => i.level === 'error');
      const draft = checkOnClient(formRef.current, merchantId, now()).parsed;
      if (errors.length || !draft) {
        const steps = errors.map((i) => stepOfPath(i.path)).filter((s): s is number => s !== undefined);
        if (steps.length) setStep(Math.min(...steps));
        showFormErrors('还有未通过校验的项，请修改后再创建');
        return;
      }
      const out = await create.send(draft, (requestId) => call('campaign', 'create', { ...draft, requestId }));
      if (out.ok) {
        kept.clear();
        setCreated(out.value);
        emitCampaignChanged(out.value.campaignId);
        scrollTop();
        return;
      }
      // A network failure keeps the requestId: the retry returns the first result if it was created.
      if (out.error.isNetwork) return;
      const err = out.error;
      if (err.issues.length) {
        setServer({ seq: ++seq.current, issues: err.issues, stockAt: stockPaths(formRef.current) });
        applied.current = seq.current;
        const steps = err.issues.filter((i) => i.level === 'error').map((i) => stepOfPath(i.path)).filter((s): s is number => s !== undefined);
        if (steps.length) setStep(Math.min(...steps));
      }
      showError(err);
    } finally {
      setSubmitting(false);
    }
  };

  const [previewMode, setPreviewMode] = useState<'entry' | 'landing'>('entry');

  const slotStocks: Array<StockSummary | undefined> = (form.contentKind === 'SINGLE' ? [form.singleStockId] : form.pack.map((s) => s.stockId)).map((id) => (id ? summaries.get(id) : undefined));
  const storeNames = new Map(storeList.map((s) => [s.storeId, s.name]));
  const suggestions = all.filter((i) => i.level === 'suggestion');
  const blocking = all.filter((i) => i.level === 'error');
  const merchantName = forOther ? (merchant.data?.name ?? '') : (acting?.merchantName ?? '');
  const preview: PreviewData = {
    logoUrl: form.logo?.url ?? '',
    brandName: form.brandName.trim(),
    title: form.title.trim(),
    subtitle: form.subtitle.trim(),
    kind: form.contentKind,
    coupons: form.contentKind === 'SINGLE'
      ? [{ stockId: form.singleStockId, stock: summaries.get(form.singleStockId) }]
      : form.pack.map((s) => ({ stockId: s.stockId, stock: summaries.get(s.stockId), smallUrl: s.smallImage?.url ?? '', largeUrl: s.largeImage?.url ?? '' })),
    startAt: form.startAt,
    endAt: form.endAt,
  };

  return {
    session,
    acting,
    forbidden,
    merchantId,
    merchantName,
    form,
    set,
    visible,
    all,
    suggestions,
    blocking,
    upload,
    widths: { brandName: widthOf(form.brandName), title: widthOf(form.title), subtitle: widthOf(form.subtitle) },
    earliestStartAt: toRfc3339(earliestStart(now())),
    // ---- steps ----
    step,
    checking,
    next: () => void advance(step + 1),
    back: () => goStep(Math.max(0, step - 1)),
    goStep,
    // ---- delivery ----
    uploadLogo: async () => {
      touch(['logo']);
      const img = await upload.image('delivery.logo', 'logo');
      if (img) setForm((f) => ({ ...f, logo: img }));
    },
    setDays: (days: number) => set('endAt', toRfc3339(addDays(form.startAt, days))),
    setStart: (iso: string) => {
      // Keep the length the merchant chose when the start moves.
      const len = toMillis(form.endAt) - toMillis(form.startAt);
      update({ startAt: iso, endAt: toRfc3339(toMillis(iso) + len) }, ['startAt', 'endAt']);
    },
    setKind: (kind: CampaignForm['contentKind']) => {
      set('contentKind', kind);
      setPicker(null);
    },
    stockOf,
    summaries,
    slotStocks,
    addStock,
    removeStock: (slot: Slot) => setSlotStock(slot, ''),
    picker,
    openPicker: (slot: Slot) => setPicker((p) => (p === slot ? null : slot)),
    closePicker: () => setPicker(null),
    eligible,
    uploadPackImage,
    // ---- targeting ----
    stores,
    storeRows,
    referenceName: firstSelected ? firstSelected.name : storeList.length > 1 ? '门店中心点' : '',
    toggleStore,
    selectAllStores: () => set('storeIds', form.storeIds.length === storeList.length ? [] : storeList.map((s) => s.storeId)),
    storeName: (id: string) => storeNames.get(id) ?? id,
    appids,
    uploadSeed: async () => {
      touch(['audience']);
      const rule = form.promotionType === 'MINIPROGRAM' ? 'T2' : 'T3';
      const seed = await upload.seed('targeting.audience.seedPackageId', rule);
      if (seed) setForm((f) => ({ ...f, seed }));
    },
    toggleAgeBand: (a: AgeBand) => set('ageBands', form.ageBands.includes(a) ? form.ageBands.filter((x) => x !== a) : [...form.ageBands, a]),
    // ---- preview, confirm ----
    preview,
    previewMode,
    setPreviewMode,
    submitting,
    networkFailed: create.networkFailed,
    submit: () => void submit(),
    created,
    openCreated: () => {
      if (created) replace('campaignDetail', { merchantId: created.merchantId, campaignId: created.campaignId });
    },
    openList: () => replace('campaignList', scope),
    createAnother: () => {
      setCreated(null);
      startOver();
    },
    draftRestored: kept.restored,
    discardDraft: () => {
      kept.clear();
      startOver();
    },
    openStocks: () => go('stockList', scope),
  };
}

export type CampaignCreateVm = ReturnType<typeof useCampaignCreate>;
