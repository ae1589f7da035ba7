-- The checks of snapshots Setwise wrote (issue 12, docs/decisions/0033), as in the SQLite schema's
-- V15 for amendments and plans. A row whose text gives its check is bound without validating
-- again; without one, or when it does not match, it is read the strict way. Sessions keep no
-- check of their own snapshot on PostgreSQL (it is always read the strict way there).
ALTER TABLE session_amendments ADD COLUMN session_check BIGINT CHECK (session_check BETWEEN 0 AND 4294967295);
ALTER TABLE plans ADD COLUMN structure_check BIGINT CHECK (structure_check BETWEEN 0 AND 4294967295);
