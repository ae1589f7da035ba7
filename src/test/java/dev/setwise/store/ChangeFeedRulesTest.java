package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change feed and its tombstones in the schema alone: raw SQL that bypasses every service. */
class ChangeFeedRulesTest {

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
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void everyWriteOfAnyPathEntersTheFeedOfItsOwner() {
    insertPlan("p1", ALEX);
    insertPlan("p2", ALEX);
    insertPlan("q1", SAM);
    insertSession("s1", ALEX, "p1");

    assertThat(feed(ALEX)).containsExactly("1 plan p1 v1", "2 plan p2 v1", "3 session s1 v1");
    assertThat(feed(SAM)).containsExactly("1 plan q1 v1");

    sql("UPDATE plans SET name = 'B', version = version + 1 WHERE id = 'p1'");
    sql("UPDATE sessions SET volume = 1, version = version + 1 WHERE id = 's1'");
    sql("DELETE FROM plans WHERE id = 'p2'");

    assertThat(feed(ALEX)).containsExactly("4 plan p1 v2", "5 session s1 v2", "6 plan p2 v2 deleted");
    assertThat(feed(SAM)).containsExactly("1 plan q1 v1");
  }

  @Test
  void aSessionStartedFromAPlanIsNoChangeOfThePlanInTheFeed() {
    insertPlan("p1", ALEX);
    sql("UPDATE plans SET has_sessions = 1 WHERE id = 'p1'");

    assertThat(feed(ALEX)).containsExactly("1 plan p1 v1");
  }

  @Test
  void aTombstoneIsKeptForeverUnchanged() {
    insertPlan("p1", ALEX);
    insertSession("s1", ALEX, "p1");
    sql("DELETE FROM sessions WHERE id = 's1'");

    assertThatThrownBy(() -> sql("UPDATE changes SET deleted = 0, seq = seq + 10, version = version + 1 "
        + "WHERE entity_id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("tombstone");
    assertThatThrownBy(() -> sql("DELETE FROM changes WHERE entity_id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("DELETE FROM changes"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("append-only");
    assertThat(feed(ALEX)).containsExactly("1 plan p1 v1", "3 session s1 v2 deleted");
  }

  @Test
  void theIdOfADeletedThingIsNeverUsedAgain() {
    insertPlan("p1", ALEX);
    insertSession("s1", ALEX, "p1");
    insertPlan("p2", ALEX);
    sql("DELETE FROM sessions WHERE id = 's1'");
    sql("DELETE FROM plans WHERE id = 'p2'");

    assertThatThrownBy(() -> insertSession("s1", ALEX, "p1"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("used by a deleted session");
    assertThatThrownBy(() -> insertPlan("p2", SAM))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("used by a deleted plan");
  }

  @Test
  void aFeedRowOnlyMovesForward() {
    insertPlan("p1", ALEX);
    insertPlan("p2", ALEX);

    assertThatThrownBy(() -> sql("UPDATE changes SET seq = 0 WHERE entity_id = 'p2'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("only moves forward");
    assertThatThrownBy(() -> sql("UPDATE changes SET seq = 9 WHERE entity_id = 'p2'"))
        .as("a new place needs a new version").isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sql("UPDATE changes SET user_id = '" + SAM + "', seq = 9, version = 2 "
        + "WHERE entity_id = 'p2'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("only moves forward");
    assertThatThrownBy(() -> sql("UPDATE changes SET seq = 1, version = 2 WHERE entity_id = 'p2'"))
        .as("two changes never share a place").isInstanceOf(StoreException.class);
    assertThat(feed(ALEX)).containsExactly("1 plan p1 v1", "2 plan p2 v1");
  }

  @Test
  void aDatabaseOfV4EntersTheFeedWithPlansFirstEachInTheOrderOfItsLastChange() throws SQLException {
    database.close();
    Path file = dir.resolve("old.db");
    Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
        .target("4").load().migrate();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + ALEX + "', 'Alex', 'kg', 0)");
      statement.execute("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + SAM + "', 'Sam', 'kg', 0)");
      statement.execute(planInsert("p1", ALEX, 30));
      statement.execute(planInsert("p2", ALEX, 10));
      statement.execute(planInsert("q1", SAM, 5));
      statement.execute(sessionInsert("s1", ALEX, "p1").replace("1000, 1000)", "1000, 20)"));
      statement.execute("UPDATE plans SET name = 'B', version = 2 WHERE id = 'p2'");
    }
    database = Database.open(file);

    assertThat(feed(ALEX)).containsExactly("1 plan p2 v2", "2 plan p1 v1", "3 session s1 v1");
    assertThat(feed(SAM)).containsExactly("1 plan q1 v1");
    insertPlan("p3", ALEX);
    assertThat(feed(ALEX)).last().isEqualTo("4 plan p3 v1");
  }

  private void insertPlan(String id, String owner) {
    sql(planInsert(id, owner, 0));
  }

  private static String planInsert(String id, String owner, long updatedAt) {
    return "INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, updated_at) VALUES ('"
        + id + "', '" + owner + "', 'A', '" + STRUCTURE + "', 0, 0, " + updatedAt + ")";
  }

  private void insertSession(String id, String owner, String plan) {
    sql(sessionInsert(id, owner, plan));
  }

  private static String sessionInsert(String id, String owner, String plan) {
    return "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
        + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) VALUES ('" + id + "', '"
        + owner + "', '" + plan + "', '2026-11-24', 1000, NULL, '" + STRUCTURE
        + "', 'A', 'kg', 0, 0, 0, 0, 1000, 1000)";
  }

  private List<String> feed(String owner) {
    return database.read(tx -> {
      List<String> rows = new ArrayList<>();
      try (Statement statement = tx.connection().createStatement();
          ResultSet rs = statement.executeQuery("SELECT seq, entity_type, entity_id, version, deleted FROM changes "
              + "WHERE user_id = '" + owner + "' ORDER BY seq")) {
        while (rs.next()) {
          rows.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " v" + rs.getLong(4)
              + (rs.getInt(5) == 1 ? " deleted" : ""));
        }
      }
      return rows;
    });
  }

  private void sql(String sql) {
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(sql);
      }
      return null;
    });
  }
}
