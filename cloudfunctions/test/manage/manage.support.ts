import type { OutputOf } from '@shared/api';
import { data, type Harness } from '../support/harness';
import { M, NOW, SH, makeStock, rid, singleDraft, type CampaignOut, type StockOut, type Uploads } from '../campaign/campaign.fixtures';

/** Shared helpers for the M1–M5 tests: campaigns made through `campaign.create`, calls by name. */

export type ListOut = OutputOf<'campaign', 'list'>;
export type GetOut = OutputOf<'campaign', 'get'>;
export type ClaimOut = OutputOf<'campaign', 'claim'>;
export type RedeemOut = OutputOf<'wallet', 'redeem'>;
export type RunOut = OutputOf<'stats', 'runDaily'>;
export type ExportOut = OutputOf<'campaign', 'exportRedemptions'>;

export const GUBEI = 'st-sh-gubei';

export function helpers(hh: () => Harness, filesOf: () => Uploads) {
  const h = () => hh();
  const at = (t: string) => h().clock.set(new Date(t));

  /** Runs `fn` with the clock at `when` (default NOW: F5 wants campaigns 2 days ahead), then puts it back. */
  async function created<T>(fn: () => Promise<T>, when: string = NOW): Promise<T> {
    const was = h().clock.now();
    at(when);
    try {
      return await fn();
    } finally {
      h().clock.set(was);
    }
  }

  /** A SINGLE STORE campaign of 家乐福上海 on its own fresh stock. */
  const campaign = (opts: { delivery?: Record<string, unknown>; stock?: Record<string, unknown>; when?: string } = {}) =>
    created(async () => {
      const stock: StockOut = await makeStock(h(), SH, opts.stock ?? {});
      const draft = singleDraft(SH, filesOf(), stock.stockId);
      const c = data(await h().call<CampaignOut>(M.merchant, 'campaign', 'create', { ...draft, delivery: { ...draft.delivery, ...opts.delivery }, requestId: rid('cmp') }));
      return { ...c, stock };
    }, opts.when);

  const list = (member: string, input: Record<string, unknown> = {}) => h().call<ListOut>(member, 'campaign', 'list', { merchantId: SH, ...input });
  const get = (member: string, campaignId: string, merchantId: string = SH) => h().call<GetOut>(member, 'campaign', 'get', { merchantId, campaignId });
  const statusOf = async (campaignId: string) => data(await get(M.merchant, campaignId)).campaign.status;
  const update = (member: string, campaignId: string, version: number, delivery: Record<string, unknown>, merchantId: string = SH) =>
    h().call<CampaignOut>(member, 'campaign', 'update', { merchantId, campaignId, version, delivery });
  const pause = (member: string, campaignId: string, merchantId: string = SH) => h().call<CampaignOut>(member, 'campaign', 'pause', { merchantId, campaignId });
  const restart = (member: string, campaignId: string, merchantId: string = SH) => h().call<CampaignOut>(member, 'campaign', 'restart', { merchantId, campaignId });
  const claim = (member: string, campaignId: string, requestId = rid('claim')) => h().call<ClaimOut>(member, 'campaign', 'claim', { campaignId, requestId });

  let orderSeq = 0;
  const redeem = (couponCode: string, orderAmount: number, over: Record<string, unknown> = {}) =>
    h().call<RedeemOut>(M.staff, 'wallet', 'redeem', { merchantId: SH, storeId: GUBEI, orderId: `ORD-${String(++orderSeq).padStart(6, '0')}`, orderAmount, couponCode, ...over });

  /** Every document of every table, by id: to prove a refused call changed nothing at all. */
  function dump(): Record<string, Record<string, unknown>> {
    const db = h().store.db;
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [
      name,
      Object.fromEntries((db.prepare(`SELECT id, doc FROM ${name} ORDER BY id`).all() as { id: string; doc: string }[]).map((r) => [r.id, JSON.parse(r.doc)])),
    ]));
  }

  return { at, created, campaign, list, get, statusOf, update, pause, restart, claim, redeem, dump };
}
