import { useEffect, useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { checkCampaignEdit } from '@shared/campaign/rules';
import { deliverySchema, type Delivery } from '@shared/campaign/schema';
import type { Issue } from '@shared/result';
import { toMillis, toRfc3339 } from '@shared/time';
import { parseWith } from '@shared/validation';
import { call, toCloudError } from '@/services/cloud';
import { fileUrl } from '@/services/upload';
import { showError, showFormErrors, showToast } from '@/components/feedback';
import { replace, ROUTES } from '@/lib/routes';
import { ADMINS, useActingMerchant } from './useActing';
import { emitCampaignChanged } from './useCampaignEvents';
import { issueAt } from '@/lib/issues';
import { mergeIssues, widthOf, type UploadedImage } from './useCampaignForm';
import { useCampaignUpload } from './useCampaignUpload';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';


/** Back to the detail it came from (it reloads on the change event), else open it in place. */
function backToDetail(merchantId: string, campaignId: string): void {
  const pages = Taro.getCurrentPages();
  const prev = pages[pages.length - 2];
  if (prev && `/${String(prev.route ?? '').replace(/^\//, '')}` === ROUTES.campaignDetail) void Taro.navigateBack();
  else replace('campaignDetail', { merchantId, campaignId });
}

export interface EditForm {
  logo: UploadedImage;
  brandName: string;
  title: string;
  subtitle: string;
  startAt: string;
  endAt: string;
}

type EditKey = keyof EditForm;

const fromDelivery = (d: Delivery): EditForm => ({
  logo: { fileId: d.logo, url: fileUrl(d.logo), width: 120, height: 120, bytes: 0 },
  brandName: d.brandName,
  title: d.title,
  subtitle: d.subtitle,
  startAt: d.startAt,
  endAt: d.endAt,
});

const toDelivery = (f: EditForm): Delivery => ({
  logo: f.logo.fileId,
  brandName: f.brandName.trim(),
  title: f.title.trim(),
  subtitle: f.subtitle.trim(),
  startAt: f.startAt,
  endAt: f.endAt,
});

const keyOf = (path: string): EditKey | undefined => {
  const k = path.split('.')[1];
  return k === 'logo' || k === 'brandName' || k === 'title' || k === 'subtitle' || k === 'startAt' || k === 'endAt' ? k : undefined;
};

/**
 * 修改活动 (M3): logo, brand name, title, subtitle and delivery time under the creation rules,
 * effective at once. The start is locked once the campaign has started. The save carries the
 * version that was loaded; a stale one is refused (CAMPAIGN.VERSION_CONFLICT) and the merchant is
 * offered the latest version, with what they typed listed so nothing is lost silently.
 */
export function useCampaignEdit() {
  const params = usePageParams();
  const { session, acting, forbidden, merchantId } = useActingMerchant(ADMINS);
  const campaignId = params.campaignId ?? '';
  const remote = useRemote(merchantId ? `${merchantId}:${campaignId}` : null, () => call('campaign', 'get', { merchantId: merchantId ?? '', campaignId }));
  const campaign = remote.data?.campaign;

  const [form, setForm] = useState<EditForm | null>(null);
  const [base, setBase] = useState<{ version: number; delivery: Delivery } | null>(null);
  const adopt = useRef(true);
  useEffect(() => {
    if (!campaign || !adopt.current) return;
    adopt.current = false;
    setForm(fromDelivery(campaign.delivery));
    setBase({ version: campaign.version, delivery: campaign.delivery });
  }, [campaign]);

  const [touched, setTouched] = useState<ReadonlySet<EditKey>>(new Set());
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);
  const [conflict, setConflict] = useState<{ message: string; mine: Delivery } | null>(null);
  const [saving, setSaving] = useState(false);
  const upload = useCampaignUpload(merchantId);

  const set = <K extends EditKey>(key: K, value: EditForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setTouched((t) => (t.has(key) ? t : new Set([...t, key])));
    setServerIssues((s) => s.filter((i) => keyOf(i.path) !== key));
  };

  // Started: the start can no longer move (the server says so too, with F5).
  const started = !!campaign && (campaign.status === 'DELIVERING' || (campaign.status !== 'NOT_STARTED' && toMillis(campaign.delivery.startAt) <= Date.now()));

  const check = useMemo(() => {
    if (!form || !base) return { issues: [] as Issue[], delivery: undefined as Delivery | undefined };
    const next = toDelivery(form);
    const parsed = parseWith(deliverySchema, next);
    const schema = parsed.ok ? [] : parsed.issues.map((i) => ({ ...i, path: `delivery.${i.path}` }));
    const datesOk = !schema.some((i) => keyOf(i.path) === 'startAt' || keyOf(i.path) === 'endAt');
    // F1 is the upload's check (the picture was measured when it was chosen); R6 needs the full
    // stocks, which only the server has: it answers with the issue on save.
    const rules = datesOk ? checkCampaignEdit(base.delivery, next, { now: new Date(), files: new Map(), stocks: [] }).filter((i) => i.rule !== 'F1') : [];
    const issues = mergeIssues(schema, rules);
    return { issues, delivery: parsed.ok ? parsed.value : undefined };
  }, [form, base]);

  const all = mergeIssues(upload.issues, upload.besides(check.issues), serverIssues);
  const visible = all.filter((i) => {
    const k = keyOf(i.path);
    return k === undefined || touched.has(k) || serverIssues.includes(i);
  });

  const save = async () => {
    if (!form || !base || !merchantId || saving) return;
    setTouched(new Set(['logo', 'brandName', 'title', 'subtitle', 'startAt', 'endAt']));
    const delivery = check.delivery;
    if (!delivery || all.some((i) => i.level === 'error')) {
      showFormErrors();
      return;
    }
    setSaving(true);
    try {
      await call('campaign', 'update', { merchantId, campaignId, version: base.version, delivery });
      emitCampaignChanged(campaignId);
      showToast('已保存，修改实时生效', 'success');
      setTimeout(() => backToDetail(merchantId, campaignId), 600);
    } catch (e) {
      const err = toCloudError(e);
      if (err.code === 'CAMPAIGN.VERSION_CONFLICT') {
        setConflict({ message: err.message, mine: delivery });
        void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
      } else {
        setServerIssues(err.issues.map((i) => (i.path.startsWith('delivery.') ? i : { ...i, path: `delivery.${i.path}` })));
        showError(err);
      }
    } finally {
      setSaving(false);
    }
  };

  return {
    session,
    acting,
    forbidden,
    remote,
    campaign,
    form,
    set,
    visible,
    at: (key: EditKey) => issueAt(visible, `delivery.${key}`),
    upload,
    widths: form ? { brandName: widthOf(form.brandName), title: widthOf(form.title), subtitle: widthOf(form.subtitle) } : { brandName: 0, title: 0, subtitle: 0 },
    started,
    version: base?.version,
    setStart: (iso: string) => {
      if (!form) return;
      const len = toMillis(form.endAt) - toMillis(form.startAt);
      set('startAt', iso);
      set('endAt', toRfc3339(toMillis(iso) + len));
    },
    uploadLogo: async () => {
      setTouched((t) => new Set([...t, 'logo']));
      const img = await upload.image('delivery.logo', 'logo');
      if (img) set('logo', img);
    },
    saving,
    save: () => void save(),
    conflict,
    /** Load the latest version into the form (what was typed is shown in the conflict notice until then). */
    reloadLatest: async () => {
      adopt.current = true;
      setConflict(null);
      setTouched(new Set());
      setServerIssues([]);
      await remote.reload();
    },
  };
}

export type CampaignEditVm = ReturnType<typeof useCampaignEdit>;
