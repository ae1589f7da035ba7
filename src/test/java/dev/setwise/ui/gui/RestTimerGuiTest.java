package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.RestCountdown;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The rest timer survives closing the app: it counts on when reopened mid-rest, or says it ended meanwhile. */
class RestTimerGuiTest {

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

  private void openWorkout() throws Exception {
    driver.open();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE);
  }

  private Optional<RestCountdown> saved() {
    return driver.context.rests().find(owner.id(), sessionId);
  }

  @Test
  void theRestTimerIsStillCountingAfterTheAppIsClosedAndReopenedMidRest() throws Exception {
    openWorkout();
    var robot = driver.robot;
    AppDriver.waitUntil(() -> driver.field("Reps done: Squat, set 1").isFocused());

    // The warm-up: its shorter rest, made 15 s longer from the keyboard.
    robot.push(KeyCode.CONTROL, KeyCode.ENTER);
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().rest().restingProperty().get());
    assertThat(driver.text("#rest-caption")).isEqualTo("Warm-up rest");
    assertThat(driver.text("#rest-time")).isEqualTo("1:00");
    robot.push(KeyCode.CONTROL, KeyCode.EQUALS);
    AppDriver.waitUntil(() -> "1:15".equals(driver.text("#rest-time")));
    // On disk at once: killing the app now would lose nothing.
    AppDriver.waitUntil(() -> saved().map(RestCountdown::endsAt).orElse(null) != null
        && saved().get().endsAt().equals(TestContext.START.plusSeconds(75)));

    driver.closeApp();
    clock.advance(Duration.ofSeconds(30));
    openWorkout();
    AppDriver.waitUntil(() -> "0:45".equals(driver.text("#rest-time")));
    assertThat(driver.app.viewModel().workout().rest().restingProperty().get()).isTrue();
    assertThat(driver.<javafx.scene.Node>node("#rest-time").isVisible()).isTrue();
    robot.push(KeyCode.CONTROL, KeyCode.MINUS);
    AppDriver.waitUntil(() -> "0:30".equals(driver.text("#rest-time")));

    driver.closeApp();
    clock.advance(Duration.ofMinutes(5));
    openWorkout();
    AppDriver.waitUntil(() -> driver.app.viewModel().workout().rest().overProperty().get());
    assertThat(driver.text("#rest-caption")).isEqualTo("Your rest ended at "
        + Formats.time(Instant.parse("2026-11-24T07:16:00Z"), clock.getZone()) + " while Setwise was closed");
    assertThat(driver.text("#skip-rest")).isEqualTo("Dismiss");
    AppDriver.waitUntil(() -> saved().isEmpty());
  }
}
