import type { DomainHandlers } from '../runtime/context';
import { runDailyStats } from './stats.job';

export const statsHandlers: DomainHandlers<'stats'> = {
  // The job covers every merchant; an admin may start it early (e.g. after a missed 12:00).
  runDaily: ({ upTo }, ctx) => runDailyStats(ctx.store, ctx.clock.now(), upTo),
};
