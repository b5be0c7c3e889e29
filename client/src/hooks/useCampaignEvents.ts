import { useEffect, useRef } from 'react';
import Taro from '@tarojs/taro';

/**
 * A campaign was created, edited, paused or restarted. The list and the detail listen and reload,
 * so going back shows the new state without reloading on every show.
 */
export const CAMPAIGN_CHANGED = 'campaign:changed';

export const emitCampaignChanged = (campaignId: string): void => {
  Taro.eventCenter.trigger(CAMPAIGN_CHANGED, campaignId);
};

export function useCampaignChanged(fn: (campaignId: string) => void): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = (campaignId: string) => ref.current(campaignId);
    Taro.eventCenter.on(CAMPAIGN_CHANGED, handler);
    return () => {
      Taro.eventCenter.off(CAMPAIGN_CHANGED, handler);
    };
  }, []);
}
