-- Versions (contract §5.1): every plan and session carries a version, 1 when created and one more
-- on every change, so that a write can say which version it was made from (If-Match) and a
-- device can tell a change it has not seen. The schema refuses a version that does not rise by
-- exactly one and content that changes without a new version. See docs/decisions/0020.

-- Plans: a plain column. Plans are few and their list is short, so the column may sit after the
-- structure (a list row with a large structure walks its overflow pages to reach it).
ALTER TABLE plans ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);

-- has_sessions is left out on purpose: a session started on another device flips it, and that
-- must not turn a plan edit made elsewhere into a conflict. It is derived (a plan that any session
-- names) rather than edited, so it needs no version of its own.
CREATE TRIGGER plans_version_rises_by_one
BEFORE UPDATE ON plans
WHEN NEW.version IS NOT OLD.version + 1
 AND (NEW.version IS NOT OLD.version
      OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.name IS NOT OLD.name
      OR NEW.structure IS NOT OLD.structure OR NEW.exercise_count IS NOT OLD.exercise_count
      OR NEW.archived IS NOT OLD.archived OR NEW.created_at IS NOT OLD.created_at
      OR NEW.updated_at IS NOT OLD.updated_at)
BEGIN
    SELECT RAISE(ABORT, 'a plan changes only with its version raised by one');
END;

-- Sessions: rebuilt (SQLite's documented procedure: new table, copy, drop, rename) so that the
-- version sits with the summary columns before the snapshot, which lists never walk. Flyway's
-- connection runs with foreign keys off, and no table refers to sessions yet.
CREATE TABLE sessions_v4 (
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
    version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- the snapshot, last: list queries read the columns before it without touching its overflow pages
    session              TEXT    NOT NULL CHECK (json_valid(session))
) STRICT;

INSERT INTO sessions_v4 (id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count, set_count,
                         completed_set_count, volume, created_at, updated_at, version, session)
SELECT id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count, set_count,
       completed_set_count, volume, created_at, updated_at, 1, session
FROM sessions;

DROP TABLE sessions;
ALTER TABLE sessions_v4 RENAME TO sessions;

-- The indexes and triggers of V1, as they were.
CREATE UNIQUE INDEX sessions_one_in_progress ON sessions (user_id) WHERE ended_at IS NULL;
CREATE INDEX sessions_by_started ON sessions (user_id, started_at, id);
CREATE INDEX sessions_by_date ON sessions (user_id, date, started_at, id);
CREATE INDEX sessions_by_ended ON sessions (user_id, ifnull(ended_at, 9223372036854775807), started_at, id);
CREATE INDEX sessions_by_plan ON sessions (user_id, plan_id, started_at, id);

CREATE TRIGGER sessions_completed_immutable
BEFORE UPDATE ON sessions
WHEN OLD.ended_at IS NOT NULL
BEGIN
    SELECT RAISE(ABORT, 'completed session is immutable');
END;

CREATE TRIGGER sessions_plan_same_owner
BEFORE INSERT ON sessions
WHEN NEW.plan_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM plans WHERE id = NEW.plan_id AND user_id = NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'plan belongs to another profile');
END;

-- A session in progress changes only with its version raised by one. (A completed session does
-- not change at all; sessions_completed_immutable answers for it.)
CREATE TRIGGER sessions_version_rises_by_one
BEFORE UPDATE ON sessions
WHEN OLD.ended_at IS NULL
 AND NEW.version IS NOT OLD.version + 1
 AND (NEW.version IS NOT OLD.version
      OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.plan_id IS NOT OLD.plan_id
      OR NEW.date IS NOT OLD.date OR NEW.started_at IS NOT OLD.started_at OR NEW.ended_at IS NOT OLD.ended_at
      OR NEW.name IS NOT OLD.name OR NEW.unit IS NOT OLD.unit OR NEW.exercise_count IS NOT OLD.exercise_count
      OR NEW.set_count IS NOT OLD.set_count OR NEW.completed_set_count IS NOT OLD.completed_set_count
      OR NEW.volume IS NOT OLD.volume OR NEW.created_at IS NOT OLD.created_at
      OR NEW.updated_at IS NOT OLD.updated_at OR NEW.session IS NOT OLD.session)
BEGIN
    SELECT RAISE(ABORT, 'a session changes only with its version raised by one');
END;

-- A replayed answer (Idempotency-Key) carries the ETag of the first answer too.
ALTER TABLE idempotency_keys ADD COLUMN etag TEXT;
