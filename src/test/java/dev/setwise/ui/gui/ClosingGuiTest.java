package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Closing the window never drops a save: it waits for them, says so, and asks before losing one. */
class ClosingGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  Profile owner;
  UUID sessionId;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() throws Exception {
    driver = new AppDriver(dir, clock);
    owner = driver.context.profiles().ensureDefault();
    Plan plan = driver.context.plans().create(owner.id(), "Legs", Structures.plan());
    sessionId = driver.context.sessions().start(owner.id(), plan.id(), null).id();
    driver.open();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private Integer storedReps(int set) {
    return driver.context.sessions().get(owner.id(), sessionId).structure().exercises().get(0).sets().get(set).reps();
  }

  @Test
  void closingWaitsForASaveStuckBehindSlowWorkAndSaysSoMeanwhile() throws Exception {
    CountDownLatch slowWriteStarted = new CountDownLatch(1);
    CountDownLatch releaseSlowWrite = new CountDownLatch(1);
    driver.tasks.write("a slow write", () -> {
      slowWriteStarted.countDown();
      releaseSlowWrite.await();
      return null;
    }, done -> { }, failure -> { });
    slowWriteStarted.await();
    AppDriver.retype(driver.robot, driver.field("Reps done: Squat, set 2"), "7");

    driver.requestClose();

    AppDriver.waitUntil(() -> driver.<Node>node("#closing-note").isVisible());
    assertThat(driver.stage.isShowing()).as("the window stays while a save waits").isTrue();
    assertThat(driver.robot.lookup(".label").queryAllAs(Label.class).stream().filter(Node::isVisible)
        .map(Label::getText)).contains("Finishing your last saves…");
    assertThat(storedReps(1)).isNull();

    releaseSlowWrite.countDown();
    AppDriver.waitUntil(() -> !driver.stage.isShowing());
    assertThat(storedReps(1)).isEqualTo(7);
  }

  @Test
  void closingWithAChangeThatCannotBeSavedAsksFirstAndStayingKeepsIt() throws Exception {
    AppDriver.retype(driver.robot, driver.field("Reps done: Squat, set 2"), "many");
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().saver().saveStateProperty().get()
        == dev.setwise.ui.workout.WorkoutSaver.SaveState.INVALID);

    driver.requestClose();
    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isPresent());
    assertThat(driver.robot.lookup(".dialog-pane .content").queryAs(Label.class).getText())
        .startsWith("Your last change to the workout is not saved: Exercise 1, set 2: reps must be a whole number.");
    driver.robot.clickOn(dialogButton("Cancel"));
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(driver.stage.isShowing()).isTrue();
    assertThat(driver.field("Reps done: Squat, set 2").getText()).isEqualTo("many");

    driver.requestClose();
    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isPresent());
    driver.robot.clickOn(dialogButton("Close anyway"));
    AppDriver.waitUntil(() -> !driver.stage.isShowing());
  }

  private Button dialogButton(String text) {
    return (Button) driver.robot.lookup(".dialog-pane .button").match(n -> text.equals(((Button) n).getText())).query();
  }
}
