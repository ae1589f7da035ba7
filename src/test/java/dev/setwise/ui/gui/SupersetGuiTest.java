package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.support.MutableClock;
import dev.setwise.support.TestContext;
import dev.setwise.ui.workout.RestTimer;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** A superset is performed as one: A1, B1, rest, A2, B2 with Ctrl+Enter alone, drawn as one block. */
class SupersetGuiTest {

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
    SessionStructure arms = new SessionStructure(null, Unit.KG, null, null, List.of(
        new Exercise("Curl", null, null, "A", List.of(set(12, 14.0), set(12, 14.0))),
        new Exercise("Pushdown", null, 90, "A", List.of(set(15, 25.0), set(15, 25.0)))));
    Plan plan = driver.context.plans().create(owner.id(), "Arms", arms);
    sessionId = driver.context.sessions().start(owner.id(), plan.id(), null).id();
  }

  private static SetEntry set(int reps, double weight) {
    return SetEntry.target(SetType.NORMAL, reps, weight, null);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private TextField reps(String where) {
    return driver.field("Reps done: " + where);
  }

  @Test
  void aSupersetRunsA1B1RestA2B2ByKeyboardAndIsDrawnAsOneBlock() throws Exception {
    driver.open();
    var robot = driver.robot;
    RestTimer rest = driver.app.viewModel().workout().rest();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
    List<Node> blocks = robot.lookup(".superset-block").queryAll().stream().toList();
    assertThat(blocks).hasSize(1);
    assertThat(robot.from(blocks.get(0)).lookup(".exercise-name").queryAllAs(javafx.scene.control.Label.class))
        .extracting(javafx.scene.control.Label::getText).containsExactly("Curl", "Pushdown");
    assertThat(driver.text(".superset-how")).isEqualTo("one set of each in turn, then rest");
    assertThat(robot.from(blocks.get(0)).lookup(".rest-spinner").queryAs(javafx.scene.control.Spinner.class)
        .getEditor().getText()).isEqualTo("1:30");

    AppDriver.waitUntil(() -> reps("Curl, set 1").isFocused());
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> reps("Pushdown, set 1").isFocused());
    assertThat(rest.restingProperty().get()).as("no rest between the exercises of a round").isFalse();

    clock.advance(Duration.ofSeconds(40));
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> reps("Curl, set 2").isFocused());
    assertThat(rest.restingProperty().get()).as("the rest starts after the round").isTrue();
    assertThat(rest.textProperty().get()).isEqualTo("1:30");
    assertThat(driver.text("#next-up")).isEqualTo("Next: Curl, set 2 · 12 × 14 kg");

    clock.advance(Duration.ofSeconds(90));
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> reps("Pushdown, set 2").isFocused());
    assertThat(rest.restingProperty().get()).isFalse();
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> rest.restingProperty().get());

    AppDriver.waitUntil(() -> driver.context.sessions().get(owner.id(), sessionId).structure().stats()
        .completedSetCount() == 4);
    List<Exercise> stored = driver.context.sessions().get(owner.id(), sessionId).structure().exercises();
    assertThat(stored.get(0).sets().get(0).completedAt()).isEqualTo(TestContext.START);
    assertThat(stored.get(1).sets().get(0).completedAt()).isEqualTo(TestContext.START.plusSeconds(40));
    assertThat(stored.get(0).sets().get(1).completedAt()).isEqualTo(TestContext.START.plusSeconds(130));
    assertThat(stored.get(1).sets().get(1).completedAt()).isEqualTo(TestContext.START.plusSeconds(130));
  }

  @Test
  void typingASupersetLabelInThePlanEditorDrawsTheBlockAtOnceAndKeepsTheKeyboardInTheField() throws Exception {
    SessionStructure separate = new SessionStructure(null, Unit.KG, null, null, List.of(
        new Exercise("Fly", null, 60, null, List.of(set(12, 10.0))),
        new Exercise("Face pull", null, 60, null, List.of(set(15, 20.0)))));
    Plan plan = driver.context.plans().create(owner.id(), "Upper", separate);
    driver.open();
    var robot = driver.robot;
    robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
    AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get()
        == dev.setwise.ui.common.Navigator.Screen.PLANS);
    AppDriver.waitUntil(() -> !driver.app.viewModel().plans().plans().isEmpty());
    robot.interact(() -> driver.app.viewModel().plans().select(driver.app.viewModel().plans().plans().stream()
        .filter(p -> p.id().equals(plan.id())).findFirst().orElseThrow()));
    AppDriver.waitUntil(() -> driver.app.viewModel().plans().editor().openProperty().get()
        && "Upper".equals(driver.app.viewModel().plans().editor().nameProperty().get()));

    // The workout screen (hidden) has a superset of its own: look at the plan editor's only.
    java.util.function.Supplier<Boolean> block = () -> robot.lookup(".superset-block")
        .match(SupersetGuiTest::shown).tryQuery().isPresent();
    robot.clickOn(driver.field("Superset label of exercise 1")).write("B");
    robot.clickOn(driver.field("Superset label of exercise 2")).write("B");

    AppDriver.waitUntil(block);
    AppDriver.waitUntil(() -> driver.field("Superset label of exercise 2").isFocused());
    robot.write("x");
    assertThat(driver.field("Superset label of exercise 2").getText()).as("the caret stayed at the end").isEqualTo("Bx");
    AppDriver.waitUntil(() -> !block.get());
    robot.type(KeyCode.BACK_SPACE);
    AppDriver.waitUntil(block);
    robot.push(KeyCode.CONTROL, KeyCode.S);
    AppDriver.waitUntil(() -> "B".equals(driver.context.plans().get(owner.id(), plan.id()).structure().exercises().get(1)
        .superset()));
  }

  /** True when {@code node} and every parent of it are visible. */
  private static boolean shown(Node node) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (!at.isVisible()) {
        return false;
      }
    }
    return true;
  }
}
