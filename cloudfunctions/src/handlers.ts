import type { FunctionName } from '@shared/api';
import { accountHandlers } from './account/account.handlers';
import { stockHandlers } from './stock/stock.handlers';
import { campaignHandlers } from './campaign/campaign.handlers';
import { walletHandlers } from './wallet/wallet.handlers';
import { statsHandlers } from './stats/stats.handlers';
import { liveHandlers } from './live/live.handlers';
import type { DomainHandlers } from './runtime/context';

/** Every function's handlers; the type makes a contract action without a handler a compile error. */
export const HANDLERS: { [F in FunctionName]: DomainHandlers<F> } = {
  account: accountHandlers,
  stock: stockHandlers,
  campaign: campaignHandlers,
  wallet: walletHandlers,
  stats: statsHandlers,
  live: liveHandlers,
};
