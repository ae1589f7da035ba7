package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.SetEntry;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.history.SessionDetailViewModel;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What History offers for a completed session, driven as a person does: Amend… (a correction
 * with a required reason that History, volume and records count, the original a click away),
 * Repeat this workout (refused with an offer while a workout is in progress) and Save as plan.
 */
class SessionActionsGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  Profile athlete;
  Session legs;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void lastWeek() {
    driver = new AppDriver(dir, clock);
    athlete = driver.context.profiles().ensureDefault();
    Plan plan = driver.context.plans().create(athlete.id(), "Legs", Structures.plan());
    // Two weeks ago, squats up to 100: last week's sets can set records.
    clock.set(TestContext.START.minus(Duration.ofDays(14)));
    Session earlier = driver.context.sessions().start(athlete.id(), plan.id(), LocalDate.parse("2026-11-10"));
    clock.advance(Duration.ofMinutes(40));
    driver.context.sessions().complete(athlete.id(), earlier.id(),
        Structures.done(earlier.structure(), 0, 1, 5, 100, clock.instant()));
    clock.set(TestContext.START.minus(Duration.ofDays(7)));
    Session session = driver.context.sessions().start(athlete.id(), plan.id(), LocalDate.parse("2026-11-17"));
    SessionStructure done = session.structure();
    done = Structures.done(done, 0, 0, 5, 60, clock.instant());
    done = Structures.done(done, 0, 1, 5, 100, clock.instant());
    done = Structures.done(done, 0, 2, 5, 100, clock.instant());
    done = Structures.done(done, 0, 3, 5, 102.5, clock.instant());
    done = Structures.done(done, 1, 0, 8, 60, clock.instant());
    clock.advance(Duration.ofMinutes(50));
    legs = driver.context.sessions().complete(athlete.id(), session.id(), done);
    clock.set(TestContext.START);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private SessionDetailViewModel detail() {
    return driver.app.viewModel().detail();
  }

  /** History (Ctrl+3), then the session opened by double-click. */
  private void openTheSession() throws Exception {
    driver.open();
    driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    TableView<?> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getItems().size() == 2);
    driver.robot.doubleClickOn(rowCell(dateCellText()));
    AppDriver.waitUntil(() -> driver.app.viewModel().showingDetailProperty().get()
        && detail().sessionProperty().get() != null && shown("#amend-session"));
  }

  /** True when {@code query} finds a node that is on screen: it and every parent visible. */
  private boolean shown(String query) {
    return driver.robot.lookup(query).match(org.testfx.util.NodeQueryUtils.isVisible()).tryQuery().isPresent();
  }

  private Node rowCell(String text) {
    return driver.robot.lookup(".table-row-cell .table-cell").match((Predicate<Node>) n ->
        n instanceof javafx.scene.control.TableCell<?, ?> cell && text.equals(cell.getText())).query();
  }

  private void retype(String accessibleText, String text) {
    TextField field = driver.field(accessibleText);
    driver.robot.clickOn(field);
    driver.robot.push(KeyCode.CONTROL, KeyCode.A).write(text);
  }

  private static SessionSummary row(TableView<?> table, Session session) {
    return table.getItems().stream().map(SessionSummary.class::cast).filter(s -> s.id().equals(session.id()))
        .findFirst().orElseThrow();
  }

  /**
   * Selects the row of {@code cell} and opens the list's context menu there, as a right-click does
   * (headless Monocle sends no context-menu request of its own).
   */
  private void openMenuOn(Node cell) {
    driver.robot.clickOn(cell);
    TableView<?> table = driver.node("#history-table");
    driver.robot.interact(() -> table.getContextMenu().show(cell, javafx.geometry.Side.RIGHT, 0, 0));
  }

  /** The item of the context menu showing whose text is {@code text}. */
  private Node menuItem(String text) throws Exception {
    TableView<?> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getContextMenu().isShowing());
    return driver.robot.from(table.getContextMenu().getScene().getRoot()).lookup(".menu-item")
        .match((Predicate<Node>) n -> n.lookup(".label") instanceof Label label && text.equals(label.getText()))
        .query();
  }

  private Button button(String text) {
    return (Button) driver.robot.lookup(".dialog-pane .button").match(n -> text.equals(((Button) n).getText()))
        .query();
  }

  private boolean labelShown(String text) {
    return driver.robot.lookup((Predicate<Node>) n -> n instanceof Label l && text.equals(l.getText())
        && l.isVisible()).tryQuery().isPresent();
  }

  @Test
  void anAmendmentNeedsAReasonChangesTheVolumeAndRecordsInHistoryAndKeepsTheOriginal() throws Exception {
    openTheSession();
    var robot = driver.robot;
    double before = legs.structure().stats().volume();
    assertThat(driver.text("#session-summary")).contains("volume " + NumberText.volume(before) + " kg");

    robot.clickOn("#amend-session");
    AppDriver.waitUntil(() -> detail().amend().openProperty().get()
        && shown("#amend-reason"));
    Button save = driver.node("#amend-save");
    assertThat(save.isDisabled()).as("nothing changed yet").isTrue();
    // No complaint before the first keystroke.
    assertThat(detail().amend().reasonErrorProperty().get()).isNull();
    assertThat(detail().amend().problems()).isEmpty();
    assertThat(labelShown("Nothing changed yet")).isTrue();

    // The last set of squats was 110, not 102.5: the correction alone cannot be saved.
    retype("Weight lifted, exercise 1, set 4", "110");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(detail().amend().changedProperty().get()).isTrue();
    assertThat(save.isDisabled()).as("a reason is required").isTrue();

    // A reason typed, then erased: the field says what is wrong, Enter saves nothing.
    robot.clickOn("#amend-reason").write("x");
    robot.push(KeyCode.BACK_SPACE);
    AppDriver.waitUntil(() -> labelShown("Reason must be 1 to 500 characters"));
    robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> detail().amend().errorProperty().get() != null);
    assertThat(detail().amend().errorProperty().get()).startsWith("Not saved: Reason");
    assertThat(driver.context.sessions().get(athlete.id(), legs.id()).amended()).isFalse();

    robot.write("It was 110, not 102.5");
    robot.clickOn(save);
    AppDriver.waitUntil(() -> !detail().amend().openProperty().get() && detail().sessionProperty().get().amended());

    // The detail counts the correction, with its mark and its records; the original is a click away.
    SessionStructure corrected = Structures.done(legs.structure(), 0, 3, 5, 110,
        legs.structure().exercises().get(0).sets().get(3).completedAt());
    double after = corrected.stats().volume();
    assertThat(after).isGreaterThan(before);
    AppDriver.waitUntil(() -> driver.text("#session-summary").contains("volume " + NumberText.volume(after) + " kg"));
    assertThat(labelShown("Amended")).isTrue();
    AppDriver.waitUntil(() -> labelShown("Squat: heaviest weight 110 kg"));
    ComboBox<SessionAmendment> versions = driver.node("#session-versions");
    AppDriver.waitUntil(() -> versions.getItems().size() == 2);
    robot.interact(() -> versions.getSelectionModel().select(0));
    AppDriver.waitUntil(() -> driver.text("#session-summary").contains("volume " + NumberText.volume(before) + " kg"));
    assertThat(driver.text("#session-version-note")).startsWith("The original, as it was completed");

    // History's list: the newest version's volume, with the mark.
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    AppDriver.waitUntil(() -> !driver.app.viewModel().showingDetailProperty().get());
    TableView<?> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getItems().size() == 2 && row(table, legs).volume() == after);
    assertThat(row(table, legs).amended()).isTrue();
    assertThat(table.getItems().stream().map(SessionSummary.class::cast).filter(SessionSummary::amended)).hasSize(1);
    AppDriver.waitUntil(() -> labelShown("Amended"));

    // Stored: the original untouched beside the amendment, and audited.
    List<SessionAmendment> stored = driver.context.sessions().amendments(athlete.id(), legs.id());
    assertThat(stored).hasSize(2);
    assertThat(stored.get(0).original()).isTrue();
    assertThat(stored.get(0).session()).isEqualTo(legs.structure());
    assertThat(stored.get(1).reason()).isEqualTo("It was 110, not 102.5");
    assertThat(stored.get(1).session().exercises().get(0).sets().get(3).weight()).isEqualTo(110.0);
    assertThat(driver.context.audit().list(athlete.id(), 5, 0).items()).extracting(AuditEntry::action)
        .contains("session_amended");
  }

  @Test
  void cancellingAnAmendmentAfterTypingAsksAndRecordsNothing() throws Exception {
    openTheSession();
    driver.robot.clickOn("#amend-session");
    AppDriver.waitUntil(() -> detail().amend().openProperty().get()
        && shown("#amend-reason"));
    retype("Reps done, exercise 1, set 2", "6");
    driver.robot.clickOn("#amend-cancel");
    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isPresent());
    driver.robot.clickOn(button("Throw away"));

    AppDriver.waitUntil(() -> !detail().amend().openProperty().get() && shown("#amend-session"));
    assertThat(driver.context.sessions().amendments(athlete.id(), legs.id())).hasSize(1)
        .allMatch(SessionAmendment::original);
    assertThat(driver.context.sessions().get(athlete.id(), legs.id()).structure()).isEqualTo(legs.structure());
  }

  @Test
  void repeatStartsAWorkoutWithWhatWasDoneAsTargetsAndDuringOneOffersToOpenIt() throws Exception {
    openTheSession();
    WorkoutViewModel workout = driver.app.viewModel().workout();

    driver.robot.clickOn("#repeat-session");
    AppDriver.waitUntil(() -> workout.modeProperty().get() == WorkoutViewModel.Mode.ACTIVE
        && driver.app.viewModel().screenProperty().get() == Screen.WORKOUT);
    Session repeated = workout.sessionProperty().get();
    assertThat(repeated.id()).isNotEqualTo(legs.id());
    assertThat(repeated.planId()).isEqualTo(legs.planId());
    SetEntry squat4 = repeated.structure().exercises().get(0).sets().get(3);
    assertThat(squat4.targetWeight()).isEqualTo(102.5);
    assertThat(squat4.targetReps()).isEqualTo(5);
    assertThat(squat4.completed()).isFalse();

    // Back in History, a second repeat says a workout is in progress and offers to open it.
    driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get() == Screen.HISTORY);
    if (driver.app.viewModel().showingDetailProperty().get()) {
      driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    }
    TableView<?> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.isVisible() && table.getItems().size() == 3);
    openMenuOn(rowCell(dateCellText()));
    driver.robot.clickOn(menuItem("Repeat this workout"));
    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isPresent());
    assertThat(driver.robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
        .isEqualTo("A workout is in progress");
    driver.robot.clickOn(button("Open the workout"));
    AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get() == Screen.WORKOUT);
    assertThat(workout.sessionProperty().get().id()).isEqualTo(repeated.id());
    assertThat(driver.context.sessions().list(athlete.id(), SessionQuery.defaults()).items())
        .filteredOn(s -> s.status() == SessionStatus.IN_PROGRESS).hasSize(1);
  }

  /** The date cell of last week's completed session, as the list writes it. */
  private String dateCellText() {
    TableView<?> table = driver.node("#history-table");
    return table.getItems().stream().map(SessionSummary.class::cast).filter(s -> s.id().equals(legs.id()))
        .findFirst().map(s -> dev.setwise.ui.common.Formats.date(s.date())).orElseThrow();
  }

  @Test
  void saveAsPlanFromTheListOpensAnUnsavedPlanWhoseTargetsAreWhatWasDone() throws Exception {
    driver.open();
    driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    TableView<?> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getItems().size() == 2);
    openMenuOn(rowCell(dateCellText()));
    driver.robot.clickOn(menuItem("Save as plan…"));

    var plans = driver.app.viewModel().plans();
    AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get() == Screen.PLANS
        && plans.editor().openProperty().get());
    assertThat(plans.editor().dirtyProperty().get()).isTrue();
    TextField name = driver.node("#plan-name");
    assertThat(name.getText()).isEqualTo("Legs");
    assertThat(driver.context.plans().list(athlete.id())).hasSize(1);
    assertThat(plans.editor().statusProperty().get()).startsWith("From the session of");

    driver.robot.clickOn(name).push(KeyCode.CONTROL, KeyCode.A).write("Legs, heavier");
    driver.robot.push(KeyCode.CONTROL, KeyCode.S);
    AppDriver.waitUntil(() -> driver.context.plans().list(athlete.id()).size() == 2);
    Plan saved = driver.context.plans().get(athlete.id(), driver.context.plans().list(athlete.id()).stream()
        .filter(p -> p.name().equals("Legs, heavier")).findFirst().orElseThrow().id());
    SetEntry squat4 = saved.structure().exercises().get(0).sets().get(3);
    assertThat(squat4.targetWeight()).isEqualTo(102.5);
    assertThat(squat4.completed()).isFalse();
    // Bench press sets 2 and 3 were not done: they keep their targets.
    assertThat(saved.structure().exercises().get(1).sets().get(1).targetWeight()).isEqualTo(60.0);
  }
}
