package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SetEntry;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * The app never changes a logged value by itself: a value cleared on a done set stays cleared in
 * the window and in the database across a close and a reopen, and suggestions look different
 * from logged values.
 */
class LoggedValuesGuiTest {

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
  void setUp() {
    driver = new AppDriver(dir, clock);
    owner = driver.context.profiles().ensureDefault();
    Plan plan = driver.context.plans().create(owner.id(), "Legs", Structures.plan());
    sessionId = driver.context.sessions().start(owner.id(), plan.id(), null).id();
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private SetEntry storedSquat(int set) {
    return driver.context.sessions().get(owner.id(), sessionId).structure().exercises().get(0).sets().get(set);
  }

  private void openWorkout() throws Exception {
    driver.open();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
  }

  @Test
  void aValueClearedOnADoneSetStaysClearedAfterCloseAndReopenInTheWindowAndTheDatabase() throws Exception {
    openWorkout();
    var robot = driver.robot;
    TextField rpe = driver.field("RPE, 1 to 10: Squat, set 2");
    assertThat(rpe.getText()).isEqualTo("8");
    assertThat(rpe.getStyleClass()).as("a suggestion looks different").contains("prefilled");

    robot.clickOn(robot.lookup(".done-toggle").match(n -> "Done: Squat, set 2"
        .equals(((ToggleButton) n).getAccessibleText())).queryAs(ToggleButton.class));
    AppDriver.waitUntil(() -> storedSquat(1).completed());
    assertThat(storedSquat(1).rpe()).isEqualTo(8.0);
    assertThat(rpe.getStyleClass()).as("a logged value looks logged").doesNotContain("prefilled");

    AppDriver.retype(robot, rpe, "");
    AppDriver.waitUntil(() -> storedSquat(1).rpe() == null
        && driver.text("#save-state").startsWith("Saved at"));

    driver.closeApp();
    openWorkout();
    TextField again = driver.field("RPE, 1 to 10: Squat, set 2");
    assertThat(again.getText()).isEmpty();
    assertThat(again.getStyleClass()).doesNotContain("prefilled");
    assertThat(driver.field("Reps done: Squat, set 2").getText()).isEqualTo("5");
    assertThat(storedSquat(1).rpe()).isNull();

    // The next save (a note on the exercise) writes the set as logged, not its target.
    robot.clickOn(driver.field("Notes for Squat")).write("Felt easy");
    AppDriver.waitUntil(() -> "Felt easy".equals(driver.context.sessions().get(owner.id(), sessionId)
        .structure().exercises().get(0).notes()));
    assertThat(storedSquat(1).rpe()).isNull();
    assertThat(storedSquat(1).reps()).isEqualTo(5);
    assertThat(again.getText()).isEmpty();
  }

  @Test
  void aWorkoutCompletedElsewhereShowsChangedElsewhereWithReload() throws Exception {
    openWorkout();
    // The same session completed through the REST API on another laptop.
    driver.context.sessions().complete(owner.id(), sessionId, null);

    AppDriver.retype(driver.robot, driver.field("Reps done: Squat, set 2"), "4");

    AppDriver.waitUntil(() -> driver.<javafx.scene.Node>node("#changed-elsewhere").getParent().isVisible());
    assertThat(driver.text("#changed-elsewhere")).startsWith("Changed elsewhere: reload");
    assertThat(driver.context.sessions().get(owner.id(), sessionId).structure().exercises().get(0).sets().get(1)
        .reps()).isNull();
    driver.robot.clickOn("#reload-workout");
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.START);
    assertThat(driver.<javafx.scene.Node>node("#changed-elsewhere").getParent().isVisible()).isFalse();
  }
}
