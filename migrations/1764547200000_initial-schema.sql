-- Up Migration
-- The PostgreSQL store's schema (src/store/pg-store.ts). The rules hold in the database itself:
-- one version number per (indicator, month), idempotency keys unique, the audit log append-only.

-- One row. Every write transaction first does UPDATE pei_meta SET rev = rev + 1: that row lock orders the writes
-- (so a reader that saw change N has seen every change before N), and rev is the change counter readers pull by.
-- small_rev is the rev of the last change to owners, admins, subscriptions, conversations or what was sent.
CREATE TABLE pei_meta (
  one       boolean PRIMARY KEY DEFAULT true CHECK (one),
  rev       bigint NOT NULL DEFAULT 0,
  small_rev bigint NOT NULL DEFAULT 0
);
INSERT INTO pei_meta DEFAULT VALUES;

CREATE TABLE pei_reports (
  ord           bigserial PRIMARY KEY,                      -- write order
  id            text NOT NULL UNIQUE,
  indicator_id  text NOT NULL,
  period        text NOT NULL CHECK (period ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  version       integer NOT NULL CHECK (version >= 1),
  submission_id text UNIQUE,                                -- the idempotency key
  review        text CHECK (review IN ('pendiente', 'aprobado', 'devuelto')),
  record        jsonb NOT NULL,                             -- the ReportRecord as the store returns it
  changed       bigint NOT NULL,                            -- pei_meta.rev of the last change to the row
  UNIQUE (indicator_id, period, version)
);
CREATE INDEX pei_reports_changed ON pei_reports (changed);

CREATE TABLE pei_audit (
  seq     bigserial PRIMARY KEY,
  at      text NOT NULL,
  actor   jsonb NOT NULL,
  action  text NOT NULL,
  target  text NOT NULL,
  before  jsonb,
  after   jsonb
);
CREATE INDEX pei_audit_target ON pei_audit (target);

CREATE FUNCTION pei_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'pei_audit is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER pei_audit_no_update BEFORE UPDATE OR DELETE ON pei_audit FOR EACH ROW EXECUTE FUNCTION pei_audit_append_only();
CREATE TRIGGER pei_audit_no_truncate BEFORE TRUNCATE ON pei_audit FOR EACH STATEMENT EXECUTE FUNCTION pei_audit_append_only();

CREATE TABLE pei_owners (
  indicator_id text PRIMARY KEY,
  people       jsonb NOT NULL,
  ord          bigserial
);

CREATE TABLE pei_admins (
  id     text PRIMARY KEY,
  person jsonb NOT NULL,
  ord    bigserial
);

CREATE TABLE pei_subscriptions (
  conversation_key text NOT NULL,
  kind             text NOT NULL,
  record           jsonb NOT NULL,
  ord              bigserial,
  PRIMARY KEY (conversation_key, kind)
);

CREATE TABLE pei_conversations (
  key    text PRIMARY KEY,
  record jsonb NOT NULL,
  ord    bigserial
);

-- What was sent: one row per digest/reminder/notice key, so a send is recorded once in all.
CREATE TABLE pei_sent (
  key    text PRIMARY KEY,
  record jsonb NOT NULL,
  ord    bigserial
);

-- Down Migration
DROP TABLE IF EXISTS pei_sent, pei_conversations, pei_subscriptions, pei_admins, pei_owners, pei_audit, pei_reports;
DROP FUNCTION pei_audit_append_only();
DROP TABLE pei_meta;
