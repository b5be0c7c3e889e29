import { useMemo, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { OutputOf } from '@shared/api';
import type { Issue } from '@shared/result';
import { fenToYuan, yuanToFen } from '@shared/money';
import { formatShanghai } from '@shared/time';
import { parseWith } from '@shared/validation';
import { redeemInput } from '@shared/wallet/schema';
import { call, toCloudError } from '@/services/cloud';
import { showError, showToast } from '@/components/feedback';
import { REDEEM_REFUSAL_HINTS, REDEEM_REFUSAL_TITLES, digitsOf, type Refusal } from '@/components/wallet/walletText';
import { formatYuan } from '@/lib/format';
import { issueAt } from '@/lib/issues';
import { isH5, relaunch } from '@/lib/routes';
import { useActing } from './useActing';
import { useRemote } from './useRemote';

export type RedeemPayload = {
  merchantId: string;
  storeId: string;
  couponCode: string;
  orderId: string;
  orderAmount: number;
  goods?: Array<{ code: string; amount: number }>;
};
export type RedeemResultData = OutputOf<'wallet', 'redeem'>;
export type RedeemPreview = OutputOf<'wallet', 'preview'>;
/** What the confirmation shows: the order as it will be sent and the server's figures for it. */
export interface RedeemConfirming {
  payload: RedeemPayload;
  preview: RedeemPreview;
  /** The preview's store: for a replayed order, where it was redeemed. */
  storeName: string;
}

/** A goods line as typed: 商品编码 + 金额 in 元. */
export interface GoodsLineDraft {
  key: string;
  code: string;
  amountText: string;
}

export interface RedeemDraft {
  merchantId: string;
  storeId: string | undefined;
  codeText: string;
  amountText: string;
  orderId: string;
  goods: readonly GoodsLineDraft[];
}

export type RedeemOutcome =
  | { kind: 'done'; result: RedeemResultData; storeName: string }
  | { kind: 'refused'; refusal: Refusal; hint: string | undefined };

/** redeemInput's limit: 1,000,000.00 元. */
const MAX_ORDER_FEN = 100_000_000;
const STORE_KEY = 'coupon-desk.redeem-store';

/** An order number for the till: PO + Shanghai time to the second + 4 random digits (20 characters). */
export function newOrderId(now: number = Date.now()): string {
  const rand = String(Math.floor(Math.random() * 10_000)).padStart(4, '0');
  return `PO${formatShanghai(now, 'YYYYMMDDHHmmss')}${rand}`;
}

const err = (path: string, message: string): Issue => ({ path, level: 'error', message });

/** 元 as typed → fen, or the issue saying why it is not an amount. */
function yuanField(path: string, label: string, text: string, min: number): { fen?: number; issue?: Issue } {
  const t = text.trim();
  if (!t) return { issue: err(path, `请输入${label}`) };
  const fen = yuanToFen(t);
  if (fen === null) return { issue: err(path, `${label}需为金额，最多两位小数，如 128.50`) };
  if (fen < min) return { issue: err(path, min > 0 ? `${label}需大于 0 元` : `${label}不能为负数`) };
  if (fen > MAX_ORDER_FEN) return { issue: err(path, `${label}不能超过 ${formatYuan(MAX_ORDER_FEN)} 元`) };
  return { fen };
}

/**
 * The till's form as the server will see it: 券码 without spaces, 元 → fen, blank goods lines
 * dropped. Every problem at once, each on its field's path (`couponCode`, `goods.1.amount`, …).
 */
export function checkRedeem(d: RedeemDraft): { ok: true; value: RedeemPayload } | { ok: false; issues: Issue[] } {
  const issues: Issue[] = [];
  if (!d.storeId) issues.push(err('storeId', '请选择核销门店'));

  const code = d.codeText.replace(/\s+/g, '');
  if (!code) issues.push(err('couponCode', '请输入 12 位券码'));
  else if (!/^\d+$/.test(code)) issues.push(err('couponCode', '券码只含数字'));
  else if (code.length !== 12) issues.push(err('couponCode', `券码为 12 位数字（已输入 ${code.length} 位）`));

  const amount = yuanField('orderAmount', '订单金额', d.amountText, 1);
  if (amount.issue) issues.push(amount.issue);

  const orderId = d.orderId.trim();
  if (!orderId) issues.push(err('orderId', '请输入订单号'));
  else if (!/^[A-Za-z0-9_-]{1,64}$/.test(orderId)) issues.push(err('orderId', '订单号需为 1–64 位字母、数字、_ 或 -'));

  const goods: Array<{ code: string; amount: number }> = [];
  d.goods.forEach((g, i) => {
    const gc = g.code.trim();
    if (!gc && !g.amountText.trim()) return;
    if (!gc) issues.push(err(`goods.${i}.code`, '请输入商品编码'));
    else if (!/^[A-Za-z0-9_-]{1,128}$/.test(gc)) issues.push(err(`goods.${i}.code`, '商品编码需为 1–128 位字母、数字、_ 或 -'));
    const ga = yuanField(`goods.${i}.amount`, '商品金额', g.amountText, 0);
    if (ga.issue) issues.push(ga.issue);
    if (gc && ga.fen !== undefined) goods.push({ code: gc, amount: ga.fen });
  });
  const goodsTotal = goods.reduce((s, g) => s + g.amount, 0);
  if (amount.fen !== undefined && goodsTotal > amount.fen) {
    issues.push(err('goods', `商品明细合计 ${fenToYuan(goodsTotal)} 元，超过订单金额 ${fenToYuan(amount.fen)} 元`));
  }
  if (issues.length || !d.storeId || amount.fen === undefined) return { ok: false, issues };

  const payload: RedeemPayload = { merchantId: d.merchantId, storeId: d.storeId, couponCode: code, orderId, orderAmount: amount.fen, ...(goods.length ? { goods } : {}) };
  // The contract has the last word (the same schema the server parses with).
  const check = parseWith(redeemInput, payload);
  return check.ok ? { ok: true, value: payload } : { ok: false, issues: check.issues };
}

function readStoredStore(): string | undefined {
  try {
    const v: unknown = Taro.getStorageSync(STORE_KEY);
    return typeof v === 'string' && v ? v : undefined;
  } catch {
    return undefined;
  }
}

let lineSeq = 0;
const newLine = (): GoodsLineDraft => ({ key: `g${++lineSeq}`, code: '', amountText: '' });

/**
 * 核销 at the till (W4), for STORE_STAFF: the store (one of the membership's `storeIds`; the last
 * one used is remembered), 券码 typed or scanned, 订单金额 in 元 (sent in fen), optional goods lines,
 * an order number. Submit previews the redemption (coupon, 满X减Y, 优惠, 实付, or the refusal at
 * once) and asks to confirm; the call is idempotent per order number, so
 * 重试 after a network error (or submitting the same order again) answers with the first result.
 */
export function useRedeem() {
  const { session, acting, forbidden } = useActing(['STORE_STAFF']);
  const merchantId = acting?.merchantId ?? null;
  const storesRemote = useRemote(merchantId, () => call('account', 'stores', { merchantId: merchantId ?? '' }));
  const stores = useMemo(() => {
    const byId = new Map((storesRemote.data?.stores ?? []).map((s) => [s.storeId, s]));
    return (acting?.storeIds ?? []).map((id) => ({ storeId: id, name: byId.get(id)?.name ?? id, address: byId.get(id)?.address ?? '' }));
  }, [acting, storesRemote.data]);

  const [picked, setPicked] = useState<string | undefined>(readStoredStore);
  const storeId = stores.some((s) => s.storeId === picked) ? picked : stores[0]?.storeId;
  const store = stores.find((s) => s.storeId === storeId);

  const [codeText, setCodeText] = useState('');
  const [amountText, setAmountText] = useState('');
  const [orderId, setOrderId] = useState(() => newOrderId());
  const [goods, setGoods] = useState<GoodsLineDraft[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [serverIssues, setServerIssues] = useState<Issue[]>([]);

  const check = checkRedeem({ merchantId: merchantId ?? '', storeId, codeText, amountText, orderId, goods });
  const issues = submitted ? [...(check.ok ? [] : check.issues), ...serverIssues] : serverIssues;

  const [confirming, setConfirming] = useState<RedeemConfirming>();
  const [previewing, setPreviewing] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  // A second tap in the same tick still sees the state of the first render: a ref sees the first tap.
  const inFlight = useRef(false);
  const [networkFailed, setNetworkFailed] = useState(false);
  const [outcome, setOutcome] = useState<RedeemOutcome>();

  const edited = () => setServerIssues([]);

  /** A refusal by preview or redeem: field issues go back to the form, the rest to the result page. */
  const refused = (e: unknown) => {
    const error = toCloudError(e);
    if (error.code === 'AUTH.UNAUTHENTICATED' || (error.code === 'REQUEST.INVALID' && error.issues.length)) {
      setServerIssues(error.issues);
      showError(error);
    } else {
      const title = REDEEM_REFUSAL_TITLES[error.code] ?? '核销失败';
      setOutcome({ kind: 'refused', refusal: { code: error.code, title, message: error.message }, hint: REDEEM_REFUSAL_HINTS[error.code] });
    }
  };

  // Preview first, so the staff confirm against the coupon's terms and a refusal shows before any confirm.
  const preview = async (payload: RedeemPayload) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setPreviewing(true);
    try {
      const result = await call('wallet', 'preview', payload);
      setNetworkFailed(false);
      setConfirming({ payload, preview: result, storeName: stores.find((s) => s.storeId === result.storeId)?.name ?? result.storeId });
    } catch (e) {
      const error = toCloudError(e);
      if (error.isNetwork) showError(error);
      else refused(error);
    } finally {
      inFlight.current = false;
      setPreviewing(false);
    }
  };

  const confirm = async () => {
    const payload = confirming?.payload;
    if (!payload || inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    try {
      const result = await call('wallet', 'redeem', payload);
      setConfirming(undefined);
      setNetworkFailed(false);
      setOutcome({ kind: 'done', result, storeName: stores.find((s) => s.storeId === result.storeId)?.name ?? result.storeId });
      showToast(result.replayed ? '该订单已核销' : '核销成功', 'success');
    } catch (e) {
      const error = toCloudError(e);
      if (error.isNetwork) {
        // Outcome unknown: keep the dialog and the same order; 重试 answers with the first result.
        setNetworkFailed(true);
      } else {
        setConfirming(undefined);
        setNetworkFailed(false);
        refused(error);
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  };

  return {
    session,
    forbidden,
    acting,
    storesRemote,
    stores,
    store,
    storeId,
    pickStore: (id: string) => {
      setPicked(id);
      edited();
      try {
        Taro.setStorageSync(STORE_KEY, id);
      } catch {
        // Not fatal: the pick lasts for this visit only.
      }
    },

    codeText,
    setCode: (t: string) => {
      setCodeText(t);
      edited();
    },
    amountText,
    setAmount: (t: string) => {
      setAmountText(t);
      edited();
    },
    orderId,
    setOrderId: (t: string) => {
      setOrderId(t);
      edited();
    },
    regenerateOrderId: () => setOrderId(newOrderId()),
    goods,
    addGoods: () => setGoods((g) => [...g, newLine()]),
    removeGoods: (key: string) => {
      setGoods((g) => g.filter((l) => l.key !== key));
      edited();
    },
    changeGoods: (key: string, patch: Partial<Omit<GoodsLineDraft, 'key'>>) => {
      setGoods((g) => g.map((l) => (l.key === key ? { ...l, ...patch } : l)));
      edited();
    },
    issue: (path: string) => issueAt(issues, path, true),

    /** 扫码 exists in the mini-program only; the H5 preview says so instead. */
    canScan: !isH5,
    scan: async () => {
      try {
        const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['barCode', 'qrCode'] });
        const digits = digitsOf(res.result);
        if (digits.length === 12) {
          setCodeText(digits);
          edited();
        } else {
          showToast('未识别到 12 位券码，请手动输入', 'warn');
        }
      } catch {
        // Cancelled by the user: nothing to say.
      }
    },

    submit: () => {
      setSubmitted(true);
      if (!check.ok) return;
      void preview(check.value);
    },
    previewing,
    confirming,
    submitting,
    networkFailed,
    confirm: () => void confirm(),
    cancel: () => {
      setConfirming(undefined);
      setNetworkFailed(false);
    },

    outcome,
    /** After a refusal: back to the form with everything as it was typed. */
    edit: () => setOutcome(undefined),
    /** After a redemption: a clean form for the next order, same store. */
    next: () => {
      setOutcome(undefined);
      setCodeText('');
      setAmountText('');
      setGoods([]);
      setOrderId(newOrderId());
      setSubmitted(false);
      setServerIssues([]);
    },
    toHome: () => relaunch('home'),
  };
}
