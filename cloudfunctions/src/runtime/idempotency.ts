import { AppError } from '@shared/errors';
import { toRfc3339 } from '@shared/time';
import { DuplicateKeyError, TransactionConflictError, type TxOps } from '../store/port';
import type { Ctx } from './context';
import { canonicalJson, sha256 } from './ids';
import { C, type RequestDoc } from './records';

/**
 * Create-type actions: the first answer to (actor, operation, requestId) is stored in the same
 * transaction as the effect, so a retry replays it and creates nothing; the same id with another
 * payload is refused. Two racing retries: one commits, the other's insert of the same record id
 * fails, and it then reads and replays the winner's answer.
 */
export const requestKey = (ctx: Ctx, requestId: string): string => `${ctx.operation}:${ctx.actor.memberId}:${requestId}`;
export const hashPayload = (payload: unknown): string => sha256(canonicalJson(payload));

/** A stored first answer for this request id, or null; the same id with another payload throws. */
export async function priorAnswer<R>(ctx: Ctx, requestId: string, payload: unknown): Promise<R | null> {
  const existing = await ctx.store.get<RequestDoc>(C.requests, requestKey(ctx, requestId));
  if (!existing) return null;
  if (existing.payloadHash !== hashPayload(payload)) throw new AppError('REQUEST.ID_REUSED');
  return existing.result as R;
}

/** The record that makes a later retry replay `result`; insert it in the effect's transaction. */
export function requestRecord(ctx: Ctx, requestId: string, payload: unknown, result: unknown): RequestDoc {
  return { id: requestKey(ctx, requestId), payloadHash: hashPayload(payload), result, at: toRfc3339(ctx.clock.now()) };
}

export async function idempotent<R>(
  ctx: Ctx,
  requestId: string,
  payload: unknown,
  effect: (tx: TxOps) => Promise<R>,
): Promise<R> {
  const id = requestKey(ctx, requestId);
  const payloadHash = hashPayload(payload);

  const replay = (existing: RequestDoc): R => {
    if (existing.payloadHash !== payloadHash) throw new AppError('REQUEST.ID_REUSED');
    return existing.result as R;
  };

  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await ctx.store.transaction(async (tx) => {
        const existing = await tx.get<RequestDoc>(C.requests, id);
        if (existing) return replay(existing);
        const result = await effect(tx);
        const record: RequestDoc = { id, payloadHash, result, at: toRfc3339(ctx.clock.now()) };
        await tx.insert(C.requests, record);
        return result;
      });
    } catch (e) {
      // A concurrent writer won: run again (its effect is then visible, or its record replays).
      if (e instanceof TransactionConflictError) continue;
      if (!(e instanceof DuplicateKeyError && e.collection === C.requests)) throw e;
      const existing = await ctx.store.get<RequestDoc>(C.requests, id);
      if (existing) return replay(existing);
    }
  }
  throw new AppError('INTERNAL.CONFLICT');
}
