package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.Unit;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.data.FilePicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Export…, Import… and Backups… driven from the keyboard on the real app and a real
 * database, headless: export a profile, import the file into another profile, then restore the
 * backup made at start and find the data as it was before the import. Only the file dialogs are
 * answered by the test (native dialogs cannot be driven headless).
 */
class DataMenusGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;

  /** Answers the file dialogs and remembers what they were asked. */
  static final class Answers implements FilePicker {
    Path export;
    Path toImport;
    final List<String> asked = new ArrayList<>();

    @Override
    public Optional<Path> saveExport(Window owner, Path folder, String fileName) {
      asked.add("save " + fileName);
      return Optional.of(export);
    }

    @Override
    public Optional<Path> openImport(Window owner, Path folder) {
      asked.add("open import in " + folder);
      return Optional.of(toImport);
    }

    @Override
    public Optional<Path> openBackup(Window owner, Path folder) {
      throw new AssertionError("not asked in this test");
    }
  }

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void tearDown() throws Exception {
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void exportImportIntoAnotherProfileAndRestoreTheBackupFromBeforeTheImport() throws Exception {
    driver = new AppDriver(Files.createDirectories(dir.resolve("data")), clock);
    AppContext seed = driver.context;
    Profile athlete = seed.profiles().ensureDefault();
    Plan plan = seed.plans().create(athlete.id(), "Push A", Structures.plan());
    Session session = seed.sessions().start(athlete.id(), plan.id(), null);
    seed.sessions().complete(athlete.id(), session.id(),
        Structures.done(session.structure(), 0, 0, 5, 100, TestContext.START));
    Profile sam = seed.profiles().create("Sam", Unit.KG);
    Answers answers = new Answers();
    answers.export = Files.createDirectories(dir.resolve("exports")).resolve("athlete.json");
    answers.toImport = answers.export;
    driver.files = answers;
    driver.open();
    var robot = driver.robot;
    // The daily backup is made once the window shows.
    AppDriver.waitUntil(() -> driver.app.context().backups().list().size() == 1);

    // Export (Ctrl+E): the file and a confirmation with the counts and the place.
    robot.push(KeyCode.CONTROL, KeyCode.E);
    AppDriver.waitUntil(() -> text("#export-outcome").startsWith("Exported"));
    assertThat(answers.asked).containsExactly("save setwise-athlete-2026-11-24.json");
    assertThat(text("#export-outcome")).isEqualTo("Exported 1 plan and 1 session of Athlete.");
    assertThat(Files.readString(answers.export)).contains("\"Push A\"");
    robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> robot.lookup("#export-dialog").tryQuery().isEmpty());

    // Import (Ctrl+I) while Sam is the current profile: the export's own profile (Athlete) is
    // offered first and chosen, where it is already; choosing Sam, then Enter, imports into Sam.
    clock.advance(Duration.ofMinutes(10));
    robot.interact(() -> driver.app.viewModel().switchTo(sam));
    robot.push(KeyCode.CONTROL, KeyCode.I);
    AppDriver.waitUntil(() -> robot.lookup("#import-additions").tryQuery().isPresent());
    assertThat(robot.lookup("#import-target .radio-button").queryAll()).extracting(n -> ((Labeled) n).getText())
        .containsExactly("Athlete (the profile the file was exported from)", "Sam (your current profile)");
    assertThat(text("#import-additions")).isEqualTo("nothing new");
    assertThat(text("#import-verdict")).isEqualTo("Nothing to import: everything in this file is already in Athlete.");
    robot.clickOn("Sam (your current profile)");
    AppDriver.waitUntil(() -> text("#import-additions").equals("1 plan and 1 session"));
    assertThat(text("#import-verdict")).isEqualTo("Import adds 1 plan and 1 session to Sam. A backup is made first.");
    assertThat(answers.asked).last().isEqualTo("open import in " + answers.export.getParent());
    robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#import-now").query()).requestFocus());
    robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> robot.lookup("#import-outcome").tryQuery().isPresent()
        && text("#import-outcome").startsWith("Imported"));
    assertThat(text("#import-outcome")).isEqualTo("Imported 1 plan and 1 session into Sam. A backup was made "
        + "first: setwise-2026-11-24-072500-before-import.db.");
    robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> robot.lookup("#import-dialog").tryQuery().isEmpty());
    // Every screen shows it: the history of Sam has the session.
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    TableView<SessionSummary> history = driver.node("#history-table");
    AppDriver.waitUntil(() -> history.getItems().size() == 1);

    // Backups (Ctrl+B): the daily one from before the import, restored from the keyboard.
    robot.push(KeyCode.CONTROL, KeyCode.B);
    TableView<BackupInfo> backups = driver.node("#backup-table");
    AppDriver.waitUntil(() -> backups.getItems().size() == 2 && backups.isFocused());
    assertThat(backups.getItems()).extracting(BackupInfo::reason)
        .containsExactly(BackupReason.BEFORE_IMPORT, BackupReason.DAILY);
    robot.type(KeyCode.DOWN);
    AppDriver.waitUntil(() -> backups.getSelectionModel().getSelectedItem().reason() == BackupReason.DAILY);
    robot.push(KeyCode.ALT, KeyCode.R);
    AppDriver.waitUntil(() -> robot.lookup(".dialog-pane .content").queryAll().stream()
        .anyMatch(n -> n instanceof Labeled l && l.getText().contains("Your current data is not deleted")));
    AppContext before = driver.app.context();
    robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> text("#backup-status").startsWith("Restored"));
    assertThat(text("#backup-status")).startsWith("Restored setwise-2026-11-24-071500-daily.db (2 profiles, 1 session). "
        + "Your previous data was set aside as ");

    // The window now works on the restored database: Sam has no session again, the file is safe aside.
    AppContext after = driver.app.context();
    assertThat(after).isNotSameAs(before);
    assertThat(after.sessions().list(sam.id(), SessionQuery.defaults()).items()).isEmpty();
    try (var aside = Files.list(driver.dataDir.resolve("replaced"))) {
      assertThat(aside.map(p -> p.getFileName().toString())).contains("setwise-2026-11-24-072500.db");
    }
    robot.type(KeyCode.ESCAPE);
    AppDriver.waitUntil(() -> robot.lookup("#backups-dialog").tryQuery().isEmpty());
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    AppDriver.waitUntil(() -> driver.app.viewModel().readyProperty().get()
        && driver.app.viewModel().profileProperty().get().id().equals(sam.id()));
    TableView<SessionSummary> restoredHistory = driver.node("#history-table");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(restoredHistory.getItems()).isEmpty();
    assertThat(driver.app.window().stage().getIcons()).hasSize(6);
  }

  @Test
  void aCsvSummaryWithRowsLeftOutIsAWarningAndNoSentenceInItIsCutOff() throws Exception {
    driver = new AppDriver(Files.createDirectories(dir.resolve("data")), clock);
    driver.context.profiles().ensureDefault();
    Path csv = dir.resolve("FitNotes_Export_2025_05_01_18_32_09 (copy from my old phone before it broke).csv");
    try (var real = getClass().getResourceAsStream("/csv/real/fitnotes-weight-unit-column.csv")) {
      Files.write(csv, real.readAllBytes());
    }
    Files.writeString(csv, "2025-05-01,Bench,Chest,60,5,kgs,10,,,\n2025-05-01,Incline Dumbbell Press (Each Side) "
        + "(Bench at thirty degrees and a name of many words),Chest,abc,kgs,5,,,\n", java.nio.file.StandardOpenOption.APPEND);
    Answers answers = new Answers();
    answers.toImport = csv;
    driver.files = answers;
    driver.open();
    var robot = driver.robot;

    robot.push(KeyCode.CONTROL, KeyCode.I);
    AppDriver.waitUntil(() -> robot.lookup("#import-verdict").tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();

    Labeled verdict = robot.lookup("#import-verdict").query();
    assertThat(verdict.getStyleClass()).contains("warning").doesNotContain("success");
    assertThat(verdict.getText()).isEqualTo("Import adds 2 sessions to Athlete, but 2 rows of the file are left out "
        + "(see Rows left out). A backup is made first.");
    javafx.scene.control.TextArea left = robot.lookup("#import-skipped-rows").query();
    assertThat(left.getText()).isEqualTo("line 44: has 10 fields; the header has 9\n"
        + "line 45: has a weight that is not a number (\"abc\")");
    assertThat(left.isWrapText()).isTrue();
    javafx.scene.control.TextArea changed = robot.lookup("#import-changed-rows").query();
    assertThat(changed.getText()).startsWith("line 13: has 10 fields for the header's 9: a \",\" without quotes in "
        + "Exercise (read as \"Overhead Press (Each Side, Dumbbells)\")");
    // Every label of the dialog shows its whole text: none is cut short with an ellipsis.
    List<String> cut = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    robot.interact(() -> robot.lookup("#import-dialog").queryAll().forEach(root -> root.lookupAll("*")
        .forEach(n -> {
          if (n instanceof Labeled l && l.isVisible() && l.getText() != null && !l.getText().isEmpty()) {
            javafx.scene.text.Text shown = (javafx.scene.text.Text) l.lookup(".text");
            if (shown != null) {
              seen.add(l.getText());
              if (!shown.getText().equals(l.getText())) {
                cut.add(l.getText() + " shown as " + shown.getText());
              }
            }
          }
        })));
    assertThat(seen).contains("File type: FitNotes CSV", "Will be added", verdict.getText());
    assertThat(cut).isEmpty();
    robot.type(KeyCode.ESCAPE);
  }

  private String text(String query) {
    Node node = driver.robot.lookup(query).query();
    return ((Labeled) node).getText();
  }
}
