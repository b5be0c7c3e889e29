import { campaignHandlers } from '../../src/campaign/campaign.handlers';
import { cloudbaseEntry } from '../../src/runtime/cloudbase';

export const main = cloudbaseEntry('campaign', campaignHandlers);
