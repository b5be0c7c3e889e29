import { campaignStatus } from '@shared/campaign/status';
import { AppError, type ErrorCode } from '@shared/errors';
import { toMillis, toRfc3339 } from '@shared/time';
import type { Ctx } from '../runtime/context';
import { C, type LedgerDoc, type QuotaAccountDoc, type RequestDoc } from '../runtime/records';
import type { StockDoc } from '../stock/stock.records';
import { issueCoupon, neverUsableReason, newCouponCode, toCoupon } from '../wallet/coupon';
import type { ClaimDoc, CouponDoc } from '../wallet/wallet.records';
import type { CampaignDoc } from './campaign.records';
import { stockIdsOf } from './campaign.context';
import { hashPayload, requestKey, requestRecord } from '../runtime/idempotency';
import { DuplicateKeyError, TransactionConflictError } from '../store/port';

/*
 * W1, the claim — the one hot path where nothing may be oversold.
 *
 * 1. `claims/<campaignId>:<openid>` is inserted first. Its id is deterministic, so two claims by
 *    one user (a double tap, a retry, a second device) race for one document and one of them wins:
 *    "each coupon once per user" holds without any lock.
 * 2. Each stock, then the owner's quota, is decremented with a guarded atomic update
 *    (`remaining >= 1` / `balance >= n`, then `inc`): one single-document operation each, which
 *    CloudBase runs atomically outside a transaction and which can never go below zero.
 * 3. The coupons, the quota ledger debit and the claim's ISSUED state are written together in a
 *    transaction of single-document inserts/updates by id (what CloudBase transactions allow).
 * 4. Any refusal or failure after step 1 undoes what was done (increments back, claim deleted).
 * 5. A PENDING claim left by a killed function is taken over by the user's next claim after a
 *    minute (`ABANDONED_AFTER_MS`); the commit of step 3 checks the claim is still its own, so an
 *    attempt that only stalled issues nothing and gives its units back.
 *
 * On SQLite the whole sequence runs in `store.batch`, one BEGIN IMMEDIATE transaction: a crash
 * loses all of it or none, and since nothing interleaves with it, step 1 becomes a read and the
 * claim is written once, ISSUED, in step 3. On CloudBase the steps are atomic one by one; a function
 * killed between a decrement and step 3 can strand that unit (undersold, never oversold), and its
 * PENDING claim shows where.
 */

/**
 * A PENDING claim older than this was abandoned: the function making it was killed between its
 * first write and its commit (CloudBase stops a function at its timeout, 5 s here). The user may
 * then claim again; the units the dead attempt had taken stay taken (undersold, never oversold).
 */
const ABANDONED_AFTER_MS = 60_000;

const REFUSAL: Record<string, ErrorCode> = { NOT_STARTED: 'CAMPAIGN.NOT_STARTED', PAUSED: 'CAMPAIGN.PAUSED', ENDED: 'CAMPAIGN.ENDED' };

type ClaimResult = { claimId: string; coupons: ReturnType<typeof toCoupon>[] };

/** The claim already made by this user: its coupons again for the same request, else a refusal. */
async function replayOrRefuse(ctx: Ctx, claim: ClaimDoc, requestId: string): Promise<ClaimResult> {
  if (claim.state === 'ISSUED' && claim.requestId === requestId) {
    const now = ctx.clock.now().getTime();
    const found = await ctx.store.find<CouponDoc>(C.coupons, { id: { in: claim.couponCodes } });
    const byCode = new Map(found.map((c) => [c.id, c]));
    // The same coupons in the same order as the first answer.
    const coupons = claim.couponCodes.map((code) => byCode.get(code)).filter((c): c is CouponDoc => !!c);
    return { claimId: claim.id, coupons: coupons.map((c) => toCoupon(c, now)) };
  }
  throw new AppError('CAMPAIGN.ALREADY_CLAIMED', claim.state === 'PENDING' ? '你的领取正在处理中，请勿重复领取' : undefined);
}

/*
 * Idempotency: the claim document carries its requestId, so a retry of a claim (same campaign, same
 * user) finds it and replays its coupons. The request record, written with the coupons, only holds
 * the payload hash and the claim id: it catches the same requestId reused for another campaign.
 */
async function requestIdReused(ctx: Ctx, requestId: string, input: unknown): Promise<never> {
  const record = await ctx.store.get<RequestDoc>(C.requests, requestKey(ctx, requestId));
  if (record && record.payloadHash !== hashPayload(input)) throw new AppError('REQUEST.ID_REUSED');
  throw new AppError('INTERNAL.CONFLICT');
}

export async function claimCampaign(input: { campaignId: string; requestId: string }, ctx: Ctx): Promise<ClaimResult> {
  const { campaignId, requestId } = input;
  const store = ctx.store;
  const claimId = `${campaignId}:${ctx.actor.openid}`;

  return store.batch(async () => {
    const campaign = await store.get<CampaignDoc>(C.campaigns, campaignId);
    if (!campaign) throw new AppError('CAMPAIGN.NOT_FOUND');
    const existing = await store.get<ClaimDoc>(C.claims, claimId);
    const now = ctx.clock.now();
    const abandoned = existing?.state === 'PENDING' && now.getTime() - toMillis(existing.at) > ABANDONED_AFTER_MS;
    if (existing && !abandoned) return replayOrRefuse(ctx, existing, requestId);
    // Read inside the batch: on SQLite a pause committed while this claim waited stops it (M4).
    const refusal = REFUSAL[campaignStatus(campaign, now.getTime())];
    if (refusal) throw new AppError(refusal);

    const stockIds = stockIdsOf(campaign.content);
    const n = stockIds.length;
    const at = toRfc3339(now);
    const couponCodes = stockIds.map(() => newCouponCode());
    const claim: ClaimDoc = { id: claimId, campaignId, openid: ctx.actor.openid, requestId, state: 'PENDING', couponCodes, at };
    // Where the batch is all-or-nothing (SQLite) nothing interleaves with it, so the claim is written
    // once, ISSUED, with its coupons; elsewhere it is inserted first, PENDING, as the per-user lock.
    const lockFirst = !store.atomicBatch;
    // An abandoned claim is taken over in place, guarded on the instant it was made at, so of two
    // racing retries exactly one becomes its owner.
    const locked = !lockFirst || (existing
      ? await store.update(C.claims, claimId, { set: { requestId, couponCodes, at } }, { state: 'PENDING', at: existing.at })
      : await store.insert(C.claims, claim));
    if (!locked) {
      const winner = await store.get<ClaimDoc>(C.claims, claimId);
      if (winner) return replayOrRefuse(ctx, winner, requestId);
      throw new AppError('INTERNAL.CONFLICT');
    }
    /** Still this attempt's claim: not finished, not taken over by a later attempt. */
    const ours = { state: 'PENDING', requestId, at };

    const taken: string[] = [];
    let quotaTaken = false;
    let result: ClaimResult | null = null;
    try {
      const stocks: StockDoc[] = [];
      for (const stockId of stockIds) {
        const stock = await store.updateAndGet<StockDoc>(C.stocks, stockId, { inc: { remaining: -1, issued: 1 } }, { remaining: { gte: 1 }, state: 'RUNNING', availableEndMs: { gte: now.getTime() } });
        if (!stock) {
          const s = await store.get<StockDoc>(C.stocks, stockId);
          throw new AppError(s && s.remaining < 1 ? 'CAMPAIGN.STOCK_OUT' : 'CAMPAIGN.STOCK_UNAVAILABLE');
        }
        taken.push(stockId);
        stocks.push(stock);
      }
      const quota = await store.updateAndGet<QuotaAccountDoc>(C.quotaAccounts, campaign.merchantId, { inc: { balance: -n } }, { balance: { gte: n } });
      quotaTaken = quota !== null;
      if (!quota) throw new AppError('CAMPAIGN.QUOTA_EXHAUSTED');

      const coupons = stocks.map((stock, i) => issueCoupon(stock, ctx.actor, { kind: 'CAMPAIGN', id: campaignId, claimId }, now, couponCodes[i]));
      const unusable = coupons.map(neverUsableReason).find((r) => r !== null);
      if (unusable) throw new AppError('CAMPAIGN.STOCK_UNAVAILABLE', unusable);
      result = { claimId, coupons: coupons.map((c) => toCoupon(c, now.getTime())) };
      const answer = result;
      const debit: LedgerDoc = {
        id: `qle_claim_${claimId.replace(/[^A-Za-z0-9_-]/g, '_')}`, merchantId: campaign.merchantId, delta: -n, balanceAfter: quota.balance,
        reason: 'ISSUE', refId: claimId, at, actorId: ctx.actor.memberId,
      };
      await store.transaction(async (tx) => {
        if (lockFirst) {
          // A claim that stalled past ABANDONED_AFTER_MS may have been taken over meanwhile: then
          // it must not issue too (the read makes a concurrent takeover a commit conflict).
          const mine = await tx.get<ClaimDoc>(C.claims, claimId);
          if (mine?.state !== 'PENDING' || mine.requestId !== requestId || mine.at !== at) throw new AppError('CAMPAIGN.ALREADY_CLAIMED');
        }
        for (const c of coupons) await tx.insert(C.coupons, c);
        await tx.insert(C.quotaLedger, debit);
        if (lockFirst) await tx.update(C.claims, claimId, { set: { state: 'ISSUED' } });
        else if (existing) await tx.set(C.claims, { ...claim, state: 'ISSUED' });
        else await tx.insert(C.claims, { ...claim, state: 'ISSUED' });
        await tx.insert(C.requests, requestRecord(ctx, requestId, input, { claimId }));
      });
      return answer;
    } catch (e) {
      // The commit failed to answer (a timeout, a reset) but may have been applied: then the claim is
      // ISSUED, its coupons exist, and undoing the counters would oversell. Look before undoing; when
      // even that cannot be read, leave it PENDING (undersold, never oversold).
      if (result && !(e instanceof TransactionConflictError)) {
        const after = await store.get<ClaimDoc>(C.claims, claimId).catch(() => undefined);
        if (after === undefined) throw e;
        if (after?.state === 'ISSUED' && after.requestId === requestId && after.at === at) return result;
      }
      // Undo in reverse; on SQLite the batch's rollback makes this moot, on CloudBase it is the undo.
      if (quotaTaken) await store.update(C.quotaAccounts, campaign.merchantId, { inc: { balance: n } });
      for (const stockId of taken.reverse()) await store.update(C.stocks, stockId, { inc: { remaining: 1, issued: -1 } });
      await store.delete(C.claims, claimId, ours);
      // A CloudBase commit conflict is transient and fully undone above: the client may retry.
      if (e instanceof TransactionConflictError) throw new AppError('INTERNAL.CONFLICT');
      if (e instanceof DuplicateKeyError && e.collection === C.requests) return requestIdReused(ctx, requestId, input);
      throw e;
    }
  });
}
