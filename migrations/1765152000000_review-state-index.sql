-- Up Migration
-- The months whose latest version is in a review state (Store.latestReports({ review })) filter on
-- COALESCE(review, 'aprobado'), which the partial index on review = 'pendiente' cannot serve: every admin turn counted
-- what waits for review by reading all 100,000 versions (about 170 ms of the database each at Teams' rate). An index
-- on that expression finds the few pending versions directly.
CREATE INDEX pei_reports_review_state ON pei_reports ((COALESCE(review, 'aprobado')));

-- Down Migration
DROP INDEX IF EXISTS pei_reports_review_state;
