-- A check of every snapshot Setwise writes (issue 12, docs/decisions/0033).
--
-- Setwise validates a structure before it stores it, and reading it back used to validate it all
-- again (most of a GET's time), because a damaged file can hold anything. Beside each snapshot the
-- store now keeps the CRC-32C of its UTF-8 bytes, computed when Setwise wrote them. A row whose
-- bytes still give that check is exactly what Setwise validated and wrote: it is read without
-- validating again (and the REST API copies its text into the answer). A row without a check
-- (written before this version, or by anything but Setwise) or whose bytes no longer match is
-- read the strict way, as before: validated in full, and a server error when it breaks a rule.
-- A check only ever decides between the quick and the strict reading, never what is read.

-- Sessions keep theirs in a table of its own, so that the snapshot stays the last column of
-- sessions (lists read the columns before it without walking its overflow pages).
CREATE TABLE session_checks (
    session_id      TEXT    NOT NULL PRIMARY KEY,
    snapshot_check  INTEGER NOT NULL CHECK (snapshot_check BETWEEN 0 AND 4294967295)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER sessions_forget_their_check
AFTER DELETE ON sessions
BEGIN
    DELETE FROM session_checks WHERE session_id = OLD.id;
END;

-- Amendments never change once written, and plans are few: a column each.
ALTER TABLE session_amendments ADD COLUMN session_check INTEGER CHECK (session_check BETWEEN 0 AND 4294967295);
ALTER TABLE plans ADD COLUMN structure_check INTEGER CHECK (structure_check BETWEEN 0 AND 4294967295);
