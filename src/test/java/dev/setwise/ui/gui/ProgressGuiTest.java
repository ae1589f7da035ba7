package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.progress.ProgressSettings;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The progress side of the desktop app, headless, on a real database with one earlier workout. */
class ProgressGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  Profile athlete;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void lastWeek() {
    driver = new AppDriver(dir, clock);
    athlete = driver.context.profiles().ensureDefault();
    Plan plan = driver.context.plans().create(athlete.id(), "Legs", Structures.plan());
    clock.set(TestContext.START.minus(Duration.ofDays(7)));
    Session session = driver.context.sessions().start(athlete.id(), plan.id(), LocalDate.parse("2026-11-17"));
    SessionStructure done = session.structure();
    done = Structures.done(done, 0, 0, 5, 60, clock.instant());
    done = Structures.done(done, 0, 1, 5, 105, clock.instant());
    done = Structures.done(done, 0, 2, 5, 105, clock.instant());
    done = Structures.done(done, 0, 3, 5, 102.5, clock.instant());
    done = Structures.done(done, 1, 0, 8, 60, clock.instant());
    clock.advance(Duration.ofMinutes(50));
    driver.context.sessions().complete(athlete.id(), session.id(), done);
    clock.set(TestContext.START);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private void startTheWorkout() throws Exception {
    driver.open();
    driver.robot.push(KeyCode.CONTROL, KeyCode.N);
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.START);
    driver.robot.clickOn("#start-workout");
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
  }

  private List<String> visible(String styleClass) {
    return driver.robot.lookup(styleClass).queryAllAs(Label.class).stream().filter(Node::isVisible)
        .map(Label::getText).toList();
  }

  private void type(String accessibleText, String text) {
    TextField field = driver.field(accessibleText);
    driver.robot.clickOn(field);
    driver.robot.push(KeyCode.CONTROL, KeyCode.A).write(text);
  }

  @Test
  void lastTimesSetsShowBesideEachSetAndPrefillItWhenChosen() throws Exception {
    driver.context.progress().settings().save(athlete.id(), ProgressSettings.defaults(athlete.unit())
        .withPrefill(ProgressSettings.Prefill.LAST_TIME));

    startTheWorkout();

    AppDriver.waitUntil(() -> visible(".last-time").contains("last: 105 kg × 5"));
    assertThat(visible(".last-time")).containsSubsequence("last: 60 kg × 5 (warm-up)", "last: 105 kg × 5",
        "last: 105 kg × 5", "last: 102.5 kg × 5", "last: 60 kg × 8");
    AppDriver.waitUntil(() -> "105".equals(driver.field("Weight lifted (kg): Squat, set 2").getText()));
    assertThat(driver.field("Weight lifted (kg): Squat, set 4").getText()).isEqualTo("102.5");
    assertThat(driver.field("Weight lifted (kg): Squat, set 2").getStyleClass()).contains("prefilled");
    // Bench press sets 2 and 3 were not done last time: they keep the plan's 60 kg × 8.
    assertThat(driver.field("Weight lifted (kg): Bench press, set 2").getText()).isEqualTo("60");

    // One keystroke records last time's values.
    driver.robot.clickOn(driver.field("Reps done: Squat, set 2"));
    driver.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    java.util.UUID id = driver.app.viewModel().workout().sessionProperty().get().id();
    AppDriver.waitUntil(() -> {
      var set = driver.context.sessions().get(athlete.id(), id).structure().exercises().get(0).sets().get(1);
      return set.completed() && Double.valueOf(105).equals(set.weight());
    });
  }

  @Test
  void withThePlanChosenNewSetsKeepThePlansTargetsAndStillShowLastTime() throws Exception {
    startTheWorkout();

    AppDriver.waitUntil(() -> visible(".last-time").contains("last: 105 kg × 5"));
    assertThat(driver.field("Weight lifted (kg): Squat, set 2").getText()).isEqualTo("100");
  }

  @Test
  void aHeavySetShowsItsRecordBadgeTheMomentItIsDone() throws Exception {
    startTheWorkout();
    AppDriver.waitUntil(() -> visible(".last-time").contains("last: 105 kg × 5"));

    type("Weight lifted (kg): Squat, set 2", "120");
    driver.robot.push(KeyCode.CONTROL, KeyCode.ENTER);

    // 120 × (1 + 5/30) = 140 beats last week's 105 × (1 + 5/30) = 122.5
    AppDriver.waitUntil(() -> visible(".record-badge").contains("New e1RM record: 140 kg"));
    assertThat(visible(".record-badge")).hasSize(1);

    // A set like last week's beats nothing.
    driver.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(visible(".record-badge")).containsExactly("New e1RM record: 140 kg");
  }

  @Test
  void theProgressScreenOpensAnExerciseHistoryWithItsChart() throws Exception {
    driver.open();
    driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT4);
    assertThat(driver.app.viewModel().screenProperty().get()).isEqualTo(Screen.PROGRESS);
    TableView<?> records = driver.node("#records-table");
    AppDriver.waitUntil(() -> records.getItems().size() == 2 && records.isFocused());

    driver.robot.type(KeyCode.DOWN);
    driver.robot.type(KeyCode.ENTER);

    AppDriver.waitUntil(() -> driver.robot.lookup("#exercise-history-title").tryQuery().isPresent()
        && "Squat".equals(driver.text("#exercise-history-title")));
    LineChart<Number, Number> chart = driver.node("#e1rm-chart");
    AppDriver.waitUntil(() -> !chart.getData().isEmpty() && chart.getData().get(0).getData().size() == 1);
    assertThat(chart.getData().get(0).getData().get(0).getYValue().doubleValue()).isCloseTo(122.5,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(driver.robot.lookup((Predicate<Node>) n -> n instanceof Label l && l.getText() != null
        && l.getText().startsWith(Formats.date(LocalDate.of(2026, 11, 17)) + " · 3 sets")).tryQuery()).isPresent();
    driver.robot.type(KeyCode.ESCAPE);
    AppDriver.waitUntil(() -> driver.robot.lookup("#exercise-history-title").tryQuery().isEmpty());
  }

  @Test
  void theHistoryListShowsTheRecordsEachSessionHolds() throws Exception {
    driver.open();
    driver.robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
    TableView<?> table = driver.node("#history-table");
    AppDriver.waitUntil(() -> table.getItems().size() == 1);

    // Last week's session holds every record of its two exercises: 4 each.
    AppDriver.waitUntil(() -> visible(".history-records").contains("8"));
  }

  @Test
  void thePlateCalculatorLoads142AndAHalfOnATwentyKiloBar() throws Exception {
    startTheWorkout();

    type("Weight lifted (kg): Squat, set 2", "142.5");
    driver.robot.push(KeyCode.CONTROL, KeyCode.L);

    AppDriver.waitUntil(() -> driver.robot.lookup("#plates-per-side").tryQuery().isPresent());
    assertThat(driver.text("#plates-per-side")).isEqualTo("Per side: 25 + 25 + 10 + 1.25 kg");
    assertThat(driver.text("#plates-loaded")).isEqualTo("On the bar: 142.5 kg");
    driver.robot.type(KeyCode.ESCAPE);
    AppDriver.waitUntil(() -> driver.robot.lookup("#plates-per-side").tryQuery().isEmpty());
  }
}
