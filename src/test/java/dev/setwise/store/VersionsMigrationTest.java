package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * V4 rebuilds the sessions table to give it a version: a database of V3 with history keeps every
 * row, byte for byte, and every index and rule it had.
 */
class VersionsMigrationTest {

  @TempDir
  Path dir;

  @Test
  void aV3DatabaseKeepsEverySessionAndEveryRuleThroughTheRebuild() throws SQLException {
    Path file = dir.resolve("setwise.db");
    Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
        .target("3").load().migrate();
    String big = "{\"unit\":\"kg\",\"notes\":\"" + "n".repeat(20_000) + "\",\"exercises\":[]}";
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO profiles (id, name, unit, created_at) VALUES ('u1', 'Alex', 'kg', 0)");
      statement.execute("INSERT INTO plans (id, user_id, name, structure, exercise_count, has_sessions, created_at, "
          + "updated_at) VALUES ('p1', 'u1', 'A', '{\"unit\":\"kg\",\"exercises\":[]}', 0, 1, 0, 0)");
      for (int i = 0; i < 50; i++) {
        statement.execute("INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
            + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) VALUES ('s" + i
            + "', 'u1', " + (i % 2 == 0 ? "'p1'" : "NULL") + ", '2026-11-24', " + (1000 + i) + ", "
            + (i == 49 ? "NULL" : String.valueOf(2000 + i)) + ", '" + big + "', 'W" + i
            + "', 'kg', 0, 0, 0, " + i + ".5, 1000, 1000)");
      }
    }
    List<String> before = rows(file, "SELECT id || '|' || ifnull(plan_id, '-') || '|' || date || '|' || started_at "
        + "|| '|' || ifnull(ended_at, '-') || '|' || name || '|' || volume || '|' || length(session) FROM sessions "
        + "ORDER BY id");

    Database database = Database.open(file);
    database.close();

    assertThat(rows(file, "SELECT id || '|' || ifnull(plan_id, '-') || '|' || date || '|' || started_at "
        + "|| '|' || ifnull(ended_at, '-') || '|' || name || '|' || volume || '|' || length(session) FROM sessions "
        + "ORDER BY id")).isEqualTo(before).hasSize(50);
    assertThat(rows(file, "SELECT DISTINCT version FROM sessions")).containsExactly("1");
    assertThat(rows(file, "SELECT count(*) FROM sessions WHERE session = '" + big + "'")).containsExactly("50");
    assertThat(rows(file, "PRAGMA foreign_key_check")).isEmpty();
    assertThat(rows(file, "PRAGMA integrity_check")).containsExactly("ok");
    assertThat(rows(file, "SELECT name FROM sqlite_schema WHERE tbl_name = 'sessions' AND type IN ('index', 'trigger') "
        + "AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name"))
        .contains("sessions_one_in_progress", "sessions_by_started", "sessions_by_date", "sessions_by_ended",
            "sessions_by_plan", "sessions_completed_immutable", "sessions_plan_same_owner",
            "sessions_version_rises_by_one");
    assertThat(rows(file, "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions_v4'")).containsExactly("0");
  }

  private static List<String> rows(Path file, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }
}
