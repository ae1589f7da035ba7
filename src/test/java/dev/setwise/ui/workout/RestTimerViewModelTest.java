package dev.setwise.ui.workout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.RestCountdown;
import dev.setwise.domain.Session;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.Formats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rest timer is saved with its session, counts on after a reopen, and can be changed mid-workout. */
class RestTimerViewModelTest {

  @TempDir
  Path dir;

  UiFixture f;
  Plan plan;
  AtomicInteger chimes = new AtomicInteger();
  WorkoutViewModel vm;

  @BeforeEach
  void open() {
    f = new UiFixture(dir);
    plan = f.services.plans().create(f.owner(), "Strength A", Structures.plan());
    vm = reopen();
    vm.startForm().start();
  }

  @AfterEach
  void close() {
    f.close();
  }

  private WorkoutViewModel reopen() {
    WorkoutViewModel fresh = new WorkoutViewModel(f.services, f.tasks, chimes::incrementAndGet, f.profile,
        f.navigator);
    fresh.refresh();
    return fresh;
  }

  private Session session() {
    return vm.sessionProperty().get();
  }

  private Optional<RestCountdown> saved() {
    return f.services.rests().find(f.owner(), session().id());
  }

  private SetRow squat(int set) {
    return vm.active().exercises().get(0).sets().get(set);
  }

  @Test
  void theEndOfARestIsSavedAsItStartsAndForgottenWhenSkipped() {
    vm.active().setDone(squat(1), true);

    assertThat(saved()).contains(new RestCountdown(session().id(), TestContext.START.plusSeconds(180), 180));
    vm.rest().skip();
    assertThat(saved()).isEmpty();
  }

  @Test
  void aWorkoutReopenedMidRestCountsOn() {
    vm.active().setDone(squat(1), true);
    f.t.clock.advance(Duration.ofSeconds(70));

    WorkoutViewModel reopened = reopen();

    assertThat(reopened.rest().restingProperty().get()).isTrue();
    assertThat(reopened.rest().textProperty().get()).isEqualTo("1:50");
    assertThat(reopened.rest().totalProperty().get()).isEqualTo(180);
    f.t.clock.advance(Duration.ofSeconds(110));
    reopened.tick();
    assertThat(reopened.rest().overProperty().get()).isTrue();
    assertThat(chimes.get()).isEqualTo(1);
    assertThat(saved()).as("a rest over is forgotten").isEmpty();
  }

  @Test
  void aWorkoutReopenedAfterTheRestEndedSaysItEndedWhileClosed() {
    vm.active().setDone(squat(1), true);
    f.t.clock.advance(Duration.ofMinutes(10));

    WorkoutViewModel reopened = reopen();

    assertThat(reopened.rest().restingProperty().get()).isFalse();
    assertThat(reopened.rest().overProperty().get()).isTrue();
    assertThat(reopened.rest().captionProperty().get()).isEqualTo("Your rest ended at "
        + Formats.time(Instant.parse("2026-11-24T07:18:00Z"), f.t.clock.getZone()) + " while Setwise was closed");
    f.t.clock.advance(Duration.ofMinutes(1));
    reopened.tick();
    assertThat(reopened.rest().overProperty().get()).as("it stays until dismissed or the next set").isTrue();
    assertThat(chimes.get()).as("no chime for a rest that ended while closed").isZero();
    assertThat(saved()).isEmpty();
    reopened.rest().skip();
    assertThat(reopened.rest().overProperty().get()).isFalse();
  }

  @Test
  void minusAndPlusFifteenSecondsChangeTheRestAndAreSaved() {
    vm.active().setDone(squat(1), true);
    f.t.clock.advance(Duration.ofSeconds(30));

    vm.rest().longer();
    assertThat(vm.rest().textProperty().get()).isEqualTo("2:45");
    assertThat(saved().orElseThrow().endsAt()).isEqualTo(TestContext.START.plusSeconds(195));
    vm.rest().shorter();
    vm.rest().shorter();
    assertThat(vm.rest().textProperty().get()).isEqualTo("2:15");
    assertThat(saved().orElseThrow().endsAt()).isEqualTo(TestContext.START.plusSeconds(165));
    assertThat(saved().orElseThrow().seconds()).isEqualTo(180);

    for (int i = 0; i < 10; i++) {
      vm.rest().shorter();
    }
    assertThat(vm.rest().restingProperty().get()).isFalse();
    assertThat(vm.rest().overProperty().get()).isTrue();
    assertThat(chimes.get()).isEqualTo(1);
    assertThat(saved()).isEmpty();
  }

  @Test
  void anExercisesRestCanBeChangedMidWorkoutAndIsSavedWithTheSession() {
    ExerciseRow squat = vm.active().exercises().get(0);
    squat.restSecondsProperty().set(240);

    assertThat(f.services.sessions().get(f.owner(), session().id()).structure().exercises().get(0).restSeconds())
        .isEqualTo(240);
    vm.active().setDone(squat(1), true);
    assertThat(vm.rest().textProperty().get()).isEqualTo("4:00");
  }

  @Test
  void anExerciseAddedMidWorkoutRestsLikeTheOneBeforeAndItsRestCanBeChanged() {
    vm.active().newExerciseNameProperty().set("Face pull");
    SetRow first = vm.active().addExercise();
    ExerciseRow facePull = vm.active().exercises().get(2);
    assertThat(facePull.restSeconds()).isEqualTo(120);

    facePull.restSecondsProperty().set(45);
    vm.active().setDone(first, true);

    assertThat(vm.rest().textProperty().get()).isEqualTo("0:45");
    assertThat(f.services.sessions().get(f.owner(), session().id()).structure().exercises().get(2).restSeconds())
        .isEqualTo(45);
  }

  @Test
  void theWarmUpRestIsTheProfilesSetting() {
    f.services.rests().setWarmupRest(f.owner(), 30);
    WorkoutViewModel reopened = reopen();

    reopened.active().setDone(reopened.active().exercises().get(0).sets().get(0), true);

    assertThat(reopened.rest().textProperty().get()).isEqualTo("0:30");
    assertThat(reopened.rest().captionProperty().get()).isEqualTo("Warm-up rest");
    reopened.warmupRestChanged(0);
    reopened.active().setDone(reopened.active().exercises().get(0).sets().get(0), false);
    reopened.active().setDone(reopened.active().exercises().get(0).sets().get(0), true);
    assertThat(reopened.rest().restingProperty().get()).as("warm-up rest off").isFalse();
  }

  @Test
  void completingTheWorkoutEndsItsRest() {
    vm.active().setDone(squat(1), true);
    Session current = session();
    vm.complete();
    assertThat(f.services.rests().find(f.owner(), current.id())).isEmpty();
    assertThat(vm.rest().restingProperty().get()).isFalse();
  }
}
