package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Messages;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.SetEntry;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.workout.SetRow;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app driven as an athlete would, headless (Monocle), on a real database: the window,
 * keyboard, dialogs and the background threads are all the real ones.
 */
class DesktopAppGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() {
    driver = new AppDriver(dir, clock);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private Profile athlete() {
    return driver.context.profiles().ensureDefault();
  }

  @Test
  void planStartLogWithTheKeyboardReopenCompleteAndReadTheHistory() throws Exception {
    driver.open();
    var robot = driver.robot;
    assertThat(driver.app.viewModel().screenProperty().get()).isEqualTo(Screen.PLANS);

    // Write a plan: Bench press, 3 sets of 8 at 60 kg.
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
    AppDriver.waitUntil(() -> driver.<TextField>node("#plan-name").isFocused());
    robot.write("Push A");
    robot.clickOn(driver.field("Name of exercise 1")).write("Bench press");
    robot.clickOn(driver.field("Target weight of set 1")).write("60");
    robot.clickOn("Add set");
    robot.clickOn("Add set");
    robot.push(KeyCode.CONTROL, KeyCode.S);
    AppDriver.waitUntil(() -> driver.app.viewModel().plans().plans().size() == 1);
    Plan plan = driver.context.plans().get(athlete().id(), driver.app.viewModel().plans().plans().get(0).id());
    assertThat(plan.structure().exercises().get(0).sets()).hasSize(3);

    // Start it today.
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.START);
    robot.clickOn("#start-workout");
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
    assertThat(driver.text("#workout-title")).isEqualTo("Push A");

    // Log: set 1 as planned (one keystroke), set 2 with 10 reps, set 3 at 62.5 kg.
    AppDriver.waitUntil(() -> driver.field("Reps done: Bench press, set 1").isFocused());
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Bench press, set 2").isFocused());
    robot.write("10");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Bench press, set 3").isFocused());
    robot.type(KeyCode.TAB);
    robot.write("62.5");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    UUIDHolder id = new UUIDHolder(driver.app.viewModel().workout().sessionProperty().get().id());
    AppDriver.waitUntil(() -> driver.context.sessions().get(athlete().id(), id.value).structure().stats()
        .completedSetCount() == 3);
    AppDriver.waitUntil(() -> driver.text("#save-state").startsWith("Saved at"));
    assertThat(driver.app.viewModel().workout().rest().restingProperty().get()).isTrue();

    // Close the window and open the app again: it resumes the workout with every value.
    driver.closeApp();
    clock.advance(Duration.ofMinutes(40));
    driver.open();
    assertThat(driver.app.viewModel().screenProperty().get()).isEqualTo(Screen.WORKOUT);
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
    assertThat(driver.field("Reps done: Bench press, set 1").getText()).isEqualTo("8");
    assertThat(driver.field("Reps done: Bench press, set 2").getText()).isEqualTo("10");
    assertThat(driver.field("Weight lifted (kg): Bench press, set 3").getText()).isEqualTo("62.5");
    List<ToggleButton> done = robot.lookup(".done-toggle").queryAllAs(ToggleButton.class).stream().toList();
    assertThat(done).hasSize(3).allMatch(ToggleButton::isSelected);

    // Complete (confirmed): it opens read-only in history.
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn((Button) robot.lookup(".dialog-pane .button").match(n -> "Complete".equals(((Button) n).getText()))
        .query());
    AppDriver.waitUntil(() -> driver.app.viewModel().showingDetailProperty().get()
        && driver.app.viewModel().detail().sessionProperty().get() != null);
    assertThat(driver.context.sessions().get(athlete().id(), id.value).completed()).isTrue();
    assertThat(driver.text("#session-summary")).isEqualTo(Formats.date(LocalDate.of(2026, 11, 24)) + " · 40 min · 3 of 3 sets done · volume 1,580 kg");
    List<String> cells = robot.lookup(".set-target").queryAllAs(Label.class).stream()
        .filter(Node::isVisible).map(Label::getText).toList();
    assertThat(cells).containsSubsequence("1", "8 × 60 kg", "8", "60", "—")
        .containsSubsequence("2", "8 × 60 kg", "10", "60")
        .containsSubsequence("3", "8 × 60 kg", "8", "62.5");

    // Back to the list: the row has the right counts and volume.
    robot.clickOn("#back-to-history");
    TableView<SessionSummary> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getItems().size() == 1);
    SessionSummary row = table.getItems().get(0);
    assertThat(row.completedSetCount()).isEqualTo(3);
    assertThat(row.setCount()).isEqualTo(3);
    assertThat(row.volume()).isEqualTo(1580.0);
    assertThat(robot.lookup(".table-row-cell .table-cell").queryAllAs(javafx.scene.control.TableCell.class).stream()
        .map(c -> c.getText()).toList()).contains("3 / 3", "1,580 kg", "40 min", "Completed");
  }

  @Test
  void startingWhileAnotherSessionIsInProgressShowsThePlainMessageAndResumes() throws Exception {
    Plan plan = driver.context.plans().create(athlete().id(), "Legs", Structures.plan());
    driver.open();
    driver.robot.push(KeyCode.CONTROL, KeyCode.N);
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.START);

    // Another device (the REST API) starts a session meanwhile.
    Session elsewhere = driver.context.sessions().start(athlete().id(), plan.id(), null);
    driver.robot.clickOn("#start-workout");

    AppDriver.waitUntil(() -> driver.<Node>node("#resume-workout").isVisible());
    assertThat(driver.text("#start-error")).isEqualTo(Messages.SESSION_IN_PROGRESS);
    driver.robot.clickOn("#resume-workout");
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
    assertThat(driver.app.viewModel().workout().sessionProperty().get().id()).isEqualTo(elsewhere.id());
  }

  @Test
  void thePlanEditorNamesTheFieldAndTheLimitAndSavesNothingInvalid() throws Exception {
    driver.open();
    var robot = driver.robot;
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.N);
    AppDriver.waitUntil(() -> driver.<TextField>node("#plan-name").isFocused());
    robot.write("Pull");
    robot.clickOn(driver.field("Name of exercise 1")).write("Row");
    TextField reps = driver.field("Target reps of set 1");
    AppDriver.retype(robot, reps, "2000");

    AppDriver.waitUntil(() -> robot.lookup(".field-error").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.isVisible() && "Target reps must be an integer from 0 to 1000".equals(l.getText())));
    assertThat(driver.<Button>node("#save-plan").isDisabled()).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.S);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(driver.context.plans().list(athlete().id())).isEmpty();

    AppDriver.retype(robot, reps, "12");
    AppDriver.waitUntil(() -> !driver.<Button>node("#save-plan").isDisabled());
    robot.push(KeyCode.CONTROL, KeyCode.S);
    AppDriver.waitUntil(() -> driver.context.plans().list(athlete().id()).size() == 1);
  }

  @Test
  void aSessionOfAnArchivedPlanStillOpensFromHistory() throws Exception {
    Profile owner = athlete();
    Plan plan = driver.context.plans().create(owner.id(), "Old program", Structures.plan());
    Session session = driver.context.sessions().start(owner.id(), plan.id(), null);
    driver.context.sessions().complete(owner.id(), session.id(),
        Structures.done(session.structure(), 1, 0, 9, 62.5, TestContext.START));
    driver.context.plans().delete(owner.id(), plan.id());
    driver.open();

    driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    TableView<SessionSummary> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getItems().size() == 1 && table.isFocused());
    driver.robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.app.viewModel().detail().sessionProperty().get() != null);
    assertThat(driver.text("#session-summary")).contains("1 of 7 sets done · volume 562.5 kg");
    assertThat(driver.robot.lookup(".set-target").queryAllAs(Label.class).stream().map(Label::getText).toList())
        .containsSubsequence("9", "62.5");
  }

  @Test
  void theAppRefusesDatabaseCallsOnTheFxThread() throws Exception {
    driver.open();
    CompletableFuture<Object> onFxThread = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        onFxThread.complete(driver.context.profiles().list());
      } catch (RuntimeException e) {
        onFxThread.completeExceptionally(e);
      }
    });
    assertThatThrownBy(() -> onFxThread.get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).hasRootCauseMessage("Database call on the JavaFX application thread");
    driver.fxThreadCalls.clear();
    assertThat(driver.context.profiles().list()).isNotEmpty();
  }

  /** Holds a value for lambdas. */
  private record UUIDHolder(java.util.UUID value) {}

}
