import type { TxOps } from '../store/port';
import type { Ctx } from './context';
import { newId } from './ids';
import { C, type AuditDoc } from './records';
import { toRfc3339 } from '@shared/time';

type AuditEntry = { merchantId: string | null; targetType: string; targetId: string; detail: Record<string, unknown> };

function auditDoc(ctx: Ctx, entry: AuditEntry): AuditDoc {
  const now = ctx.clock.now();
  return { id: newId('aud', now), at: toRfc3339(now), actorId: ctx.actor.memberId, operation: ctx.operation, ...entry };
}

/** M5: every change is kept; written in the same transaction as the change itself. */
export async function audit(tx: TxOps, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await tx.insert(C.auditLog, auditDoc(ctx, entry));
}

const APPLIED_TRIES = 3;

/**
 * M5 for a change already applied by a guarded single-document update, with no transaction to
 * share. The change happened, so its entry failing must not answer it as an error (the caller
 * would retry a done change): the insert is tried again under the same id, where a taken id means
 * an earlier try landed, and an entry that still cannot be written is logged for the operator.
 */
export async function auditApplied(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const doc = auditDoc(ctx, entry);
  for (let attempt = 1; ; attempt++) {
    try {
      await ctx.store.insert(C.auditLog, doc);
      return;
    } catch (e) {
      if (attempt < APPLIED_TRIES) continue;
      ctx.log.error(`[audit] ${doc.operation} ${entry.targetType} ${entry.targetId}: entry ${doc.id} not written`, e);
      return;
    }
  }
}
