package dev.setwise.store;

import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Profiles: the owners of every other row. */
public final class ProfileRepository {

  private static final String COLUMNS = "id, name, unit, created_at";

  public void insert(Tx tx, Profile profile) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO profiles (id, name, unit, created_at) VALUES (?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, profile.id());
      statement.setString(2, profile.name());
      statement.setString(3, profile.unit().code());
      Rows.setInstant(statement, 4, profile.createdAt());
      statement.executeUpdate();
    }
  }

  public void update(Tx tx, Profile profile) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE profiles SET name = ?, unit = ? WHERE id = ?")) {
      statement.setString(1, profile.name());
      statement.setString(2, profile.unit().code());
      Rows.setUuid(statement, 3, profile.id());
      statement.executeUpdate();
    }
  }

  public List<Profile> list(Tx tx) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM profiles ORDER BY " + tx.dialect().ignoringCase("name") + ", created_at")) {
      List<Profile> profiles = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          profiles.add(map(rs));
        }
      }
      return profiles;
    }
  }

  public Optional<Profile> find(Tx tx, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM profiles WHERE id = ?")) {
      Rows.setUuid(statement, 1, id);
      return one(statement);
    }
  }

  /** Finds a profile by name, ignoring case as the unique index does. */
  public Optional<Profile> findByName(Tx tx, String name) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM profiles WHERE " + tx.dialect().equalIgnoringCase("name"))) {
      statement.setString(1, name);
      return one(statement);
    }
  }

  /** How much a profile holds, counted in the caller's transaction (for a confirmation). */
  public record Contents(long plans, long sessions, long amendments, boolean workoutInProgress) {}

  public Contents contents(Tx tx, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT (SELECT count(*) FROM plans WHERE user_id = ?), (SELECT count(*) FROM sessions WHERE user_id = ?), "
            + "(SELECT count(*) FROM session_amendments WHERE user_id = ?), "
            + "EXISTS (SELECT 1 FROM sessions WHERE user_id = ? AND ended_at IS NULL)")) {
      for (int i = 1; i <= 4; i++) {
        Rows.setUuid(statement, i, id);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return new Contents(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4));
      }
    }
  }

  /**
   * Deletes the profile and every row of it, in the caller's write transaction: sessions first (their
   * amendments and derived progress rows go with them), then plans, then every other table that
   * names the profile (found in the schema, so a table added later is not forgotten), then the
   * profile, whose change feed goes with it (cascade), and last its audit log, which the schema lets
   * go only once the profile is gone (V16). On SQLite foreign keys are checked when the transaction
   * commits, so the order only has to satisfy the triggers. On PostgreSQL they are checked at once:
   * the same order satisfies them, and the profile's feed head, change feed and audit log go with
   * the profile's row (cascades; V22 lets the audit log's rows go only then).
   *
   * @return false when there is no such profile
   */
  public boolean deleteEverything(Tx tx, UUID id) throws SQLException {
    if (find(tx, id).isEmpty()) {
      return false;
    }
    boolean sqlite = tx.dialect() == Dialect.SQLITE;
    if (sqlite) {
      try (Statement statement = tx.connection().createStatement()) {
        statement.execute("PRAGMA defer_foreign_keys = ON");
      }
    }
    deleteWhere(tx, "sessions", "user_id", id);
    deleteWhere(tx, "plans", "user_id", id);
    for (String[] reference : sqlite ? referencesToProfiles(tx) : referencesToProfilesPostgres(tx)) {
      deleteWhere(tx, reference[0], reference[1], id);
    }
    deleteWhere(tx, "profiles", "id", id);
    if (sqlite) {
      deleteWhere(tx, "audit_log", "user_id", id);
    }
    return true;
  }

  /** Every (table, column) with a foreign key to {@code profiles}, but the ones deleted in their own order. */
  private static List<String[]> referencesToProfiles(Tx tx) throws SQLException {
    List<String[]> found = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT m.name, f.\"from\" FROM sqlite_schema m JOIN pragma_foreign_key_list(m.name) f "
            + "WHERE m.type = 'table' AND f.\"table\" = 'profiles' "
            + "AND m.name NOT IN ('sessions', 'plans', 'audit_log', 'changes') ORDER BY m.name")) {
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return found;
  }

  /**
   * PostgreSQL: every (table, column) whose foreign key to {@code profiles} does not cascade, but
   * sessions and plans (deleted first, in their own order).
   */
  private static List<String[]> referencesToProfilesPostgres(Tx tx) throws SQLException {
    List<String[]> found = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT c.conrelid::regclass::text, a.attname FROM pg_constraint c "
            + "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
            + "WHERE c.contype = 'f' AND c.confrelid = 'profiles'::regclass AND c.confdeltype <> 'c' "
            + "AND c.conrelid::regclass::text NOT IN ('sessions', 'plans') ORDER BY 1")) {
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(new String[] {rs.getString(1), rs.getString(2)});
        }
      }
    }
    return found;
  }

  private static void deleteWhere(Tx tx, String table, String column, UUID id) throws SQLException {
    // Names come from the schema itself (or are constants), quoted as identifiers.
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM " + quoted(table) + " WHERE " + quoted(column) + " = ?")) {
      Rows.setUuid(statement, 1, id);
      statement.executeUpdate();
    }
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static Optional<Profile> one(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(map(rs)) : Optional.empty();
    }
  }

  private static Profile map(ResultSet rs) throws SQLException {
    return new Profile(Rows.uuid(rs, "id"), rs.getString("name"),
        Unit.fromCode(rs.getString("unit")).orElseThrow(), Rows.instant(rs, "created_at"));
  }
}
