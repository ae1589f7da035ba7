package dev.setwise.service.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {

  @TempDir
  Path dir;

  Path data;
  TestContext t;
  BackupService backups;
  Profile alex;
  Plan plan;

  @BeforeEach
  void open() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    t = new TestContext(data);
    backups = t.app.backups();
    alex = t.profile("Alex");
    plan = t.plan(alex, "Strength A");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aBackupIsACheckedCopyListedNewestFirst() throws IOException {
    BackupInfo first = backups.create(BackupReason.MANUAL);
    t.clock.advance(Duration.ofMinutes(1));
    BackupInfo second = backups.create(BackupReason.BEFORE_IMPORT);

    assertThat(first.name()).isEqualTo("setwise-2026-11-24-071500-manual.db");
    assertThat(second.name()).isEqualTo("setwise-2026-11-24-071600-before-import.db");
    assertThat(backups.list()).containsExactly(second, first);
    assertThat(backups.verify(first.file())).isNull();
    try (var files = Files.list(backups.folder())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(first.name(), second.name());
    }
  }

  @Test
  void twoBackupsInOneSecondGetTwoNames() {
    BackupInfo first = backups.create(BackupReason.MANUAL);
    BackupInfo second = backups.create(BackupReason.MANUAL);

    assertThat(second.name()).isEqualTo("setwise-2026-11-24-071500-manual-2.db");
    assertThat(backups.list()).hasSize(2).contains(first, second);
  }

  @Test
  void theDailyBackupIsMadeOncePerDay() {
    assertThat(backups.createDailyIfDue()).isPresent();
    t.clock.advance(Duration.ofHours(10));
    assertThat(backups.createDailyIfDue()).isEmpty();
    t.clock.advance(Duration.ofHours(10));
    assertThat(backups.createDailyIfDue()).isPresent();
    assertThat(backups.list()).extracting(BackupInfo::reason).containsOnly(BackupReason.DAILY).hasSize(2);
  }

  @Test
  void retentionKeepsTheLastSevenDaysEightWeeksAndEveryManualBackup() {
    BackupInfo manual = backups.create(BackupReason.MANUAL);
    for (int day = 0; day < 90; day++) {
      t.clock.advance(Duration.ofDays(1));
      backups.create(BackupReason.DAILY);
      if (day % 10 == 0) {
        backups.create(BackupReason.BEFORE_IMPORT);
      }
    }

    List<BackupInfo> kept = backups.list();
    assertThat(kept).contains(manual);
    List<BackupInfo> automatic = kept.stream().filter(b -> b.reason() != BackupReason.MANUAL).toList();
    Set<LocalDate> days = automatic.stream().map(b -> LocalDate.ofInstant(b.createdAt(), ZoneOffset.UTC))
        .collect(Collectors.toSet());
    LocalDate today = LocalDate.ofInstant(t.clock.instant(), ZoneOffset.UTC);
    for (int back = 0; back < 7; back++) {
      assertThat(days).contains(today.minusDays(back));
    }
    Set<Integer> weeks = automatic.stream()
        .map(b -> LocalDate.ofInstant(b.createdAt(), ZoneOffset.UTC).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
        .collect(Collectors.toSet());
    assertThat(weeks).hasSize(8);
    assertThat(automatic.size()).isBetween(8, 3 + 7 + 8);
    assertThat(automatic.get(0).createdAt()).isEqualTo(t.clock.instant());
  }

  @Test
  void aFailedBackupIsReportedAndLeavesNothingBehind() throws IOException {
    Files.writeString(data.resolve(BackupService.FOLDER), "not a folder");

    assertThatThrownBy(() -> backups.create(BackupReason.MANUAL))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith("Could not make a backup in ");
    assertThat(Files.readString(data.resolve(BackupService.FOLDER))).isEqualTo("not a folder");
  }

  @Test
  void restoringABackupBringsBackEveryPlanSessionAndAuditEntry() throws IOException {
    Session session = t.app.sessions().start(alex.id(), plan.id(), null);
    t.app.sessions().complete(alex.id(), session.id(),
        Structures.done(session.structure(), 0, 1, 5, 100, t.clock.instant()));
    t.app.sessions().start(alex.id(), plan.id(), null);
    Profile sam = t.profile("Sam");
    t.plan(sam, "Sam's plan");
    String before = everything();
    BackupInfo backup = backups.create(BackupReason.MANUAL);

    t.clock.advance(Duration.ofHours(1));
    t.app.sessions().delete(alex.id(), session.id());
    t.app.plans().create(alex.id(), "After the backup", Structures.plan());
    assertThat(everything()).isNotEqualTo(before);
    t.close();

    RestoreResult result = AppContext.backupsOf(data, t.clock).restore(Path.of(backup.name()));

    assertThat(result.profiles()).isEqualTo(2);
    assertThat(result.sessions()).isEqualTo(2);
    assertThat(result.setAside()).exists().hasParent(data.resolve(BackupService.SET_ASIDE_FOLDER));
    assertThat(result.safetyBackup().reason()).isEqualTo(BackupReason.BEFORE_RESTORE);
    assertThat(backup.file()).exists();
    t = new TestContext(data);
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aDamagedBackupIsRefusedAndNothingChanges() throws IOException {
    t.app.sessions().start(alex.id(), plan.id(), null);
    String before = everything();
    Path damaged = dir.resolve("damaged.db");
    Files.write(damaged, new byte[8192]);
    Path notSetwise = dir.resolve("other.db");
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + notSetwise);
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE notes (text TEXT)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    t.close();
    BackupService closed = AppContext.backupsOf(data, t.clock);

    assertThatThrownBy(() -> closed.restore(damaged))
        .isInstanceOf(BackupException.class)
        .hasMessage("Cannot restore damaged.db: it is not a readable SQLite database");
    assertThatThrownBy(() -> closed.restore(notSetwise))
        .isInstanceOf(BackupException.class)
        .hasMessage("Cannot restore other.db: it is not a Setwise database");
    assertThatThrownBy(() -> closed.restore(dir.resolve("missing.db")))
        .isInstanceOf(BackupException.class)
        .hasMessageStartingWith("There is no backup file ");

    assertThat(data.resolve(BackupService.SET_ASIDE_FOLDER)).doesNotExist();
    assertThat(closed.list()).isEmpty();
    t = new TestContext(data);
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void restoringOverADamagedDatabaseSetsItAsideAsItIsAndPutsTheBackupInPlace() throws IOException {
    BackupInfo backup = backups.create(BackupReason.MANUAL);
    String before = everything();
    t.close();
    dev.setwise.support.DamagedFolders.flipPage(data, dev.setwise.support.DamagedFolders.rootPage(data, "sessions"));
    String damaged = dev.setwise.support.DamagedFolders.sha256(data.resolve(AppContext.DATABASE_FILE));

    RestoreResult result = AppContext.backupsOf(data, t.clock).restore(backup.file());

    assertThat(result.safetyBackup()).as("a damaged database cannot be backed up").isNull();
    assertThat(dev.setwise.support.DamagedFolders.sha256(result.setAside())).isEqualTo(damaged);
    t = new TestContext(data);
    assertThat(everything()).isEqualTo(before);
  }

  @Test
  void aRestoreIsRefusedWhileAnotherSetwiseHoldsTheFolderAndChangesNothing() throws IOException {
    BackupInfo backup = backups.create(BackupReason.MANUAL);
    t.plan(alex, "After the backup");
    String before = everything();
    try (dev.setwise.service.folder.FolderLease serve = dev.setwise.service.folder.FolderLease.acquire(data,
        dev.setwise.service.folder.FolderLease.Kind.SERVE, null, t.clock)) {
      assertThatThrownBy(() -> AppContext.backupsOf(data, t.clock).restore(backup.file()))
          .isInstanceOf(dev.setwise.service.folder.FolderBusyException.class)
          .hasMessageStartingWith("Setwise serve (pid " + ProcessHandle.current().pid() + ", since ");
    }
    assertThat(data.resolve(BackupService.SET_ASIDE_FOLDER)).doesNotExist();
    assertThat(everything()).isEqualTo(before);
  }

  /** Every plan, session and audit entry of every profile, as one comparable text. */
  private String everything() {
    StringBuilder text = new StringBuilder();
    for (Profile profile : t.app.profiles().list()) {
      text.append(profile).append('\n');
      for (PlanSummary summary : t.app.plans().list(profile.id(), true)) {
        text.append(t.app.plans().get(profile.id(), summary.id())).append('\n');
      }
      SessionQuery all = SessionQuery.defaults().withPage(1000, 0);
      for (SessionSummary summary : t.app.sessions().list(profile.id(), all).items()) {
        text.append(t.app.sessions().get(profile.id(), summary.id())).append('\n');
      }
      for (AuditEntry entry : t.app.audit().list(profile.id(), 100, 0).items()) {
        text.append(entry).append('\n');
      }
    }
    return text.toString();
  }
}
