package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Messages;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SessionService#create} with the times of a session done elsewhere, called in process. */
class LoggedSessionsTest {

  static final Instant START = Instant.parse("2026-11-23T17:00:00Z");
  static final Instant END = Instant.parse("2026-11-23T18:00:00Z");

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aSessionDoneElsewhereIsRecordedCompletedBesideTheOneInProgress() {
    var plan = t.plan(alex, "A");
    Session running = t.app.sessions().start(alex.id(), plan.id(), null);

    Session logged = t.app.sessions().create(alex.id(),
        new SessionRequests.Create(null, null, null, Structures.plan(), START, END));

    assertThat(logged.completed()).isTrue();
    assertThat(logged.planId()).isNull();
    assertThat(logged.date()).hasToString("2026-11-23");
    assertThat(t.app.sessions().findInProgress(alex.id())).contains(running);
    assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(2);
  }

  @Test
  void theServiceRefusesWhatTheRequestReaderWouldWithTheSamePaths() {
    assertProblems(new SessionRequests.Create(null, null, null, Structures.plan(), null, END), "started_at");
    assertProblems(new SessionRequests.Create(null, null, null, Structures.plan(), END, START), "ended_at");
    assertProblems(new SessionRequests.Create(null, null, null, null, START, END), "session");
    assertProblems(new SessionRequests.Create(null, null, null, Structures.plan(), START,
        TestContext.START.plusSeconds(301)), "ended_at");
    assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isZero();
  }

  private void assertProblems(SessionRequests.Create request, String path) {
    assertThatThrownBy(() -> t.app.sessions().create(alex.id(), request))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.INVALID_SESSION_DATA)
        .satisfies(e -> assertThat(((ValidationException) e).problems()).extracting(Problem::path)
            .containsExactly(path));
  }
}
