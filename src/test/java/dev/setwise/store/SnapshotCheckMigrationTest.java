package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.json.StructureJson;
import dev.setwise.support.Structures;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.CRC32C;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V17 moves the check of a session's snapshot from session_checks into the session's row: a
 * database written before it keeps what its checks said. A row whose check matched its bytes is
 * still read the quick way, one whose bytes no longer give its check (or without one) the strict
 * way, and the rules of the table stay as they were.
 */
class SnapshotCheckMigrationTest {

  private static final String PROFILE = "11111111-1111-4111-8111-111111111111";
  /** Completed; its check matched its bytes before V17. */
  private static final String CHECKED = "22222222-2222-4222-8222-222222222221";
  /** Completed; its bytes changed after its check was written. */
  private static final String TAMPERED = "22222222-2222-4222-8222-222222222222";
  /** Completed, written before V15: no check at all. */
  private static final String UNCHECKED = "22222222-2222-4222-8222-222222222223";
  /** In progress, with its check. */
  private static final String IN_PROGRESS = "22222222-2222-4222-8222-222222222224";

  @TempDir
  Path dir;

  @Test
  void checksKeptBeforeV17StillChooseTheReadingOfTheirRows() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = data.resolve(AppContext.DATABASE_FILE);
    Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
        .target("16").load().migrate();
    String valid = new StructureJson().write(Structures.plan());
    // Well-formed in the exact shape Setwise writes, but against a rule: bound as it is only when
    // its check vouches for it, refused by the strict reading.
    String againstARule = valid.replace("\"target_rpe\":8.0", "\"target_rpe\":11.0");
    assertThat(againstARule).isNotEqualTo(valid);
    Map<String, String> schemaBefore;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + PROFILE + "', 'Alex', 'kg', 0)");
      }
      insert(c, CHECKED, 2000L, againstARule, check(againstARule));
      insert(c, TAMPERED, 2000L, againstARule, check(valid));
      insert(c, UNCHECKED, 2000L, againstARule, null);
      insert(c, IN_PROGRESS, null, valid, check(valid));
      try (Statement s = c.createStatement()) {
        // a row that refers to a session: the rebuild of sessions must leave it where it is
        s.executeUpdate("INSERT INTO session_log (session_id, user_id, date, day, started_at, unit, working_sets, "
            + "volume) VALUES ('" + CHECKED + "', '" + PROFILE + "', '2026-10-01', 20362, 500, 'kg', 1, 0)");
      }
      schemaBefore = schema(c);
    }

    try (AppContext app = AppContext.open(data)) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      // the check came along: bound without validating again, so the rule it breaks goes unseen
      Session checked = app.sessions().get(alex.id(), UUID.fromString(CHECKED));
      assertThat(checked.structure().exercises().get(0).sets().get(1).targetRpe()).isEqualTo(11.0);
      assertThat(app.sessions().getStored(alex.id(), UUID.fromString(CHECKED)).structureJson()).isEqualTo(againstARule);
      // bytes that do not give their check, or no check: validated in full, a corrupt row
      for (String id : new String[] {TAMPERED, UNCHECKED}) {
        assertThatThrownBy(() -> app.sessions().get(alex.id(), UUID.fromString(id)))
            .as(id).isInstanceOf(IllegalStateException.class).hasMessageContaining("target_rpe");
        assertThatThrownBy(() -> app.sessions().getStored(alex.id(), UUID.fromString(id)))
            .as(id).isInstanceOf(IllegalStateException.class).hasMessageContaining("target_rpe");
      }
      // the session in progress goes on saving, its check now in its row
      Session current = app.sessions().get(alex.id(), UUID.fromString(IN_PROGRESS));
      Session saved = app.sessions().update(alex.id(), current.id(), current.structure().withNotes("deep"),
          current.version());
      assertThat(saved.version()).isEqualTo(current.version() + 1);
      assertThat(app.sessions().get(alex.id(), current.id()).structure()).isEqualTo(saved.structure());
    }

    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      assertThat(checkOf(c, CHECKED)).isEqualTo(check(againstARule));
      assertThat(checkOf(c, TAMPERED)).isEqualTo(check(valid));
      assertThat(checkOf(c, UNCHECKED)).isNull();
      assertThat(checkOf(c, IN_PROGRESS)).isEqualTo(
          check(text(c, "SELECT session FROM sessions WHERE id = '" + IN_PROGRESS + "'")));
      assertThat(triggerSql(c, "sessions_forget_their_check")).isNull();
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'session_checks'")) {
        rs.next();
        assertThat(rs.getInt(1)).isZero();
      }
      // every index, trigger and table is what it was, but for the column and the table it replaces
      Map<String, String> schemaAfter = schema(c);
      assertThat(schemaAfter.get("table sessions")).contains("snapshot_check");
      schemaBefore.keySet().removeAll(List.of("table sessions", "table session_checks",
          "trigger sessions_forget_their_check", "index sqlite_autoindex_session_checks_1"));
      schemaAfter.remove("table sessions");
      // V18 (stored summaries, 0066) also lets a completed row be given its summary and nothing else
      assertThat(schemaAfter.remove("trigger sessions_completed_immutable"))
          .contains("NEW.snapshot_check IS NOT OLD.snapshot_check");
      schemaBefore.remove("trigger sessions_completed_immutable");
      assertThat(schemaAfter).containsExactlyInAnyOrderEntriesOf(schemaBefore);
      assertThat(text(c, "SELECT group_concat(session_id) FROM session_log")).isEqualTo(CHECKED);
      assertThat(text(c, "SELECT count(*) FROM pragma_foreign_key_check")).isEqualTo("0");
      assertThat(text(c, "SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_table_info('sessions') "
          + "ORDER BY cid)")).endsWith(",snapshot_check,version,summary,summary_version,session");
      // the immutability of a completed session covers its check too
      for (String change : new String[] {"snapshot_check = 0", "snapshot_check = NULL", "session = '{}'"}) {
        try (Statement s = c.createStatement()) {
          assertThatThrownBy(() -> s.executeUpdate("UPDATE sessions SET " + change + " WHERE id = '" + CHECKED + "'"))
              .as(change).hasMessageContaining("completed session is immutable");
        }
      }
    }
  }

  private static long check(String text) {
    CRC32C crc = new CRC32C();
    crc.update(text.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  private static void insert(Connection c, String id, Long endedAt, String json, Long check) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions (id, user_id, plan_id, date, started_at, "
        + "ended_at, name, unit, exercise_count, set_count, completed_set_count, volume, created_at, updated_at, "
        + "session) VALUES (?, ?, NULL, '2026-10-01', 500, ?, 'Workout', 'kg', 1, 1, 0, 0, 0, 0, ?)")) {
      p.setString(1, id);
      p.setString(2, PROFILE);
      if (endedAt == null) {
        p.setNull(3, java.sql.Types.BIGINT);
      } else {
        p.setLong(3, endedAt);
      }
      p.setString(4, json);
      p.executeUpdate();
    }
    if (check != null) {
      try (PreparedStatement p = c.prepareStatement(
          "INSERT INTO session_checks (session_id, snapshot_check) VALUES (?, ?)")) {
        p.setString(1, id);
        p.setLong(2, check);
        p.executeUpdate();
      }
    }
  }

  private static Long checkOf(Connection c, String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT snapshot_check FROM sessions WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        long value = rs.getLong(1);
        return rs.wasNull() ? null : value;
      }
    }
  }

  private static String text(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Every object of the schema, by type and name, with its SQL (not the statistics PRAGMA optimize keeps). */
  private static Map<String, String> schema(Connection c) throws SQLException {
    Map<String, String> objects = new TreeMap<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%'")) {
      while (rs.next()) {
        objects.put(rs.getString(1) + " " + rs.getString(2), String.valueOf(rs.getString(3)));
      }
    }
    return objects;
  }

  private static String triggerSql(Connection c, String name) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }
}
