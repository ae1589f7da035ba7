-- Totals that stay fast however long the history grows (issue 12, docs/decisions/0032).
--
-- A History page and GET /api/sessions say how many sessions match. Counting them row by row
-- costs as much as the history is long, so the common totals are kept here instead, by triggers,
-- in the transaction of every change (no path into the data can forget them): the number of
-- sessions of each owner per plan and session name. A total is the sum of a few of these rows:
-- the owner's (every session), one plan's, or those whose name holds the search text. The
-- completed count follows from the one-in-progress rule: the filter's count minus the owner's
-- session in progress when it matches the filter (at most one row, found on
-- sessions_one_in_progress). Counts with dates use the covering indexes below.

-- id: an explicit rowid, which VACUUM (and so VACUUM INTO, the backups) keeps as it is; the name
-- index refers to the totals by it.
CREATE TABLE session_totals (
    id        INTEGER PRIMARY KEY,
    user_id   TEXT    NOT NULL REFERENCES profiles (id),
    plan_key  TEXT    NOT NULL,  -- the plan's id, or '' for a session without a plan
    name      TEXT    NOT NULL,  -- the session's summary name, as in sessions.name
    sessions  INTEGER NOT NULL CHECK (sessions >= 0),
    UNIQUE (user_id, plan_key, name)
) STRICT;

INSERT INTO session_totals (user_id, plan_key, name, sessions)
SELECT user_id, ifnull(plan_id, ''), name, count(*) FROM sessions GROUP BY user_id, ifnull(plan_id, ''), name;

CREATE TRIGGER sessions_totals_added
AFTER INSERT ON sessions
BEGIN
    INSERT INTO session_totals (user_id, plan_key, name, sessions)
    VALUES (NEW.user_id, ifnull(NEW.plan_id, ''), NEW.name, 1)
    ON CONFLICT (user_id, plan_key, name) DO UPDATE SET sessions = sessions + 1;
END;

CREATE TRIGGER sessions_totals_removed
AFTER DELETE ON sessions
BEGIN
    UPDATE session_totals SET sessions = sessions - 1
    WHERE user_id = OLD.user_id AND plan_key = ifnull(OLD.plan_id, '') AND name = OLD.name;
    DELETE FROM session_totals
    WHERE user_id = OLD.user_id AND plan_key = ifnull(OLD.plan_id, '') AND name = OLD.name AND sessions = 0;
END;

-- An update counts only when it moves the session to another owner, plan or name (a rename, an
-- amendment that renames); the autosave of a workout changes none of them and costs one test.
CREATE TRIGGER sessions_totals_moved
AFTER UPDATE OF user_id, plan_id, name ON sessions
WHEN NEW.user_id IS NOT OLD.user_id OR NEW.plan_id IS NOT OLD.plan_id OR NEW.name IS NOT OLD.name
BEGIN
    UPDATE session_totals SET sessions = sessions - 1
    WHERE user_id = OLD.user_id AND plan_key = ifnull(OLD.plan_id, '') AND name = OLD.name;
    DELETE FROM session_totals
    WHERE user_id = OLD.user_id AND plan_key = ifnull(OLD.plan_id, '') AND name = OLD.name AND sessions = 0;
    INSERT INTO session_totals (user_id, plan_key, name, sessions)
    VALUES (NEW.user_id, ifnull(NEW.plan_id, ''), NEW.name, 1)
    ON CONFLICT (user_id, plan_key, name) DO UPDATE SET sessions = sessions + 1;
END;

-- Name search: a trigram full-text index (FTS5) of the names in session_totals, so that the names
-- holding a search text are found without reading every name. It only narrows: the store applies
-- the LIKE of the search again to what it finds (trigrams fold case beyond ASCII, LIKE does not).
-- External content: the names live once, in session_totals; these triggers keep the index in step.
CREATE VIRTUAL TABLE session_names USING fts5(name, content = 'session_totals', content_rowid = 'id',
    tokenize = 'trigram');

INSERT INTO session_names (session_names) VALUES ('rebuild');

CREATE TRIGGER session_totals_named
AFTER INSERT ON session_totals
BEGIN
    INSERT INTO session_names (rowid, name) VALUES (NEW.id, NEW.name);
END;

CREATE TRIGGER session_totals_unnamed
AFTER DELETE ON session_totals
BEGIN
    INSERT INTO session_names (session_names, rowid, name) VALUES ('delete', OLD.id, OLD.name);
END;

-- The name of a total never changes (it is part of its key): a change is a delete and an insert.
CREATE TRIGGER session_totals_keep_their_key
BEFORE UPDATE OF user_id, plan_key, name ON session_totals
WHEN NEW.user_id IS NOT OLD.user_id OR NEW.plan_key IS NOT OLD.plan_key OR NEW.name IS NOT OLD.name
BEGIN
    SELECT RAISE(ABORT, 'a session total keeps its owner, plan and name');
END;

-- Counts with dates, read from an index alone: by plan; the date alone is covered by
-- sessions_by_date already.
CREATE INDEX sessions_by_plan_and_date ON sessions (user_id, plan_id, date);

-- Name search: the sessions of each name with every column a search filters and sorts on, so that
-- its page and its count are read from an index alone (the store then reads only the rows of the
-- page). Without dates, the first entries of each name found are merged in started_at order; with
-- dates, the range of each name is read and sorted. A workout's autosave leaves name and ended_at
-- alone, so it touches neither index.
CREATE INDEX sessions_by_name ON sessions (user_id, name, started_at, id, ended_at, plan_id);
CREATE INDEX sessions_by_name_and_date ON sessions (user_id, name, date, started_at, id, ended_at, plan_id);
