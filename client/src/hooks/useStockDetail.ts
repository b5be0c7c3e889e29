import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Stock } from '@shared/stock/schema';
import type { StockTransition } from '@shared/stock/status';
import { STOCK_TRANSITIONS } from '@shared/stock/status';
import { call, toCloudError } from '@/services/cloud';
import { copyText } from '@/components/clipboard';
import { showError, showToast } from '@/components/feedback';
import { go } from '@/lib/routes';
import { ADMINS, useActingMerchant } from './useActing';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';
import { emitStockChanged } from './useStockEvents';

/**
 * The transitions that ask first, saying what follows (a native modal: no popup code in the
 * package): 暂停 stops every campaign and live room using the stock, 重启 sends coupons out again,
 * and 终止 cannot be undone, so the safe choice is the easy one.
 */
const CONFIRMS: Partial<Record<StockTransition, (name: string) => Taro.showModal.Option>> = {
  pause: (name) => ({
    title: '确认暂停批次？',
    content: `批次「${name}」暂停后，关联的活动和直播间都将领不到本批次的券；可以随时重启。`,
    confirmText: '确认暂停',
  }),
  restart: (name) => ({
    title: '确认重启批次？',
    content: `批次「${name}」重启后将继续发券，关联的活动和直播间可以再次领取本批次的券；可以随时再暂停。`,
    confirmText: '确认重启',
  }),
  stop: (name) => ({
    title: '确认终止批次？',
    content: `批次「${name}」终止后不可撤销：不能再发放、暂停或重启，已领取的券仍可在有效期内使用。`,
    confirmText: '确认终止',
    confirmColor: '#fa2c19',
  }),
};

/** 批次详情 (?merchantId=&stockId=): every field, the counts, and the S13 actions the status allows. */
export function useStockDetail() {
  const params = usePageParams();
  const { session, acting, forbidden, merchantId, forOther, scope, canManage } = useActingMerchant([...ADMINS, 'LIVE_HOST']);
  const stockId = params.stockId ?? '';
  const remote = useRemote(merchantId ? `${merchantId}:${stockId}` : null, () => call('stock', 'get', { merchantId: merchantId ?? '', stockId }));
  const stores = useRemote(merchantId, () => call('account', 'stores', { merchantId: merchantId ?? '' }));
  // The answer of the last action is newer than what was loaded.
  const [latest, setLatest] = useState<Stock>();
  const stock = latest && latest.stockId === remote.data?.stockId ? latest : remote.data;
  const [busy, setBusy] = useState<StockTransition>();
  const [justCreated, setJustCreated] = useState(params.created === '1');

  const run = async (action: StockTransition) => {
    if (!stock || !merchantId || busy) return;
    setBusy(action);
    try {
      const out = await call('stock', action, { merchantId, stockId: stock.stockId });
      setLatest(out);
      setJustCreated(false);
      emitStockChanged(out.stockId);
      showToast(`已${STOCK_TRANSITIONS[action].label}`, 'success');
    } catch (e) {
      const err = toCloudError(e);
      showError(err);
      // The status moved under us (another admin, or the window ended): show the truth.
      if (err.code === 'STOCK.ILLEGAL_TRANSITION') {
        setLatest(undefined);
        void remote.reload();
      }
    } finally {
      setBusy(undefined);
    }
  };

  const storeNames = new Map((stores.data?.stores ?? []).map((s) => [s.storeId, s.name]));

  return {
    session,
    acting,
    forbidden,
    remote,
    stock,
    canManage,
    justCreated,
    busy,
    act: async (action: StockTransition) => {
      const ask = CONFIRMS[action]?.(stock?.name ?? '');
      if (ask && !(await Taro.showModal({ ...ask, cancelText: '再想想' })).confirm) return;
      await run(action);
    },
    storeName: (id: string) => storeNames.get(id) ?? id,
    merchantName: acting && !forOther ? acting.merchantName : '',
    copyId: async () => {
      if (stock) await copyText(stock.stockId, `已复制批次号 ${stock.stockId}`, '复制失败，请长按批次号手动复制');
    },
    authorize: () => {
      if (stock) go('stockAuthorizations', { stockId: stock.stockId, ...scope });
    },
  };
}
