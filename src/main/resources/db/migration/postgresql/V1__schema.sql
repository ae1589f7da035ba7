-- Setwise on PostgreSQL (`setwise serve --database postgresql://…`, docs/decisions/0037): the schema
-- that SQLite reaches through db/migration/sqlite V1-V7, with the same rules. Times are epoch
-- milliseconds (bigint), dates 'YYYY-MM-DD' text, ids uuid, snapshots jsonb objects.
--
-- Row-level security on every table: a transaction sees and writes only the rows of the profile
-- it declares (SET LOCAL setwise.user_id = '<uuid>'); the administrative commands (profile, token,
-- migrate) declare setwise.all_profiles = 'on'. A transaction that declares neither sees no row.
-- FORCE makes the policies bind the owner of the tables too; `setwise serve` refuses to run as a
-- superuser or a role with BYPASSRLS, which no policy binds.

CREATE FUNCTION setwise_caller() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT nullif(current_setting('setwise.user_id', true), '')::uuid $$;

CREATE FUNCTION setwise_all_profiles() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT coalesce(current_setting('setwise.all_profiles', true), '') = 'on' $$;

-- A rule broken: the same words as the SQLite schema's RAISE(ABORT, …).
CREATE FUNCTION setwise_refuse(message text) RETURNS void
    LANGUAGE plpgsql
    AS $$ BEGIN RAISE EXCEPTION '%', message USING ERRCODE = 'check_violation'; END $$;

-- ---------------------------------------------------------------- profiles

CREATE TABLE profiles (
    id          uuid    NOT NULL PRIMARY KEY,
    name        text    NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 60),
    unit        text    NOT NULL DEFAULT 'kg' CHECK (unit IN ('kg', 'lb')),
    created_at  bigint  NOT NULL
);

CREATE UNIQUE INDEX profiles_name_unique ON profiles ((lower(name) COLLATE "C"));

-- The head of each profile's change feed: its last seq. The row lock taken on it by every write
-- of the profile (and by the feed triggers) orders the profile's changes as they commit.
CREATE TABLE feed_heads (
    user_id  uuid    NOT NULL PRIMARY KEY REFERENCES profiles (id) ON DELETE CASCADE,
    seq      bigint  NOT NULL DEFAULT 0 CHECK (seq >= 0)
);

CREATE FUNCTION profiles_open_feed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO feed_heads (user_id, seq) VALUES (NEW.id, 0);
    RETURN NULL;
END $$;

CREATE TRIGGER profiles_open_feed AFTER INSERT ON profiles
    FOR EACH ROW EXECUTE FUNCTION profiles_open_feed();

-- The next position in the owner's feed. Waits while another transaction of the owner holds the
-- head, so positions become visible in the order they are given out (decision 0021).
CREATE FUNCTION setwise_next_seq(owner uuid) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    given bigint;
BEGIN
    UPDATE feed_heads SET seq = seq + 1 WHERE user_id = owner RETURNING seq INTO given;
    IF given IS NULL THEN
        PERFORM setwise_refuse('the change feed of this profile is missing');
    END IF;
    RETURN given;
END $$;

-- ---------------------------------------------------------------- plans

CREATE TABLE plans (
    id              uuid     NOT NULL PRIMARY KEY,
    user_id         uuid     NOT NULL REFERENCES profiles (id),
    name            text     NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 120),
    exercise_count  integer  NOT NULL CHECK (exercise_count >= 0),
    has_sessions    integer  NOT NULL DEFAULT 0 CHECK (has_sessions IN (0, 1)),
    archived        integer  NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at      bigint   NOT NULL,
    updated_at      bigint   NOT NULL,
    version         bigint   NOT NULL DEFAULT 1 CHECK (version >= 1),
    structure       jsonb    NOT NULL CHECK (jsonb_typeof(structure) = 'object')
);

CREATE INDEX plans_by_owner ON plans (user_id, archived, (lower(name) COLLATE "C"));

CREATE FUNCTION plans_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A plan that sessions refer to may be archived but never un-flagged.
    IF OLD.has_sessions = 1 AND NEW.has_sessions = 0 THEN
        PERFORM setwise_refuse('has_sessions cannot be cleared');
    END IF;
    -- Content changes only with the version raised by one (has_sessions is not content: decision 0020).
    IF NEW.version IS DISTINCT FROM OLD.version + 1
       AND (NEW.version IS DISTINCT FROM OLD.version
            OR NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id
            OR NEW.name IS DISTINCT FROM OLD.name OR NEW.structure IS DISTINCT FROM OLD.structure
            OR NEW.exercise_count IS DISTINCT FROM OLD.exercise_count OR NEW.archived IS DISTINCT FROM OLD.archived
            OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.updated_at IS DISTINCT FROM OLD.updated_at) THEN
        PERFORM setwise_refuse('a plan changes only with its version raised by one');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER plans_rules BEFORE UPDATE ON plans FOR EACH ROW EXECUTE FUNCTION plans_rules();

-- ---------------------------------------------------------------- sessions

CREATE TABLE sessions (
    id                   uuid              NOT NULL PRIMARY KEY,
    user_id              uuid              NOT NULL REFERENCES profiles (id),
    plan_id              uuid              REFERENCES plans (id),
    date                 text              NOT NULL CHECK (date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    started_at           bigint            NOT NULL,
    ended_at             bigint            CHECK (ended_at IS NULL OR ended_at >= started_at),
    name                 text              NOT NULL,
    unit                 text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    exercise_count       integer           NOT NULL CHECK (exercise_count >= 0),
    set_count            integer           NOT NULL CHECK (set_count >= 0),
    completed_set_count  integer           NOT NULL CHECK (completed_set_count BETWEEN 0 AND set_count),
    volume               double precision  NOT NULL CHECK (volume >= 0),
    created_at           bigint            NOT NULL,
    updated_at           bigint            NOT NULL,
    version              bigint            NOT NULL DEFAULT 1 CHECK (version >= 1),
    session              jsonb             NOT NULL CHECK (jsonb_typeof(session) = 'object')
);

-- At most one in-progress session per profile.
CREATE UNIQUE INDEX sessions_one_in_progress ON sessions (user_id) WHERE ended_at IS NULL;

CREATE INDEX sessions_by_started ON sessions (user_id, started_at, id);
CREATE INDEX sessions_by_date ON sessions (user_id, date, started_at, id);
CREATE INDEX sessions_by_ended ON sessions (user_id, coalesce(ended_at, 9223372036854775807), started_at, id);
CREATE INDEX sessions_by_plan ON sessions (user_id, plan_id, started_at, id);

-- ---------------------------------------------------------------- amendments (decision 0022)

CREATE TABLE session_amendments (
    session_id           uuid              NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    user_id              uuid              NOT NULL REFERENCES profiles (id),
    version              bigint            NOT NULL CHECK (version >= 2),
    reason               text              NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 500),
    at                   bigint            NOT NULL,
    name                 text              NOT NULL,
    unit                 text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    exercise_count       integer           NOT NULL CHECK (exercise_count >= 0),
    set_count            integer           NOT NULL CHECK (set_count >= 0),
    completed_set_count  integer           NOT NULL CHECK (completed_set_count BETWEEN 0 AND set_count),
    volume               double precision  NOT NULL CHECK (volume >= 0),
    session              jsonb             NOT NULL CHECK (jsonb_typeof(session) = 'object'),
    PRIMARY KEY (session_id, version)
);

CREATE FUNCTION sessions_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.plan_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM plans WHERE id = NEW.plan_id AND user_id = NEW.user_id) THEN
        PERFORM setwise_refuse('plan belongs to another profile');
    END IF;
    IF setwise_id_deleted('session', NEW.id) THEN
        PERFORM setwise_refuse('this session id was used by a deleted session');
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION sessions_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL THEN
        -- A completed session never changes what it recorded; its one update follows its newest
        -- amendment: one version on, summary and time exactly those of that amendment.
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id
           OR NEW.plan_id IS DISTINCT FROM OLD.plan_id OR NEW.date IS DISTINCT FROM OLD.date
           OR NEW.started_at IS DISTINCT FROM OLD.started_at OR NEW.ended_at IS DISTINCT FROM OLD.ended_at
           OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.session IS DISTINCT FROM OLD.session
           OR NEW.version IS DISTINCT FROM OLD.version + 1
           OR NOT EXISTS (SELECT 1 FROM session_amendments a
                          WHERE a.session_id = NEW.id AND a.version = NEW.version AND a.user_id = NEW.user_id
                            AND a.at = NEW.updated_at AND a.name = NEW.name AND a.unit = NEW.unit
                            AND a.exercise_count = NEW.exercise_count AND a.set_count = NEW.set_count
                            AND a.completed_set_count = NEW.completed_set_count AND a.volume = NEW.volume) THEN
            PERFORM setwise_refuse('completed session is immutable');
        END IF;
    ELSIF NEW.version IS DISTINCT FROM OLD.version + 1
       AND (NEW.version IS DISTINCT FROM OLD.version
            OR NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id
            OR NEW.plan_id IS DISTINCT FROM OLD.plan_id OR NEW.date IS DISTINCT FROM OLD.date
            OR NEW.started_at IS DISTINCT FROM OLD.started_at OR NEW.ended_at IS DISTINCT FROM OLD.ended_at
            OR NEW.name IS DISTINCT FROM OLD.name OR NEW.unit IS DISTINCT FROM OLD.unit
            OR NEW.exercise_count IS DISTINCT FROM OLD.exercise_count OR NEW.set_count IS DISTINCT FROM OLD.set_count
            OR NEW.completed_set_count IS DISTINCT FROM OLD.completed_set_count
            OR NEW.volume IS DISTINCT FROM OLD.volume OR NEW.created_at IS DISTINCT FROM OLD.created_at
            OR NEW.updated_at IS DISTINCT FROM OLD.updated_at OR NEW.session IS DISTINCT FROM OLD.session) THEN
        PERFORM setwise_refuse('a session changes only with its version raised by one');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER sessions_before_insert BEFORE INSERT ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_before_insert();
CREATE TRIGGER sessions_before_update BEFORE UPDATE ON sessions
    FOR EACH ROW EXECUTE FUNCTION sessions_before_update();

CREATE FUNCTION session_amendments_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM sessions
                       WHERE id = NEW.session_id AND user_id = NEW.user_id AND ended_at IS NOT NULL
                         AND version + 1 = NEW.version) THEN
            PERFORM setwise_refuse('an amendment follows the completed session it amends, one version on');
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        PERFORM setwise_refuse('a session amendment never changes');
    ELSIF EXISTS (SELECT 1 FROM sessions WHERE id = OLD.session_id) THEN
        PERFORM setwise_refuse('a session amendment is kept as long as its session');
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER session_amendments_rules BEFORE INSERT OR UPDATE OR DELETE ON session_amendments
    FOR EACH ROW EXECUTE FUNCTION session_amendments_rules();

-- ---------------------------------------------------------------- the change feed (decision 0021)

CREATE TABLE changes (
    user_id      uuid     NOT NULL REFERENCES profiles (id) ON DELETE CASCADE,
    entity_type  text     NOT NULL CHECK (entity_type IN ('plan', 'session')),
    entity_id    uuid     NOT NULL,
    seq          bigint   NOT NULL CHECK (seq >= 1),
    version      bigint   NOT NULL CHECK (version >= 1),
    deleted      integer  NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    PRIMARY KEY (entity_type, entity_id)
);

CREATE UNIQUE INDEX changes_by_owner ON changes (user_id, seq);

CREATE FUNCTION changes_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF OLD.deleted = 1 THEN
            PERFORM setwise_refuse('a tombstone is kept forever and never changes');
        END IF;
        IF NEW.user_id IS DISTINCT FROM OLD.user_id OR NEW.entity_type IS DISTINCT FROM OLD.entity_type
           OR NEW.entity_id IS DISTINCT FROM OLD.entity_id OR NEW.seq <= OLD.seq OR NEW.version <= OLD.version THEN
            PERFORM setwise_refuse('the change feed only moves forward');
        END IF;
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM profiles WHERE id = OLD.user_id) THEN
        PERFORM setwise_refuse('the change feed is append-only');
    END IF;
    RETURN OLD;
END $$;

CREATE TRIGGER changes_rules BEFORE UPDATE OR DELETE ON changes
    FOR EACH ROW EXECUTE FUNCTION changes_rules();

-- Ids are unique across profiles, and the id of a deleted plan or session stays taken by its
-- tombstone. This answers yes or no about any profile's feed: it declares setwise.all_profiles
-- for its one query and puts back what was declared before (a failure rolls the transaction, or
-- its savepoint, back with the setting).
CREATE FUNCTION setwise_id_in_feed(kind text, entity uuid, only_deleted boolean) RETURNS boolean
    LANGUAGE plpgsql AS $$
DECLARE
    before text := coalesce(current_setting('setwise.all_profiles', true), '');
    found boolean;
BEGIN
    PERFORM set_config('setwise.all_profiles', 'on', true);
    SELECT EXISTS (SELECT 1 FROM changes WHERE entity_type = kind AND entity_id = entity
                   AND (deleted = 1 OR NOT only_deleted)) INTO found;
    PERFORM set_config('setwise.all_profiles', before, true);
    RETURN found;
END $$;

CREATE FUNCTION setwise_id_taken(kind text, entity uuid) RETURNS boolean
    LANGUAGE sql AS $$ SELECT setwise_id_in_feed(kind, entity, false) $$;
CREATE FUNCTION setwise_id_deleted(kind text, entity uuid) RETURNS boolean
    LANGUAGE sql AS $$ SELECT setwise_id_in_feed(kind, entity, true) $$;

CREATE FUNCTION plans_before_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF setwise_id_deleted('plan', NEW.id) THEN
        PERFORM setwise_refuse('this plan id was used by a deleted plan');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER plans_before_insert BEFORE INSERT ON plans
    FOR EACH ROW EXECUTE FUNCTION plans_before_insert();

-- Created, changed (a new version), deleted (a tombstone one version later): plans and sessions alike.
CREATE FUNCTION feed_follows() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind text := CASE TG_TABLE_NAME WHEN 'plans' THEN 'plan' ELSE 'session' END;
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO changes (user_id, entity_type, entity_id, seq, version, deleted)
        VALUES (NEW.user_id, kind, NEW.id, setwise_next_seq(NEW.user_id), NEW.version, 0);
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW.version IS DISTINCT FROM OLD.version THEN
            UPDATE changes SET seq = setwise_next_seq(NEW.user_id), version = NEW.version
            WHERE entity_type = kind AND entity_id = NEW.id;
        END IF;
    ELSE
        UPDATE changes SET seq = setwise_next_seq(OLD.user_id), version = OLD.version + 1, deleted = 1
        WHERE entity_type = kind AND entity_id = OLD.id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER plans_feed AFTER INSERT OR UPDATE OR DELETE ON plans
    FOR EACH ROW EXECUTE FUNCTION feed_follows();
CREATE TRIGGER sessions_feed AFTER INSERT OR UPDATE OR DELETE ON sessions
    FOR EACH ROW EXECUTE FUNCTION feed_follows();

-- ---------------------------------------------------------------- audit log

CREATE TABLE audit_log (
    id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id      uuid    NOT NULL REFERENCES profiles (id),
    action       text    NOT NULL,
    entity_type  text    NOT NULL,
    entity_id    text    NOT NULL,
    at           bigint  NOT NULL,
    details      jsonb   NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object')
);

CREATE INDEX audit_log_by_owner ON audit_log (user_id, id);

CREATE FUNCTION append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM setwise_refuse(TG_ARGV[0]);
    RETURN NULL;
END $$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION append_only('audit log is append-only');
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION append_only('audit log is append-only');

-- ---------------------------------------------------------------- API tokens and idempotency keys

CREATE TABLE api_tokens (
    id          text    NOT NULL PRIMARY KEY CHECK (id ~ '^[0-9a-f]{12}$'),
    user_id     uuid    NOT NULL REFERENCES profiles (id),
    label       text    CHECK (label IS NULL OR length(btrim(label)) BETWEEN 1 AND 100),
    token_hash  bytea   NOT NULL CHECK (octet_length(token_hash) = 32),
    created_at  bigint  NOT NULL,
    revoked_at  bigint  CHECK (revoked_at IS NULL OR revoked_at >= created_at)
);

CREATE INDEX api_tokens_by_owner ON api_tokens (user_id, created_at);

CREATE FUNCTION api_tokens_only_revoke() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.revoked_at IS NOT NULL
       OR NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id
       OR NEW.label IS DISTINCT FROM OLD.label OR NEW.token_hash IS DISTINCT FROM OLD.token_hash
       OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
        PERFORM setwise_refuse('an API token can only be revoked, once');
    END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER api_tokens_only_revoke BEFORE UPDATE ON api_tokens
    FOR EACH ROW EXECUTE FUNCTION api_tokens_only_revoke();

CREATE TABLE idempotency_keys (
    user_id      uuid     NOT NULL REFERENCES profiles (id),
    key          text     NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint  bytea    NOT NULL CHECK (octet_length(fingerprint) = 32),
    status       integer  NOT NULL CHECK (status BETWEEN 200 AND 299),
    location     text,
    etag         text,
    body         bytea    NOT NULL,
    created_at   bigint   NOT NULL,
    PRIMARY KEY (user_id, key)
);

-- Expiry sweeps by age, one profile at a time (row-level security scopes them).
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (user_id, created_at);

-- ---------------------------------------------------------------- imports

CREATE TABLE imports (
    id              uuid     NOT NULL PRIMARY KEY,
    user_id         uuid     NOT NULL REFERENCES profiles (id),
    source          text     NOT NULL CHECK (source IN ('setwise', 'strong', 'hevy', 'fitnotes')),
    file_name       text     NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
    sha256          text     NOT NULL CHECK (length(sha256) = 64),
    plans_added     integer  NOT NULL CHECK (plans_added >= 0),
    sessions_added  integer  NOT NULL CHECK (sessions_added >= 0),
    skipped         integer  NOT NULL CHECK (skipped >= 0),
    imported_at     bigint   NOT NULL
);

CREATE INDEX imports_by_owner_and_file ON imports (user_id, sha256, imported_at);

CREATE TRIGGER imports_no_update BEFORE UPDATE ON imports
    FOR EACH ROW EXECUTE FUNCTION append_only('import records are append-only');

-- ---------------------------------------------------------------- progress (derived, decision 0023)

CREATE TABLE session_log (
    session_id    uuid              NOT NULL PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
    user_id       uuid              NOT NULL REFERENCES profiles (id),
    date          text              NOT NULL,
    day           integer           NOT NULL,
    started_at    bigint            NOT NULL,
    unit          text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    bodyweight    double precision,
    working_sets  integer           NOT NULL,
    volume        double precision  NOT NULL
);

CREATE INDEX session_log_by_day ON session_log (user_id, day, unit, volume, working_sets);
CREATE INDEX session_log_bodyweight ON session_log (user_id, day, started_at, bodyweight, unit)
    WHERE bodyweight IS NOT NULL;

CREATE TABLE exercise_log (
    session_id          uuid              NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    exercise_key        text COLLATE "C"  NOT NULL,
    user_id             uuid              NOT NULL REFERENCES profiles (id),
    exercise_name       text              NOT NULL,
    date                text              NOT NULL,
    day                 integer           NOT NULL,
    started_at          bigint            NOT NULL,
    unit                text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    completed_sets      integer           NOT NULL,
    working_sets        integer           NOT NULL,
    volume              double precision  NOT NULL,
    volume_kg           double precision  NOT NULL,
    best_e1rm           double precision,
    best_e1rm_kg        double precision,
    best_brzycki        double precision,
    heaviest            double precision,
    heaviest_kg         double precision,
    best_set_volume     double precision,
    best_set_volume_kg  double precision,
    PRIMARY KEY (session_id, exercise_key)
);

CREATE INDEX exercise_log_by_date ON exercise_log (user_id, exercise_key, date, started_at, session_id);
CREATE INDEX exercise_log_best_e1rm ON exercise_log (user_id, exercise_key, best_e1rm_kg DESC, date, started_at)
    WHERE best_e1rm_kg IS NOT NULL;
CREATE INDEX exercise_log_heaviest ON exercise_log (user_id, exercise_key, heaviest_kg DESC, date, started_at)
    WHERE heaviest_kg IS NOT NULL;
CREATE INDEX exercise_log_best_set_volume ON exercise_log
    (user_id, exercise_key, best_set_volume_kg DESC, date, started_at) WHERE best_set_volume_kg IS NOT NULL;
CREATE INDEX exercise_log_session_volume ON exercise_log (user_id, exercise_key, volume_kg DESC, date, started_at)
    WHERE working_sets > 0;

CREATE TABLE set_log (
    session_id      uuid              NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    exercise_index  integer           NOT NULL,
    set_index       integer           NOT NULL,
    user_id         uuid              NOT NULL REFERENCES profiles (id),
    exercise_key    text COLLATE "C"  NOT NULL,
    date            text              NOT NULL,
    started_at      bigint            NOT NULL,
    unit            text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    type            text              NOT NULL,
    reps            integer,
    weight          double precision,
    rpe             double precision,
    working         integer           NOT NULL CHECK (working IN (0, 1)),
    e1rm            double precision,
    weight_kg       double precision,
    PRIMARY KEY (session_id, exercise_index, set_index)
);

CREATE INDEX set_log_rep_max ON set_log (user_id, exercise_key, reps, weight_kg DESC, date, started_at)
    WHERE working = 1;
CREATE INDEX set_log_reps_at_weight ON set_log (user_id, exercise_key, weight_kg, reps DESC, date, started_at)
    WHERE working = 1;

CREATE TABLE exercise_aliases (
    user_id      uuid              NOT NULL REFERENCES profiles (id),
    alias_key    text COLLATE "C"  NOT NULL CHECK (length(alias_key) BETWEEN 1 AND 120),
    target_key   text COLLATE "C"  NOT NULL CHECK (length(target_key) BETWEEN 1 AND 120),
    target_name  text              NOT NULL CHECK (length(target_name) BETWEEN 1 AND 120),
    created_at   bigint            NOT NULL,
    PRIMARY KEY (user_id, alias_key)
);

CREATE INDEX exercise_aliases_by_target ON exercise_aliases (user_id, target_key);

CREATE TABLE profile_settings (
    user_id  uuid  NOT NULL REFERENCES profiles (id),
    key      text  NOT NULL CHECK (length(key) BETWEEN 1 AND 60),
    value    text  NOT NULL CHECK (length(value) <= 4000),
    PRIMARY KEY (user_id, key)
);

CREATE TABLE period_totals (
    user_id           uuid              NOT NULL REFERENCES profiles (id),
    period            text              NOT NULL CHECK (period IN ('week', 'month')),
    start_day         integer           NOT NULL,
    unit              text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    sessions          integer           NOT NULL,
    working_sets      integer           NOT NULL,
    volume            double precision  NOT NULL,
    bodyweight_sum    double precision  NOT NULL,
    bodyweight_count  integer           NOT NULL,
    PRIMARY KEY (user_id, period, start_day, unit)
);

CREATE TABLE exercise_period_totals (
    user_id       uuid              NOT NULL REFERENCES profiles (id),
    exercise_key  text COLLATE "C"  NOT NULL,
    period        text              NOT NULL CHECK (period IN ('week', 'month')),
    start_day     integer           NOT NULL,
    unit          text              NOT NULL CHECK (unit IN ('kg', 'lb')),
    sessions      integer           NOT NULL,
    volume        double precision  NOT NULL,
    best_e1rm     double precision,
    best_brzycki  double precision,
    PRIMARY KEY (user_id, exercise_key, period, start_day, unit)
);

-- The Monday of the week of `day`, and the first of the month of `date`, as days since 1970-01-01.
CREATE FUNCTION setwise_week_start(day integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT day - ((day + 3) % 7) $$;
CREATE FUNCTION setwise_month_start(date text) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (to_date(substr(date, 1, 8) || '01', 'YYYY-MM-DD') - DATE '1970-01-01') $$;
CREATE FUNCTION setwise_day_text(day integer) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT to_char(DATE '1970-01-01' + day, 'YYYY-MM-DD') $$;

CREATE FUNCTION session_log_periods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO period_totals AS t (user_id, period, start_day, unit, sessions, working_sets, volume,
                                        bodyweight_sum, bodyweight_count)
        VALUES (NEW.user_id, 'week', setwise_week_start(NEW.day), NEW.unit, 1, NEW.working_sets, NEW.volume,
                coalesce(NEW.bodyweight, 0), CASE WHEN NEW.bodyweight IS NULL THEN 0 ELSE 1 END),
               (NEW.user_id, 'month', setwise_month_start(NEW.date), NEW.unit, 1, NEW.working_sets, NEW.volume,
                coalesce(NEW.bodyweight, 0), CASE WHEN NEW.bodyweight IS NULL THEN 0 ELSE 1 END)
        ON CONFLICT (user_id, period, start_day, unit) DO UPDATE SET sessions = t.sessions + 1,
            working_sets = t.working_sets + excluded.working_sets, volume = t.volume + excluded.volume,
            bodyweight_sum = t.bodyweight_sum + excluded.bodyweight_sum,
            bodyweight_count = t.bodyweight_count + excluded.bodyweight_count;
        RETURN NULL;
    END IF;
    UPDATE period_totals SET sessions = sessions - 1, working_sets = working_sets - OLD.working_sets,
        volume = volume - OLD.volume, bodyweight_sum = bodyweight_sum - coalesce(OLD.bodyweight, 0),
        bodyweight_count = bodyweight_count - CASE WHEN OLD.bodyweight IS NULL THEN 0 ELSE 1 END
    WHERE user_id = OLD.user_id AND unit = OLD.unit
      AND ((period = 'week' AND start_day = setwise_week_start(OLD.day))
        OR (period = 'month' AND start_day = setwise_month_start(OLD.date)));
    DELETE FROM period_totals WHERE user_id = OLD.user_id AND unit = OLD.unit AND sessions <= 0;
    RETURN NULL;
END $$;

CREATE TRIGGER session_log_periods AFTER INSERT OR DELETE ON session_log
    FOR EACH ROW EXECUTE FUNCTION session_log_periods();

CREATE FUNCTION exercise_log_periods() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    week integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.working_sets > 0 THEN
            INSERT INTO exercise_period_totals AS t (user_id, exercise_key, period, start_day, unit, sessions, volume,
                                                     best_e1rm, best_brzycki)
            VALUES (NEW.user_id, NEW.exercise_key, 'week', setwise_week_start(NEW.day), NEW.unit, 1, NEW.volume,
                    NEW.best_e1rm, NEW.best_brzycki),
                   (NEW.user_id, NEW.exercise_key, 'month', setwise_month_start(NEW.date), NEW.unit, 1, NEW.volume,
                    NEW.best_e1rm, NEW.best_brzycki)
            ON CONFLICT (user_id, exercise_key, period, start_day, unit) DO UPDATE SET sessions = t.sessions + 1,
                volume = t.volume + excluded.volume,
                best_e1rm = CASE WHEN t.best_e1rm IS NULL OR excluded.best_e1rm > t.best_e1rm
                                 THEN excluded.best_e1rm ELSE t.best_e1rm END,
                best_brzycki = CASE WHEN t.best_brzycki IS NULL OR excluded.best_brzycki > t.best_brzycki
                                    THEN excluded.best_brzycki ELSE t.best_brzycki END;
        END IF;
        RETURN NULL;
    END IF;
    IF OLD.working_sets <= 0 THEN
        RETURN NULL;
    END IF;
    -- A best cannot be subtracted: it is read again from the sessions left in that week or month.
    week := setwise_week_start(OLD.day);
    UPDATE exercise_period_totals SET sessions = sessions - 1, volume = volume - OLD.volume,
        best_e1rm = (SELECT max(e.best_e1rm) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN setwise_day_text(week) AND setwise_day_text(week + 6)),
        best_brzycki = (SELECT max(e.best_brzycki) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN setwise_day_text(week) AND setwise_day_text(week + 6))
    WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key AND unit = OLD.unit AND period = 'week'
      AND start_day = week;
    UPDATE exercise_period_totals SET sessions = sessions - 1, volume = volume - OLD.volume,
        best_e1rm = (SELECT max(e.best_e1rm) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN substr(OLD.date, 1, 8) || '01' AND substr(OLD.date, 1, 8) || '31'),
        best_brzycki = (SELECT max(e.best_brzycki) FROM exercise_log e WHERE e.user_id = OLD.user_id
            AND e.exercise_key = OLD.exercise_key AND e.unit = OLD.unit AND e.working_sets > 0
            AND e.date BETWEEN substr(OLD.date, 1, 8) || '01' AND substr(OLD.date, 1, 8) || '31')
    WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key AND unit = OLD.unit AND period = 'month'
      AND start_day = setwise_month_start(OLD.date);
    DELETE FROM exercise_period_totals WHERE user_id = OLD.user_id AND exercise_key = OLD.exercise_key
        AND unit = OLD.unit AND sessions <= 0;
    RETURN NULL;
END $$;

CREATE TRIGGER exercise_log_periods AFTER INSERT OR DELETE ON exercise_log
    FOR EACH ROW EXECUTE FUNCTION exercise_log_periods();

-- ---------------------------------------------------------------- row-level security

DO $$
DECLARE
    owned text[] := ARRAY['feed_heads', 'plans', 'sessions', 'session_amendments', 'changes', 'audit_log',
                          'idempotency_keys', 'imports', 'session_log', 'exercise_log', 'set_log',
                          'exercise_aliases', 'profile_settings', 'period_totals', 'exercise_period_totals'];
    t text;
BEGIN
    FOREACH t IN ARRAY owned LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY own_rows ON %I USING (user_id = setwise_caller()) '
                       'WITH CHECK (user_id = setwise_caller())', t);
        EXECUTE format('CREATE POLICY administration ON %I USING (setwise_all_profiles()) '
                       'WITH CHECK (setwise_all_profiles())', t);
    END LOOP;
END $$;

ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE profiles FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON profiles USING (id = setwise_caller()) WITH CHECK (id = setwise_caller());
CREATE POLICY administration ON profiles USING (setwise_all_profiles()) WITH CHECK (setwise_all_profiles());

-- A presented token is looked up by its public id before anyone is known: the transaction that
-- checks it declares that id (setwise.token_id) and sees that one row, to compare its hash.
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON api_tokens USING (user_id = setwise_caller()) WITH CHECK (user_id = setwise_caller());
CREATE POLICY administration ON api_tokens USING (setwise_all_profiles()) WITH CHECK (setwise_all_profiles());
CREATE POLICY presented ON api_tokens FOR SELECT
    USING (id = nullif(current_setting('setwise.token_id', true), ''));
