package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync outbox in the schema alone (migration V12): raw SQL that bypasses every service still
 * records each change of a profile that syncs, in the transaction of the change, once per entity
 * at the place of its first change; the server's own changes (applied under the guard row) are not
 * recorded; a deleted id comes back only under the guard.
 */
class SyncOutboxRulesTest {

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
    sql("INSERT INTO sync_profiles (user_id, server_url, set_up_at) VALUES ('" + ALEX + "', 'http://h:1', 0)");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void everyChangeOfAProfileThatSyncsIsRecordedOncePerEntityAtItsFirstPlace() {
    insertPlan("p1", ALEX);
    insertSession("s1", ALEX, "p1");
    insertPlan("p2", ALEX);
    sql("UPDATE plans SET name = 'B', version = version + 1 WHERE id = 'p1'");
    sql("UPDATE sessions SET volume = 1, version = version + 1 WHERE id = 's1'");
    sql("UPDATE sessions SET volume = 2, version = version + 1 WHERE id = 's1'");
    sql("DELETE FROM plans WHERE id = 'p2'");

    assertThat(outbox()).containsExactly("plan p1 v2", "session s1 v3", "plan p2 v2 deleted");
  }

  @Test
  void aProfileThatDoesNotSyncRecordsNothing() {
    insertPlan("q1", SAM);
    sql("UPDATE plans SET name = 'B', version = version + 1 WHERE id = 'q1'");
    sql("DELETE FROM plans WHERE id = 'q1'");

    assertThat(outbox()).isEmpty();
  }

  @Test
  void aSessionStartedFromAPlanIsNoChangeOfThePlan() {
    insertPlan("p1", ALEX);
    sql("DELETE FROM sync_outbox");
    sql("UPDATE plans SET has_sessions = 1 WHERE id = 'p1'");

    assertThat(outbox()).isEmpty();
  }

  @Test
  void whatASyncAppliesUnderTheGuardIsNeverEchoed() {
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate("INSERT INTO sync_applying (user_id) VALUES ('" + ALEX + "')");
        statement.executeUpdate(planInsert("p1", ALEX));
        statement.executeUpdate("UPDATE plans SET name = 'B', version = 2 WHERE id = 'p1'");
        statement.executeUpdate("DELETE FROM sync_applying");
      }
      return null;
    });
    sql("UPDATE plans SET name = 'C', version = 3 WHERE id = 'p1'");

    assertThat(outbox()).containsExactly("plan p1 v3");
  }

  @Test
  void aChangeRolledBackLeavesNoOutboxEntryAndAChangeCommittedAlwaysHasOne() {
    assertThatThrownBy(() -> database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(planInsert("p1", ALEX));
      }
      throw new IllegalStateException("the process dies here");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(outbox()).isEmpty();
    assertThat(count("SELECT count(*) FROM plans")).isZero();
    insertPlan("p1", ALEX);
    assertThat(outbox()).containsExactly("plan p1 v1");
  }

  @Test
  void aDeletedIdComesBackOnlyInASyncOfItsOwnerAboveItsTombstone() {
    insertPlan("p1", ALEX);
    sql("DELETE FROM plans WHERE id = 'p1'");

    assertThatThrownBy(() -> insertPlan("p1", ALEX)).isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("used by a deleted plan");
    assertThatThrownBy(() -> guarded(planInsert("p1", ALEX)))
        .as("not above the tombstone (version 2)").isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate("INSERT INTO sync_applying (user_id) VALUES ('" + SAM + "')");
        statement.executeUpdate(planInsert("p1", SAM).replace(", 0, 0)", ", 0, 0, 3)")
            .replace("updated_at)", "updated_at, version)"));
      }
      return null;
    })).as("another profile").isInstanceOf(StoreException.class);

    guarded(planInsert("p1", ALEX).replace(", 0, 0)", ", 0, 0, 3)").replace("updated_at)", "updated_at, version)"));

    assertThat(count("SELECT count(*) FROM plans WHERE id = 'p1'")).isEqualTo(1);
    assertThat(count("SELECT deleted FROM changes WHERE entity_id = 'p1'")).isZero();
    assertThat(count("SELECT version FROM changes WHERE entity_id = 'p1'")).isEqualTo(3);
  }

  @Test
  void thereIsOneEntryPerEntityAndOnlyForPlansAndSessions() {
    insertPlan("p1", ALEX);

    assertThatThrownBy(() -> sql("INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, queued_at) "
        + "VALUES ('" + ALEX + "', 'plan', 'p1', 1, 0)")).as("one entry per entity").isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sql("INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, queued_at) "
        + "VALUES ('" + ALEX + "', 'workout', 'x', 1, 0)")).isInstanceOf(StoreException.class);
  }

  private void guarded(String insert) {
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate("INSERT INTO sync_applying (user_id) VALUES ('" + ALEX + "')");
        statement.executeUpdate(insert);
        statement.executeUpdate("DELETE FROM sync_applying");
      }
      return null;
    });
  }

  private void insertPlan(String id, String owner) {
    sql(planInsert(id, owner));
  }

  private static String planInsert(String id, String owner) {
    return "INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, updated_at) VALUES ('"
        + id + "', '" + owner + "', 'A', '" + STRUCTURE + "', 0, 0, 0)";
  }

  private void insertSession(String id, String owner, String plan) {
    sql("INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
        + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) VALUES ('" + id + "', '"
        + owner + "', '" + plan + "', '2026-11-24', 1000, NULL, '" + STRUCTURE + "', 'A', 'kg', 0, 0, 0, 0, 1000, 1000)");
  }

  private List<String> outbox() {
    return database.read(tx -> {
      List<String> rows = new ArrayList<>();
      try (Statement statement = tx.connection().createStatement();
          ResultSet rs = statement.executeQuery("SELECT entity_type, entity_id, local_version, deleted FROM sync_outbox "
              + "ORDER BY seq")) {
        while (rs.next()) {
          rows.add(rs.getString(1) + " " + rs.getString(2) + " v" + rs.getLong(3) + (rs.getInt(4) == 1 ? " deleted" : ""));
        }
      }
      return rows;
    });
  }

  private long count(String sql) {
    return database.read(tx -> {
      try (Statement statement = tx.connection().createStatement(); ResultSet rs = statement.executeQuery(sql)) {
        return rs.next() ? rs.getLong(1) : -1L;
      }
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
