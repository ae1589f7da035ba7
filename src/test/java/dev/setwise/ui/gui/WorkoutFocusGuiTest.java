package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.support.MutableClock;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
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
 * Focus and layout of the workout: whatever gets the keyboard is on screen, rows never move under
 * the pointer, Tab leaves the notes, and a second start during a workout offers the one in progress.
 */
class WorkoutFocusGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  Profile owner;
  Plan plan;
  Session session;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() {
    driver = new AppDriver(dir, clock);
    owner = driver.context.profiles().ensureDefault();
    List<Exercise> exercises = new ArrayList<>();
    for (String name : List.of("Squat", "Bench press", "Row", "Overhead press", "Deadlift", "Dip", "Curl",
        "Calf raise")) {
      List<SetEntry> sets = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        sets.add(SetEntry.target(SetType.NORMAL, 5, 100.0, null));
      }
      exercises.add(new Exercise(name, null, 120, null, sets));
    }
    plan = driver.context.plans().create(owner.id(), "Long day", new SessionStructure(null, Unit.KG, null, null,
        exercises));
    session = driver.context.sessions().start(owner.id(), plan.id(), null);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private void openWorkout() throws Exception {
    driver.open();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
  }

  /** True when all of {@code node} is inside the visible part of the workout's scroll pane. */
  private boolean onScreen(Node node) {
    ScrollPane scroll = driver.robot.lookup(".scroll-pane").match(n -> n.isVisible()
        && ((ScrollPane) n).getContent() != null && isInside(node, ((ScrollPane) n).getContent()))
        .queryAs(ScrollPane.class);
    Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
    Bounds bounds = node.localToScene(node.getLayoutBounds());
    return viewport.contains(bounds);
  }

  private static boolean isInside(Node node, Node content) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (at == content) {
        return true;
      }
    }
    return false;
  }

  private TextField newExerciseField() {
    return driver.robot.lookup(".text-field").match(n -> "Exercise name, e.g. Face pull".equals(
        ((TextField) n).getPromptText())).queryAs(TextField.class);
  }

  @Test
  void focusAfterAddingAnExerciseIsVisibleOnScreen() throws Exception {
    openWorkout();
    var robot = driver.robot;
    AppDriver.waitUntil(() -> driver.field("Reps done: Squat, set 1").isFocused());
    assertThat(onScreen(driver.field("Reps done: Squat, set 1"))).isTrue();
    assertThat(onScreen(newExerciseField())).as("the list is longer than the window").isFalse();

    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
    AppDriver.waitUntil(() -> newExerciseField().isFocused() && onScreen(newExerciseField()));

    robot.write("Face pull").type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Face pull, set 1").isFocused());
    AppDriver.waitUntil(() -> onScreen(driver.field("Reps done: Face pull, set 1")));
    assertThat(onScreen(driver.robot.lookup(".exercise-name").match(n -> "Face pull".equals(
        ((javafx.scene.control.Label) n).getText())).query())).as("with its name").isTrue();

    // Ctrl+Enter on the way back to the first set not done brings it into view again.
    robot.write("12");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Squat, set 1").isFocused()
        && onScreen(driver.field("Reps done: Squat, set 1")));
  }

  @Test
  void theFirstSetNotDoneIsOnScreenWhenTheWorkoutOpens() throws Exception {
    SessionStructure structure = session.structure();
    for (int e = 0; e < 6; e++) {
      for (int s = 0; s < 4; s++) {
        Exercise exercise = structure.exercises().get(e);
        structure = structure.withExercise(e, exercise.withSet(s, exercise.sets().get(s).withActuals(5, 100.0, null)
            .withCompleted(TestContext.START)));
      }
    }
    driver.context.sessions().update(owner.id(), session.id(), structure);

    openWorkout();

    AppDriver.waitUntil(() -> driver.field("Reps done: Curl, set 1").isFocused()
        && onScreen(driver.field("Reps done: Curl, set 1")));
  }

  @Test
  void theRestBannerAndAProblemNeverMoveTheRowsBelow() throws Exception {
    openWorkout();
    var robot = driver.robot;
    TextField below = driver.field("Reps done: Squat, set 4");
    AppDriver.waitUntil(() -> driver.field("Reps done: Squat, set 1").isFocused());
    double y = below.localToScene(0, 0).getY();

    robot.clickOn(robot.lookup(".done-toggle").match(n -> "Done: Squat, set 1".equals(
        ((ToggleButton) n).getAccessibleText())).queryAs(ToggleButton.class));
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().rest().restingProperty().get());
    assertThat(below.localToScene(0, 0).getY()).as("after the rest banner appears").isEqualTo(y);

    AppDriver.retype(robot, driver.field("RPE, 1 to 10: Squat, set 2"), "11");
    AppDriver.waitUntil(() -> "RPE must be from 1 to 10".equals(driver.app.viewModel().workout().active().exercises()
        .get(0).sets().get(1).rpe().errorProperty().get()));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(below.localToScene(0, 0).getY()).as("after a problem shows").isEqualTo(y);

    robot.clickOn("#skip-rest");
    AppDriver.waitUntil(() -> !driver.app.viewModel().workout().rest().restingProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(below.localToScene(0, 0).getY()).as("after the rest ends").isEqualTo(y);
  }

  @Test
  void tabLeavesTheSessionNotes() throws Exception {
    openWorkout();
    var robot = driver.robot;
    TextArea notes = robot.lookup(".text-area").queryAs(TextArea.class);
    robot.interact(notes::requestFocus);
    AppDriver.waitUntil(() -> notes.isFocused() && onScreen(notes));
    robot.clickOn(notes).write("Slept well");
    robot.type(KeyCode.TAB);
    AppDriver.waitUntil(() -> !notes.isFocused());
    assertThat(notes.getText()).isEqualTo("Slept well");
    robot.push(KeyCode.SHIFT, KeyCode.TAB);
    AppDriver.waitUntil(notes::isFocused);
    assertThat(notes.getText()).isEqualTo("Slept well");
  }

  @Test
  void newWorkoutAndStartDuringAWorkoutSayOneIsInProgressAndOfferToOpenIt() throws Exception {
    openWorkout();
    var robot = driver.robot;
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get() == Screen.PLANS);

    robot.push(KeyCode.CONTROL, KeyCode.N);
    AppDriver.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(javafx.scene.control.Label.class).getText())
        .isEqualTo("A workout is in progress");
    robot.clickOn(dialogButton("Open the workout"));
    AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get() == Screen.WORKOUT);

    // Start from the plans screen: the same offer; Cancel stays there and starts nothing.
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    AppDriver.waitUntil(() -> robot.lookup("#plan-list .list-cell").match(n -> !((javafx.scene.control.ListCell<?>) n)
        .isEmpty()).tryQuery().isPresent());
    robot.clickOn(robot.lookup("#plan-list .list-cell").match(n -> !((javafx.scene.control.ListCell<?>) n).isEmpty())
        .<Node>query());
    AppDriver.waitUntil(() -> driver.app.viewModel().plans().selectedProperty().get() != null);
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
    AppDriver.waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
    robot.clickOn(dialogButton("Cancel"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(driver.app.viewModel().screenProperty().get()).isEqualTo(Screen.PLANS);
    assertThat(driver.context.sessions().findInProgress(owner.id()).orElseThrow().id()).isEqualTo(session.id());
  }

  private Button dialogButton(String text) {
    return (Button) driver.robot.lookup(".dialog-pane .button").match(n -> text.equals(((Button) n).getText()))
        .query();
  }
}
