import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';
import type { FunctionName } from '@shared/api';
import type { Envelope } from '@shared/result';
import { CloudbaseStore } from '../store/cloudbase/cloudbase.store';
import { CloudbaseFileStorage } from '../files/cloudbase.file-storage';
import { actorForOpenid } from './actor';
import { consoleLogger, systemClock, type DomainHandlers } from './context';
import { dispatch } from './dispatch';

let store: CloudbaseStore | undefined;
let files: CloudbaseFileStorage | undefined;

const isTimerEvent = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { Type?: unknown }).Type === 'Timer' && typeof (e as { TriggerName?: unknown }).TriggerName === 'string';

/** The environment id: CloudBase sets TCB_ENV (and SCF_NAMESPACE) inside a function. */
function currentStore(): CloudbaseStore {
  store ??= CloudbaseStore.fromEnv({ ...process.env, TCB_ENV: process.env.TCB_ENV ?? process.env.SCF_NAMESPACE });
  return store;
}

/**
 * A deployable function: `export const main = cloudbaseEntry('account', accountHandlers)`.
 * Identity is the platform's OPENID for this invocation — never anything in the event.
 */
export function cloudbaseEntry<F extends FunctionName>(fn: F, handlers: DomainHandlers<F>, onTimer?: (store: CloudbaseStore) => Promise<unknown>) {
  return async (event: unknown): Promise<Envelope<unknown> | unknown> => {
    const s = currentStore();
    const { openId } = init({ env: SYMBOL_CURRENT_ENV }).auth().getUserInfo();
    // A timer trigger (cloudbaserc.json) is the platform itself calling: no user behind it. A
    // user's call shaped like a timer event is just a malformed call.
    if (onTimer && !openId && isTimerEvent(event)) return onTimer(s);
    const actor = openId ? await actorForOpenid(s, openId) : null;
    files ??= new CloudbaseFileStorage();
    return dispatch(fn, handlers, event, { actor, clock: systemClock, store: s, files, log: consoleLogger });
  };
}
