package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SessionService#amend} and {@link SessionService#amendments}, for the desktop app and the API alike. */
class AmendmentsTest {

  @TempDir
  Path dir;

  TestContext t;
  SessionService sessions;
  Profile alex;
  Session completed;

  @BeforeEach
  void aCompletedSession() {
    t = new TestContext(dir);
    sessions = t.app.sessions();
    alex = t.profile("Alex");
    Plan plan = t.plan(alex, "Strength A");
    Session started = sessions.start(alex.id(), plan.id(), null);
    SessionStructure logged = Structures.done(started.structure(), 0, 1, 5, 100, TestContext.START);
    t.clock.advance(Duration.ofMinutes(40));
    completed = sessions.complete(alex.id(), started.id(), logged);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void anAmendmentIsWhatTheSessionHoldsNowAndTheOriginalIsKept() {
    SessionStructure fixed = Structures.done(completed.structure(), 0, 2, 5, 100, TestContext.START);
    t.clock.advance(Duration.ofDays(1));

    Session amended = sessions.amend(alex.id(), completed.id(), fixed, "  Forgot a set  ");

    assertThat(amended.amended()).isTrue();
    assertThat(amended.version()).isEqualTo(completed.version() + 1);
    assertThat(amended.structure().name()).isEqualTo("Strength A");
    assertThat(amended.endedAt()).isEqualTo(completed.endedAt());
    assertThat(sessions.get(alex.id(), completed.id())).isEqualTo(amended);
    assertThat(sessions.list(alex.id(), SessionQuery.defaults()).items()).singleElement().satisfies(s -> {
      assertThat(s.volume()).isEqualTo(1000.0);
      assertThat(s.amended()).isTrue();
      assertThat(s.version()).isEqualTo(amended.version());
    });
    List<SessionAmendment> states = sessions.amendments(alex.id(), completed.id());
    assertThat(states).hasSize(2);
    assertThat(states.get(0)).isEqualTo(new SessionAmendment(completed.version(), null, completed.endedAt(),
        completed.structure()));
    assertThat(states.get(0).original()).isTrue();
    assertThat(states.get(1).reason()).isEqualTo("Forgot a set");
    assertThat(states.get(1).session()).isEqualTo(amended.structure());
    assertThat(states.get(1).at()).isEqualTo(t.clock.instant());
    AuditEntry audit = t.app.audit().list(alex.id(), 1, 0).items().get(0);
    assertThat(audit.action()).isEqualTo("session_amended");
    assertThat(audit.details()).containsEntry("reason", "Forgot a set");
  }

  @Test
  void aSessionInProgressIsNotAmendedAndAStaleVersionChangesNothing() {
    Session running = sessions.start(alex.id(), completed.planId(), null);

    assertThatThrownBy(() -> sessions.amend(alex.id(), running.id(), running.structure(), "why"))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.ONLY_COMPLETED_AMENDED);
    assertThatThrownBy(() -> sessions.amend(alex.id(), completed.id(), completed.structure(), "why",
        completed.version() - 1))
        .isInstanceOf(PreconditionFailedException.class).hasMessage(Messages.SESSION_CHANGED);
    assertThatThrownBy(() -> sessions.amend(alex.id(), completed.id(), completed.structure(), " "))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.INVALID_SESSION_DATA)
        .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(p -> p.path())
            .containsExactly("reason"));
    assertThatThrownBy(() -> sessions.amend(alex.id(), completed.id(), null, "why"))
        .isInstanceOf(ValidationException.class);
    assertThat(sessions.amendments(alex.id(), completed.id())).hasSize(1);
    assertThat(sessions.get(alex.id(), completed.id())).isEqualTo(completed);
  }

  @Test
  void anotherProfileFindsNothing() {
    Profile sam = t.profile("Sam");

    assertThatThrownBy(() -> sessions.amend(sam.id(), completed.id(), completed.structure(), "mine"))
        .isInstanceOf(NotFoundException.class).hasMessage(Messages.SESSION_NOT_FOUND);
    assertThatThrownBy(() -> sessions.amendments(sam.id(), completed.id()))
        .isInstanceOf(NotFoundException.class);
  }
}
