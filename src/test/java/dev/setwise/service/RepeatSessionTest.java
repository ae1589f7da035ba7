package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Repeat this workout": {@link SessionService#startFromSession}. */
class RepeatSessionTest {

  @TempDir
  Path dir;

  TestContext t;
  SessionService sessions;
  Profile alex;
  Plan plan;
  Session completed;

  @BeforeEach
  void aCompletedSession() {
    t = new TestContext(dir);
    sessions = t.app.sessions();
    alex = t.profile("Alex");
    plan = t.plan(alex, "Strength A");
    Session started = sessions.start(alex.id(), plan.id(), null);
    SessionStructure logged = Structures.done(started.structure(), 0, 1, 6, 102.5, TestContext.START);
    t.clock.advance(Duration.ofMinutes(40));
    completed = sessions.complete(alex.id(), started.id(), logged.withNotes("Felt heavy"));
    t.clock.advance(Duration.ofDays(2));
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aRepeatStartsFromThePlanWithWhatWasDoneAsTargetsAndIsAudited() {
    Session repeat = sessions.startFromSession(alex.id(), completed.id(), null);

    assertThat(repeat.planId()).isEqualTo(plan.id());
    assertThat(repeat.completed()).isFalse();
    assertThat(repeat.date()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(repeat.structure().name()).isEqualTo("Strength A");
    assertThat(repeat.structure().notes()).isNull();
    SetEntry done = repeat.structure().exercises().get(0).sets().get(1);
    assertThat(done).isEqualTo(SetEntry.target(SetType.NORMAL, 6, 102.5, 8.0).withDurationAndDistance(null, null));
    SetEntry notDone = repeat.structure().exercises().get(0).sets().get(2);
    assertThat(notDone).isEqualTo(SetEntry.target(SetType.NORMAL, 5, 100.0, 8.5));
    assertThat(repeat.structure().exercises()).allSatisfy(e -> assertThat(e.sets())
        .noneMatch(SetEntry::hasActualValues));
    assertThat(sessions.findInProgress(alex.id())).contains(repeat);
    AuditEntry audit = t.app.audit().list(alex.id(), 1, 0).items().get(0);
    assertThat(audit.action()).isEqualTo("session_started");
    assertThat(audit.details()).containsEntry("repeated_from", completed.id().toString())
        .containsEntry("plan_id", plan.id().toString());
  }

  @Test
  void aRepeatUsesTheNewestAmendment() {
    SessionStructure fixed = Structures.done(completed.structure(), 1, 0, 8, 65, completed.endedAt());
    sessions.amend(alex.id(), completed.id(), fixed, "Bench was 65");

    Session repeat = sessions.startFromSession(alex.id(), completed.id(), LocalDate.of(2026, 12, 1));

    assertThat(repeat.structure().exercises().get(1).sets().get(0).targetWeight()).isEqualTo(65.0);
    assertThat(repeat.date()).isEqualTo(LocalDate.of(2026, 12, 1));
  }

  @Test
  void aRepeatOfASessionWhosePlanIsArchivedStartsWithoutAPlan() {
    t.app.plans().delete(alex.id(), plan.id());

    Session repeat = sessions.startFromSession(alex.id(), completed.id(), null);

    assertThat(repeat.planId()).isNull();
    assertThat(repeat.structure().exercises()).hasSize(2);
    assertThat(t.app.audit().list(alex.id(), 1, 0).items().get(0).details()).doesNotContainKey("plan_id");
  }

  @Test
  void aRepeatOfASessionLoggedWithoutAPlanStartsWithoutAPlan() {
    Session logged = sessions.create(alex.id(), new SessionRequests.Create(null, null, null,
        Structures.done(Structures.plan().withName("Hotel gym"), 0, 1, 5, 90, TestContext.START),
        TestContext.START, TestContext.START.plusSeconds(1800)));

    Session repeat = sessions.startFromSession(alex.id(), logged.id(), null);

    assertThat(repeat.planId()).isNull();
    assertThat(repeat.structure().name()).isEqualTo("Hotel gym");
  }

  @Test
  void aRepeatWhileAnotherSessionIsInProgressIsRefusedAndChangesNothing() {
    Session running = sessions.start(alex.id(), plan.id(), null);
    long audited = t.app.audit().list(alex.id(), 1, 0).total();

    assertThatThrownBy(() -> sessions.startFromSession(alex.id(), completed.id(), null))
        .isInstanceOf(ConflictException.class).hasMessage(Messages.SESSION_IN_PROGRESS);
    assertThat(sessions.findInProgress(alex.id())).contains(running);
    assertThat(t.app.audit().list(alex.id(), 1, 0).total()).isEqualTo(audited);
  }

  @Test
  void aSessionInProgressCannotBeRepeated() {
    Session running = sessions.start(alex.id(), plan.id(), null);

    assertThatThrownBy(() -> sessions.startFromSession(alex.id(), running.id(), null))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.ONLY_COMPLETED_REPEATED);
  }

  @Test
  void anotherProfilesSessionIsNotFound() {
    Profile sam = t.profile("Sam");

    assertThatThrownBy(() -> sessions.startFromSession(sam.id(), completed.id(), null))
        .isInstanceOf(NotFoundException.class).hasMessage(Messages.SESSION_NOT_FOUND);
    assertThat(sessions.findInProgress(sam.id())).isEmpty();
  }
}
