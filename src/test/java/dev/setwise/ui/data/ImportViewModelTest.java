package dev.setwise.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.service.exchange.ImportFormat;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.service.exchange.ImportSummary;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.TestContext;
import dev.setwise.ui.MainViewModel;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.data.ImportViewModel.State;
import dev.setwise.ui.data.ImportViewModel.Verdict;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportViewModelTest {

  @TempDir
  Path dir;

  UiFixture f;
  List<ImportResult> imported = new ArrayList<>();
  ImportViewModel vm;

  @BeforeEach
  void open() {
    f = new UiFixture(dir.resolve("data"));
    vm = new ImportViewModel(f.t.app.imports(), f.tasks, f.profile, f.t.clock.getZone(), imported::add);
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Path samsExport(boolean withInProgress) throws Exception {
    return ExportDocuments.history(dir.resolve("sam.json"), "Sam", 3, 10, withInProgress);
  }

  private static Path csv(String name) throws Exception {
    return Path.of(ImportViewModelTest.class.getResource("/csv/" + name).toURI());
  }

  private ImportSummary summary() {
    return vm.choiceProperty().get().summary();
  }

  @Test
  void theSummaryOfAnExportOffersTheFilesOwnProfileFirstAndTheCurrentOneToo() throws Exception {
    vm.start(samsExport(false));

    assertThat(vm.stateProperty().get()).isEqualTo(State.REVIEW);
    assertThat(vm.fileNameProperty().get()).isEqualTo("sam.json");
    assertThat(vm.choices()).extracting(ImportViewModel.Choice::label)
        .containsExactly("Sam (a new profile, as in the file)", "Alex (your current profile)");
    // By default the export goes back into its own profile, as `setwise import FILE` does.
    assertThat(summary().profileName()).isEqualTo("Sam");
    assertThat(summary().createsProfile()).isTrue();
    vm.choiceProperty().set(vm.choices().get(1));
    ImportSummary s = summary();
    assertThat(s.format()).isEqualTo(ImportFormat.SETWISE);
    assertThat(s.profileName()).isEqualTo("Alex");
    assertThat(ImportViewModel.additions(s)).isEqualTo("3 plans and 10 sessions");
    assertThat(ImportViewModel.duplicates(s)).isEqualTo("none");
    assertThat(ImportViewModel.verdict(s)).isEqualTo(Verdict.READY);
    assertThat(ImportViewModel.verdictText(s))
        .isEqualTo("Import adds 3 plans and 10 sessions to Alex. A backup is made first.");
    assertThat(vm.notes(s)).containsExactly("The file holds sessions from " + day(2024, 2, 1) + " to " + day(2024, 2, 8) + ".");
    assertThat(vm.canImportProperty().get()).isTrue();

    vm.choiceProperty().set(vm.choices().get(0));
    assertThat(summary().profileName()).isEqualTo("Sam");
    assertThat(vm.notes(summary())).containsExactly(
        "The file holds sessions from " + day(2024, 2, 1) + " to " + day(2024, 2, 8) + ".",
        "The profile Sam does not exist yet; the import creates it.");
    assertThat(ImportViewModel.verdictText(summary()))
        .isEqualTo("Import adds 3 plans and 10 sessions to Sam (created). A backup is made first.");
    // The dry runs changed nothing.
    assertThat(f.t.app.profiles().list()).extracting(Profile::name).containsExactly("Alex");
    assertThat(f.t.app.plans().list(f.owner())).isEmpty();
  }

  @Test
  void aCsvLeavesOutRowsThatCannotBeMappedAndListsThemWithTheirLineNumbers() throws Exception {
    vm.start(csv("strong.csv"));

    assertThat(vm.choices()).extracting(ImportViewModel.Choice::label).containsExactly("Alex (your current profile)");
    ImportSummary s = summary();
    assertThat(s.format()).isEqualTo(ImportFormat.STRONG);
    assertThat(ImportViewModel.additions(s)).isEqualTo("2 sessions");
    assertThat(ImportViewModel.skippedRows(s)).containsExactly(
        "line 12: has a weight that is not a number (\"abc\")",
        "line 13: has an RPE of 11; Setwise keeps 1 to 10 in steps of 0.5");
    assertThat(ImportViewModel.problems(s)).isEmpty();
    // Rows left out make it a warning, not a plain success; the rest timer is one line of notes.
    assertThat(ImportViewModel.verdict(s)).isEqualTo(Verdict.CAUTION);
    assertThat(ImportViewModel.verdictText(s)).isEqualTo("Import adds 2 sessions to Alex, but 2 rows of the file "
        + "are left out (see Rows left out) and its weights are read as kg and its distances as km (the file names "
        + "no unit). A backup is made first.");
    assertThat(vm.notes(s)).contains("The file holds sessions from " + day(2026, 10, 5) + " to " + day(2026, 10, 7) + ".",
        "1 rest timer row (rest between sets, not sets) is not imported.");
    assertThat(vm.canImportProperty().get()).isTrue();

    vm.importNow();

    assertThat(vm.stateProperty().get()).isEqualTo(State.DONE);
    assertThat(vm.messageProperty().get()).isEqualTo("Imported 2 sessions into Alex. 2 rows of the file were left "
        + "out. A backup was made first: setwise-2026-11-24-071500-before-import.db.");
    assertThat(vm.otherProfileImportedInto()).isNull();
  }

  @Test
  void aFileWithProblemsListsThemWithTheirPathsAndCannotBeImported() throws Exception {
    Path file = samsExport(false);
    Files.writeString(file, Files.readString(file).replaceFirst("\"name\":\"Plan A0\"", "\"name\":\"\"")
        .replaceFirst("\"date\":\"2024-02-01\"", "\"date\":\"someday\""));

    vm.start(file);

    ImportSummary s = summary();
    assertThat(ImportViewModel.problems(s)).hasSize(2)
        .anySatisfy(line -> assertThat(line).startsWith("plans[0].name: "))
        .anySatisfy(line -> assertThat(line).startsWith("sessions[0].date: "));
    assertThat(ImportViewModel.verdict(s)).isEqualTo(Verdict.BLOCKED);
    assertThat(ImportViewModel.verdictText(s)).isEqualTo(
        "This file cannot be imported: it has 2 problems. Nothing was changed.");
    assertThat(vm.canImportProperty().get()).isFalse();

    vm.importNow();
    assertThat(vm.stateProperty().get()).isEqualTo(State.REVIEW);
    assertThat(f.t.app.plans().list(f.owner())).isEmpty();
    assertThat(imported).isEmpty();
  }

  @Test
  void aWorkoutInProgressInTheFileWhileTheProfileHasOneIsAConflictThatBlocksTheImport() throws Exception {
    Plan plan = f.t.plan(f.profile.get(), "Mine");
    f.t.app.sessions().start(f.owner(), plan.id(), null);

    vm.start(samsExport(true));
    vm.choiceProperty().set(vm.choices().get(1));

    ImportSummary s = summary();
    assertThat(s.profileName()).isEqualTo("Alex");
    assertThat(ImportViewModel.conflicts(s)).singleElement().asString().startsWith("sessions[9]");
    assertThat(ImportViewModel.verdictText(s))
        .isEqualTo("Nothing can be imported: the file clashes with Alex's data (see Conflicts).");
    assertThat(vm.canImportProperty().get()).isFalse();
  }

  @Test
  void importingIntoTheCurrentProfileShowsTheNewDataOnEveryScreenAndASecondTimeChangesNothing() throws Exception {
    MainViewModel main = new MainViewModel(f.services, new DataFolder(f.t.app, d -> AppContext.open(d, f.t.clock)),
        f.tasks, Chime.SILENT, UiPreferences.defaults().withProfile(f.owner()));
    main.start();
    main.show(Screen.HISTORY);
    assertThat(main.history().rows()).isEmpty();
    Path file = samsExport(true);

    main.importer().start(file);
    main.importer().choiceProperty().set(main.importer().choices().get(1));
    main.importer().importNow();

    assertThat(main.importer().stateProperty().get()).isEqualTo(State.DONE);
    assertThat(main.importer().messageProperty().get())
        .startsWith("Imported 3 plans and 10 sessions into Alex. A backup was made first: ");
    assertThat(main.history().rows()).hasSize(10);
    assertThat(main.workout().modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.ACTIVE);
    main.show(Screen.PLANS);
    assertThat(main.plans().plans()).hasSize(2); // the third is archived
    main.show(Screen.ACTIVITY);
    assertThat(main.activity().entries()).extracting(e -> e.action()).contains("data_imported");

    main.importer().start(file);
    main.importer().choiceProperty().set(main.importer().choices().get(1));
    ImportSummary again = main.importer().choiceProperty().get().summary();
    assertThat(ImportViewModel.verdict(again)).isEqualTo(Verdict.NOTHING_NEW);
    assertThat(ImportViewModel.duplicates(again)).isEqualTo("3 plans and 10 sessions");
    assertThat(main.importer().notes(again)).containsExactly(
        "The file holds sessions from " + day(2024, 2, 1) + " to " + day(2024, 2, 8) + ".",
        "You imported this file into Alex before, on " + Formats.dateTime(TestContext.START, ZoneOffset.UTC) + ".");
    assertThat(main.importer().canImportProperty().get()).isFalse();
  }

  @Test
  void importingIntoTheFilesOwnProfileCreatesItAndOffersToSwitchToIt() throws Exception {
    MainViewModel main = new MainViewModel(f.services, new DataFolder(f.t.app, d -> AppContext.open(d, f.t.clock)),
        f.tasks, Chime.SILENT, UiPreferences.defaults().withProfile(f.owner()));
    main.start();
    ImportViewModel importer = main.importer();
    importer.start(samsExport(false));
    // The file's own profile is the default: nothing to choose.
    assertThat(importer.choiceProperty().get().profileName()).isNull();
    importer.importNow();

    assertThat(importer.messageProperty().get())
        .startsWith("Imported 3 plans and 10 sessions into Sam (a new profile).");
    assertThat(importer.otherProfileImportedInto()).isEqualTo("Sam");
    assertThat(f.t.app.plans().list(f.owner())).isEmpty();
    assertThat(main.profiles()).extracting(Profile::name).containsExactly("Alex", "Sam");
    assertThat(main.profileProperty().get().name()).isEqualTo("Alex");

    main.switchToProfileNamed("Sam");
    assertThat(main.profileProperty().get().name()).isEqualTo("Sam");
    main.show(Screen.HISTORY);
    assertThat(main.history().rows()).hasSize(10);
  }

  @Test
  void aCancelledImportImportsNothing() throws Exception {
    vm.progressTextProperty().addListener((obs, old, now) -> {
      if (now.startsWith("Importing: ")) {
        vm.cancel();
      }
    });
    vm.start(samsExport(false));
    vm.importNow();

    assertThat(vm.stateProperty().get()).isEqualTo(State.CANCELLED);
    assertThat(vm.messageProperty().get()).isEqualTo("Import cancelled. Nothing was imported.");
    assertThat(f.t.app.plans().list(f.owner())).isEmpty();
    assertThat(imported).isEmpty();
  }

  @Test
  void aFileThatIsGoneSaysSo() {
    vm.start(dir.resolve("gone.json"));

    assertThat(vm.stateProperty().get()).isEqualTo(State.FAILED);
    assertThat(vm.messageProperty().get()).isEqualTo("Cannot read gone.json: the file does not exist");
  }

  /** A day as the notes write it (the system locale's date). */
  private static String day(int year, int month, int dayOfMonth) {
    return Formats.date(LocalDate.of(year, month, dayOfMonth));
  }
}
