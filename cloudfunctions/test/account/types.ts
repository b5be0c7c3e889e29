import type { OutputOf } from '@shared/api';

export type MeSchemaOut = OutputOf<'account', 'me'>;
export type MerchantsOut = OutputOf<'account', 'merchants'>;
export type RechargeOut = OutputOf<'account', 'rechargeQuota'>;
export type LedgerOut = OutputOf<'account', 'quotaLedger'>;
