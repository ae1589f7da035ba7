-- A completed session may be given its stored summary text (docs/decisions/0066), as SQLite's
-- sessions_completed_immutable allows since V18 there: summary and summary_version only, at the
-- same version, every other column as it was. The Java migration that follows (V25) gives the rows
-- written before V23 their text; nothing else may change a completed session. The rest of the
-- function is that of V1, unchanged.
CREATE OR REPLACE FUNCTION sessions_before_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.ended_at IS NOT NULL THEN
        -- A completed session never changes what it recorded; its one update follows its newest
        -- amendment: one version on, summary and time exactly those of that amendment.
        IF (NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id
            OR NEW.plan_id IS DISTINCT FROM OLD.plan_id OR NEW.date IS DISTINCT FROM OLD.date
            OR NEW.started_at IS DISTINCT FROM OLD.started_at OR NEW.ended_at IS DISTINCT FROM OLD.ended_at
            OR NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.session IS DISTINCT FROM OLD.session
            OR NEW.version IS DISTINCT FROM OLD.version + 1
            OR NOT EXISTS (SELECT 1 FROM session_amendments a
                           WHERE a.session_id = NEW.id AND a.version = NEW.version AND a.user_id = NEW.user_id
                             AND a.at = NEW.updated_at AND a.name = NEW.name AND a.unit = NEW.unit
                             AND a.exercise_count = NEW.exercise_count AND a.set_count = NEW.set_count
                             AND a.completed_set_count = NEW.completed_set_count AND a.volume = NEW.volume))
           -- or its stored summary, and nothing else, at the same version
           AND (NEW.version IS DISTINCT FROM OLD.version
                OR NEW.id IS DISTINCT FROM OLD.id OR NEW.user_id IS DISTINCT FROM OLD.user_id
                OR NEW.plan_id IS DISTINCT FROM OLD.plan_id OR NEW.date IS DISTINCT FROM OLD.date
                OR NEW.started_at IS DISTINCT FROM OLD.started_at OR NEW.ended_at IS DISTINCT FROM OLD.ended_at
                OR NEW.name IS DISTINCT FROM OLD.name OR NEW.unit IS DISTINCT FROM OLD.unit
                OR NEW.exercise_count IS DISTINCT FROM OLD.exercise_count
                OR NEW.set_count IS DISTINCT FROM OLD.set_count
                OR NEW.completed_set_count IS DISTINCT FROM OLD.completed_set_count
                OR NEW.volume IS DISTINCT FROM OLD.volume OR NEW.created_at IS DISTINCT FROM OLD.created_at
                OR NEW.updated_at IS DISTINCT FROM OLD.updated_at OR NEW.session IS DISTINCT FROM OLD.session) THEN
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
