import { liveHandlers } from '../../src/live/live.handlers';
import { cloudbaseEntry } from '../../src/runtime/cloudbase';

export const main = cloudbaseEntry('live', liveHandlers);
