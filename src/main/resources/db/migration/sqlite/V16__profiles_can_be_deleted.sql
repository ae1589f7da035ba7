-- A profile can be deleted with everything it holds (docs/decisions/0036): its plans, sessions,
-- amendments, tokens, keys, derived rows, change feed and, here, its own audit log.
--
-- The audit log stays append-only while its profile exists: no row of it can be changed, and none
-- removed. Once the profile row itself is gone (the deletion runs in one transaction with the
-- foreign keys checked at its end), the rows that spoke of it may go with it, as the change feed's
-- rows already do (changes_are_kept). Nothing else opens this door: another profile's rows, or the
-- rows of a profile that still exists, stay where they are.
DROP TRIGGER audit_log_no_delete;

CREATE TRIGGER audit_log_no_delete
BEFORE DELETE ON audit_log
WHEN EXISTS (SELECT 1 FROM profiles WHERE id = OLD.user_id)
BEGIN
    SELECT RAISE(ABORT, 'audit log is append-only');
END;
