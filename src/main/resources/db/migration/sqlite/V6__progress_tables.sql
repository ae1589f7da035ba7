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

-- Totals per week (from Monday) and per month, so that charts over years read a few hundred rows.
-- Kept by the triggers below from the rows above, which are only ever inserted and deleted.
-- start_day is days since 1970-01-01 of the week's Monday or the month's first day.
CREATE TABLE period_totals (
    user_id           TEXT    NOT NULL REFERENCES profiles (id),
    period            TEXT    NOT NULL CHECK (period IN ('week', 'month')),
    start_day         INTEGER NOT NULL,
    unit              TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    sessions          INTEGER NOT NULL,
    working_sets      INTEGER NOT NULL,
    volume            REAL    NOT NULL,
    bodyweight_sum    REAL    NOT NULL,
    bodyweight_count  INTEGER NOT NULL,
    PRIMARY KEY (user_id, period, start_day, unit)
) STRICT, WITHOUT ROWID;

CREATE TABLE exercise_period_totals (
    user_id       TEXT    NOT NULL REFERENCES profiles (id),
    exercise_key  TEXT    NOT NULL,
    period        TEXT    NOT NULL CHECK (period IN ('week', 'month')),
    start_day     INTEGER NOT NULL,
    unit          TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    sessions      INTEGER NOT NULL,
    volume        REAL    NOT NULL,
    best_e1rm     REAL,
    best_brzycki  REAL,
    PRIMARY KEY (user_id, exercise_key, period, start_day, unit)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER session_log_adds_to_periods
AFTER INSERT ON session_log
BEGIN
    INSERT INTO period_totals (user_id, period, start_day, unit, sessions, working_sets, volume, bodyweight_sum,
                               bodyweight_count)
    VALUES (NEW.user_id, 'week', NEW.day - ((NEW.day + 3) % 7), NEW.unit, 1, NEW.working_sets, NEW.volume,
            coalesce(NEW.bodyweight, 0), NEW.bodyweight IS NOT NULL)
    ON CONFLICT (user_id, period, start_day, unit) DO UPDATE SET sessions = sessions + 1,
        working_sets = working_sets + excluded.working_sets, volume = volume + excluded.volume,
        bodyweight_sum = bodyweight_sum + excluded.bodyweight_sum,
        bodyweight_count = bodyweight_count + excluded.bodyweight_count;
    INSERT INTO period_totals (user_id, period, start_day, unit, sessions, working_sets, volume, bodyweight_sum,
                               bodyweight_count)
    VALUES (NEW.user_id, 'month', CAST(julianday(substr(NEW.date, 1, 8) || '01') - 2440587.5 AS INTEGER), NEW.unit, 1,
            NEW.working_sets, NEW.volume, coalesce(NEW.bodyweight, 0), NEW.bodyweight IS NOT NULL)
    ON CONFLICT (user_id, period, start_day, unit) DO UPDATE SET sessions = sessions + 1,
        working_sets = working_sets + excluded.working_sets, volume = volume + excluded.volume,
        bodyweight_sum = bodyweight_sum + excluded.bodyweight_sum,
        bodyweight_count = bodyweight_count + excluded.bodyweight_count;
END;

CREATE TRIGGER session_log_leaves_periods
AFTER DELETE ON session_log
BEGIN
    UPDATE period_totals SET sessions = sessions - 1, working_sets = working_sets - OLD.working_sets,
        volume = volume - OLD.volume, bodyweight_sum = bodyweight_sum - coalesce(OLD.bodyweight, 0),
        bodyweight_count = bodyweight_count - (OLD.bodyweight IS NOT NULL)
    WHERE user_id = OLD.user_id AND unit = OLD.unit AND ((period = 'week' AND start_day = OLD.day - ((OLD.day + 3) % 7))
        OR (period = 'month' AND start_day = CAST(julianday(substr(OLD.date, 1, 8) || '01') - 2440587.5 AS INTEGER)));
    DELETE FROM period_totals WHERE user_id = OLD.user_id AND unit = OLD.unit AND sessions <= 0;
END;

CREATE TRIGGER exercise_log_adds_to_periods
AFTER INSERT ON exercise_log
WHEN NEW.working_sets > 0
BEGIN
    INSERT INTO exercise_period_totals (user_id, exercise_key, period, start_day, unit, sessions, volume, best_e1rm,
                                        best_brzycki)
    VALUES (NEW.user_id, NEW.exercise_key, 'week', NEW.day - ((NEW.day + 3) % 7), NEW.unit, 1, NEW.volume,
            NEW.best_e1rm, NEW.best_brzycki)
    ON CONFLICT (user_id, exercise_key, period, start_day, unit) DO UPDATE SET sessions = sessions + 1,
        volume = volume + excluded.volume,
        best_e1rm = CASE WHEN best_e1rm IS NULL OR excluded.best_e1rm > best_e1rm THEN excluded.best_e1rm
                         ELSE best_e1rm END,
        best_brzycki = CASE WHEN best_brzycki IS NULL OR excluded.best_brzycki > best_brzycki
                            THEN excluded.best_brzycki ELSE best_brzycki END;
    INSERT INTO exercise_period_totals (user_id, exercise_key, period, start_day, unit, sessions, volume, best_e1rm,
                                        best_brzycki)
    VALUES (NEW.user_id, NEW.exercise_key, 'month', CAST(julianday(substr(NEW.date, 1, 8) || '01') - 2440587.5 AS INTEGER),
            NEW.unit, 1, NEW.volume, NEW.best_e1rm, NEW.best_brzycki)
    ON CONFLICT (user_id, exercise_key, period, start_day, unit) DO UPDATE SET sessions = sessions + 1,
        volume = volume + excluded.volume,
        best_e1rm = CASE WHEN best_e1rm IS NULL OR excluded.best_e1rm > best_e1rm THEN excluded.best_e1rm
                         ELSE best_e1rm END,
        best_brzycki = CASE WHEN best_brzycki IS NULL OR excluded.best_brzycki > best_brzycki
                            THEN excluded.best_brzycki ELSE best_brzycki END;
END;

-- A best cannot be subtracted: it is read again from the sessions left in that week or month.
CREATE TRIGGER exercise_log_leaves_periods
AFTER DELETE ON exercise_log
WHEN OLD.working_sets > 0
BEGIN
    UPDATE exercise_period_totals SET sessions = sessions - 1, volume = volume - OLD.volume,
        best_e1rm = (SELECT max(best_e1rm) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN date((OLD.day - ((OLD.day + 3) % 7)) * 86400, 'unixepoch')
                           AND date((OLD.day - ((OLD.day + 3) % 7) + 6) * 86400, 'unixepoch')),
        best_brzycki = (SELECT max(best_brzycki) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN date((OLD.day - ((OLD.day + 3) % 7)) * 86400, 'unixepoch')
                           AND date((OLD.day - ((OLD.day + 3) % 7) + 6) * 86400, 'unixepoch'))
    WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key AND unit = OLD.unit AND period = 'week'
        AND start_day = OLD.day - ((OLD.day + 3) % 7);
    UPDATE exercise_period_totals SET sessions = sessions - 1, volume = volume - OLD.volume,
        best_e1rm = (SELECT max(best_e1rm) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN substr(OLD.date, 1, 8) || '01' AND substr(OLD.date, 1, 8) || '31'),
        best_brzycki = (SELECT max(best_brzycki) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN substr(OLD.date, 1, 8) || '01' AND substr(OLD.date, 1, 8) || '31')
    WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key AND unit = OLD.unit AND period = 'month'
        AND start_day = CAST(julianday(substr(OLD.date, 1, 8) || '01') - 2440587.5 AS INTEGER);
    DELETE FROM exercise_period_totals WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key
        AND unit = OLD.unit AND sessions <= 0;
END;
