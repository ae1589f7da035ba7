-- Setwise core schema. Rules live here as well as in the services, so that no code path
-- (a bug, a script, a second process) can break them. Times are epoch milliseconds (UTC);
-- dates are 'YYYY-MM-DD'; ids are UUID text.

CREATE TABLE profiles (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
    unit        TEXT    NOT NULL DEFAULT 'kg' CHECK (unit IN ('kg', 'lb')),
    created_at  INTEGER NOT NULL
) STRICT;

CREATE UNIQUE INDEX profiles_name_unique ON profiles (name COLLATE NOCASE);

CREATE TABLE plans (
    id              TEXT    NOT NULL PRIMARY KEY,
    user_id         TEXT    NOT NULL REFERENCES profiles (id),
    name            TEXT    NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    exercise_count  INTEGER NOT NULL CHECK (exercise_count >= 0),
    has_sessions    INTEGER NOT NULL DEFAULT 0 CHECK (has_sessions IN (0, 1)),
    archived        INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    -- large JSON last: SQLite reads the columns before it without walking its overflow pages
    structure       TEXT    NOT NULL CHECK (json_valid(structure))
) STRICT;

-- The plan list: a profile's plans that are not archived, by name.
CREATE INDEX plans_by_owner ON plans (user_id, archived, name COLLATE NOCASE);

-- A plan that sessions refer to may be archived but never removed or un-flagged.
CREATE TRIGGER plans_keep_has_sessions
BEFORE UPDATE OF has_sessions ON plans
WHEN OLD.has_sessions = 1 AND NEW.has_sessions = 0
BEGIN
    SELECT RAISE(ABORT, 'has_sessions cannot be cleared');
END;

CREATE TABLE sessions (
    id                   TEXT    NOT NULL PRIMARY KEY,
    user_id              TEXT    NOT NULL REFERENCES profiles (id),
    plan_id              TEXT    REFERENCES plans (id),
    date                 TEXT    NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    started_at           INTEGER NOT NULL,
    ended_at             INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
    -- summary columns, written with the snapshot so that lists never parse JSON
    name                 TEXT    NOT NULL,
    unit                 TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    exercise_count       INTEGER NOT NULL CHECK (exercise_count >= 0),
    set_count            INTEGER NOT NULL CHECK (set_count >= 0),
    completed_set_count  INTEGER NOT NULL CHECK (completed_set_count BETWEEN 0 AND set_count),
    volume               REAL    NOT NULL CHECK (volume >= 0),
    created_at           INTEGER NOT NULL,
    updated_at           INTEGER NOT NULL,
    -- the snapshot, last: list queries read the columns before it without touching its overflow pages
    session              TEXT    NOT NULL CHECK (json_valid(session))
) STRICT;

-- At most one in-progress session per profile.
CREATE UNIQUE INDEX sessions_one_in_progress ON sessions (user_id) WHERE ended_at IS NULL;

-- The list queries: every sort key, scoped to the owner, with a stable tie-break.
CREATE INDEX sessions_by_started ON sessions (user_id, started_at, id);
CREATE INDEX sessions_by_date ON sessions (user_id, date, started_at, id);
CREATE INDEX sessions_by_ended ON sessions (user_id, ifnull(ended_at, 9223372036854775807), started_at, id);
CREATE INDEX sessions_by_plan ON sessions (user_id, plan_id, started_at, id);

-- A completed session never changes: no update of any column once ended_at is set.
CREATE TRIGGER sessions_completed_immutable
BEFORE UPDATE ON sessions
WHEN OLD.ended_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'completed session is immutable');
END;

-- A session belongs to the same profile as its plan.
CREATE TRIGGER sessions_plan_same_owner
BEFORE INSERT ON sessions
WHEN NEW.plan_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM plans WHERE id = NEW.plan_id AND user_id = NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'plan belongs to another profile');
END;

CREATE TABLE audit_log (
    id           INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id      TEXT    NOT NULL REFERENCES profiles (id),
    action       TEXT    NOT NULL,
    entity_type  TEXT    NOT NULL,
    entity_id    TEXT    NOT NULL,
    at           INTEGER NOT NULL,
    details      TEXT    NOT NULL DEFAULT '{}' CHECK (json_valid(details))
) STRICT;

CREATE INDEX audit_log_by_owner ON audit_log (user_id, id);

-- The audit log is append-only.
CREATE TRIGGER audit_log_no_update
BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete
BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
