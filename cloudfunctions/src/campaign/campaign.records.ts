import type { CampaignDraft } from '@shared/campaign/schema';

export interface CampaignDoc extends Omit<CampaignDraft, 'merchantId'> {
  id: string;
  /** The quota owner (配额归属商户号). */
  merchantId: string;
  /** 当前登录商户号 at creation (R3). */
  createdByMerchantId: string;
  startAtMs: number;
  endAtMs: number;
  paused: boolean;
  /** Optimistic concurrency for edits (M3). */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}
