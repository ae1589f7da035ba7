package dev.setwise.store;

import static dev.setwise.support.ProgressFixture.done;
import static dev.setwise.support.ProgressFixture.exercise;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.Unit;
import dev.setwise.support.ProgressFixture;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The derived rows follow their session on every path: complete, delete, and a re-derive by id. */
class SetLogRepositoryTest {

  @TempDir
  Path dir;

  private int rows(Path data, String table, Session session) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(AppContext.DATABASE_FILE));
        PreparedStatement p = c.prepareStatement("SELECT count(*) FROM " + table + " WHERE session_id = ?")) {
      p.setString(1, session.id().toString());
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void rowsAppearOnCompleteAndGoWithTheSession() throws Exception {
    Path data = dir.resolve("data");
    try (TestContext t = new TestContext(data)) {
      Profile alex = t.profile("Alex");
      Session session = new ProgressFixture(t).complete(alex, "2026-11-01", Unit.KG,
          exercise("Squat", done(5, 100), done(5, 100)), exercise("Row", done(8, 60)));

      assertThat(rows(data, "session_log", session)).isEqualTo(1);
      assertThat(rows(data, "exercise_log", session)).isEqualTo(2);
      assertThat(rows(data, "set_log", session)).isEqualTo(3);

      t.app.sessions().delete(alex.id(), session.id());

      assertThat(rows(data, "session_log", session)).isZero();
      assertThat(rows(data, "exercise_log", session)).isZero();
      assertThat(rows(data, "set_log", session)).isZero();
    }
  }

  @Test
  void deletingASessionOutsideTheAppForgetsItsRowsEvenWithoutForeignKeys() throws Exception {
    Path data = dir.resolve("data");
    Session session;
    try (TestContext t = new TestContext(data)) {
      session = new ProgressFixture(t).complete(t.profile("Alex"), "2026-11-01", Unit.KG, exercise("Squat", done(5, 100)));
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(AppContext.DATABASE_FILE));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA foreign_keys = OFF");
      s.executeUpdate("DELETE FROM sessions WHERE id = '" + session.id() + "'");
    }
    assertThat(rows(data, "set_log", session)).isZero();
    assertThat(rows(data, "exercise_log", session)).isZero();
  }

  @Test
  void rederiveRebuildsOneSessionFromItsStoredSnapshot() throws Exception {
    Path data = dir.resolve("data");
    try (TestContext t = new TestContext(data)) {
      Session session = new ProgressFixture(t).complete(t.profile("Alex"), "2026-11-01", Unit.KG,
          exercise("Squat", done(5, 100)));
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(AppContext.DATABASE_FILE));
          Statement s = c.createStatement()) {
        s.executeUpdate("DELETE FROM set_log");
        assertThat(rows(data, "set_log", session)).isZero();
        c.setAutoCommit(false);
        SetLogRepository.rederive(c, new dev.setwise.json.StructureJson(), session.id());
        c.commit();
      }
      assertThat(rows(data, "set_log", session)).isEqualTo(1);
      assertThat(rows(data, "exercise_log", session)).isEqualTo(1);
    }
  }
}
