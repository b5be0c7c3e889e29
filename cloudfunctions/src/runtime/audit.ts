import type { TxOps } from '../store/port';
import type { Ctx } from './context';
import { newId } from './ids';
import { C, type AuditDoc } from './records';
import { toRfc3339 } from '@shared/time';

/** M5: every change is kept; written in the same transaction as the change itself. */
export async function audit(
  tx: TxOps,
  ctx: Ctx,
  entry: { merchantId: string | null; targetType: string; targetId: string; detail: Record<string, unknown> },
): Promise<void> {
  const now = ctx.clock.now();
  const doc: AuditDoc = { id: newId('aud', now), at: toRfc3339(now), actorId: ctx.actor.memberId, operation: ctx.operation, ...entry };
  await tx.insert(C.auditLog, doc);
}
