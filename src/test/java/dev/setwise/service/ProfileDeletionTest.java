package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProfileService#delete}: everything of the profile goes, after a backup; never the last one. */
class ProfileDeletionTest {

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;
  Profile sam;
  Session amended;

  /** Alex holds a row in every table there is; Sam holds some too, and keeps them. */
  @BeforeEach
  void twoProfilesWithHistories() throws SQLException {
    t = new TestContext(dir.resolve("data"));
    alex = t.profile("Alex");
    sam = t.profile("Sam");
    for (Profile owner : List.of(alex, sam)) {
      Plan plan = t.plan(owner, "Strength A");
      Plan gone = t.plan(owner, "Old plan");
      t.app.plans().delete(owner.id(), gone.id());
      Session started = t.app.sessions().start(owner.id(), plan.id(), null);
      SessionStructure logged = Structures.done(started.structure(), 0, 1, 5, 100, t.clock.instant());
      t.clock.advance(Duration.ofMinutes(45));
      Session completed = t.app.sessions().complete(owner.id(), started.id(), logged);
      amended = t.app.sessions().amend(owner.id(), completed.id(),
          Structures.done(logged, 0, 2, 5, 100, t.clock.instant()), "Forgot a set");
      Session discarded = t.app.sessions().start(owner.id(), plan.id(), null);
      t.app.sessions().delete(owner.id(), discarded.id());
      t.app.tokens().create(owner.id(), "laptop");
      t.app.progress().exercises().rename(owner.id(), "Squat", "Back squat");
      dev.setwise.domain.progress.ProgressSettings settings = t.app.progress().settings().get(owner.id());
      t.app.progress().settings().save(owner.id(), settings.withPrefill(
          dev.setwise.domain.progress.ProgressSettings.Prefill.values()[1]));
      t.app.rests().setWarmupRest(owner.id(), 45);
      t.clock.advance(Duration.ofDays(1));
    }
    for (Profile owner : List.of(alex, sam)) {
      t.app.imports().importData(ImportSource.of(Path.of("src/test/resources/csv/strong.csv")),
          new ImportOptions(owner.name()), Progress.NONE, Cancellation.none());
    }
    for (Profile owner : List.of(alex, sam)) {
      // Setting sync up queues every plan and session in the outbox.
      t.app.syncSettings().setUp(owner.id(), "http://127.0.0.1:9", dev.setwise.service.sync.SyncToken.of("token-" + owner.name()));
    }
    try (Connection raw = raw(); Statement statement = raw.createStatement()) {
      statement.execute("INSERT INTO idempotency_keys (user_id, key, fingerprint, status, location, body, created_at) "
          + "VALUES ('" + alex.id() + "', 'k1', zeroblob(32), 201, NULL, x'7b7d', 0)");
      // What a sync would have left: an agreement with the server and a conflict.
      String someSession = amended.id().toString();
      statement.execute("INSERT INTO sync_entities (user_id, entity_type, entity_id, remote_version, local_version, "
          + "remote_state) VALUES ('" + alex.id() + "', 'session', '" + someSession + "', 1, 1, 'completed')");
      statement.execute("INSERT INTO sync_conflicts (user_id, entity_type, entity_id, kind, about, created_at, updated_at) "
          + "VALUES ('" + alex.id() + "', 'session', '" + someSession + "', 'changed_both', 'both changed', 0, 0)");
    }
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void deletingAProfileRemovesEveryRowOfItAfterABackupAndLeavesTheOtherAlone() throws SQLException {
    Map<String, Long> samBefore = rowsOf(sam.id());
    Map<String, Long> alexBefore = rowsOf(alex.id());
    // A rest timer only exists during a workout in progress: the next test has one. A row of
    // sync_applying only lives inside a transaction that applies what a server sent.
    alexBefore.remove("rest_timers");
    alexBefore.remove("sync_applying");
    Path token = t.app.syncSettings().tokenFile(alex.id());
    assertThat(token).exists();
    assertThat(alexBefore).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());

    ProfileDeleted deleted = t.app.profiles().delete(alex.id(), false);

    assertThat(deleted.removed().plans()).isEqualTo(1);
    assertThat(deleted.removed().sessions()).isEqualTo(samBefore.get("sessions"));
    assertThat(deleted.removed().amendments()).isEqualTo(1);
    assertThat(rowsOf(alex.id())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
    assertThat(rowsOf(sam.id())).isEqualTo(samBefore);
    assertThat(token).as("the deleted profile's sync token file").doesNotExist();
    assertThat(t.app.syncSettings().tokenFile(sam.id())).exists();
    assertThat(t.app.profiles().list()).extracting(Profile::name).containsExactly("Sam");
    assertThat(deleted.backup()).exists();
    assertThat(deleted.backup().getFileName().toString()).contains("-before-profile-delete");
    assertThat(t.app.backups().list()).anySatisfy(b -> assertThat(b.reason())
        .isEqualTo(BackupReason.BEFORE_PROFILE_DELETE));
    try (Connection backup = DriverManager.getConnection("jdbc:sqlite:" + deleted.backup());
        Statement statement = backup.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM sessions WHERE user_id = '" + alex.id() + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).as("the backup still holds Alex's sessions").isEqualTo(deleted.removed().sessions());
    }
  }

  @Test
  void theDeletedProfilesTokensNoLongerOpenTheApi() {
    TokenService.Issued issued = t.app.tokens().create(alex.id(), "phone");
    assertThat(t.app.tokens().authenticate(issued.text())).contains(alex.id());

    t.app.profiles().delete(alex.id(), false);

    assertThat(t.app.tokens().authenticate(issued.text())).isEmpty();
  }

  @Test
  void theLastProfileIsNeverDeleted() {
    t.app.profiles().delete(alex.id(), false);
    long backups = t.app.backups().list().size();

    assertThatThrownBy(() -> t.app.profiles().delete(sam.id(), true))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Cannot delete Sam: it is the only profile; create another one first");
    assertThat(t.app.profiles().list()).extracting(Profile::name).containsExactly("Sam");
    assertThat(t.app.backups().list()).as("no backup for a refused deletion").hasSize((int) backups);
  }

  @Test
  void aProfileWithAWorkoutInProgressIsDeletedOnlyWhenThatIsConfirmed() throws SQLException {
    Plan plan = t.app.plans().list(alex.id()).stream().findFirst()
        .map(p -> t.app.plans().get(alex.id(), p.id())).orElseThrow();
    Session running = t.app.sessions().start(alex.id(), plan.id(), null);
    t.app.rests().save(alex.id(), running.id(), t.clock.instant().plusSeconds(90), 90);
    assertThat(t.app.profiles().contents(alex.id()).workoutInProgress()).isTrue();

    assertThatThrownBy(() -> t.app.profiles().delete(alex.id(), false))
        .isInstanceOf(ConflictException.class)
        .hasMessage("Alex has a workout in progress; deleting the profile deletes it too, so that must be confirmed");
    assertThat(t.app.sessions().findInProgress(alex.id())).isPresent();

    ProfileDeleted deleted = t.app.profiles().delete(alex.id(), true);

    assertThat(deleted.removed().workoutInProgress()).isTrue();
    assertThat(t.app.profiles().list()).extracting(Profile::name).containsExactly("Sam");
    assertThat(rowsOf(alex.id())).allSatisfy((table, count) -> assertThat(count).as(table).isZero());
  }

  @Test
  void anUnknownProfileIsNotFound() {
    assertThatThrownBy(() -> t.app.profiles().delete(UUID.randomUUID(), true)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void anExportOfTheDeletedProfileImportsAgainWithItsOwnIds() throws Exception {
    Path export = dir.resolve("alex.json");
    t.app.exports().exportToFile(alex.id(), export, Progress.NONE, Cancellation.none());

    t.app.profiles().delete(alex.id(), false);
    t.app.imports().importData(ImportSource.of(export), ImportOptions.defaults(), Progress.NONE, Cancellation.none());

    Profile back = t.app.profiles().findByName("Alex").orElseThrow();
    assertThat(back.id()).isEqualTo(alex.id());
    assertThat(t.app.sessions().amendments(alex.id(), amendedOf(alex.id()))).hasSize(2);
    assertThat(Files.size(export)).isPositive();
  }

  @Test
  void theAuditLogOfAProfileThatExistsStaysAppendOnly() throws SQLException {
    try (Connection raw = raw(); Statement statement = raw.createStatement()) {
      assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log WHERE user_id = '" + alex.id() + "'"))
          .hasMessageContaining("append-only");
    }
    t.app.profiles().delete(alex.id(), false);
    try (Connection raw = raw(); Statement statement = raw.createStatement()) {
      assertThatThrownBy(() -> statement.execute("DELETE FROM audit_log WHERE user_id = '" + sam.id() + "'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> statement.execute("UPDATE audit_log SET action = 'x' WHERE user_id = '" + sam.id() + "'"))
          .hasMessageContaining("append-only");
    }
  }

  private UUID amendedOf(UUID owner) {
    return t.app.sessions().list(owner, dev.setwise.domain.SessionQuery.defaults()).items().stream()
        .filter(dev.setwise.domain.SessionSummary::amended).findFirst().orElseThrow().id();
  }

  /** Rows naming the profile, per table with a {@code user_id} (or the profile itself). */
  private Map<String, Long> rowsOf(UUID profile) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection raw = raw(); Statement statement = raw.createStatement()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("SELECT m.name FROM sqlite_schema m "
          + "JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'user_id' ORDER BY m.name")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      tables.remove("period_totals");
      tables.remove("exercise_period_totals");
      for (String table : tables) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table + " WHERE user_id = '"
            + profile + "'")) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM profiles WHERE id = '" + profile + "'")) {
        rs.next();
        counts.put("profiles", rs.getLong(1));
      }
      for (String totals : List.of("period_totals", "exercise_period_totals")) {
        try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + totals + " WHERE user_id = '"
            + profile + "'")) {
          rs.next();
          // derived totals: rows exist while sessions count in them
          counts.put(totals + " (any)", rs.getLong(1) > 0 ? 1L : 0L);
        }
      }
    }
    return counts;
  }

  private Connection raw() throws SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + t.dataDir.resolve("setwise.db"));
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 5000");
    }
    return connection;
  }
}
