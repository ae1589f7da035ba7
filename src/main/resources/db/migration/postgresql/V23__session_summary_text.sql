-- Each session row keeps its summary as the REST list sends it, as on SQLite (V18 there, issue 12,
-- docs/decisions/0066): summary is the JSON text of one item of GET /api/sessions, written by
-- Setwise with every insert and update of the row, and summary_version the version it describes.
-- The list sends the text only where summary_version = version and reads the row's columns
-- otherwise; every change of a session raises its version, so a text left behind is never sent.
-- Rows written before this migration have none (NULL) and are read from their columns, as before.
ALTER TABLE sessions ADD COLUMN summary text, ADD COLUMN summary_version bigint;
