import { cloudbaseEntry } from '../../src/runtime/cloudbase';
import { statsHandlers } from '../../src/stats/stats.handlers';
import { runDailyStats } from '../../src/stats/stats.job';

// `0 0 12 * * * *` in cloudbaserc.json: every day at 12:00 the previous day's figures (M2).
export const main = cloudbaseEntry('stats', statsHandlers, (store) => runDailyStats(store, new Date()));
