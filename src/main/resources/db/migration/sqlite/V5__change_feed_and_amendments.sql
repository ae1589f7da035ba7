-- The change feed of contract §5.1 (docs/decisions/0021).
--
-- One row per plan or session that ever existed, written by triggers in the transaction of the
-- change itself, so no path into the data (service, import, a script) can forget it. `seq` is the
-- profile's change counter: every change of an entity gives its row the next number of its owner,
-- so the row moves to the end of the feed. A reader that pages through `seq > cursor` sees each
-- entity once per page with its latest state, and an entity changed after the reader passed it
-- comes again, later. A deleted entity keeps its row as a tombstone (`deleted` = 1), forever.
CREATE TABLE changes (
    user_id      TEXT    NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    entity_type  TEXT    NOT NULL CHECK (entity_type IN ('plan', 'session')),
    entity_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq >= 1),
    version      INTEGER NOT NULL CHECK (version >= 1),
    deleted      INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    PRIMARY KEY (entity_type, entity_id)
) STRICT, WITHOUT ROWID;

-- The feed of one profile, in the order of its changes.
CREATE UNIQUE INDEX changes_by_owner ON changes (user_id, seq);

-- What exists now enters the feed as it is: plans first (a session's plan comes before it), each
-- kind in the order of its last change.
INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
SELECT user_id, entity_type, entity_id,
       row_number() OVER (PARTITION BY user_id ORDER BY kind, updated_at, entity_id), version, 0
FROM (SELECT user_id, 'plan' AS entity_type, id AS entity_id, 0 AS kind, updated_at, version FROM plans
      UNION ALL
      SELECT user_id, 'session', id, 1, updated_at, version FROM sessions);

-- A row only moves forward: to a later place in its owner's feed, to a later version. A tombstone
-- never changes, and no row is removed while its profile exists.
CREATE TRIGGER changes_move_forward
BEFORE UPDATE ON changes
WHEN NEW.user_id IS NOT OLD.user_id OR NEW.entity_type IS NOT OLD.entity_type
  OR NEW.entity_id IS NOT OLD.entity_id OR NEW.seq <= OLD.seq OR NEW.version <= OLD.version
BEGIN
    SELECT RAISE(ABORT, 'the change feed only moves forward');
END;

CREATE TRIGGER changes_tombstones_are_kept
BEFORE UPDATE ON changes
WHEN OLD.deleted = 1
BEGIN
    SELECT RAISE(ABORT, 'a tombstone is kept forever and never changes');
END;

CREATE TRIGGER changes_are_kept
BEFORE DELETE ON changes
WHEN EXISTS (SELECT 1 FROM profiles WHERE id = OLD.user_id)
BEGIN
    SELECT RAISE(ABORT, 'the change feed is append-only');
END;

-- The id of a deleted plan or session is never used again: its tombstone still speaks for it.
CREATE TRIGGER plans_ids_of_the_deleted_stay_unused
BEFORE INSERT ON plans
WHEN EXISTS (SELECT 1 FROM changes WHERE entity_type = 'plan' AND entity_id = NEW.id AND deleted = 1)
BEGIN
    SELECT RAISE(ABORT, 'this plan id was used by a deleted plan');
END;

CREATE TRIGGER sessions_ids_of_the_deleted_stay_unused
BEFORE INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM changes WHERE entity_type = 'session' AND entity_id = NEW.id AND deleted = 1)
BEGIN
    SELECT RAISE(ABORT, 'this session id was used by a deleted session');
END;

-- Plans: created, changed (a new version), deleted (a tombstone one version later).
CREATE TRIGGER plans_feed_created
AFTER INSERT ON plans
BEGIN
    INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
    VALUES (NEW.user_id, 'plan', NEW.id,
            (SELECT ifnull(max(seq), 0) + 1 FROM changes WHERE user_id = NEW.user_id), NEW.version, 0);
END;

CREATE TRIGGER plans_feed_changed
AFTER UPDATE ON plans
WHEN NEW.version IS NOT OLD.version
BEGIN
    UPDATE changes
    SET seq = (SELECT max(seq) + 1 FROM changes WHERE user_id = NEW.user_id), version = NEW.version
    WHERE entity_type = 'plan' AND entity_id = NEW.id;
END;

CREATE TRIGGER plans_feed_deleted
AFTER DELETE ON plans
BEGIN
    UPDATE changes
    SET seq = (SELECT max(seq) + 1 FROM changes WHERE user_id = OLD.user_id), version = OLD.version + 1, deleted = 1
    WHERE entity_type = 'plan' AND entity_id = OLD.id;
END;

-- Sessions: the same.
CREATE TRIGGER sessions_feed_created
AFTER INSERT ON sessions
BEGIN
    INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
    VALUES (NEW.user_id, 'session', NEW.id,
            (SELECT ifnull(max(seq), 0) + 1 FROM changes WHERE user_id = NEW.user_id), NEW.version, 0);
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

-- Amendments (contract §5.1a, docs/decisions/0022): a completed session corrected, its original
-- kept. The session row keeps its original snapshot for ever; each amendment is a new structure
-- with a reason, one version of the session higher than the one before, never changed or removed
-- (it goes only with its session, when that is deleted). The summary columns of the session
-- follow its newest amendment, so lists and volume use it without reading any JSON.
CREATE TABLE session_amendments (
    session_id           TEXT    NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id              TEXT    NOT NULL REFERENCES profiles (id),
    version              INTEGER NOT NULL CHECK (version >= 2),
    reason               TEXT    NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
    at                   INTEGER NOT NULL,
    -- the summary of this structure, which the session's summary columns take when it is the newest
    name                 TEXT    NOT NULL,
    unit                 TEXT    NOT NULL CHECK (unit IN ('kg', 'lb')),
    exercise_count       INTEGER NOT NULL CHECK (exercise_count >= 0),
    set_count            INTEGER NOT NULL CHECK (set_count >= 0),
    completed_set_count  INTEGER NOT NULL CHECK (completed_set_count BETWEEN 0 AND set_count),
    volume               REAL    NOT NULL CHECK (volume >= 0),
    session              TEXT    NOT NULL CHECK (json_valid(session)),
    PRIMARY KEY (session_id, version)
) STRICT;

CREATE TRIGGER session_amendments_follow_their_session
BEFORE INSERT ON session_amendments
WHEN NOT EXISTS (SELECT 1 FROM sessions
                 WHERE id = NEW.session_id AND user_id = NEW.user_id AND ended_at IS NOT NULL
                   AND version + 1 = NEW.version)
BEGIN
    SELECT RAISE(ABORT, 'an amendment follows the completed session it amends, one version on');
END;

CREATE TRIGGER session_amendments_never_change
BEFORE UPDATE ON session_amendments
BEGIN
    SELECT RAISE(ABORT, 'a session amendment never changes');
END;

CREATE TRIGGER session_amendments_are_kept
BEFORE DELETE ON session_amendments
WHEN EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id)
BEGIN
    SELECT RAISE(ABORT, 'a session amendment is kept as long as its session');
END;

-- A completed session still never changes what it recorded. The one update it takes is to follow
-- its newest amendment: one version on, summary columns and time exactly those of the amendment
-- of that version, the original snapshot and every other column untouched.
DROP TRIGGER sessions_completed_immutable;

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
BEGIN
    SELECT RAISE(ABORT, 'completed session is immutable');
END;
