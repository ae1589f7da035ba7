-- Name search and counts with dates, read from indexes (issue 12, docs/decisions/0049), as the
-- SQLite schema's V14 reads them.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the owner of the database
-- may create it. Where Setwise's role may not, an administrator runs CREATE EXTENSION pg_trgm once
-- before the first migration (IF NOT EXISTS then finds it and asks for nothing).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The names of session_totals that hold a search text are found from their trigrams, without
-- reading every name. ILIKE decides (the index only narrows), so the answer is exactly what the
-- ILIKE of the search accepts; a text shorter than three characters has no trigram and reads the
-- owner's names from the key.
CREATE INDEX session_totals_by_name_trigrams ON session_totals USING gin (name gin_trgm_ops);

-- Counts with dates, read from an index: by plan (the date alone is covered by sessions_by_date).
CREATE INDEX sessions_by_plan_and_date ON sessions (user_id, plan_id, date);

-- Name search: the sessions of each name with every column a search filters and sorts on, so that
-- its page and its count are read from an index (only the page's own rows are then read from the
-- table). An autosave changes none of their columns.
CREATE INDEX sessions_by_name ON sessions (user_id, name, started_at, id, ended_at, plan_id);
CREATE INDEX sessions_by_name_and_date ON sessions (user_id, name, date, started_at, id, ended_at, plan_id);
