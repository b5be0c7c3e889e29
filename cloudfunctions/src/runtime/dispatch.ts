import { findAction, type FunctionName } from '@shared/api';
import { AppError, ERROR_MESSAGES, isAppError } from '@shared/errors';
import { fail, ok, type Envelope } from '@shared/result';
import { parseWith } from '@shared/validation';
import { rolesIn } from './access';
import type { Ctx, DomainHandlers, RuntimeEnv } from './context';

type AnyHandlers = Record<string, (input: unknown, ctx: Ctx) => Promise<unknown>>;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * One call: parse `{action, data}` → find the action → validate `data` with the shared schema →
 * resolve identity and roles → run the handler → envelope. Expected failures come back as error
 * envelopes with stable codes; anything else is logged here and answered without internals.
 */
export async function dispatch<F extends FunctionName>(
  fn: F,
  handlers: DomainHandlers<F>,
  event: unknown,
  env: RuntimeEnv,
): Promise<Envelope<unknown>> {
  try {
    if (!isPlainObject(event) || typeof event.action !== 'string') {
      return fail({ code: 'REQUEST.MALFORMED', message: ERROR_MESSAGES['REQUEST.MALFORMED'] });
    }
    const action = event.action;
    const spec = findAction(fn, action);
    const handler = spec ? (handlers as unknown as AnyHandlers)[action] : undefined;
    if (!spec || !handler) {
      return fail({ code: 'REQUEST.UNKNOWN_ACTION', message: `${ERROR_MESSAGES['REQUEST.UNKNOWN_ACTION']}：${fn}.${action.slice(0, 64)}` });
    }

    const parsed = parseWith(spec.input, event.data === undefined ? {} : event.data);
    if (!parsed.ok) {
      return fail({ code: 'REQUEST.INVALID', message: parsed.issues[0]?.message ?? ERROR_MESSAGES['REQUEST.INVALID'], issues: parsed.issues });
    }

    const actor = env.actor;
    if (!actor) throw new AppError('AUTH.UNAUTHENTICATED');

    let roles: Ctx['roles'] = [];
    const permission = spec.permission;
    if (permission.tenant === 'merchantId') {
      const merchantId = (parsed.value as { merchantId: string }).merchantId;
      roles = await rolesIn(env.store, actor, merchantId);
      if (!roles.some((r) => (permission.allow as readonly string[]).includes(r))) throw new AppError('AUTH.FORBIDDEN');
    }

    const ctx: Ctx = { actor, clock: env.clock, store: env.store, files: env.files, log: env.log, roles, operation: `${fn}.${action}` };
    return ok(await handler(parsed.value, ctx));
  } catch (e) {
    if (isAppError(e)) return fail(e.toBody());
    env.log.error(`[${fn}] unexpected error`, e);
    return fail({ code: 'INTERNAL.ERROR', message: ERROR_MESSAGES['INTERNAL.ERROR'] });
  }
}
