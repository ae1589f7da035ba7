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
