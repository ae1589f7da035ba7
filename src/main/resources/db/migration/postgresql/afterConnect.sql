-- Flyway's own connections: data migrations see every profile's rows (FORCE ROW LEVEL SECURITY
-- binds the owner of the tables too). Flyway closes these connections; Setwise's pool never sees them.
SET setwise.all_profiles = 'on';
