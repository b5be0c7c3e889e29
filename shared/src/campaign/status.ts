import type { CampaignStatus } from './schema';

/** M1: derived from the clock and the paused flag, never stored. The end instant itself is still on. */
export function campaignStatus(c: { startAtMs: number; endAtMs: number; paused: boolean }, nowMs: number): CampaignStatus {
  if (nowMs > c.endAtMs) return 'ENDED';
  if (c.paused) return 'PAUSED';
  return nowMs < c.startAtMs ? 'NOT_STARTED' : 'DELIVERING';
}
