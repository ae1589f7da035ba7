-- Import bookkeeping (issue 5). One row per import that added something, so that the summary of
-- a later import can say "this file was already imported on …". Rows are never changed.

CREATE TABLE imports (
    id              TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL REFERENCES profiles (id),
    source          TEXT    NOT NULL CHECK (source IN ('setwise', 'strong', 'hevy', 'fitnotes')),
    file_name       TEXT    NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    sha256          TEXT    NOT NULL CHECK (length(sha256) = 64),
    plans_added     INTEGER NOT NULL CHECK (plans_added >= 0),
    sessions_added  INTEGER NOT NULL CHECK (sessions_added >= 0),
    skipped         INTEGER NOT NULL CHECK (skipped >= 0),
    imported_at     INTEGER NOT NULL
) STRICT;

CREATE INDEX imports_by_owner_and_file ON imports (user_id, sha256, imported_at);

CREATE TRIGGER imports_no_update
BEFORE UPDATE ON imports
BEGIN
    SELECT RAISE(ABORT, 'import records are append-only');
END;
