-- A profile can be deleted with everything it holds, on PostgreSQL as on SQLite (V16 there,
-- docs/decisions/0036 and 0049): its plans, sessions, amendments, tokens, keys, derived rows,
-- totals, change feed and, here, its own audit log.
--
-- The audit log stays append-only while its profile exists: no row of it can be changed, and none
-- removed. Once the profile row itself is gone, the rows that spoke of it go with it (the foreign
-- key now cascades, as the change feed's does): the cascade runs after the profile's row is
-- deleted, so the trigger finds no profile and lets those rows go. Nothing else opens this door:
-- another profile's rows, or the rows of a profile that still exists, stay where they are.
CREATE FUNCTION audit_log_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM profiles WHERE id = OLD.user_id) THEN
        RETURN OLD;
    END IF;
    PERFORM setwise_refuse('audit log is append-only');
    RETURN NULL;
END $$;

DROP TRIGGER audit_log_append_only ON audit_log;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_kept();

ALTER TABLE audit_log DROP CONSTRAINT audit_log_user_id_fkey;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_user_id_fkey
    FOREIGN KEY (user_id) REFERENCES profiles (id) ON DELETE CASCADE;
