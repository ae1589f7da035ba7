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

/**
 * Amendments in the schema alone: raw SQL can add an amendment, but can change neither a completed
 * session's original nor any amendment, and a completed session follows nothing but its newest one.
 */
class AmendmentRulesTest {

  private static final String ALEX = "00000000-0000-7000-8000-000000000001";
  private static final String SAM = "00000000-0000-7000-8000-000000000002";
  private static final String PLAN = "00000000-0000-7000-8000-0000000000a1";
  private static final String ORIGINAL = "{\"unit\":\"kg\",\"exercises\":[]}";
  private static final String AMENDED = "{\"unit\":\"kg\",\"notes\":\"fixed\",\"exercises\":[]}";

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void aCompletedSession() {
    database = Database.open(dir.resolve("setwise.db"));
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + ALEX + "', 'Alex', 'kg', 0)");
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + SAM + "', 'Sam', 'kg', 0)");
    sql("INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, updated_at) VALUES ('"
        + PLAN + "', '" + ALEX + "', 'A', '" + ORIGINAL + "', 0, 0, 0)");
    sql("INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, exercise_count, "
        + "set_count, completed_set_count, volume, created_at, updated_at) VALUES ('s1', '" + ALEX + "', '" + PLAN
        + "', '2026-11-24', 1000, 2000, '" + ORIGINAL + "', 'A', 'kg', 0, 0, 0, 0, 1000, 2000)");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aCompletedSessionFollowsItsNewestAmendmentAndNothingElse() {
    insertAmendment("s1", ALEX, 2, 7.5);
    assertThatThrownBy(() -> sql(follow(2, 8.0)))
        .as("figures that are not the amendment's").isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("completed session is immutable");
    assertThatThrownBy(() -> sql(follow(3, 7.5)))
        .as("a version without its amendment").isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("completed session is immutable");

    sql(follow(2, 7.5));

    assertThat(text("SELECT volume || ' ' || version FROM sessions")).isEqualTo("7.5 2");
    assertThat(text("SELECT session FROM sessions")).isEqualTo(ORIGINAL);
  }

  @Test
  void theOriginalOfACompletedSessionCannotBeChangedEvenWithAnAmendment() {
    insertAmendment("s1", ALEX, 2, 7.5);

    assertThatThrownBy(() -> sql(follow(2, 7.5).replace("SET ", "SET session = '" + AMENDED + "', ")))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("completed session is immutable");
    assertThatThrownBy(() -> sql(follow(2, 7.5).replace("SET ", "SET ended_at = 3000, ")))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("completed session is immutable");
    assertThatThrownBy(() -> sql(follow(2, 7.5).replace("SET ", "SET date = '2026-11-25', ")))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("completed session is immutable");
    assertThat(text("SELECT session || ' ' || ended_at || ' ' || version FROM sessions"))
        .isEqualTo(ORIGINAL + " 2000 1");
  }

  @Test
  void anAmendmentNeverChangesAndStaysAsLongAsItsSession() {
    insertAmendment("s1", ALEX, 2, 7.5);
    sql(follow(2, 7.5));

    assertThatThrownBy(() -> sql("UPDATE session_amendments SET reason = 'other'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("never changes");
    assertThatThrownBy(() -> sql("UPDATE session_amendments SET session = '" + ORIGINAL + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("never changes");
    assertThatThrownBy(() -> sql("DELETE FROM session_amendments"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("kept as long as its session");
    assertThat(text("SELECT count(*) FROM session_amendments")).isEqualTo("1");

    sql("DELETE FROM sessions WHERE id = 's1'");

    assertThat(text("SELECT count(*) FROM session_amendments")).as("gone with its session").isEqualTo("0");
  }

  @Test
  void anAmendmentFollowsACompletedSessionOfItsOwnerOneVersionOn() {
    assertThatThrownBy(() -> insertAmendment("s1", ALEX, 3, 1))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("one version on");
    assertThatThrownBy(() -> insertAmendment("s1", SAM, 2, 1))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("one version on");
    sql("INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, exercise_count, "
        + "set_count, completed_set_count, volume, created_at, updated_at) VALUES ('s2', '" + ALEX + "', '" + PLAN
        + "', '2026-11-24', 1000, NULL, '" + ORIGINAL + "', 'A', 'kg', 0, 0, 0, 0, 1000, 2000)");
    assertThatThrownBy(() -> insertAmendment("s2", ALEX, 2, 1))
        .as("a session in progress is not amended").isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("one version on");
    assertThatThrownBy(() -> sql("INSERT INTO session_amendments (session_id, user_id, version, reason, at, name, "
        + "unit, exercise_count, set_count, completed_set_count, volume, session) VALUES ('s1', '" + ALEX
        + "', 2, '  ', 5000, 'A', 'kg', 0, 0, 0, 1, '" + AMENDED + "')"))
        .as("a reason is required").isInstanceOf(StoreException.class).cause().hasMessageContaining("CHECK");
  }

  private void insertAmendment(String session, String owner, long version, double volume) {
    sql("INSERT INTO session_amendments (session_id, user_id, version, reason, at, name, unit, exercise_count, "
        + "set_count, completed_set_count, volume, session) VALUES ('" + session + "', '" + owner + "', " + version
        + ", 'typo', 5000, 'A', 'kg', 0, 0, 0, " + volume + ", '" + AMENDED + "')");
  }

  private static String follow(long version, double volume) {
    return "UPDATE sessions SET volume = " + volume + ", updated_at = 5000, version = " + version + " WHERE id = 's1'";
  }

  private void sql(String sql) {
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(sql);
      }
      return null;
    });
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
