// The second baseline: an empty function that loads the CloudBase SDK, as every real one does.
import { init, SYMBOL_CURRENT_ENV } from '@cloudbase/node-sdk';

export const main = async (): Promise<unknown> => ({ ok: true, data: typeof init === 'function' && SYMBOL_CURRENT_ENV !== undefined });
