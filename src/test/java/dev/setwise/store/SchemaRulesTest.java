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

/** The rules hold in the schema alone: raw SQL that bypasses every service is refused. */
class SchemaRulesTest {

  private static final String ALEX = "00000000-0000-7000-8000-000000000001";
  private static final String SAM = "00000000-0000-7000-8000-000000000002";
  private static final String PLAN = "00000000-0000-7000-8000-0000000000a1";
  private static final String SAMS_PLAN = "00000000-0000-7000-8000-0000000000a2";
  private static final String STRUCTURE = "{\"unit\":\"kg\",\"exercises\":[]}";

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("setwise.db"));
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + ALEX + "', 'Alex', 'kg', 0)");
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + SAM + "', 'Sam', 'kg', 0)");
    sql("INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, updated_at) VALUES ('"
        + PLAN + "', '" + ALEX + "', 'A', '" + STRUCTURE + "', 0, 0, 0)");
    sql("INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, updated_at) VALUES ('"
        + SAMS_PLAN + "', '" + SAM + "', 'B', '" + STRUCTURE + "', 0, 0, 0)");
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theSchemaRejectsASecondInProgressSession() {
    insertSession("s1", ALEX, null);

    assertThatThrownBy(() -> insertSession("s2", ALEX, null))
        .isInstanceOf(StoreException.class)
        .cause().hasMessageContaining("UNIQUE constraint failed: sessions.user_id");
    insertSession("s3", SAM, null);
    insertSession("s4", ALEX, 2000L);
    assertThat(count("SELECT count(*) FROM sessions")).isEqualTo(3);
  }

  @Test
  void theSchemaRejectsAnyChangeToACompletedSession() {
    insertSession("s1", ALEX, 2000L);

    assertThatThrownBy(() -> sql("UPDATE sessions SET session = '" + STRUCTURE.replace("[]", "[1]")
        + "' WHERE id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("completed session is immutable");
    assertThatThrownBy(() -> sql("UPDATE sessions SET ended_at = NULL WHERE id = 's1'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("completed session is immutable");
    assertThatThrownBy(() -> sql("UPDATE sessions SET volume = 5 WHERE id = 's1'"))
        .isInstanceOf(StoreException.class);
  }

  @Test
  void anInProgressSessionMayChange() {
    insertSession("s1", ALEX, null);

    sql("UPDATE sessions SET volume = 5, ended_at = 3000, version = version + 1 WHERE id = 's1'");

    assertThat(count("SELECT count(*) FROM sessions WHERE ended_at = 3000")).isEqualTo(1);
  }

  @Test
  void theAuditLogIsAppendOnly() {
    sql("INSERT INTO audit_log (user_id, action, entity_type, entity_id, at) VALUES ('" + ALEX
        + "', 'x', 'session', 's', 0)");

    assertThatThrownBy(() -> sql("UPDATE audit_log SET action = 'y'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("append-only");
    assertThatThrownBy(() -> sql("DELETE FROM audit_log"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("append-only");
    assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(1);
  }

  @Test
  void aSessionCannotUseAnotherProfilesPlan() {
    assertThatThrownBy(() -> database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(sessionInsert("s1", ALEX, SAMS_PLAN, null));
      }
      return null;
    })).isInstanceOf(StoreException.class).cause().hasMessageContaining("plan belongs to another profile");
  }

  @Test
  void foreignKeysAreEnforced() {
    assertThatThrownBy(() -> sql("INSERT INTO plans (id, user_id, name, structure, exercise_count, created_at, "
        + "updated_at) VALUES ('p', 'nobody', 'A', '" + STRUCTURE + "', 0, 0, 0)"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("FOREIGN KEY");
  }

  @Test
  void aPlanWithSessionsCannotBeRemoved() {
    insertSession("s1", ALEX, 2000L);

    assertThatThrownBy(() -> sql("DELETE FROM plans WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("FOREIGN KEY");
  }

  @Test
  void checksRejectNonsense() {
    assertThatThrownBy(() -> sql("UPDATE profiles SET unit = 'stone'")).isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sql("UPDATE plans SET structure = 'not json' WHERE id = '" + PLAN + "'"))
        .isInstanceOf(StoreException.class);
    assertThatThrownBy(() -> sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('x', 'ALEX', 'kg', 0)"))
        .isInstanceOf(StoreException.class).cause().hasMessageContaining("UNIQUE");
  }

  @Test
  void pragmasAreSetForDurability() {
    database.read(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        assertThat(single(statement, "PRAGMA journal_mode")).isEqualTo("wal");
        assertThat(single(statement, "PRAGMA synchronous")).isEqualTo("2");
        assertThat(single(statement, "PRAGMA foreign_keys")).isEqualTo("1");
      }
      return null;
    });
  }

  @Test
  void writesRollBackWhenTheWorkFails() {
    assertThatThrownBy(() -> database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.executeUpdate(sessionInsert("s1", ALEX, PLAN, null));
      }
      throw new IllegalStateException("boom");
    })).isInstanceOf(IllegalStateException.class);

    assertThat(count("SELECT count(*) FROM sessions")).isZero();
  }

  @Test
  void nestedTransactionsAreRefused() {
    assertThatThrownBy(() -> database.write(tx -> database.read(inner -> 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Nested transaction");
  }

  @Test
  void reopeningMigratesNothingTwice() {
    database.close();
    database = Database.open(dir.resolve("setwise.db"));

    assertThat(count("SELECT count(*) FROM profiles")).isEqualTo(2);
  }

  @Test
  void aFileThatIsNotADatabaseIsRefusedSayingSoAndLeftAsItIs() throws Exception {
    Path bogus = dir.resolve("bogus.db");
    String text = "this is not a database, just text ".repeat(200);
    java.nio.file.Files.writeString(bogus, text);

    assertThatThrownBy(() -> Database.open(bogus))
        .isInstanceOfSatisfying(dev.setwise.domain.StorageException.class, e -> assertThat(e.reason())
            .isEqualTo(dev.setwise.domain.StorageException.Reason.NOT_A_DATABASE))
        .hasMessage("bogus.db in " + dir + " is not a database (it is not a SQLite file)");
    assertThat(java.nio.file.Files.readString(bogus)).isEqualTo(text);
  }

  private void insertSession(String id, String owner, Long endedAt) {
    sql(sessionInsert(id, owner, owner.equals(ALEX) ? PLAN : SAMS_PLAN, endedAt));
  }

  private static String sessionInsert(String id, String owner, String plan, Long endedAt) {
    return "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
        + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) VALUES ('" + id + "', '"
        + owner + "', '" + plan + "', '2026-11-24', 1000, " + endedAt + ", '" + STRUCTURE
        + "', 'A', 'kg', 0, 0, 0, 0, 1000, 1000)";
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

  private static String single(Statement statement, String sql) throws java.sql.SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
