package dev.setwise.store;

import static dev.setwise.support.DamagedFolders.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.StorageException;
import dev.setwise.domain.StorageException.Reason;
import dev.setwise.support.DamagedFolders;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a data folder whose database is damaged, foreign, empty or from a newer Setwise: refused
 * before anything is written, with one line naming the file, what is wrong and the newest backup;
 * the files stay as they were (or are copied aside first); never a fresh database in their place.
 */
class OpenChecksTest {

  private static final String NEWEST_BACKUP = "setwise-2026-11-24-074500-manual.db";

  @TempDir
  Path dir;

  private Path data() {
    return dir.resolve("data");
  }

  private StorageException refused(Path folder, Reason reason, ThrowingCallable open) {
    Map<String, String> before = DamagedFolders.fingerprint(folder);
    StorageException[] caught = new StorageException[1];
    assertThatThrownBy(open).isInstanceOfSatisfying(StorageException.class, e -> caught[0] = e);
    assertThat(caught[0].reason()).isEqualTo(reason);
    assertThat(caught[0].getMessage()).doesNotContain("\n").doesNotContain("Exception");
    assertThat(DamagedFolders.fingerprint(folder)).as("the files are as they were").isEqualTo(before);
    return caught[0];
  }

  private StorageException refusedOnOpen(Reason reason) {
    return refused(data(), reason, () -> new TestContext(data()).close());
  }

  private String advice() {
    return "The newest backup is " + NEWEST_BACKUP + ": restore it with 'setwise --data-dir " + data()
        + " restore " + NEWEST_BACKUP + "'";
  }

  @Test
  void aZeroLengthDatabaseBesideBackupsIsNotReplacedByAFreshOne() throws IOException {
    DamagedFolders.sound(data());
    Files.write(data().resolve(DB), new byte[0]);

    StorageException e = refusedOnOpen(Reason.EMPTY);

    assertThat(e).hasMessage(DB + " in " + data() + " is empty (0 bytes) although the folder has backups, so Setwise "
        + "does not start a new database there. " + advice());
    assertThat(Files.size(data().resolve(DB))).isZero();
  }

  @Test
  void aMissingDatabaseBesideBackupsIsNotReplacedByAFreshOne() throws IOException {
    DamagedFolders.sound(data());
    Files.delete(data().resolve(DB));

    StorageException e = refusedOnOpen(Reason.EMPTY);

    assertThat(e.getMessage()).startsWith(DB + " in " + data() + " is missing although the folder has backups");
    assertThat(data().resolve(DB)).doesNotExist();
  }

  @Test
  void aZeroLengthDatabaseWithoutBackupsIsANewDatabase() throws IOException {
    Files.createDirectories(data());
    Files.write(data().resolve(DB), new byte[0]);

    try (TestContext t = new TestContext(data())) {
      assertThat(t.app.profiles().list()).isEmpty();
    }
  }

  @Test
  void aFileThatIsNoDatabaseIsRefusedAsSuch() throws IOException {
    DamagedFolders.sound(data());
    Files.writeString(data().resolve(DB), "name,weight\nSquat,100\n");

    assertThat(refusedOnOpen(Reason.NOT_A_DATABASE))
        .hasMessage(DB + " in " + data() + " is not a database (it is not a SQLite file). " + advice());
  }

  @Test
  void aDatabaseCutShortIsDamaged() {
    DamagedFolders.sound(data());
    DamagedFolders.truncate(data(), 3 * 4096);

    assertThat(refusedOnOpen(Reason.DAMAGED).getMessage())
        .startsWith(DB + " in " + data() + " is damaged (it was cut short: it holds 3 of its ")
        .endsWith(advice());
  }

  @Test
  void aDatabaseCutShortMidPageIsDamaged() {
    DamagedFolders.sound(data());
    DamagedFolders.truncate(data(), 5000);

    assertThat(refusedOnOpen(Reason.DAMAGED).getMessage()).startsWith(DB + " in " + data()
        + " is damaged (it was cut short (5000 bytes is not a whole number of 4096-byte pages))");
  }

  @Test
  void flippedBitsInTheHeaderAreDamage() {
    DamagedFolders.sound(data());
    DamagedFolders.flip(data(), 21, 3);

    assertThat(refusedOnOpen(Reason.DAMAGED)).hasMessage(DB + " in " + data() + " is damaged (its header is damaged). "
        + advice());
  }

  @Test
  void aFewFlippedBitsInTheMagicStringAreDamageNotAForeignFile() {
    DamagedFolders.sound(data());
    DamagedFolders.flip(data(), 3, 1);

    assertThat(refusedOnOpen(Reason.DAMAGED).getMessage()).startsWith(DB + " in " + data() + " is damaged");
  }

  @Test
  void flippedBitsInTheSchemaPageAreDamage() {
    DamagedFolders.sound(data());
    DamagedFolders.flipPage(data(), 1);

    assertThat(refusedOnOpen(Reason.DAMAGED).getMessage()).startsWith(DB + " in " + data() + " is damaged (")
        .endsWith(advice());
  }

  @Test
  void flippedBitsInATablesPageAreFoundByTheCheck() {
    DamagedFolders.sound(data());
    DamagedFolders.flipPage(data(), DamagedFolders.rootPage(data(), "sessions"));

    try (TestContext t = new TestContext(data())) {
      assertThat(t.app.backups().checkDatabase()).hasValueSatisfying(problem ->
          assertThat(problem).startsWith(DB + " in " + data() + " is damaged ("));
      assertThatThrownBy(() -> t.app.exports().export(t.app.profiles().list().get(0).id(),
          java.io.OutputStream.nullOutputStream(), dev.setwise.service.Progress.NONE,
          dev.setwise.service.Cancellation.none()))
          .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DAMAGED));
      int backups = t.app.backups().list().size();
      assertThatThrownBy(() -> t.app.backups().create(dev.setwise.service.backup.BackupReason.MANUAL))
          .hasMessageStartingWith("Did not make a backup: " + DB + " in " + data() + " is damaged (");
      assertThat(t.app.backups().list()).hasSize(backups);
    }
  }

  @Test
  void aDatabaseFromANewerSetwiseIsRefusedNamingBothVersionsAndLeftUntouched() throws IOException {
    DamagedFolders.sound(data());
    DamagedFolders.fromNewerSetwise(data(), "42");

    StorageException e = refusedOnOpen(Reason.NEWER_SCHEMA);

    assertThat(e.getMessage()).startsWith(DB + " in " + data() + " was made by a newer Setwise (database version 42; "
        + "this Setwise, " + dev.setwise.Version.current() + ", knows versions up to " + Migrations.newestKnown() + ")");
    try (Stream<Path> files = Files.list(data())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no -wal or -shm left behind").noneMatch(name -> name.endsWith("-wal") || name.endsWith("-shm"));
    }
  }

  @Test
  void aWalFromAnotherDatabaseIsRefusedAndBothAreCopiedAsideFirst() throws IOException {
    DamagedFolders.withForeignWal(data(), dir.resolve("other"), dir.resolve("scratch"));
    String wal = DamagedFolders.sha256(data().resolve(DB + "-wal"));

    StorageException e = refusedOnOpen(Reason.FOREIGN_WAL);

    assertThat(e.getMessage()).startsWith(DB + "-wal in " + data() + " does not belong to " + DB + " (")
        .contains("nothing was changed, and copies of both are in " + data().resolve("recovered"))
        .contains("move " + DB + "-wal out of the folder");
    Path copies = onlyRecoveredCopy();
    assertThat(DamagedFolders.sha256(copies.resolve(DB + "-wal"))).isEqualTo(wal);
    assertThat(copies.resolve(DB)).exists();
    // Moving the stranger away opens the database as it was.
    Files.move(data().resolve(DB + "-wal"), dir.resolve("stranger.db-wal"));
    try (TestContext t = new TestContext(data())) {
      assertThat(plans(t.app)).containsExactlyInAnyOrder("Only here", "Strength A");
    }
  }

  @Test
  void aWalLeftByACrashOfThisDatabaseIsCopiedAsideThenApplied() throws IOException {
    DamagedFolders.crashedWithOwnWal(data(), dir.resolve("scratch"), "Saved just before the crash");
    String wal = DamagedFolders.sha256(data().resolve(DB + "-wal"));

    try (TestContext t = new TestContext(data())) {
      assertThat(plans(t.app)).contains("Saved just before the crash");
    }
    Path copies = onlyRecoveredCopy();
    assertThat(copies.getFileName().toString()).endsWith("-applied");
    assertThat(DamagedFolders.sha256(copies.resolve(DB + "-wal"))).isEqualTo(wal);
  }

  @Test
  void aWalLeftBesideAnOlderCopyOfTheDatabaseIsRefused() throws IOException {
    // What a restore by hand leaves: a backup copied over the database, the crashed -wal still beside it.
    DamagedFolders.crashedWithOwnWal(data(), dir.resolve("scratch"), "Saved just before the crash");
    Path backup;
    try (Stream<Path> backups = Files.list(data().resolve("backups"))) {
      backup = backups.findFirst().orElseThrow();
    }
    Files.copy(backup, data().resolve(DB), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    assertThat(refusedOnOpen(Reason.FOREIGN_WAL).getMessage()).contains("does not belong to " + DB);
  }

  @Test
  void anotherRunningSetwisesWalIsLeftToSqlite() throws IOException {
    DamagedFolders.crashedWithOwnWal(data(), dir.resolve("scratch"), "Live");

    Database database = Database.open(data().resolve(DB), new OpenOptions(BeforeMigration.NOTHING, false, true,
        null, TestContext.START));
    database.close();

    assertThat(data().resolve("recovered")).doesNotExist();
  }

  @Test
  void aWalWithAnotherDatabasesIdIsRefusedEvenWhileAnotherSetwiseHoldsTheFolder() {
    DamagedFolders.withForeignWal(data(), dir.resolve("other"), dir.resolve("scratch"));

    StorageException e = refused(data(), Reason.FOREIGN_WAL, () -> Database.open(data().resolve(DB),
        new OpenOptions(BeforeMigration.NOTHING, false, true, null, TestContext.START)).close());

    assertThat(e.getMessage()).contains("it was written for another database (id ");
    assertThat(data().resolve("recovered")).as("a live folder's files are not copied").doesNotExist();
  }

  private Path onlyRecoveredCopy() throws IOException {
    try (Stream<Path> copies = Files.list(data().resolve("recovered"))) {
      List<Path> all = copies.toList();
      assertThat(all).hasSize(1);
      return all.get(0);
    }
  }

  private static List<String> plans(AppContext app) {
    return app.plans().list(app.profiles().list().get(0).id()).stream().map(PlanSummary::name).toList();
  }
}
