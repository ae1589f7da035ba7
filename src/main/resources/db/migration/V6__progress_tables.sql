-- Progress (issue 10): tables derived from completed sessions, so that exercise history, records
-- and charts never parse snapshots. They are never the source of truth: the store rewrites the
-- rows of a session (delete, then insert by session id) in the same transaction as the session
-- itself (dev.setwise.store.SetLogRepository), deleting a session deletes them (ON DELETE CASCADE),
-- and V7 rebuilds them for sessions that existed before. Weights are kept in the session's own unit
-- (exact); the *_kg columns exist only to order sessions of both units on one scale.

-- One row per completed session.
CREATE TABLE session_log (
    session_id    TEXT    NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    user_id       TEXT    NOT NULL REFERENCES profiles (id),
    date          TEXT    NOT NULL,
    day           INTEGER NOT NULL, -- date as days since 1970-01-01, so charts bucket weeks without parsing
    started_at    INTEGER NOT NULL,
    unit          TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    bodyweight    REAL,
    working_sets  INTEGER NOT NULL,
    volume        REAL    NOT NULL
) STRICT;

CREATE INDEX session_log_by_day ON session_log (user_id, day, unit, volume, working_sets);
CREATE INDEX session_log_bodyweight ON session_log (user_id, day, started_at, bodyweight, unit) WHERE bodyweight IS NOT NULL;

-- One row per exercise (by key) per completed session that has at least one completed set of it.
CREATE TABLE exercise_log (
    session_id          TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    exercise_key        TEXT    NOT NULL,
    user_id             TEXT    NOT NULL REFERENCES profiles (id),
    exercise_name       TEXT    NOT NULL,
    date                TEXT    NOT NULL,
    day                 INTEGER NOT NULL,
    started_at          INTEGER NOT NULL,
    unit                TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    completed_sets      INTEGER NOT NULL,
    working_sets        INTEGER NOT NULL,
    volume              REAL    NOT NULL,
    volume_kg           REAL    NOT NULL,
    best_e1rm           REAL,
    best_e1rm_kg        REAL,
    best_brzycki        REAL,
    heaviest            REAL,
    heaviest_kg         REAL,
    best_set_volume     REAL,
    best_set_volume_kg  REAL,
    PRIMARY KEY (session_id, exercise_key)
) STRICT;

-- History and charts of one exercise, oldest first, read from the index alone.
CREATE INDEX exercise_log_by_date ON exercise_log
    (user_id, exercise_key, date, started_at, session_id, day, unit, working_sets, volume, best_e1rm, best_brzycki,
     heaviest, exercise_name);
-- Each record is the first row of its index (highest value, then earliest).
CREATE INDEX exercise_log_best_e1rm ON exercise_log (user_id, exercise_key, best_e1rm_kg DESC, date, started_at)
    WHERE best_e1rm_kg IS NOT NULL;
CREATE INDEX exercise_log_heaviest ON exercise_log (user_id, exercise_key, heaviest_kg DESC, date, started_at)
    WHERE heaviest_kg IS NOT NULL;
CREATE INDEX exercise_log_best_set_volume ON exercise_log
    (user_id, exercise_key, best_set_volume_kg DESC, date, started_at) WHERE best_set_volume_kg IS NOT NULL;
CREATE INDEX exercise_log_session_volume ON exercise_log (user_id, exercise_key, volume_kg DESC, date, started_at)
    WHERE working_sets > 0;

-- One row per completed set of a completed session, in the order of the snapshot.
CREATE TABLE set_log (
    session_id      TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    exercise_index  INTEGER NOT NULL,
    set_index       INTEGER NOT NULL,
    user_id         TEXT    NOT NULL REFERENCES profiles (id),
    exercise_key    TEXT    NOT NULL,
    date            TEXT    NOT NULL,
    started_at      INTEGER NOT NULL,
    unit            TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    type            TEXT    NOT NULL,
    reps            INTEGER,
    weight          REAL,
    rpe             REAL,
    working         INTEGER NOT NULL CHECK (working IN (0, 1)),
    e1rm            REAL,
    weight_kg       REAL,
    PRIMARY KEY (session_id, exercise_index, set_index)
) STRICT;

-- Rep maxes: the heaviest working set for each number of reps, earliest first on a tie.
CREATE INDEX set_log_rep_max ON set_log (user_id, exercise_key, reps, weight_kg DESC, date, started_at)
    WHERE working = 1;
-- Most reps at a weight: the last entry of each weight is its most reps.
CREATE INDEX set_log_reps_at_weight ON set_log (user_id, exercise_key, weight_kg, reps DESC, date, started_at)
    WHERE working = 1;

-- Renames and merges of exercises, applied when reading: a snapshot is never rewritten. Every
-- alias points straight at a key that is not itself an alias (the service keeps chains flat); a
-- row whose alias_key equals its target_key only names an exercise (a rename that changes case).
CREATE TABLE exercise_aliases (
    user_id      TEXT    NOT NULL REFERENCES profiles (id),
    alias_key    TEXT    NOT NULL CHECK (length(alias_key) BETWEEN 1 AND 120),
    target_key   TEXT    NOT NULL CHECK (length(target_key) BETWEEN 1 AND 120),
    target_name  TEXT    NOT NULL CHECK (length(target_name) BETWEEN 1 AND 120),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (user_id, alias_key)
) STRICT;

CREATE INDEX exercise_aliases_by_target ON exercise_aliases (user_id, target_key);

-- Per-profile settings of the progress side (bar weight, plates owned, what new sets are prefilled from).
CREATE TABLE profile_settings (
    user_id  TEXT NOT NULL REFERENCES profiles (id),
    key      TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 60),
    value    TEXT NOT NULL CHECK (length(value) <= 4000),
    PRIMARY KEY (user_id, key)
) STRICT;

-- Deleting a session deletes what was derived from it, whatever path deletes it and even with
-- foreign keys off (the cascades above say the same).
CREATE TRIGGER sessions_forget_derived
AFTER DELETE ON sessions
BEGIN
    DELETE FROM set_log WHERE session_id = OLD.id;
    DELETE FROM exercise_log WHERE session_id = OLD.id;
    DELETE FROM session_log WHERE session_id = OLD.id;
END;
