package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of the rest countdowns (V11) hold in the schema alone, for raw SQL too. */
class RestTimerSchemaTest {

  private static final String ALEX = "00000000-0000-7000-8000-000000000001";
  private static final String SAM = "00000000-0000-7000-8000-000000000002";
  private static final String STRUCTURE = "{\"unit\":\"kg\",\"exercises\":[]}";

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("setwise.db"));
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + ALEX + "', 'Alex', 'kg', 0)");
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + SAM + "', 'Sam', 'kg', 0)");
    sql(session("running", ALEX, null));
    sql(session("done", ALEX, 5000L));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void onlyASessionInProgressOfTheSameProfileHasARestCountdown() {
    sql(rest("running", ALEX));
    assertThatThrownBy(() -> sql(rest("done", ALEX))).isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("a rest timer belongs to a session in progress of the same profile");
    assertThatThrownBy(() -> sql("UPDATE rest_timers SET user_id = '" + SAM + "'")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sql("UPDATE rest_timers SET seconds = 0")).isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("CHECK constraint failed");
    assertThat(count("SELECT count(*) FROM rest_timers")).isEqualTo(1);
  }

  @Test
  void completingOrDeletingTheSessionRemovesItsCountdown() {
    sql(rest("running", ALEX));
    sql("UPDATE sessions SET ended_at = 9000, version = version + 1 WHERE id = 'running'");
    assertThat(count("SELECT count(*) FROM rest_timers")).isZero();

    sql(session("again", ALEX, null));
    sql(rest("again", ALEX));
    sql("DELETE FROM sessions WHERE id = 'again'");
    assertThat(count("SELECT count(*) FROM rest_timers")).isZero();
  }

  @Test
  void warmUpRestIsZeroToAnHourPerProfile() {
    sql("INSERT INTO workout_settings (user_id, warmup_rest_seconds) VALUES ('" + ALEX + "', 45)");
    assertThatThrownBy(() -> sql("INSERT INTO workout_settings (user_id, warmup_rest_seconds) VALUES ('" + SAM
        + "', 3601)")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sql("INSERT INTO workout_settings (user_id, warmup_rest_seconds) VALUES ('" + ALEX
        + "', 30)")).isInstanceOf(StoreException.class);
  }

  private static String session(String id, String owner, Long endedAt) {
    return "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
        + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) VALUES ('" + id + "', '"
        + owner + "', NULL, '2026-11-24', 1000, " + endedAt + ", '" + STRUCTURE + "', 'A', 'kg', 0, 0, 0, 0, 1000, 1000)";
  }

  private static String rest(String session, String owner) {
    return "INSERT INTO rest_timers (session_id, user_id, ends_at, seconds) VALUES ('" + session + "', '" + owner
        + "', 200000, 90)";
  }

  private void sql(String sql) {
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(sql);
      }
      return null;
    });
  }

  private long count(String sql) {
    return database.read(tx -> {
      try (PreparedStatement statement = tx.connection().prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }
}
