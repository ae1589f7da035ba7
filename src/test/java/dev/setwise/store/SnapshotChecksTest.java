package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StoredSession;
import dev.setwise.support.DamagedRows;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check kept beside each snapshot (V15; a session's in its own row since V17; the trusted read path): every write keeps the CRC-32C
 * of the bytes it stored, and a check only ever chooses between the quick and the strict reading:
 * text changed behind Setwise's back is validated again, so a damaged row still fails and a
 * changed valid one reads as what it now holds.
 */
class SnapshotChecksTest {

  @TempDir
  Path dir;
  TestContext t;
  Profile alex;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void everyWriteKeepsTheCheckOfTheBytesItStored() throws SQLException {
    Plan plan = t.plan(alex, "Legs");
    Session session = t.app.sessions().start(alex.id(), plan.id(), LocalDate.of(2026, 11, 24));
    assertChecked("SELECT session, snapshot_check FROM sessions",
        1);
    session = t.app.sessions().update(alex.id(), session.id(),
        Structures.done(session.structure(), 0, 0, 5, 60, t.clock.instant()));
    assertChecked("SELECT session, snapshot_check FROM sessions",
        1);
    session = t.app.sessions().complete(alex.id(), session.id(), null);
    t.app.sessions().amend(alex.id(), session.id(), session.structure().withNotes("Felt heavy"), "typo");
    assertChecked("SELECT session, session_check FROM session_amendments", 1);
    t.app.plans().update(alex.id(), plan.id(), "Legs day", Structures.plan().withNotes("new"));
    assertChecked("SELECT structure, structure_check FROM plans", 1);
    assertThat(t.app.sessions().getStored(alex.id(), session.id()).structureJson())
        .isEqualTo(text("SELECT session FROM session_amendments"));

    t.app.sessions().delete(alex.id(), session.id());
    assertThat(count("SELECT count(*) FROM sessions")).isZero();
  }

  @Test
  void aSnapshotChangedOutsideSetwiseIsValidatedAgain() {
    Session session = t.app.sessions().start(alex.id(), t.plan(alex, "Legs").id(), LocalDate.of(2026, 11, 24));
    String stored = t.app.sessions().getStored(alex.id(), session.id()).structureJson();

    // still valid, but not what Setwise wrote: read as it now is, through the validator
    String renamed = stored.replace("\"Squat\"", "\"  Front squat \"");
    new DamagedRows(t.dataDir).snapshot(session.id().toString(), renamed.getBytes(StandardCharsets.UTF_8));
    SessionStructure read = t.app.sessions().get(alex.id(), session.id()).structure();
    assertThat(read.exercises().get(0).name()).isEqualTo("Front squat");
    StoredSession copied = t.app.sessions().getStored(alex.id(), session.id());
    assertThat(copied.structureJson()).contains("\"Front squat\"").doesNotContain("  Front squat ");

    // breaks a rule while its old check stays beside it: a corrupt row, never bound unchecked
    String broken = stored.replace("\"target_rpe\":8.0", "\"target_rpe\":11.0");
    assertThat(broken).isNotEqualTo(stored);
    new DamagedRows(t.dataDir).snapshot(session.id().toString(), broken.getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> t.app.sessions().get(alex.id(), session.id()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("target_rpe");
    assertThatThrownBy(() -> t.app.sessions().getStored(alex.id(), session.id()))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("target_rpe");
  }

  @Test
  void aSaveReadsOnlyTheHeadOfTheSessionNotItsSnapshot() {
    // the write lock is held for the statements alone: a named structure is serialised and checked
    // before it, and inside it only the version, state and name of the session are read, so even a
    // snapshot that no longer reads (damaged) is replaced by the next autosave instead of failing it
    Session session = t.app.sessions().start(alex.id(), t.plan(alex, "Legs").id(), LocalDate.of(2026, 11, 24));
    new DamagedRows(t.dataDir).snapshot(session.id().toString(), "{\"unit\":".getBytes(StandardCharsets.UTF_8));
    Session saved = t.app.sessions().update(alex.id(), session.id(), Structures.plan().withName("Legs"),
        session.version());
    assertThat(saved.version()).isEqualTo(session.version() + 1);
    assertThat(t.app.sessions().get(alex.id(), session.id()).structure()).isEqualTo(Structures.plan().withName("Legs"));
  }

  private void assertChecked(String sql, int rows) throws SQLException {
    int seen = 0;
    try (Connection raw = raw(); PreparedStatement statement = raw.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        CRC32C crc = new CRC32C();
        crc.update(rs.getBytes(1));
        assertThat(rs.getLong(2)).as(sql).isEqualTo(crc.getValue());
        seen++;
      }
    }
    assertThat(seen).isEqualTo(rows);
  }

  private String text(String sql) throws SQLException {
    try (Connection raw = raw(); PreparedStatement statement = raw.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private long count(String sql) throws SQLException {
    try (Connection raw = raw(); PreparedStatement statement = raw.prepareStatement(sql);
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Connection raw() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + t.dataDir.resolve("setwise.db"));
  }
}
