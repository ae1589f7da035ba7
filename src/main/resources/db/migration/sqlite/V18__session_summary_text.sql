-- Each session row keeps its summary as the REST list sends it (issue 12, docs/decisions/0066).
--
-- summary is the JSON text of one item of GET /api/sessions, written by Setwise with every insert
-- and update of the row; summary_version is the version of the row it describes. The list sends
-- the text only where summary_version = version, and reads the row's columns otherwise: every
-- change of a session raises its version (sessions_version_rises_by_one, sessions_completed_immutable),
-- so a text left behind by a change is never sent. The rows here get theirs from the Java migration
-- that follows (V19); until then, and for any row whose text is missing, nothing changes for readers.
--
-- Sessions are rebuilt as in V17 (new table, copy, drop, rename, then the same indexes and
-- triggers), so that the two columns sit before the snapshot: a list reads them without walking
-- its overflow pages. Every row keeps its rowid.
CREATE TABLE sessions_v18 (
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
    -- the CRC-32C of the snapshot's UTF-8 bytes as Setwise wrote them (decision 0033), or NULL
    snapshot_check       INTEGER CHECK (snapshot_check BETWEEN 0 AND 4294967295),
    version              INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
    -- the summary as the REST list sends it, and the version it describes (NULL: none yet)
    summary              TEXT,
    summary_version      INTEGER,
    -- the snapshot, last: list queries read the columns before it without touching its overflow pages
    session              TEXT    NOT NULL CHECK (json_valid(session))
) STRICT;

INSERT INTO sessions_v18 (rowid, id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count,
                          set_count, completed_set_count, volume, created_at, updated_at, snapshot_check, version,
                          session)
SELECT rowid, id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count,
       set_count, completed_set_count, volume, created_at, updated_at, snapshot_check, version,
       session
FROM sessions
ORDER BY rowid;

-- The old table goes with its indexes and triggers.
DROP TABLE sessions;
-- The triggers of other tables name sessions, which is missing for this moment: the legacy rename
-- leaves them as they are instead of refusing (they find the new table by name once it is there).
PRAGMA legacy_alter_table = ON;
ALTER TABLE sessions_v18 RENAME TO sessions;
PRAGMA legacy_alter_table = OFF;

-- The indexes and triggers sessions had after V17, as they were, in the order they were made; only
-- sessions_completed_immutable also lets a completed row be given its summary (nothing else, same version).
CREATE UNIQUE INDEX sessions_one_in_progress ON sessions (user_id) WHERE ended_at IS NULL;

CREATE INDEX sessions_by_started ON sessions (user_id, started_at, id);

CREATE INDEX sessions_by_date ON sessions (user_id, date, started_at, id);

CREATE INDEX sessions_by_ended ON sessions (user_id, ifnull(ended_at, 9223372036854775807), started_at, id);

CREATE INDEX sessions_by_plan ON sessions (user_id, plan_id, started_at, id);

CREATE TRIGGER sessions_plan_same_owner
BEFORE INSERT ON sessions
WHEN NEW.plan_id IS NOT NULL
 AND NOT EXISTS (SELECT 1 FROM plans WHERE id = NEW.plan_id AND user_id = NEW.user_id)
BEGIN
    SELECT RAISE(ABORT, 'plan belongs to another profile');
END;

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

CREATE TRIGGER sessions_feed_changed
AFTER UPDATE ON sessions
WHEN NEW.version IS NOT OLD.version
BEGIN
    UPDATE changes
    SET seq = (SELECT max(seq) + 1 FROM changes WHERE user_id = NEW.user_id), version = NEW.version
    WHERE entity_type = 'session' AND entity_id = NEW.id;
END;

CREATE TRIGGER sessions_feed_deleted
AFTER DELETE ON sessions
BEGIN
    UPDATE changes
    SET seq = (SELECT max(seq) + 1 FROM changes WHERE user_id = OLD.user_id), version = OLD.version + 1, deleted = 1
    WHERE entity_type = 'session' AND entity_id = OLD.id;
END;

CREATE TRIGGER sessions_completed_immutable
BEFORE UPDATE ON sessions
WHEN OLD.ended_at IS NOT NULL
 AND (NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.plan_id IS NOT OLD.plan_id
      OR NEW.date IS NOT OLD.date OR NEW.started_at IS NOT OLD.started_at OR NEW.ended_at IS NOT OLD.ended_at
      OR NEW.created_at IS NOT OLD.created_at OR NEW.session IS NOT OLD.session
      OR NEW.version IS NOT OLD.version + 1
      OR NOT EXISTS (SELECT 1 FROM session_amendments a
                     WHERE a.session_id = NEW.id AND a.version = NEW.version AND a.user_id = NEW.user_id
                       AND a.at = NEW.updated_at AND a.name = NEW.name AND a.unit = NEW.unit
                       AND a.exercise_count = NEW.exercise_count AND a.set_count = NEW.set_count
                       AND a.completed_set_count = NEW.completed_set_count AND a.volume = NEW.volume))
 AND (NEW.version IS NOT OLD.version
      OR NEW.id IS NOT OLD.id OR NEW.user_id IS NOT OLD.user_id OR NEW.plan_id IS NOT OLD.plan_id
      OR NEW.date IS NOT OLD.date OR NEW.started_at IS NOT OLD.started_at OR NEW.ended_at IS NOT OLD.ended_at
      OR NEW.name IS NOT OLD.name OR NEW.unit IS NOT OLD.unit OR NEW.exercise_count IS NOT OLD.exercise_count
      OR NEW.set_count IS NOT OLD.set_count OR NEW.completed_set_count IS NOT OLD.completed_set_count
      OR NEW.volume IS NOT OLD.volume OR NEW.created_at IS NOT OLD.created_at
      OR NEW.updated_at IS NOT OLD.updated_at OR NEW.snapshot_check IS NOT OLD.snapshot_check
      OR NEW.session IS NOT OLD.session)
BEGIN
    SELECT RAISE(ABORT, 'completed session is immutable');
END;

CREATE TRIGGER sessions_forget_derived
AFTER DELETE ON sessions
BEGIN
    DELETE FROM set_log WHERE session_id = OLD.id;
    DELETE FROM exercise_log WHERE session_id = OLD.id;
    DELETE FROM session_log WHERE session_id = OLD.id;
END;

CREATE TRIGGER sessions_completed_end_rest
AFTER UPDATE OF ended_at ON sessions
WHEN NEW.ended_at IS NOT NULL
BEGIN
    DELETE FROM rest_timers WHERE session_id = NEW.id;
END;

CREATE TRIGGER sessions_outbox_created
AFTER INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM sync_profiles WHERE user_id = NEW.user_id)
 AND NOT EXISTS (SELECT 1 FROM sync_applying WHERE user_id = NEW.user_id)
BEGIN
    INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at)
    VALUES (NEW.user_id, 'session', NEW.id, NEW.version, 0,
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
    ON CONFLICT (user_id, entity_type, entity_id)
    DO UPDATE SET local_version = excluded.local_version, deleted = 0, last_error = NULL;
END;

CREATE TRIGGER sessions_outbox_changed
AFTER UPDATE ON sessions
WHEN NEW.version IS NOT OLD.version
 AND EXISTS (SELECT 1 FROM sync_profiles WHERE user_id = NEW.user_id)
 AND NOT EXISTS (SELECT 1 FROM sync_applying WHERE user_id = NEW.user_id)
BEGIN
    INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at)
    VALUES (NEW.user_id, 'session', NEW.id, NEW.version, 0,
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
    ON CONFLICT (user_id, entity_type, entity_id)
    DO UPDATE SET local_version = excluded.local_version, deleted = 0, last_error = NULL;
END;

CREATE TRIGGER sessions_outbox_deleted
AFTER DELETE ON sessions
WHEN EXISTS (SELECT 1 FROM sync_profiles WHERE user_id = OLD.user_id)
 AND NOT EXISTS (SELECT 1 FROM sync_applying WHERE user_id = OLD.user_id)
BEGIN
    INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at)
    VALUES (OLD.user_id, 'session', OLD.id, OLD.version + 1, 1,
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
    ON CONFLICT (user_id, entity_type, entity_id)
    DO UPDATE SET local_version = excluded.local_version, deleted = 1, last_error = NULL;
END;

CREATE TRIGGER sessions_ids_of_the_deleted_stay_unused
BEFORE INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM changes c
             WHERE c.entity_type = 'session' AND c.entity_id = NEW.id AND c.deleted = 1
               AND NOT (c.user_id = NEW.user_id AND NEW.version > c.version
                        AND EXISTS (SELECT 1 FROM sync_applying a WHERE a.user_id = NEW.user_id)))
BEGIN
    SELECT RAISE(ABORT, 'this session id was used by a deleted session');
END;

CREATE TRIGGER sessions_feed_created
AFTER INSERT ON sessions
BEGIN
    INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
    VALUES (NEW.user_id, 'session', NEW.id,
            (SELECT ifnull(max(seq), 0) + 1 FROM changes WHERE user_id = NEW.user_id), NEW.version, 0)
    ON CONFLICT (entity_type, entity_id)
    DO UPDATE SET seq = excluded.seq, version = excluded.version, deleted = 0;
END;

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

CREATE INDEX sessions_by_plan_and_date ON sessions (user_id, plan_id, date);

CREATE INDEX sessions_by_name ON sessions (user_id, name, started_at, id, ended_at, plan_id);

CREATE INDEX sessions_by_name_and_date ON sessions (user_id, name, date, started_at, id, ended_at, plan_id);
