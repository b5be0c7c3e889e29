/**
 * 直播控制台 (?roomId=): 数据面板, 直播控制 and 推送控制 of one room (L2–L5), fed live by
 * `subscribeRoom`; every action answers the fresh console, which is shown at once.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { MAX_ON_SHELF, PUSH_SECONDS, type ControlOp } from '@shared/live/schema';
import type { Issue } from '@shared/result';
import type { Stock } from '@shared/stock/schema';
import { formatShanghai } from '@shared/time';
import { call, toCloudError, type CloudError } from '@/services/cloud';
import type { LiveConsole } from '@/services/realtime';
import { copyText } from '@/components/clipboard';
import { showError, showToast } from '@/components/feedback';
import { couponPhase, liveSecondsAt, pushingNow, type RoomCoupon } from '@/components/live/liveText';
import { everyPage } from '@/lib/paging';
import { go, isH5, routeUrl } from '@/lib/routes';
import { useActingMerchant } from './useActing';
import { emitLiveRoomsChanged } from './useLiveEvents';
import { useServerClock } from './useLiveClock';
import { useConsoleFeed } from './useLiveRoomFeed';
import { LIVE_ROLES } from './useLiveRooms';
import { usePageParams } from './usePageParams';
import { useRemote } from './useRemote';

const QUANTITY = /^\d{1,8}$/;

const CONTROL_DONE: Record<ControlOp, string> = {
  start: '直播已开始',
  pause: '直播已暂停',
  resume: '直播已继续',
  end: '直播已结束',
  replayOn: '回放已开启',
  replayOff: '回放已关闭',
  commentsOn: '评论已开启',
  commentsOff: '评论已关闭',
};

export interface AddCouponForm {
  open: boolean;
  stockId: string;
  quantityText: string;
  issues: Issue[];
  /** The refusal's headline (该券有 3 处不符合直播间要求). */
  failure: string;
  submitting: boolean;
}

/** A running 全场券 of the merchant; only an authorized one can go into this room (L2). */
export interface StockPick {
  stock: Stock;
  authorized: boolean;
}

const closedForm: AddCouponForm = { open: false, stockId: '', quantityText: '', issues: [], failure: '', submitting: false };

export function useLiveConsole() {
  const params = usePageParams();
  const roomId = params.roomId ?? '';
  const { session, acting, forbidden, merchantId, canManage, scope } = useActingMerchant(LIVE_ROLES);
  const feed = useConsoleFeed(roomId, merchantId);
  const state: LiveConsole | undefined = feed.state;
  const nowMs = useServerClock(state?.now);
  const [busy, setBusy] = useState<string>();
  const [pushSeconds, setPushSeconds] = useState<number>(PUSH_SECONDS.default);
  const [add, setAdd] = useState<AddCouponForm>(closedForm);

  // The merchant's running stocks, as one-tap picks in 添加优惠券 (only those a room can take).
  const stocks = useRemote(add.open && merchantId ? `${merchantId}:running` : null, () =>
    everyPage(async (page) => {
      const out = await call('stock', 'list', { merchantId: merchantId ?? '', status: 'RUNNING', purpose: 'GENERAL', page, pageSize: 100 });
      return { items: out.stocks, total: out.total };
    }));
  // …and which of them are authorized for the room's APPID: the others are shown but cannot be picked.
  const appid = state?.room.appid ?? '';
  const auths = useRemote(add.open && merchantId && appid ? `${merchantId}:${appid}:auth` : null, () =>
    everyPage(async (page) => {
      const out = await call('stock', 'authorizations', { merchantId: merchantId ?? '', appid, page, pageSize: 100 });
      return { items: out.authorizations, total: out.total };
    }));
  const authorized = new Set(auths.data?.map((a) => a.stockId) ?? []);
  const inRoom = new Set(state?.coupons.map((c) => c.stockId) ?? []);
  const picks: StockPick[] = (stocks.data ?? [])
    .filter((s) => s.scope === 'ALL' && !inRoom.has(s.stockId))
    .map((stock) => ({ stock, authorized: authorized.has(stock.stockId) }))
    .sort((a, b) => Number(b.authorized) - Number(a.authorized));
  const picksReady = !!stocks.data && !!auths.data;

  /** Run an action that answers the console; `key` marks what is busy (one at a time). */
  const act = async (key: string, run: () => Promise<LiveConsole>, done?: string): Promise<CloudError | undefined> => {
    if (busy) return undefined;
    setBusy(key);
    try {
      feed.accept(await run());
      if (done) showToast(done, 'success');
      return undefined;
    } catch (e) {
      return showError(toCloudError(e));
    } finally {
      setBusy(undefined);
    }
  };

  const control = async (op: ControlOp) => {
    if (!merchantId || !state) return;
    if (op === 'end') {
      const r = await Taro.showModal({
        title: '确认结束直播？',
        content: `「${state.room.name}」结束后不能再开播或推送优惠券，观众将看到直播已结束。`,
        confirmText: '结束直播',
        confirmColor: '#fa2c19',
        cancelText: '再想想',
      });
      if (!r.confirm) return;
    }
    const err = await act(op, () => call('live', 'control', { merchantId, roomId, op }), CONTROL_DONE[op]);
    if (!err) emitLiveRoomsChanged(roomId);
  };

  // An ended room's shelf is a record: the console offers no change to it (the server refuses them too).
  const ended = state?.room.state === 'ENDED';

  const shelve = (c: RoomCoupon, onShelf: boolean) => {
    if (!merchantId || ended) return;
    void act(`shelve:${c.stockId}`, () => call('live', 'shelve', { merchantId, roomId, stockId: c.stockId, onShelf }), onShelf ? '已上架' : '已取消上架');
  };

  const push = (c: RoomCoupon) => {
    if (!merchantId || ended) return;
    void act(`push:${c.stockId}`, () => call('live', 'push', { merchantId, roomId, stockId: c.stockId, durationSeconds: pushSeconds }), `已推送 ${pushSeconds} 秒`);
  };

  const submitAdd = async () => {
    if (!merchantId || add.submitting) return;
    const stockId = add.stockId.trim();
    const local: Issue[] = [];
    if (!/^\d{1,20}$/.test(stockId)) local.push({ rule: 'L2', path: 'stockId', level: 'error', message: '请输入批次号（数字）' });
    const quantity = QUANTITY.test(add.quantityText.trim()) ? Number(add.quantityText.trim()) : NaN;
    if (!(quantity >= 1)) local.push({ rule: 'L2', path: 'quantity', level: 'error', message: '请输入直播间发放数量（至少 1 张）' });
    if (local.length) {
      setAdd((f) => ({ ...f, issues: local, failure: '' }));
      return;
    }
    setAdd((f) => ({ ...f, submitting: true, issues: [], failure: '' }));
    try {
      feed.accept(await call('live', 'addCoupon', { merchantId, roomId, stockId, quantity }));
      setAdd(closedForm);
      showToast('已添加，上架后即可推送', 'success');
    } catch (e) {
      const err = toCloudError(e);
      // Every failing rule stays in the sheet (L2 names them all); the toast only for the rest.
      if (err.issues.length) setAdd((f) => ({ ...f, submitting: false, issues: err.issues, failure: err.message }));
      else {
        setAdd((f) => ({ ...f, submitting: false, issues: [], failure: err.message }));
        showError(err);
      }
    }
  };

  const coupons = state?.coupons ?? [];
  const pushing = pushingNow(coupons, nowMs);

  return {
    session,
    acting,
    forbidden,
    roomId,
    feed,
    state,
    nowMs,
    clockText: formatShanghai(nowMs, 'HH:mm:ss'),
    liveSeconds: state ? liveSecondsAt(state, nowMs) : 0,
    coupons: coupons.map((c) => ({ coupon: c, ...couponPhase(c, nowMs) })),
    pushing,
    onShelfCount: state?.onShelfCount ?? 0,
    maxOnShelf: state?.maxOnShelf ?? MAX_ON_SHELF,
    busy,
    control: (op: ControlOp) => void control(op),
    shelve,
    push,
    pushSeconds,
    setPushSeconds,
    add,
    picks,
    picksLoading: stocks.loading || auths.loading,
    /** Loaded, and not one running 全场券 is authorized for this room's APPID. */
    noAuthorizedPick: picksReady && !picks.some((p) => p.authorized),
    appid,
    /** Only admins may authorize; a host is told whom to ask instead of a page they cannot open. */
    canAuthorize: canManage,
    toAuthorizations: () => go('stockAuthorizations', scope),
    openAdd: () => {
      if (!ended) setAdd({ ...closedForm, open: true });
    },
    closeAdd: () => setAdd(closedForm),
    setAddStock: (stockId: string) => setAdd((f) => ({ ...f, stockId, issues: f.issues.filter((i) => i.path !== 'stockId'), failure: '' })),
    /** A pick fills the 批次号 and, if empty, the quantity with what the stock has left. */
    pickStock: (s: Stock) => setAdd((f) => ({ ...f, stockId: s.stockId, quantityText: f.quantityText || String(s.remaining), issues: [], failure: '' })),
    setAddQuantity: (quantityText: string) => setAdd((f) => ({ ...f, quantityText, issues: f.issues.filter((i) => i.path !== 'quantity'), failure: '' })),
    submitAdd: () => void submitAdd(),
    /** The viewer's link to share (rooms are not listed to consumers: they come by link). */
    copyWatchLink: async () => {
      const path = routeUrl('liveWatch', { roomId });
      const link = isH5 ? `${window.location.origin}/#${path}` : path.replace(/^\//, '');
      // Refused: the link itself, to copy by hand.
      await copyText(link, '观看链接已复制', `复制失败，请手动复制：${link}`);
    },
  };
}

export type LiveConsoleVm = ReturnType<typeof useLiveConsole>;
