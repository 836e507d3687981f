-- Up Migration
-- Plan versions (reprogramming, DOMAIN.md «Plans change»): one row per stored version of a plan, never changed once
-- written. The shipped plan's version 1 is data/plan.json (not stored). `record` is the whole version as the store
-- hands it out (src/domain/plan-versions.ts); the columns are what it is read and ordered by. Its audit entry
-- ('plan.version') is in pei_audit like every other change.
CREATE TABLE pei_plan_versions (
  ord bigserial NOT NULL,
  plan_id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  effective text NOT NULL,
  record jsonb NOT NULL,
  PRIMARY KEY (plan_id, version)
);
CREATE INDEX pei_plan_versions_ord ON pei_plan_versions (ord);

-- Down Migration
DROP TABLE IF EXISTS pei_plan_versions;
