import { walletHandlers } from '../../src/wallet/wallet.handlers';
import { cloudbaseEntry } from '../../src/runtime/cloudbase';

export const main = cloudbaseEntry('wallet', walletHandlers);
