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
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workout screen on small screens, by bounds: at 1024×600 and 1280×720 every control
 * of the workout is wholly inside the window (and inside the list's visible width), none is drawn
 * shorter than it needs (no "…"), and at least two exercises show; a window remembered from a
 * bigger screen is never taller than this one. (The headless screen is 1280 pixels wide, so wider
 * windows cannot be drawn here; 1366×768 is looked at in the screenshots.)
 */
class SmallScreenGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  Profile owner;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() {
    driver = new AppDriver(dir, clock);
    owner = driver.context.profiles().ensureDefault();
    // A plan like a real push day: a warm-up and four working sets of the first lift, notes.
    List<Exercise> exercises = new ArrayList<>();
    for (String name : List.of("Bench press", "Overhead press", "Incline dumbbell press", "Lateral raise",
        "Triceps pushdown")) {
      List<SetEntry> sets = new ArrayList<>();
      if (exercises.isEmpty()) {
        sets.add(SetEntry.target(SetType.WARMUP, 8, 40.0, null));
      }
      for (int i = 0; i < 4; i++) {
        sets.add(SetEntry.target(SetType.NORMAL, 12, 102.5, 8.5));
      }
      exercises.add(new Exercise(name, "Pause the first rep of each set", 120, null, sets));
    }
    Plan plan = driver.context.plans().create(owner.id(), "Push A", new SessionStructure(null, Unit.KG, null, null,
        exercises));
    // Last week's session of the plan, a little lighter: each set shows "last: …", and the first set
    // done today beats its e1RM, so a record badge shows too (the widest things in a row).
    Session last = driver.context.sessions().start(owner.id(), plan.id(), TestContext.START.atZone(clock.getZone())
        .toLocalDate().minusDays(7));
    SessionStructure done = last.structure();
    for (int e = 0; e < done.exercises().size(); e++) {
      Exercise exercise = done.exercises().get(e);
      for (int s = 0; s < exercise.sets().size(); s++) {
        exercise = exercise.withSet(s, exercise.sets().get(s).withActuals(12, 100.0, 8.5).withCompleted(TestContext.START));
      }
      done = done.withExercise(e, exercise);
    }
    driver.context.sessions().complete(owner.id(), last.id(), done);
    driver.context.sessions().start(owner.id(), plan.id(), null);
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  @ParameterizedTest(name = "{0}×{1}")
  @CsvSource({"1024, 600", "1280, 720"})
  void noControlOfTheWorkoutIsCutOffOrShortenedAndTwoExercisesShow(int width, int height) throws Exception {
    driver.open();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
    driver.robot.interact(() -> {
      driver.stage.setMaximized(false);
      driver.stage.setX(0);
      driver.stage.setY(0);
      driver.stage.setWidth(width);
      driver.stage.setHeight(height);
    });
    AppDriver.waitUntil(() -> driver.stage.getScene().getWidth() == width && driver.stage.getScene().getHeight() == height);
    AppDriver.waitUntil(() -> driver.field("Reps done: Bench press, set 1").isFocused());
    WaitForAsyncUtils.waitForFxEvents();

    assertThat(problems(width, height)).as("before a set is done").isEmpty();
    long names = driver.robot.lookup(".exercise-name").queryAllAs(Label.class).stream()
        .filter(Node::isVisible)
        .filter(label -> visibleList().contains(label.localToScene(label.getLayoutBounds())))
        .count();
    assertThat(names).as("exercise names wholly visible at " + width + "×" + height).isGreaterThanOrEqualTo(2);

    // Resting, the banner holds the countdown, −15 s / +15 s, what is next and Skip: all of it.
    // The warm-up, then the first working set, which sets a record.
    driver.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.field("Reps done: Bench press, set 2").isFocused());
    driver.robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().rest().restingProperty().get()
        && driver.robot.lookup(".record-badge").match(Node::isVisible).tryQuery().isPresent());
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(problems(width, height)).as("while resting").isEmpty();
    assertThat(driver.robot.lookup("#complete-workout").query().localToScene(0, 0).getY())
        .as("Complete stays in the window").isLessThan(height);
  }

  private Bounds visibleList() {
    ScrollPane list = workoutList();
    return list.localToScene(list.getViewportBounds().getWidth() > 0
        ? new BoundingBox(0, 0, list.getViewportBounds().getWidth(), list.getViewportBounds().getHeight())
        : list.getLayoutBounds());
  }

  /** What of the workout screen is cut off by the window or the list's sides, or drawn shorter than it needs. */
  private List<String> problems(int width, int height) {
    Parent root = driver.stage.getScene().getRoot();
    Bounds window = new BoundingBox(0, 0, width, height);
    ScrollPane list = workoutList();
    Bounds visible = visibleList();
    List<String> problems = new ArrayList<>();
    for (Node node : showing(root)) {
      if (!(node instanceof Control control) || node instanceof ScrollBar || node instanceof ScrollPane) {
        continue;
      }
      Bounds at = node.localToScene(node.getLayoutBounds());
      String name = describe(node);
      if (isInside(node, list.getContent())) {
        // In the list: scrolled rows may be above or below, but never beyond its sides.
        if (at.getMinX() < visible.getMinX() - 0.5 || at.getMaxX() > visible.getMaxX() + 0.5) {
          problems.add(name + " goes past the sides of the list: " + at);
        }
      } else if (!window.contains(at)) {
        problems.add(name + " is cut off by the window: " + at);
      }
      if (control instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isEmpty()) {
        // A label that wraps may be narrower than its one line, but then needs the height of its lines.
        if (labeled.isWrapText() ? control.getHeight() + 0.5 < control.prefHeight(control.getWidth())
            : control.getWidth() + 0.5 < control.prefWidth(-1)) {
          problems.add(name + " is shortened: " + control.getWidth() + "×" + control.getHeight() + " of "
              + control.prefWidth(-1) + "×" + control.prefHeight(control.getWidth()));
        }
      }
      if (control instanceof TextField field && control.getWidth() + 0.5 < control.minWidth(-1)) {
        problems.add(name + " is narrower than its minimum");
      }
    }
    return problems;
  }

  @Test
  void aWindowRememberedFromABiggerScreenIsNeverTallerThanThisOne() throws Exception {
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    UiPreferences.load(dir).withWindow(new UiPreferences.WindowBounds(screen.getMinX() + 10, screen.getMinY() + 10,
        screen.getWidth() + 400, screen.getHeight() + 300, false)).save(dir);

    driver.open();

    assertThat(driver.stage.getHeight()).isLessThanOrEqualTo(screen.getHeight());
    assertThat(driver.stage.getWidth()).isLessThanOrEqualTo(screen.getWidth());
    assertThat(driver.stage.getY()).isGreaterThanOrEqualTo(screen.getMinY());
    assertThat(driver.stage.getY() + driver.stage.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
    assertThat(driver.stage.getMinHeight()).isLessThanOrEqualTo(screen.getHeight());
  }

  private ScrollPane workoutList() {
    return driver.robot.lookup(".scroll-pane").match(n -> n.isVisible() && ((ScrollPane) n).getContent() != null
        && !((ScrollPane) n).lookupAll(".exercise-name").isEmpty()).queryAs(ScrollPane.class);
  }

  /** Every node that is drawn: visible itself and all the way up. */
  private static List<Node> showing(Parent root) {
    List<Node> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(Node node, List<Node> out) {
    if (!node.isVisible()) {
      return;
    }
    out.add(node);
    if (node instanceof Control control && control.getSkin() == null) {
      return;
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        collect(child, out);
      }
    }
  }

  private static boolean isInside(Node node, Node content) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (at == content) {
        return true;
      }
    }
    return false;
  }

  private static String describe(Node node) {
    String text = node instanceof Labeled labeled ? labeled.getText() : null;
    String accessible = node.getAccessibleText();
    return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
        + (text == null || text.isEmpty() ? "" : " \"" + text + "\"")
        + (accessible == null ? "" : " (" + accessible + ")");
  }

}
