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

/** Versions rise by exactly one with every change, in the schema alone (raw SQL, no service). */
class VersionRulesTest {

  private static final String ALEX = "00000000-0000-7000-8000-000000000001";
  private static final String PLAN = "00000000-0000-7000-8000-0000000000a1";
  private static final String STRUCTURE = "{\"unit\":\"kg\",\"exercises\":[]}";

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("setwise.db"));
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + ALEX + "', 'Alex', 'kg', 0)");
    sql("INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, updated_at) VALUES ('"
        + PLAN + "', '" + ALEX + "', 'A', '" + STRUCTURE + "', 0, 0, 0)");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aNewPlanOrSessionStartsAtVersionOneAndNeverBelow() {
    insertSession("s1", null);

    assertThat(number("SELECT version FROM plans WHERE id = '" + PLAN + "'")).isEqualTo(1);
    assertThat(number("SELECT version FROM sessions WHERE id = 's1'")).isEqualTo(1);
    assertThatThrownBy(() -> sql("INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, "
        + "updated_at, version) VALUES ('p0', '" + ALEX + "', 'B', '" + STRUCTURE + "', 0, 0, 0, 0)"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("CHECK");
  }

  @Test
  void aPlanChangeWithoutANewVersionIsRefused() {
    assertThatThrownBy(() -> sql("UPDATE plans SET name = 'B' WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");
    assertThatThrownBy(() -> sql("UPDATE plans SET archived = 1 WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");
    assertThatThrownBy(() -> sql("UPDATE plans SET updated_at = 5 WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");

    sql("UPDATE plans SET name = 'B', version = version + 1 WHERE id = '" + PLAN + "'");

    assertThat(text("SELECT name || ' ' || version FROM plans")).isEqualTo("B 2");
  }

  @Test
  void aPlanVersionThatDoesNotRiseByExactlyOneIsRefused() {
    assertThatThrownBy(() -> sql("UPDATE plans SET name = 'B', version = 3 WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");
    assertThatThrownBy(() -> sql("UPDATE plans SET version = 3 WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");
    sql("UPDATE plans SET name = 'B', version = 2 WHERE id = '" + PLAN + "'");
    assertThatThrownBy(() -> sql("UPDATE plans SET name = 'C', version = 1 WHERE id = '" + PLAN + "'"))
        .as("a version never goes back").isInstanceOf(StoreException.class);

    assertThat(text("SELECT name || ' ' || version FROM plans")).isEqualTo("B 2");
  }

  @Test
  void aSessionStartedFromAPlanIsNotAChangeOfThePlan() {
    sql("UPDATE plans SET has_sessions = 1 WHERE id = '" + PLAN + "'");

    assertThat(text("SELECT has_sessions || ' ' || version FROM plans")).isEqualTo("1 1");
  }

  @Test
  void aSessionInProgressChangesOnlyWithItsVersionRaisedByOne() {
    insertSession("s1", null);

    assertThatThrownBy(() -> sql("UPDATE sessions SET volume = 5 WHERE id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");
    assertThatThrownBy(() -> sql("UPDATE sessions SET session = '" + STRUCTURE.replace("kg", "lb")
        + "' WHERE id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");
    assertThatThrownBy(() -> sql("UPDATE sessions SET volume = 5, version = 3 WHERE id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("version raised by one");

    sql("UPDATE sessions SET volume = 5, version = version + 1 WHERE id = 's1'");
    sql("UPDATE sessions SET ended_at = 2000, version = version + 1 WHERE id = 's1'");

    assertThat(text("SELECT volume || ' ' || version FROM sessions")).isEqualTo("5.0 3");
    assertThatThrownBy(() -> sql("UPDATE sessions SET volume = 6, version = version + 1 WHERE id = 's1'"))
        .as("a new version does not open a completed session")
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("completed session is immutable");
  }

  @Test
  void theVersionSitsBeforeTheSnapshotSoListsNeverWalkItsOverflowPages() {
    assertThat(text("SELECT group_concat(name, ',') FROM "
        + "(SELECT name FROM pragma_table_info('sessions') ORDER BY cid)"))
        .endsWith(",version,summary,summary_version,session");
  }

  private void insertSession(String id, Long endedAt) {
    sql("INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
        + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) VALUES ('" + id + "', '"
        + ALEX + "', '" + PLAN + "', '2026-11-24', 1000, " + endedAt + ", '" + STRUCTURE
        + "', 'A', 'kg', 0, 0, 0, 0, 1000, 1000)");
  }

  private void sql(String sql) {
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(sql);
      }
      return null;
    });
  }

  private long number(String sql) {
    return Long.parseLong(text(sql));
  }

  private String text(String sql) {
    return database.read(tx -> {
      try (PreparedStatement statement = tx.connection().prepareStatement(sql);
          ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    });
  }
}
