-- Totals that stay fast however long the history grows, a name search that reads no more names
-- than it finds, and counts with dates read from indexes, as the SQLite schema's V14 has them
-- (issue 12, docs/decisions/0032 and 0049).
--
-- A list says how many sessions match. Counting them row by row costs as much as the history is
-- long, so the common totals are kept here instead, by triggers, in the transaction of every
-- change: the number of sessions of each owner per plan and session name. A total is the sum of
-- a few of these rows; the completed count follows from the one-in-progress rule.
--
-- Concurrency: a change adds or subtracts one in the row itself (INSERT … ON CONFLICT DO UPDATE,
-- UPDATE … SET sessions = sessions - 1), under the row lock those statements take, so writers of
-- one total wait for each other and none loses another's change, on any number of instances
-- (writes are READ COMMITTED: the waiting statement reads the committed row again). A row whose
-- count reaches zero is deleted by the transaction that holds its lock; an insert that meets it
-- waits and then inserts a new row.

CREATE TABLE session_totals (
    user_id   uuid    NOT NULL REFERENCES profiles (id),
    plan_key  text    NOT NULL,  -- the plan's id as text, or '' for a session without a plan
    name      text    NOT NULL,  -- the session's summary name, as in sessions.name
    sessions  bigint  NOT NULL CHECK (sessions >= 0),
    PRIMARY KEY (user_id, plan_key, name)
);

INSERT INTO session_totals (user_id, plan_key, name, sessions)
SELECT user_id, coalesce(plan_id::text, ''), name, count(*) FROM sessions
GROUP BY user_id, coalesce(plan_id::text, ''), name;

CREATE FUNCTION session_totals_take(owner uuid, plan uuid, named text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    left_over bigint;
BEGIN
    UPDATE session_totals SET sessions = sessions - 1
    WHERE user_id = owner AND plan_key = coalesce(plan::text, '') AND name = named
    RETURNING sessions INTO left_over;
    IF left_over = 0 THEN
        -- this transaction holds the row's lock: nobody can have counted on it since
        DELETE FROM session_totals WHERE user_id = owner AND plan_key = coalesce(plan::text, '') AND name = named
            AND sessions = 0;
    END IF;
END $$;

CREATE FUNCTION session_totals_give(owner uuid, plan uuid, named text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO session_totals AS t (user_id, plan_key, name, sessions)
    VALUES (owner, coalesce(plan::text, ''), named, 1)
    ON CONFLICT (user_id, plan_key, name) DO UPDATE SET sessions = t.sessions + 1;
END $$;

CREATE FUNCTION sessions_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' OR TG_OP = 'UPDATE' THEN
        PERFORM session_totals_take(OLD.user_id, OLD.plan_id, OLD.name);
    END IF;
    IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
        PERFORM session_totals_give(NEW.user_id, NEW.plan_id, NEW.name);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER sessions_totals_added_or_removed AFTER INSERT OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_totals();

-- An update counts only when it moves the session to another owner, plan or name (a rename, an
-- amendment that renames); the autosave of a workout changes none of them and costs one test.
CREATE TRIGGER sessions_totals_moved AFTER UPDATE OF user_id, plan_id, name ON sessions
    FOR EACH ROW
    WHEN (NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.plan_id IS DISTINCT FROM OLD.plan_id
          OR NEW.name IS DISTINCT FROM OLD.name)
    EXECUTE FUNCTION sessions_totals();

-- The key of a total never changes: a move is a subtraction from one row and an addition to another.
CREATE FUNCTION session_totals_keep_their_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.plan_key IS DISTINCT FROM OLD.plan_key
       OR NEW.name IS DISTINCT FROM OLD.name THEN
        PERFORM setwise_refuse('a session total keeps its owner, plan and name');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER session_totals_keep_their_key BEFORE UPDATE ON session_totals
    FOR EACH ROW EXECUTE FUNCTION session_totals_keep_their_key();

-- Row-level security as on every other table (V1): a transaction sees and changes only the totals
-- of the profile it declares; the triggers run as the writer, so they write its own rows.
ALTER TABLE session_totals ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_totals FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON session_totals USING (user_id = setwise_caller()) WITH CHECK (user_id = setwise_caller());
CREATE POLICY administration ON session_totals USING (setwise_all_profiles()) WITH CHECK (setwise_all_profiles());

-- ---------------------------------------------------------------- name search and counts with dates

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
