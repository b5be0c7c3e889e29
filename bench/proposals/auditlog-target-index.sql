-- Proposed migration 8 (cloudfunctions/src/store/sqlite/migrations.ts), "audit log by target":
-- campaign.get reads the last 100 audit entries of one campaign by (targetType, targetId), ordered
-- by `at`; without an index that is a full scan of c_auditLog on every call.
CREATE INDEX IF NOT EXISTS ix_auditLog_targetType_targetId_at ON c_auditLog (json_extract(doc, '$.targetType'), json_extract(doc, '$.targetId'), json_extract(doc, '$.at'));
-- (as a MIGRATIONS entry: { version: 8, name: 'audit log by target', sql: <the statement above> };
--  CloudBase needs the same composite index on auditLog: targetType, targetId, at desc.)
