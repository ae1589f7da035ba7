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
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The save of a session in progress takes one statement when the name stays (docs/decisions/0064)
 * and the general path otherwise: both answer what a read then gives, and every refusal is the
 * one the general path gives, with nothing changed. On SQLite and on PostgreSQL.
 */
class InProgressSaveTest {

  @TempDir
  Path dir;
  TestContext t;
  Profile alex;
  Plan plan;

  /** A context on SQLite or PostgreSQL with Alex and Alex's plan "Legs". */
  private SessionService open(boolean postgres) {
    t = postgres ? TestContext.onPostgres(dir) : new TestContext(dir);
    alex = t.profile("Alex");
    plan = t.plan(alex, "Legs");
    return t.app.sessions();
  }

  @AfterEach
  void close() {
    if (t != null) {
      t.close();
    }
  }

  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void aSaveUnderTheSameNameAnswersWhatAReadGives(boolean postgres) {
    SessionService sessions = open(postgres);
    Session started = sessions.start(alex.id(), plan.id(), null);
    t.clock.advance(Duration.ofMinutes(3));

    SessionStructure logged = Structures.done(started.structure(), 0, 0, 5, 100, TestContext.START);
    Session saved = sessions.update(alex.id(), started.id(), logged, 1L);
    assertThat(saved.version()).isEqualTo(2);
    assertThat(saved.updatedAt()).isEqualTo(TestContext.START.plus(Duration.ofMinutes(3)));
    assertThat(saved.planId()).isEqualTo(plan.id());
    assertThat(saved.date()).isEqualTo(started.date());
    assertThat(saved.startedAt()).isEqualTo(started.startedAt());
    assertThat(saved.createdAt()).isEqualTo(started.createdAt());
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(saved);

    Session again = sessions.update(alex.id(), started.id(), logged, null);
    assertThat(again.version()).as("no version given: whatever the version").isEqualTo(3);
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(again);
    SessionSummary listed = sessions.list(alex.id(), SessionQuery.defaults()).items().get(0);
    assertThat(listed.version()).isEqualTo(3);
    assertThat(listed.name()).isEqualTo("Legs");
  }

  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void aNewNameOrNoNameTakesTheGeneralPath(boolean postgres) {
    SessionService sessions = open(postgres);
    Session started = sessions.start(alex.id(), plan.id(), null);

    Session renamed = sessions.update(alex.id(), started.id(), started.structure().withName("Heavy legs"), 1L);
    assertThat(renamed.structure().name()).isEqualTo("Heavy legs");
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(renamed);
    assertThat(sessions.list(alex.id(), SessionQuery.defaults()).items().get(0).name()).isEqualTo("Heavy legs");

    Session unnamed = sessions.update(alex.id(), started.id(), started.structure().withName(null), 2L);
    assertThat(unnamed.structure().name()).as("a structure without a name keeps the stored one")
        .isEqualTo("Heavy legs");
    assertThat(unnamed.version()).isEqualTo(3);
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(unnamed);
  }

  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void everyRefusalIsTheGeneralPathsAndChangesNothing(boolean postgres) {
    SessionService sessions = open(postgres);
    Profile sam = t.profile("Sam");
    Session started = sessions.start(alex.id(), plan.id(), null);
    SessionStructure logged = Structures.done(started.structure(), 0, 0, 5, 100, TestContext.START);

    assertThatThrownBy(() -> sessions.update(sam.id(), started.id(), logged, null))
        .as("another profile's session is a missing one").isInstanceOf(NotFoundException.class)
        .hasMessage(Messages.SESSION_NOT_FOUND);
    assertThatThrownBy(() -> sessions.update(alex.id(), UUID.randomUUID(), logged, null))
        .isInstanceOf(NotFoundException.class).hasMessage(Messages.SESSION_NOT_FOUND);
    assertThatThrownBy(() -> sessions.update(alex.id(), started.id(), logged, 7L))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.SESSION_CHANGED)
        .satisfies(e -> assertThat(((PreconditionFailedException) e).currentVersion()).hasValue(1));
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(started);

    Session completed = sessions.complete(alex.id(), started.id(), null, 1L);
    assertThatThrownBy(() -> sessions.update(alex.id(), started.id(), completed.structure(), 2L))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.SESSION_COMPLETED);
    assertThatThrownBy(() -> sessions.update(alex.id(), started.id(), completed.structure(), null))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.SESSION_COMPLETED);
    assertThat(sessions.get(alex.id(), started.id())).isEqualTo(completed);
  }
}
