import { accountHandlers } from '../../src/account/account.handlers';
import { cloudbaseEntry } from '../../src/runtime/cloudbase';

export const main = cloudbaseEntry('account', accountHandlers);
