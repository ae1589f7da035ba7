package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SetEntry;
import dev.setwise.support.MutableClock;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** A workout without a plan: started empty, exercises added as you go, logged and completed by keyboard. */
class EmptyWorkoutGuiTest {

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

  @Test
  void anEmptyWorkoutIsStartedLoggedAndCompleted() throws Exception {
    driver.open();
    var robot = driver.robot;
    WorkoutViewModel workout = driver.app.viewModel().workout();
    Profile athlete = driver.app.viewModel().profileProperty().get();

    // No plan yet: the start form offers an empty workout, and Enter starts it.
    robot.push(KeyCode.CONTROL, KeyCode.N);
    AppDriver.waitUntil(() -> workout.modeProperty().get() == WorkoutViewModel.Mode.START
        && driver.<Button>node("#start-empty-workout").isFocused());
    robot.type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> workout.modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
    assertThat(driver.text("#workout-title")).isEqualTo("Workout");
    assertThat(driver.<Node>node("#no-exercises").isVisible()).isTrue();

    // The keyboard is on the new exercise's name: name it, log its set, add another.
    AppDriver.waitUntil(() -> robot.lookup(".text-field").match(Node::isFocused).tryQuery().isPresent()
        && "Exercise name, e.g. Face pull".equals(((javafx.scene.control.TextField) robot.lookup(".text-field")
            .match(Node::isFocused).query()).getPromptText()));
    robot.write("Push-up").type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Push-up, set 1").isFocused());
    robot.write("20");
    clock.advance(Duration.ofMinutes(2));
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.E);
    robot.write("Plank").type(KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Plank, set 1").isFocused());
    robot.write("1");
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    Session current = workout.sessionProperty().get();
    AppDriver.waitUntil(() -> driver.context.sessions().get(athlete.id(), current.id()).structure().stats()
        .completedSetCount() == 2);

    // Complete (confirmed): it opens read-only in history.
    clock.advance(Duration.ofMinutes(20));
    robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn((Button) robot.lookup(".dialog-pane .button").match(n -> "Complete".equals(((Button) n).getText()))
        .query());
    AppDriver.waitUntil(() -> driver.app.viewModel().showingDetailProperty().get()
        && driver.app.viewModel().detail().sessionProperty().get() != null);
    assertThat(driver.app.viewModel().screenProperty().get()).isEqualTo(Screen.HISTORY);

    Session done = driver.context.sessions().get(athlete.id(), current.id());
    assertThat(done.completed()).isTrue();
    assertThat(done.planId()).isNull();
    assertThat(done.structure().exercises()).extracting(e -> e.name()).containsExactly("Push-up", "Plank");
    SetEntry pushups = done.structure().exercises().get(0).sets().get(0);
    assertThat(pushups.reps()).isEqualTo(20);
    assertThat(pushups.completedAt()).isEqualTo(TestContext.START.plus(Duration.ofMinutes(2)));
    List<String> actions = driver.context.audit().list(athlete.id(), 5, 0).items().stream()
        .map(AuditEntry::action).toList();
    assertThat(actions).containsSubsequence("session_completed", "session_started");
  }
}
