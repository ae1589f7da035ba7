package dev.setwise.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.support.TestContext;
import dev.setwise.ui.MainViewModel;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsViewModelTest {

  @TempDir
  Path dir;

  UiFixture f;
  DataFolder folder;
  BackupsViewModel vm;
  List<AppContext> published = new ArrayList<>();

  @BeforeEach
  void open() {
    f = new UiFixture(dir.resolve("data"));
    folder = new DataFolder(f.t.app, d -> AppContext.open(d, f.t.clock));
    folder.contextProperty().addListener((obs, old, now) -> published.add(now));
    vm = new BackupsViewModel(folder, f.tasks, f.t.clock.getZone());
  }

  @AfterEach
  void close() {
    folder.close();
    f.close();
  }

  private List<String> planNames(AppContext context) {
    Profile alex = context.profiles().list().get(0);
    return context.plans().list(alex.id()).stream().map(PlanSummary::name).toList();
  }

  @Test
  void backUpNowMakesAManualBackupAndListsItFirst() {
    vm.refresh();
    assertThat(vm.backups()).isEmpty();
    assertThat(vm.loadedProperty().get()).isTrue();

    vm.backUpNow();

    assertThat(vm.backups()).singleElement().satisfies(b -> assertThat(b.reason()).isEqualTo(BackupReason.MANUAL));
    BackupInfo made = vm.backups().get(0);
    assertThat(vm.selectedProperty().get()).isEqualTo(made);
    assertThat(vm.statusProperty().get()).isEqualTo("Backup made: setwise-2026-11-24-071500-manual.db ("
        + dev.setwise.ui.common.Formats.size(made.sizeBytes()) + ").");
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(BackupsViewModel.describe(made.reason())).isEqualTo("Made by you");

    f.t.clock.advance(Duration.ofHours(1));
    folder.backups().create(BackupReason.BEFORE_IMPORT);
    vm.refresh();
    assertThat(vm.backups()).extracting(BackupInfo::reason).containsExactly(BackupReason.BEFORE_IMPORT,
        BackupReason.MANUAL);
    assertThat(vm.selectedProperty().get()).isEqualTo(made);
  }

  @Test
  void theConfirmationSaysTheCurrentDataIsSetAsideAndWhere() {
    BackupInfo backup = folder.backups().create(BackupReason.DAILY);
    BackupsViewModel.Question question = vm.question(backup);
    assertThat(question.title()).isEqualTo("Restore the backup of " + Formats.dateTime(TestContext.START, vm.zone()) + "?");
    assertThat(question.text()).contains("(daily, ")
        .contains("Your current data is not deleted: it is backed up first, then set aside in\n"
            + folder.dir().resolve("replaced"));
    assertThat(vm.question(Path.of("/media/usb/old.db")).title()).isEqualTo("Restore old.db?");
  }

  @Test
  void restoringPutsTheBackupInPlaceOnANewContextAndSetsTheCurrentDataAside() throws Exception {
    Profile alex = f.profile.get();
    f.t.plan(alex, "Before");
    BackupInfo backup = folder.backups().create(BackupReason.MANUAL);
    f.t.clock.advance(Duration.ofMinutes(5));
    f.t.plan(alex, "After");
    AppContext old = folder.context();
    vm.refresh();

    vm.restore(backup.file());

    AppContext now = folder.context();
    assertThat(now).isNotSameAs(old);
    assertThat(published).containsExactly(now);
    assertThat(planNames(now)).containsExactly("Before");
    assertThat(vm.errorProperty().get()).isNull();
    assertThat(vm.statusProperty().get()).isEqualTo("Restored setwise-2026-11-24-071500-manual.db (1 profile, "
        + "0 sessions). Your previous data was set aside as "
        + folder.dir().resolve("replaced").resolve("setwise-2026-11-24-072000.db") + ".");
    // The data that was replaced is all there, set aside.
    Path look = Files.createDirectories(dir.resolve("look"));
    try (var aside = Files.list(folder.dir().resolve(BackupService.SET_ASIDE_FOLDER))) {
      Files.copy(aside.filter(p -> p.toString().endsWith(".db")).findFirst().orElseThrow(),
          look.resolve(AppContext.DATABASE_FILE));
    }
    try (AppContext replaced = AppContext.open(look, f.t.clock)) {
      assertThat(planNames(replaced)).containsExactly("After", "Before");
    }
    // The app's screens work on the new database.
    MainViewModel main = new MainViewModel(services(now), folder, f.tasks, Chime.SILENT,
        UiPreferences.defaults());
    main.start();
    assertThat(main.plans().plans()).extracting(PlanSummary::name).containsExactly("Before");
    assertThat(vm.backups()).extracting(BackupInfo::reason).contains(BackupReason.BEFORE_RESTORE);
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(vm.restoringProperty().get()).isFalse();
  }

  @Test
  void aBackupThatFailsItsCheckChangesNothingAndTheAppGoesOnAsItWas() throws Exception {
    f.t.plan(f.profile.get(), "Mine");
    Path damaged = Files.writeString(dir.resolve("damaged.db"), "not a database at all");
    AppContext old = folder.context();

    vm.restore(damaged);

    assertThat(vm.errorProperty().get()).isEqualTo("Cannot restore damaged.db: it is not a readable SQLite database. "
        + "Nothing was changed.");
    assertThat(folder.context()).isSameAs(old);
    assertThat(published).isEmpty();
    assertThat(planNames(old)).containsExactly("Mine");
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void aRestoreThatFailsAfterClosingOpensTheOldDataAgainAndSaysWhatWentWrong() throws Exception {
    f.t.plan(f.profile.get(), "Before");
    BackupInfo backup = folder.backups().create(BackupReason.MANUAL);
    f.t.plan(f.profile.get(), "After");
    // A file where the folder for the replaced database must go: setting the data aside fails.
    Files.writeString(folder.dir().resolve(BackupService.SET_ASIDE_FOLDER), "in the way");
    AppContext old = folder.context();

    vm.restore(backup.file());

    assertThat(vm.errorProperty().get()).isEqualTo("Could not restore setwise-2026-11-24-071500-manual.db: a file of "
        + "that name is in the way. You are still working on your data as it was before.");
    assertThat(vm.statusProperty().get()).isNull();
    AppContext now = folder.context();
    assertThat(now).isNotSameAs(old);
    assertThat(published).containsExactly(now);
    assertThat(planNames(now)).containsExactly("After", "Before");
    // and it takes writes
    f.t.clock.advance(Duration.ofMinutes(1));
    now.plans().create(now.profiles().list().get(0).id(), "Still working", dev.setwise.support.Structures.plan());
    assertThat(planNames(now)).contains("Still working");
  }

  @Test
  void theInAppRestoreIsRefusedWhileSetwiseServeUsesTheFolderAndTheAppGoesOnAsItWas() {
    f.t.plan(f.profile.get(), "Before");
    BackupInfo backup = folder.backups().create(BackupReason.MANUAL);
    f.t.plan(f.profile.get(), "After");
    AppContext old = folder.context();

    try (dev.setwise.service.folder.FolderLease serve = dev.setwise.service.folder.FolderLease.acquire(folder.dir(),
        dev.setwise.service.folder.FolderLease.Kind.SERVE, null, f.t.clock)) {
      vm.restore(backup.file());
    }

    assertThat(vm.errorProperty().get()).isEqualTo("Setwise serve (pid " + ProcessHandle.current().pid()
        + ", since " + Formats.time(TestContext.START, vm.zone()) + ") is using this data folder; stop it first");
    assertThat(folder.context()).isSameAs(old);
    assertThat(published).isEmpty();
    assertThat(planNames(old)).containsExactly("After", "Before");
    assertThat(folder.dir().resolve(BackupService.SET_ASIDE_FOLDER)).doesNotExist();
    assertThat(vm.busyProperty().get()).isFalse();
  }

  @Test
  void aDamagedDatabaseFoundAfterTheWindowIsUpIsShownInTheWarning() {
    MainViewModel main = new MainViewModel(f.services, folder, f.tasks, Chime.SILENT, UiPreferences.defaults());
    main.start();
    main.checkDatabase();
    assertThat(main.warningProperty().get()).isNull();

    Path db = folder.dir().resolve(AppContext.DATABASE_FILE);
    dev.setwise.support.DamagedFolders.flipPage(folder.dir(),
        dev.setwise.support.DamagedFolders.rootPage(folder.dir(), "sessions"));
    main.checkDatabase();

    assertThat(main.warningProperty().get()).startsWith(AppContext.DATABASE_FILE + " in " + db.getParent()
        + " is damaged (").endsWith("Restore a backup with File → Backups… (the damaged file is set aside in "
        + "replaced/, never deleted); what you change now may be lost.");
  }

  @Test
  void theDailyBackupIsQuietWhenItWorksAndAFailureIsShownWithItsReason() throws Exception {
    MainViewModel main = new MainViewModel(f.services, folder, f.tasks, Chime.SILENT, UiPreferences.defaults());
    main.start();
    main.backUpDailyIfDue();
    assertThat(main.warningProperty().get()).isNull();
    assertThat(folder.backups().list()).extracting(BackupInfo::reason).containsExactly(BackupReason.DAILY);
    main.backUpDailyIfDue();
    assertThat(folder.backups().list()).hasSize(1);

    // The next day the backups folder cannot be written (here: a file sits where it belongs).
    f.t.clock.advance(Duration.ofDays(1));
    Path backups = folder.backups().folder();
    for (BackupInfo b : folder.backups().list()) {
      Files.delete(b.file());
    }
    Files.delete(backups);
    Files.writeString(backups, "in the way");
    main.backUpDailyIfDue();

    assertThat(main.warningProperty().get()).isEqualTo("Today's automatic backup failed: Could not make a backup in "
        + backups + ": a file of that name is in the way. Your data is safe; to try again, use File → "
        + "Backups… → Back up now.");
  }

  private UiServices services(AppContext context) {
    return UiServices.of(context);
  }
}
