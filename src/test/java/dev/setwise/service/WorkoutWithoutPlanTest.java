package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Exercise;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Start empty workout": a session without a plan keeps every rule of a session started from one. */
class WorkoutWithoutPlanTest {

  @TempDir
  Path dir;

  TestContext t;
  SessionService sessions;
  Profile sam;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    sessions = t.app.sessions();
    sam = t.app.profiles().create("Sam", Unit.LB);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void anEmptyWorkoutHasNoPlanNoExercisesTheProfilesUnitAndTodayAndIsAudited() {
    Session session = sessions.startWithoutPlan(sam.id(), null, Unit.LB);

    assertThat(session.planId()).isNull();
    assertThat(session.status()).isEqualTo(SessionStatus.IN_PROGRESS);
    assertThat(session.date()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(session.structure().name()).isEqualTo("Workout");
    assertThat(session.structure().unit()).isEqualTo(Unit.LB);
    assertThat(session.structure().exercises()).isEmpty();
    assertThat(sessions.findInProgress(sam.id())).contains(session);
    AuditEntry started = t.app.audit().list(sam.id(), 1, 0).items().get(0);
    assertThat(started.action()).isEqualTo("session_started");
    assertThat(started.entityId()).isEqualTo(session.id().toString());
    assertThat(started.details()).containsEntry("plan_id", null).containsEntry("name", "Workout");
  }

  @Test
  void onlyOneWorkoutIsInProgressWithOrWithoutAPlan() {
    sessions.startWithoutPlan(sam.id(), null, Unit.LB);
    assertThatThrownBy(() -> sessions.startWithoutPlan(sam.id(), null, Unit.LB))
        .isInstanceOf(ConflictException.class).hasMessage(Messages.SESSION_IN_PROGRESS);
    var plan = t.plan(sam, "Legs");
    assertThatThrownBy(() -> sessions.start(sam.id(), plan.id(), null))
        .isInstanceOf(ConflictException.class).hasMessage(Messages.SESSION_IN_PROGRESS);

    Profile alex = t.profile("Alex");
    sessions.start(alex.id(), t.plan(alex, "Push").id(), null);
    assertThatThrownBy(() -> sessions.startWithoutPlan(alex.id(), null, Unit.KG))
        .isInstanceOf(ConflictException.class).hasMessage(Messages.SESSION_IN_PROGRESS);
  }

  @Test
  void exercisesAddedAsYouGoAreLoggedCompletedAndThenNeverChange() {
    Session session = sessions.startWithoutPlan(sam.id(), LocalDate.of(2026, 11, 23), Unit.LB);
    SetEntry done = SetEntry.target(SetType.NORMAL, null, null, null).withActuals(20, 0.0, null)
        .withCompleted(TestContext.START);
    sessions.update(sam.id(), session.id(), session.structure().withExercises(
        List.of(new Exercise("Push-up", null, null, null, List.of(done)))));
    t.clock.advance(Duration.ofMinutes(20));

    Session completed = sessions.complete(sam.id(), session.id(), null);

    assertThat(completed.structure().exercises()).extracting(Exercise::name).containsExactly("Push-up");
    assertThat(t.app.audit().list(sam.id(), 1, 0).items().get(0).action()).isEqualTo("session_completed");
    assertThatThrownBy(() -> sessions.update(sam.id(), session.id(), completed.structure()))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.SESSION_COMPLETED);
    var listed = sessions.list(sam.id(), SessionQuery.defaults()).items();
    assertThat(listed).singleElement().satisfies(summary -> {
      assertThat(summary.planId()).isNull();
      assertThat(summary.completedSetCount()).isEqualTo(1);
    });
  }
}
