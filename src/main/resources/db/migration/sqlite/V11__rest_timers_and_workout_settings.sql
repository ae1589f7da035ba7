-- Local state of the desktop app's workout screen (issue 11). Not part of a session's snapshot
-- (the contract's SessionStructure is strict), never exported and never synced.

-- The rest countdown of a session in progress: when it ends and how long it was, written as it
-- starts, so closing or killing the app mid-rest loses nothing. At most one per session; only a
-- session in progress of the same profile has one; completing or deleting the session removes it.
CREATE TABLE rest_timers (
    session_id  TEXT    NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    user_id     TEXT    NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    ends_at     INTEGER NOT NULL,
    seconds     INTEGER NOT NULL CHECK (seconds BETWEEN 1 AND 7200)
) STRICT;

CREATE TRIGGER rest_timers_insert_in_progress_only
BEFORE INSERT ON rest_timers
WHEN NOT EXISTS (SELECT 1 FROM sessions
                 WHERE id = NEW.session_id AND user_id = NEW.user_id AND ended_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'a rest timer belongs to a session in progress of the same profile');
END;

CREATE TRIGGER rest_timers_update_in_progress_only
BEFORE UPDATE ON rest_timers
WHEN NOT EXISTS (SELECT 1 FROM sessions
                 WHERE id = NEW.session_id AND user_id = NEW.user_id AND ended_at IS NULL)
BEGIN
    SELECT RAISE(ABORT, 'a rest timer belongs to a session in progress of the same profile');
END;

CREATE TRIGGER sessions_completed_end_rest
AFTER UPDATE OF ended_at ON sessions
WHEN NEW.ended_at IS NOT NULL
BEGIN
    DELETE FROM rest_timers WHERE session_id = NEW.id;
END;

-- A profile's workout settings; a profile without a row has the defaults (warm-up rest 60 s).
CREATE TABLE workout_settings (
    user_id              TEXT    NOT NULL PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    warmup_rest_seconds  INTEGER NOT NULL CHECK (warmup_rest_seconds BETWEEN 0 AND 3600)
) STRICT;
