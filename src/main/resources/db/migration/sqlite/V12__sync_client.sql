-- The sync client of contract §5.2 (docs/decisions/0029 and 0030): per profile, the server it
-- syncs with, an outbox of local changes written by triggers in the transaction of each change,
-- what the device and the server last agreed on, and conflicts with both versions kept.

-- A profile that syncs: its server, where it is in the server's change feed, how the last sync
-- went. The token is not here: it lives in a file of the data folder readable by its owner only.
CREATE TABLE sync_profiles (
    user_id          TEXT    NOT NULL PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    server_url       TEXT    NOT NULL CHECK (length(server_url) BETWEEN 1 AND 2000),
    cursor           TEXT    CHECK (cursor IS NULL OR length(cursor) BETWEEN 1 AND 200),
    set_up_at        INTEGER NOT NULL,
    last_attempt_at  INTEGER,
    last_success_at  INTEGER,
    -- how the last sync ended (synced, offline, conflicts …) and why, when it did not succeed
    last_outcome     TEXT    CHECK (last_outcome IS NULL OR last_outcome IN
        ('synced', 'waiting', 'conflicts', 'offline', 'refused', 'failed', 'cancelled')),
    last_error       TEXT
) STRICT;

-- Holds the profile's id only inside a transaction that applies what the server sent (the row is
-- removed before that transaction commits), so the triggers below can tell those writes from the
-- user's and never echo them back to the server.
CREATE TABLE sync_applying (
    user_id  TEXT NOT NULL PRIMARY KEY
) STRICT, WITHOUT ROWID;

-- The outbox: one row per plan or session changed on this device and not yet on the server, at
-- the place of its first change not yet sent (so a plan comes before the sessions started from
-- it), with its latest local version. Every path into the data (services, import, a local serve,
-- raw SQL) goes through the triggers, in the transaction of the change itself.
CREATE TABLE sync_outbox (
    seq            INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id        TEXT    NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    entity_type    TEXT    NOT NULL CHECK (entity_type IN ('plan', 'session')),
    entity_id      TEXT    NOT NULL,
    local_version  INTEGER NOT NULL CHECK (local_version >= 1),
    deleted        INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    queued_at      INTEGER NOT NULL,
    -- why the last attempt to send it was refused (a failure the user sees), null when none
    last_error     TEXT
) STRICT;

CREATE UNIQUE INDEX sync_outbox_entity ON sync_outbox (user_id, entity_type, entity_id);
CREATE INDEX sync_outbox_order ON sync_outbox (user_id, seq);

-- What device and server last agreed on, per entity: the server's version then and the local
-- version that held the same content. A change on either side moves its version past these.
CREATE TABLE sync_entities (
    user_id         TEXT    NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    entity_type     TEXT    NOT NULL CHECK (entity_type IN ('plan', 'session')),
    entity_id       TEXT    NOT NULL,
    remote_version  INTEGER NOT NULL CHECK (remote_version >= 1),
    local_version   INTEGER NOT NULL CHECK (local_version >= 1),
    remote_state    TEXT    NOT NULL
        CHECK (remote_state IN ('active', 'archived', 'in_progress', 'completed', 'deleted')),
    -- for a plan, a digest of the name and structure agreed on, so an unchanged one is not sent again
    content_hash    TEXT,
    -- an update on its way: the server's version it makes, the local version and digest of what was
    -- sent. A 412 after a lost answer is then recognised as our own update, whatever changed here since.
    sent_remote_version  INTEGER,
    sent_local_version   INTEGER,
    sent_hash            TEXT,
    PRIMARY KEY (user_id, entity_type, entity_id)
) STRICT, WITHOUT ROWID;

-- Conflicts: both versions kept (as JSON) until the user chooses one. At most one open conflict
-- per entity; settled ones stay as a record of what was chosen.
CREATE TABLE sync_conflicts (
    id              INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    user_id         TEXT    NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    entity_type     TEXT    NOT NULL CHECK (entity_type IN ('plan', 'session')),
    entity_id       TEXT    NOT NULL,
    kind            TEXT    NOT NULL
        CHECK (kind IN ('changed_both', 'deleted_remotely', 'deleted_locally', 'two_in_progress')),
    about           TEXT    NOT NULL CHECK (length(about) BETWEEN 1 AND 400),
    local_copy      TEXT    CHECK (local_copy IS NULL OR json_valid(local_copy)),
    remote_copy     TEXT    CHECK (remote_copy IS NULL OR json_valid(remote_copy)),
    -- the id of the server's copy when it is another entity (the other session in progress)
    remote_id       TEXT,
    remote_version  INTEGER,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    resolved_at     INTEGER,
    -- the side the user kept; 'both' when the cause went away by itself (the other session ended)
    kept            TEXT    CHECK (kept IS NULL OR kept IN ('local', 'remote', 'both')),
    CHECK ((resolved_at IS NULL) = (kept IS NULL))
) STRICT;

CREATE UNIQUE INDEX sync_conflicts_open ON sync_conflicts (user_id, entity_type, entity_id)
    WHERE resolved_at IS NULL;

-- The outbox triggers: only for profiles that sync, never for what a sync applies.
CREATE TRIGGER plans_outbox_created
AFTER INSERT ON plans
WHEN EXISTS (SELECT 1 FROM sync_profiles WHERE user_id = NEW.user_id)
 AND NOT EXISTS (SELECT 1 FROM sync_applying WHERE user_id = NEW.user_id)
BEGIN
    INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at)
    VALUES (NEW.user_id, 'plan', NEW.id, NEW.version, 0,
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
    ON CONFLICT (user_id, entity_type, entity_id)
    DO UPDATE SET local_version = excluded.local_version, deleted = 0, last_error = NULL;
END;

CREATE TRIGGER plans_outbox_changed
AFTER UPDATE ON plans
WHEN NEW.version IS NOT OLD.version
 AND EXISTS (SELECT 1 FROM sync_profiles WHERE user_id = NEW.user_id)
 AND NOT EXISTS (SELECT 1 FROM sync_applying WHERE user_id = NEW.user_id)
BEGIN
    INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at)
    VALUES (NEW.user_id, 'plan', NEW.id, NEW.version, 0,
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
    ON CONFLICT (user_id, entity_type, entity_id)
    DO UPDATE SET local_version = excluded.local_version, deleted = 0, last_error = NULL;
END;

CREATE TRIGGER plans_outbox_deleted
AFTER DELETE ON plans
WHEN EXISTS (SELECT 1 FROM sync_profiles WHERE user_id = OLD.user_id)
 AND NOT EXISTS (SELECT 1 FROM sync_applying WHERE user_id = OLD.user_id)
BEGIN
    INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at)
    VALUES (OLD.user_id, 'plan', OLD.id, OLD.version + 1, 1,
            CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
    ON CONFLICT (user_id, entity_type, entity_id)
    DO UPDATE SET local_version = excluded.local_version, deleted = 1, last_error = NULL;
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

-- A sync may bring back, under its old id, something this device deleted and the server kept (a
-- plan the server archived because it has sessions there, a session kept when a conflict was
-- settled for the server's version). Only inside a sync's transaction for the same owner, and only
-- one version above the tombstone, so the feed still only moves forward. Everywhere else the id of
-- a deleted plan or session stays unused, as decision 0021 says.
DROP TRIGGER plans_ids_of_the_deleted_stay_unused;

CREATE TRIGGER plans_ids_of_the_deleted_stay_unused
BEFORE INSERT ON plans
WHEN EXISTS (SELECT 1 FROM changes c
             WHERE c.entity_type = 'plan' AND c.entity_id = NEW.id AND c.deleted = 1
               AND NOT (c.user_id = NEW.user_id AND NEW.version > c.version
                        AND EXISTS (SELECT 1 FROM sync_applying a WHERE a.user_id = NEW.user_id)))
BEGIN
    SELECT RAISE(ABORT, 'this plan id was used by a deleted plan');
END;

DROP TRIGGER sessions_ids_of_the_deleted_stay_unused;

CREATE TRIGGER sessions_ids_of_the_deleted_stay_unused
BEFORE INSERT ON sessions
WHEN EXISTS (SELECT 1 FROM changes c
             WHERE c.entity_type = 'session' AND c.entity_id = NEW.id AND c.deleted = 1
               AND NOT (c.user_id = NEW.user_id AND NEW.version > c.version
                        AND EXISTS (SELECT 1 FROM sync_applying a WHERE a.user_id = NEW.user_id)))
BEGIN
    SELECT RAISE(ABORT, 'this session id was used by a deleted session');
END;

DROP TRIGGER changes_tombstones_are_kept;

CREATE TRIGGER changes_tombstones_are_kept
BEFORE UPDATE ON changes
WHEN OLD.deleted = 1
 AND NOT (NEW.deleted = 0 AND EXISTS (SELECT 1 FROM sync_applying a WHERE a.user_id = OLD.user_id))
BEGIN
    SELECT RAISE(ABORT, 'a tombstone is kept forever and never changes');
END;

DROP TRIGGER plans_feed_created;

CREATE TRIGGER plans_feed_created
AFTER INSERT ON plans
BEGIN
    INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
    VALUES (NEW.user_id, 'plan', NEW.id,
            (SELECT ifnull(max(seq), 0) + 1 FROM changes WHERE user_id = NEW.user_id), NEW.version, 0)
    ON CONFLICT (entity_type, entity_id)
    DO UPDATE SET seq = excluded.seq, version = excluded.version, deleted = 0;
END;

DROP TRIGGER sessions_feed_created;

CREATE TRIGGER sessions_feed_created
AFTER INSERT ON sessions
BEGIN
    INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
    VALUES (NEW.user_id, 'session', NEW.id,
            (SELECT ifnull(max(seq), 0) + 1 FROM changes WHERE user_id = NEW.user_id), NEW.version, 0)
    ON CONFLICT (entity_type, entity_id)
    DO UPDATE SET seq = excluded.seq, version = excluded.version, deleted = 0;
END;
