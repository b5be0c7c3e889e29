import { assertFieldPath } from '../port';

/** Table and index DDL for one collection: `id` key, the document as JSON, expression indexes. */
export function collectionDDL(name: string, indexed: readonly (string | readonly string[])[]): string {
  const table = tableName(name);
  const parts = [`CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, doc TEXT NOT NULL) STRICT;`];
  for (const spec of indexed) {
    const fields = typeof spec === 'string' ? [spec] : spec;
    fields.forEach(assertFieldPath);
    const ix = `ix_${name}_${fields.join('_').replace(/\./g, '_')}`;
    const cols = fields.map((f) => jsonExtract(f)).join(', ');
    parts.push(`CREATE INDEX IF NOT EXISTS ${ix} ON ${table} (${cols});`);
  }
  return parts.join('\n');
}

export const tableName = (collection: string): string => {
  assertFieldPath(collection);
  return `c_${collection}`;
};

export const jsonExtract = (field: string): string => `json_extract(doc, '$.${field}')`;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Versioned migrations, applied in order inside one transaction each and recorded in
 * `schema_migrations`. Never edit a released migration: add the next one.
 */
export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts, quota, audit, idempotency',
    sql: [
      collectionDDL('members', ['openid']),
      collectionDDL('merchants', ['providerId', 'brandGroupId']),
      collectionDDL('brandGroups', []),
      collectionDDL('stores', ['merchantId']),
      collectionDDL('appids', ['merchantId']),
      collectionDDL('quotaAccounts', ['providerId']),
      collectionDDL('quotaLedger', [['merchantId', 'at']]),
      collectionDDL('auditLog', [['merchantId', 'at']]),
      collectionDDL('requests', []),
      collectionDDL('meta', []),
    ].join('\n'),
  },
  {
    version: 2,
    name: 'voucher stocks and APPID authorizations',
    sql: [
      collectionDDL('stocks', [['merchantId', 'createdAt'], ['merchantId', 'state']]),
      collectionDDL('stockAuthorizations', [['merchantId', 'authorizedAt'], 'stockId']),
    ].join('\n'),
  },
  {
    version: 3,
    name: 'uploaded files',
    sql: collectionDDL('files', []),
  },
  {
    version: 4,
    name: 'quota campaigns',
    sql: collectionDDL('campaigns', [['merchantId', 'createdAt'], ['merchantId', 'startAtMs'], ['merchantId', 'endAtMs']]),
  },
  {
    version: 5,
    name: 'claims, coupons, redemptions',
    sql: [
      collectionDDL('claims', ['campaignId']),
      collectionDDL('coupons', [['openid', 'claimedAt'], ['sourceId', 'claimedAt'], 'stockId']),
      collectionDDL('redemptions', [['merchantId', 'redeemedAtMs'], 'couponCode']),
    ].join('\n'),
  },
  {
    version: 6,
    name: 'T+1 campaign statistics',
    sql: [
      collectionDDL('campaignStats', [['campaignId', 'day']]),
      'CREATE INDEX IF NOT EXISTS ix_coupons_source_claimedAt ON c_coupons (json_extract(doc, \'$.source\'), json_extract(doc, \'$.claimedAt\'));',
      'CREATE INDEX IF NOT EXISTS ix_redemptions_redeemedAtMs ON c_redemptions (json_extract(doc, \'$.redeemedAtMs\'));',
      'CREATE INDEX IF NOT EXISTS ix_redemptions_campaignId ON c_redemptions (json_extract(doc, \'$.campaignId\'), json_extract(doc, \'$.redeemedAtMs\'));',
    ].join('\n'),
  },
  {
    version: 7,
    name: 'live rooms',
    sql: [
      collectionDDL('liveRooms', [['merchantId', 'startAt']]),
      collectionDDL('roomCoupons', [['roomId', 'addedAt']]),
      collectionDDL('roomViewers', [['roomId', 'online']]),
      collectionDDL('liveClaimCounters', []),
    ].join('\n'),
  },
  {
    version: 8,
    name: 'audit log by target',
    // campaign.get reads one campaign's history; without this it scans the whole log.
    sql: "CREATE INDEX IF NOT EXISTS ix_auditLog_targetType_targetId_at ON c_auditLog (json_extract(doc, '$.targetType'), json_extract(doc, '$.targetId'), json_extract(doc, '$.at'));",
  },
  {
    version: 9,
    name: 'drop indexes no query uses',
    // Every claim writes a claim, a coupon and a quota update: each index here cost it a JSON
    // extraction and a B-tree insert. Claims are read by id and coupons by owner or by day; the
    // quota accounts' providerId index is in use after all (the A4 merchant list): migration 10.
    sql: [
      'DROP INDEX IF EXISTS ix_claims_campaignId;',
      'DROP INDEX IF EXISTS ix_coupons_sourceId_claimedAt;',
      'DROP INDEX IF EXISTS ix_coupons_stockId;',
      'DROP INDEX IF EXISTS ix_quotaAccounts_providerId;',
    ].join('\n'),
  },
  {
    version: 10,
    name: 'quota accounts by provider again',
    // The SP's merchant list (A4) reads the quota accounts of its sub-merchants by providerId.
    sql: collectionDDL('quotaAccounts', ['providerId']),
  },
  {
    version: 11,
    name: 'redemptions by the coupon owner',
    // The redemption export lists a merchant's own coupons wherever redeemed, campaign and live room
    // coupons alike: each redemption records the merchant its coupon was given out for. Older ones
    // take it from their campaign, else their coupon's live room.
    sql: [
      `UPDATE c_redemptions SET doc = json_set(doc, '$.ownerMerchantId', coalesce(
        (SELECT json_extract(k.doc, '$.merchantId') FROM c_campaigns k WHERE k.id = json_extract(c_redemptions.doc, '$.campaignId')),
        (SELECT json_extract(r.doc, '$.merchantId') FROM c_coupons c JOIN c_liveRooms r ON r.id = json_extract(c.doc, '$.sourceId')
          WHERE c.id = json_extract(c_redemptions.doc, '$.couponCode')),
        (SELECT json_extract(c.doc, '$.stockMerchantId') FROM c_coupons c WHERE c.id = json_extract(c_redemptions.doc, '$.couponCode'))))
      WHERE json_extract(doc, '$.ownerMerchantId') IS NULL;`,
      collectionDDL('redemptions', [['ownerMerchantId', 'redeemedAtMs']]),
    ].join('\n'),
  },
];
