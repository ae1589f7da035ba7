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
import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetType;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionServiceTest {

  @TempDir
  Path dir;

  TestContext t;
  SessionService sessions;
  Profile alex;
  Plan plan;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    sessions = t.app.sessions();
    alex = t.profile("Alex");
    plan = t.plan(alex, "Strength A");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void startCopiesThePlanAsSnapshotNamedAfterThePlan() {
    Session session = sessions.start(alex.id(), plan.id(), LocalDate.of(2026, 11, 24));

    assertThat(session.status()).isEqualTo(SessionStatus.IN_PROGRESS);
    assertThat(session.endedAt()).isNull();
    assertThat(session.planId()).isEqualTo(plan.id());
    assertThat(session.startedAt()).isEqualTo(TestContext.START);
    assertThat(session.structure().name()).isEqualTo("Strength A");
    assertThat(session.structure().exercises()).hasSize(2);
    assertThat(session.structure().exercises().get(0).sets().get(0).type()).isEqualTo(SetType.WARMUP);
    assertThat(sessions.get(alex.id(), session.id())).isEqualTo(session);
  }

  @Test
  void startDefaultsTheDateToTodayOfTheClock() {
    Session session = sessions.start(alex.id(), plan.id(), null);

    assertThat(session.date()).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void startSetsHasSessionsOnThePlanAndIsAudited() {
    Session session = sessions.start(alex.id(), plan.id(), null);

    assertThat(t.app.plans().get(alex.id(), plan.id()).hasSessions()).isTrue();
    AuditEntry newest = t.app.audit().list(alex.id(), 1, 0).items().get(0);
    assertThat(newest.action()).isEqualTo("session_started");
    assertThat(newest.entityType()).isEqualTo("session");
    assertThat(newest.entityId()).isEqualTo(session.id().toString());
    assertThat(newest.details()).containsEntry("plan_id", plan.id().toString());
  }

  @Test
  void startFailsWhileAnotherSessionIsInProgress() {
    sessions.start(alex.id(), plan.id(), null);

    assertThatThrownBy(() -> sessions.start(alex.id(), plan.id(), null))
        .isInstanceOf(ConflictException.class)
        .hasMessage(Messages.SESSION_IN_PROGRESS);
  }

  @Test
  void anotherProfileMayHaveItsOwnSessionInProgress() {
    Profile sam = t.profile("Sam");
    Plan samsPlan = t.plan(sam, "Sam's plan");
    sessions.start(alex.id(), plan.id(), null);

    Session samsSession = sessions.start(sam.id(), samsPlan.id(), null);

    assertThat(samsSession.status()).isEqualTo(SessionStatus.IN_PROGRESS);
  }

  @Test
  void startFromAnotherProfilesPlanLooksLikeAMissingPlan() {
    Profile sam = t.profile("Sam");

    assertThatThrownBy(() -> sessions.start(sam.id(), plan.id(), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(Messages.PLAN_NOT_FOUND_OR_DENIED);
    assertThatThrownBy(() -> sessions.start(sam.id(), UUID.randomUUID(), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(Messages.PLAN_NOT_FOUND_OR_DENIED);
  }

  @Test
  void updateReplacesTheSnapshotAndKeepsTheName() {
    Session session = sessions.start(alex.id(), plan.id(), null);
    t.clock.advance(Duration.ofMinutes(5));
    SessionStructure logged = Structures.done(session.structure().withName(null), 0, 1, 5, 100, t.clock.instant());

    Session updated = sessions.update(alex.id(), session.id(), logged);

    assertThat(updated.structure().name()).isEqualTo("Strength A");
    assertThat(updated.updatedAt()).isEqualTo(t.clock.instant());
    assertThat(sessions.get(alex.id(), session.id()).structure()).isEqualTo(updated.structure());
  }

  @Test
  void completeSetsEndedAtAndMakesTheSessionImmutable() {
    Session session = sessions.start(alex.id(), plan.id(), null);
    t.clock.advance(Duration.ofMinutes(50));

    Session completed = sessions.complete(alex.id(), session.id(), null);

    assertThat(completed.endedAt()).isEqualTo(t.clock.instant());
    assertThat(completed.status()).isEqualTo(SessionStatus.COMPLETED);
    assertThatThrownBy(() -> sessions.update(alex.id(), session.id(), session.structure()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(Messages.SESSION_COMPLETED);
    assertThatThrownBy(() -> sessions.complete(alex.id(), session.id(), null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(Messages.SESSION_COMPLETED);
    assertThat(t.app.audit().list(alex.id(), 1, 0).items().get(0).action()).isEqualTo("session_completed");
  }

  @Test
  void completeWithAFinalStructureStoresIt() {
    Session session = sessions.start(alex.id(), plan.id(), null);
    SessionStructure last = Structures.done(session.structure(), 1, 0, 8, 60, t.clock.instant());

    Session completed = sessions.complete(alex.id(), session.id(), last);

    assertThat(sessions.get(alex.id(), session.id()).structure()).isEqualTo(completed.structure());
    assertThat(completed.structure().stats().volume()).isEqualTo(480.0);
  }

  @Test
  void afterCompletionANewSessionMayStart() {
    Session first = sessions.start(alex.id(), plan.id(), null);
    sessions.complete(alex.id(), first.id(), null);

    Session second = sessions.start(alex.id(), plan.id(), null);

    assertThat(second.id()).isNotEqualTo(first.id());
  }

  @Test
  void sessionsOfAnotherProfileLookMissing() {
    Session session = sessions.start(alex.id(), plan.id(), null);
    Profile sam = t.profile("Sam");

    assertThatThrownBy(() -> sessions.get(sam.id(), session.id()))
        .isInstanceOf(NotFoundException.class).hasMessage(Messages.SESSION_NOT_FOUND);
    assertThatThrownBy(() -> sessions.update(sam.id(), session.id(), session.structure()))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sessions.complete(sam.id(), session.id(), null))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> sessions.delete(sam.id(), session.id()))
        .isInstanceOf(NotFoundException.class);
    assertThat(sessions.get(alex.id(), session.id()).status()).isEqualTo(SessionStatus.IN_PROGRESS);
  }

  @Test
  void deleteDiscardsAndIsAudited() {
    Session session = sessions.start(alex.id(), plan.id(), null);

    sessions.delete(alex.id(), session.id());

    assertThatThrownBy(() -> sessions.get(alex.id(), session.id())).isInstanceOf(NotFoundException.class);
    assertThat(sessions.findInProgress(alex.id())).isEmpty();
    List<AuditEntry> entries = t.app.audit().list(alex.id(), 10, 0).items();
    assertThat(entries.get(0).action()).isEqualTo("session_deleted");
  }
}
