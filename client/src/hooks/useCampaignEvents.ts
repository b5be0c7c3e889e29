import { emitAppEvent, useAppEvent } from './useAppEvent';

/** A campaign was created, edited, paused or restarted: the list and the detail reload. */
const CAMPAIGN_CHANGED = 'campaign:changed';

export const emitCampaignChanged = (campaignId: string): void => emitAppEvent(CAMPAIGN_CHANGED, campaignId);

export const useCampaignChanged = (fn: (campaignId: string) => void): void => useAppEvent(CAMPAIGN_CHANGED, fn);
