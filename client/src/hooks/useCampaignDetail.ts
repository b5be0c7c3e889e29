import { useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { dayKey, dayStart, addDays } from '@shared/time';
import { call, toCloudError } from '@/services/cloud';
import { copyText } from '@/components/clipboard';
import { showError, showToast } from '@/components/feedback';
import { go, isH5 } from '@/lib/routes';
import { useActingMerchant } from './useActing';
import { emitCampaignChanged, useCampaignChanged } from './useCampaignEvents';
import { CAMPAIGN_READERS } from './useCampaignList';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';

/** campaign.exportRedemptions: at most 92 days at once. */
export const EXPORT_MAX_DAYS = 92;

export type CampaignAction = 'pause' | 'restart';
const CONFIRMS: Record<CampaignAction, { title: string; content: string; confirmText: string }> = {
  pause: {
    title: '确认暂停活动？',
    content: '暂停后该活动的优惠券将不再发放；活动未到结束时间且有配额时，可以随时重启。',
    confirmText: '确认暂停',
  },
  restart: {
    title: '确认重启活动？',
    content: '重启后将继续发券，每发出一张券消耗 1 个配额；可以随时再暂停。',
    confirmText: '确认重启',
  },
};
export interface ExportResult {
  url: string;
  rows: number;
  fileName: string;
}

/**
 * 活动详情 (?merchantId=&campaignId=): everything about the campaign, its daily T+1 figures, the
 * history, the actions its status allows (admins only), and 导出核销明细.
 */
export function useCampaignDetail() {
  const params = usePageParams();
  const { session, acting, forbidden, merchantId, canManage } = useActingMerchant(CAMPAIGN_READERS);
  const campaignId = params.campaignId ?? '';
  const remote = useRemote(merchantId ? `${merchantId}:${campaignId}` : null, () => call('campaign', 'get', { merchantId: merchantId ?? '', campaignId }));
  const stores = useRemote(merchantId ? `stores:${merchantId}` : null, () => call('account', 'stores', { merchantId: merchantId ?? '' }));
  const { reload } = remote;
  useCampaignChanged((id) => {
    if (id === campaignId) void reload();
  });

  const [busy, setBusy] = useState<CampaignAction>();

  const run = async (action: CampaignAction) => {
    if (!merchantId || busy) return;
    setBusy(action);
    try {
      await call('campaign', action, { merchantId, campaignId });
      showToast(action === 'pause' ? '已暂停，活动不再发券' : '已重启，恢复发券', 'success');
      emitCampaignChanged(campaignId);
      await reload();
    } catch (e) {
      showError(toCloudError(e));
      void reload();
    } finally {
      setBusy(undefined);
    }
  };

  // Both change what consumers can claim, so each says what follows and waits for a yes.
  const confirmThenRun = async (action: CampaignAction) => {
    const r = await Taro.showModal({ ...CONFIRMS[action], cancelText: '再想想' });
    if (r.confirm) await run(action);
  };

  // ---- 导出核销明细 ----
  const data = remote.data;
  // The whole campaign by default (capped at 92 days from its start): the phone's date may not be
  // the server's, and a merchant reconciles a campaign as a whole.
  const defaults = useMemo(() => {
    if (!data) return null;
    const start = dayKey(data.campaign.delivery.startAt);
    const end = dayKey(data.campaign.delivery.endAt);
    const cap = dayKey(addDays(dayStart(start), EXPORT_MAX_DAYS - 1));
    return { from: start, to: end < cap ? end : cap };
  }, [data]);
  const [range, setRange] = useState<{ from?: string; to?: string }>({});
  const from = range.from ?? defaults?.from ?? '';
  const to = range.to ?? defaults?.to ?? '';
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<ExportResult>();

  const open = async (url: string) => {
    if (isH5) {
      // A CSV answered as an attachment: the browser downloads it and stays on this page.
      window.location.href = url;
      return;
    }
    await copyText(url, '下载链接已复制，请在浏览器中打开', '复制失败，请稍后重试');
  };

  const exportCsv = async () => {
    if (!merchantId || exporting || !from || !to) return;
    setExporting(true);
    try {
      const out = await call('campaign', 'exportRedemptions', { merchantId, campaignId, from, to });
      setExported({ url: out.url, rows: out.rows, fileName: out.fileName });
      await open(out.url);
    } catch (e) {
      showError(toCloudError(e));
    } finally {
      setExporting(false);
    }
  };

  const storeNames = new Map((stores.data?.stores ?? []).map((s) => [s.storeId, s.name]));
  const allowed = data?.allowedActions ?? [];

  return {
    session,
    acting,
    forbidden,
    remote,
    data,
    canManage,
    busy,
    canEdit: canManage && allowed.includes('update'),
    canPause: canManage && allowed.includes('pause'),
    canRestart: canManage && allowed.includes('restart'),
    pause: () => confirmThenRun('pause'),
    restart: () => confirmThenRun('restart'),
    edit: () => go('campaignEdit', { merchantId: merchantId ?? '', campaignId }),
    storeName: (id: string) => storeNames.get(id) ?? id,
    // ---- export ----
    exportFrom: from,
    exportTo: to,
    setExportFrom: (v: string) => setRange((r) => ({ ...r, from: v })),
    setExportTo: (v: string) => setRange((r) => ({ ...r, to: v })),
    exporting,
    exported,
    exportCsv: () => void exportCsv(),
    openExported: () => (exported ? void open(exported.url) : undefined),
  };
}

export type CampaignDetailVm = ReturnType<typeof useCampaignDetail>;
