-- Up Migration
-- The store reads by key and range from the database (src/store/pg-store.ts), never the whole tables into memory:
-- the indexes those reads use. (Reports by indicator use the UNIQUE (indicator_id, period, version) index.)

-- Reports of a month range or a year across indicators (status, compliance, digests).
CREATE INDEX pei_reports_period ON pei_reports (period);
-- Audit entries of a target prefix ("report:4263:") and what was sent under a key prefix ("digest:"): LIKE 'x%'
-- uses a text_pattern_ops index whatever the database's collation.
CREATE INDEX pei_audit_target_prefix ON pei_audit (target text_pattern_ops);
CREATE INDEX pei_sent_key_prefix ON pei_sent (key text_pattern_ops);
-- What waits for review (Store.latestReports({ review: 'pendiente' })): few rows, read on every admin turn.
CREATE INDEX pei_reports_pending ON pei_reports (indicator_id, period) WHERE review = 'pendiente';
-- Conversations by scope (the proactive sender asks for personal chats, channels).
CREATE INDEX pei_conversations_scope ON pei_conversations ((record->>'scope'));

-- Down Migration
DROP INDEX IF EXISTS pei_reports_pending, pei_conversations_scope, pei_sent_key_prefix, pei_audit_target_prefix, pei_reports_period;
