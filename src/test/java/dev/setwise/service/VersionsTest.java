package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
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

/** Versions: 1 when created, +1 on every change; a write from a stale version changes nothing. */
class VersionsTest {

  @TempDir
  Path dir;

  TestContext t;
  PlanService plans;
  SessionService sessions;
  Profile alex;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    plans = t.app.plans();
    sessions = t.app.sessions();
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aPlanRisesByOneWithEveryChangeButNotWhenASessionStartsFromIt() {
    Plan plan = t.plan(alex, "A");
    assertThat(plan.version()).isEqualTo(1);

    Plan renamed = plans.update(alex.id(), plan.id(), "B", null, 1L);
    assertThat(renamed.version()).isEqualTo(2);
    assertThat(plans.update(alex.id(), plan.id(), null, Structures.plan(), null).version()).isEqualTo(3);
    assertThat(plans.update(alex.id(), plan.id(), null, null, 3L).version())
        .as("a PATCH with nothing in it changes nothing").isEqualTo(3);

    sessions.start(alex.id(), plan.id(), null);
    Plan started = plans.get(alex.id(), plan.id());
    assertThat(started.hasSessions()).isTrue();
    assertThat(started.version()).as("has_sessions is not an edit of the plan").isEqualTo(3);
    assertThat(plans.list(alex.id())).singleElement().satisfies(s -> assertThat(s.version()).isEqualTo(3));

    plans.delete(alex.id(), plan.id(), 3L);
    Plan archived = plans.get(alex.id(), plan.id());
    assertThat(archived.archived()).isTrue();
    assertThat(archived.version()).as("archiving is a change").isEqualTo(4);
  }

  @Test
  void aStalePlanWriteChangesNothing() {
    Plan plan = t.plan(alex, "A");
    plans.update(alex.id(), plan.id(), "B", null);
    long auditBefore = t.app.audit().list(alex.id(), 100, 0).total();

    assertThatThrownBy(() -> plans.update(alex.id(), plan.id(), "C", null, 1L))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.PLAN_CHANGED)
        .satisfies(e -> assertThat(((PreconditionFailedException) e).currentVersion()).hasValue(2));
    assertThatThrownBy(() -> plans.delete(alex.id(), plan.id(), 1L))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.PLAN_CHANGED);

    Plan now = plans.get(alex.id(), plan.id());
    assertThat(now.name()).isEqualTo("B");
    assertThat(now.version()).isEqualTo(2);
    assertThat(t.app.audit().list(alex.id(), 100, 0).total()).isEqualTo(auditBefore);
    assertThat(plans.delete(alex.id(), plan.id(), 2L)).isNotNull();
    assertThatThrownBy(() -> plans.get(alex.id(), plan.id())).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aSessionRisesByOneWithEveryUpdateAndItsCompletion() {
    Plan plan = t.plan(alex, "A");
    Session started = sessions.start(alex.id(), plan.id(), LocalDate.of(2026, 11, 24));
    assertThat(started.version()).isEqualTo(1);

    Session logged = sessions.update(alex.id(), started.id(),
        Structures.done(started.structure(), 0, 1, 5, 100, TestContext.START), 1L);
    assertThat(logged.version()).isEqualTo(2);
    assertThat(sessions.get(alex.id(), started.id()).version()).isEqualTo(2);
    Session completed = sessions.complete(alex.id(), started.id(), null, 2L);
    assertThat(completed.version()).isEqualTo(3);
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(completed);
    assertThat(sessions.list(alex.id(), SessionQuery.defaults()).items())
        .singleElement().satisfies(s -> assertThat(s.version()).isEqualTo(3));
  }

  @Test
  void aStaleSessionWriteChangesNothingAndComesBeforeTheOtherRefusals() {
    Plan plan = t.plan(alex, "A");
    Session started = sessions.start(alex.id(), plan.id(), null);
    t.clock.advance(Duration.ofMinutes(5));
    Session logged = sessions.update(alex.id(), started.id(),
        Structures.done(started.structure(), 0, 1, 5, 100, TestContext.START));

    assertThatThrownBy(() -> sessions.update(alex.id(), started.id(), started.structure(), 1L))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.SESSION_CHANGED);
    assertThatThrownBy(() -> sessions.complete(alex.id(), started.id(), null, 1L))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.SESSION_CHANGED);
    assertThatThrownBy(() -> sessions.delete(alex.id(), started.id(), 1L))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.SESSION_CHANGED);
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(logged);

    Session completed = sessions.complete(alex.id(), started.id(), null, 2L);
    assertThatThrownBy(() -> sessions.update(alex.id(), started.id(), started.structure(), 2L))
        .as("stale: the caller learns it was changed elsewhere, not that it is completed")
        .isInstanceOf(PreconditionFailedException.class);
    assertThatThrownBy(() -> sessions.update(alex.id(), started.id(), started.structure(), 3L))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.SESSION_COMPLETED);
    assertThatThrownBy(() -> sessions.delete(alex.id(), java.util.UUID.randomUUID(), 1L))
        .isInstanceOf(NotFoundException.class);
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(completed);

    sessions.delete(alex.id(), started.id(), 3L);
    assertThatThrownBy(() -> sessions.get(alex.id(), started.id())).isInstanceOf(NotFoundException.class);
  }
}
