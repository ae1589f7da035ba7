package dev.setwise.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.support.Structures;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two data folders and one real server over real HTTP: what one device does reaches the other, and
 * back; conflicts are kept on both sides until settled.
 */
class SyncTwoDevicesTest {

  static final SyncOptions FAST = SyncOptions.defaults().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20))
      .withRetries(3, Duration.ofMillis(1), Duration.ofMillis(20)).withRandom(new SplittableRandom(7));

  @TempDir
  static Path shared;

  static SyncServer serve;

  @TempDir
  Path dir;

  /** This test's profile on the shared server: {@code server.snapshot()} and {@code server.profile} read it. */
  Remote server;
  Device a;
  Device b;

  /** One profile on the server, seen as the tests see a server of their own. */
  static final class Remote {

    final dev.setwise.AppContext app;
    final dev.setwise.domain.Profile profile;

    Remote(dev.setwise.AppContext app, dev.setwise.domain.Profile profile) {
      this.app = app;
      this.profile = profile;
    }

    Snapshot snapshot() {
      return Snapshot.of(app, profile.id());
    }
  }

  @BeforeAll
  static void startServer() {
    serve = SyncServer.start(shared.resolve("server"));
  }

  @AfterAll
  static void stopServer() {
    serve.close();
  }

  @BeforeEach
  void start() {
    SyncServer.Account account = serve.account();
    server = new Remote(serve.app, account.profile());
    a = Device.open(dir.resolve("a"), "Alex", FAST);
    b = Device.open(dir.resolve("b"), "Alex", FAST);
    a.setUp(serve.url(), account.token());
    b.setUp(serve.url(), account.token());
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  @Test
  void changesMadeOnAAppearOnBAndTheOtherWayRound() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    Session session = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    SessionStructure logged = Structures.done(session.structure(), 0, 1, 5, 100.0, now());
    a.app.sessions().update(a.id(), session.id(), logged);
    a.app.sessions().complete(a.id(), session.id(), null);

    SyncReport fromA = a.sync();
    SyncReport toB = b.sync();

    assertThat(fromA.inSync()).as(fromA.toString()).isTrue();
    assertThat(fromA.pushed()).isEqualTo(2);
    assertThat(toB.pulled()).isEqualTo(2);
    assertThat(b.snapshot()).isEqualTo(a.snapshot()).isEqualTo(server.snapshot());

    Plan second = b.app.plans().create(b.id(), "Strength B", Structures.plan());
    b.app.plans().update(b.id(), plan.id(), "Strength A (heavy)", null);
    Session onB = b.app.sessions().start(b.id(), second.id(), LocalDate.of(2026, 11, 26));
    b.app.sessions().update(b.id(), onB.id(), Structures.done(onB.structure(), 1, 0, 8, 60.0, now()));

    assertThat(b.sync().inSync()).isTrue();
    SyncReport backOnA = a.sync();

    assertThat(backOnA.pulled()).isEqualTo(3);
    assertThat(backOnA.inSync()).isTrue();
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
    assertThat(a.app.sessions().findInProgress(a.id())).map(Session::id).contains(onB.id());
  }

  @Test
  void aWorkoutInProgressTravelsAsItIsLoggedAndIsCompletedAtItsOwnTime() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    Session session = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.sync();
    b.sync();
    Session onB = b.app.sessions().get(b.id(), session.id());
    assertThat(onB.endedAt()).isNull();

    a.app.sessions().update(a.id(), session.id(), Structures.done(session.structure(), 0, 0, 5, 60.0, now()));
    a.sync();
    b.sync();
    b.app.sessions().complete(b.id(), session.id(), Structures.done(
        b.app.sessions().get(b.id(), session.id()).structure(), 0, 1, 5, 100.0, now()));
    Instant endedOnB = b.app.sessions().get(b.id(), session.id()).endedAt();
    b.sync();
    a.sync();

    assertThat(a.app.sessions().get(a.id(), session.id()).endedAt()).isEqualTo(endedOnB);
    assertThat(server.app.sessions().get(server.profile.id(), session.id()).endedAt()).isEqualTo(endedOnB);
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
  }

  @Test
  void deletionsTravelAndAPlanWithSessionsIsArchivedEverywhere() {
    Plan kept = a.app.plans().create(a.id(), "Kept", Structures.plan());
    Plan gone = a.app.plans().create(a.id(), "Gone", Structures.plan());
    Session first = a.app.sessions().start(a.id(), kept.id(), LocalDate.of(2026, 11, 20));
    a.app.sessions().complete(a.id(), first.id(), null);
    Session second = a.app.sessions().start(a.id(), kept.id(), LocalDate.of(2026, 11, 21));
    a.app.sessions().complete(a.id(), second.id(), null);
    a.sync();
    b.sync();

    b.app.plans().delete(b.id(), gone.id());
    b.app.sessions().delete(b.id(), second.id());
    b.app.plans().delete(b.id(), kept.id());
    assertThat(b.sync().inSync()).isTrue();
    a.sync();

    Snapshot onA = a.snapshot();
    assertThat(onA.plans()).containsOnlyKeys(kept.id());
    assertThat(onA.plans().get(kept.id()).archived()).isTrue();
    assertThat(onA.sessions()).containsOnlyKeys(first.id());
    assertThat(onA).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
  }

  @Test
  void amendmentsTravelWithTheirReasonsAndTimesAndTheOriginalStays() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    Session session = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.app.sessions().complete(a.id(), session.id(), Structures.done(session.structure(), 0, 1, 5, 100.0, now()));
    a.app.sessions().amend(a.id(), session.id(), Structures.done(session.structure(), 0, 1, 5, 110.0, now()),
        "It was 110");
    a.sync();
    b.sync();
    b.app.sessions().amend(b.id(), session.id(), Structures.done(session.structure(), 0, 1, 6, 110.0, now()),
        "And six reps");
    b.sync();
    a.sync();

    assertThat(a.app.sessions().amendments(a.id(), session.id())).hasSize(3);
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
    assertThat(a.snapshot().sessions().get(session.id()).amendments()).extracting(Snapshot.Amendment::reason)
        .containsExactly(null, "It was 110", "And six reps");
  }

  @Test
  void aPlanEditedOnBothSidesIsAConflictBothKeepUntilItIsSettled() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    a.sync();
    b.sync();
    a.app.plans().update(a.id(), plan.id(), "Edited on A", null);
    b.app.plans().update(b.id(), plan.id(), "Edited on B", null);

    assertThat(a.sync().inSync()).isTrue();
    SyncReport onB = b.sync();

    assertThat(onB.inSync()).isFalse();
    assertThat(onB.conflicts()).singleElement().satisfies(conflict -> {
      assertThat(conflict.kind()).isEqualTo(ConflictKind.CHANGED_BOTH);
      assertThat(conflict.local().plan().name()).isEqualTo("Edited on B");
      assertThat(conflict.remote().plan().name()).isEqualTo("Edited on A");
      assertThat(conflict.about()).isEqualTo("plan \"Edited on B\" was changed here and on the server");
    });
    assertThat(b.app.plans().get(b.id(), plan.id()).name()).isEqualTo("Edited on B");
    assertThat(server.app.plans().get(server.profile.id(), plan.id()).name()).isEqualTo("Edited on A");
    assertThat(b.sync().conflicts()).hasSize(1);
    assertThat(server.app.plans().get(server.profile.id(), plan.id()).name()).isEqualTo("Edited on A");

    SyncConflict conflict = b.sync.conflicts(b.id()).get(0);
    b.sync.resolve(conflict.id(), Keep.LOCAL);
    assertThat(b.sync().inSync()).isTrue();
    assertThat(a.sync().inSync()).isTrue();

    assertThat(a.app.plans().get(a.id(), plan.id()).name()).isEqualTo("Edited on B");
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
  }

  @Test
  void twoSessionsInProgressAreAConflictAndNeitherIsLost() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    a.sync();
    b.sync();
    Session onA = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    Session onB = b.app.sessions().start(b.id(), plan.id(), LocalDate.of(2026, 11, 24));
    b.app.sessions().update(b.id(), onB.id(), Structures.done(onB.structure(), 0, 0, 5, 60.0, now()));
    a.sync();

    SyncReport report = b.sync();

    assertThat(report.conflicts()).singleElement().satisfies(conflict -> {
      assertThat(conflict.kind()).isEqualTo(ConflictKind.TWO_IN_PROGRESS);
      assertThat(conflict.entityId()).isEqualTo(onB.id());
      assertThat(conflict.remoteId()).isEqualTo(onA.id());
      assertThat(conflict.remote().session().id()).isEqualTo(onA.id());
    });
    assertThat(b.app.sessions().get(b.id(), onB.id()).endedAt()).isNull();
    assertThat(server.app.sessions().get(server.profile.id(), onA.id()).endedAt()).isNull();

    long id = report.conflicts().get(0).id();
    b.sync.resolve(id, Keep.REMOTE);
    assertThat(b.sync().inSync()).isTrue();
    assertThat(a.sync().inSync()).isTrue();
    assertThat(b.app.sessions().findInProgress(b.id())).map(Session::id).contains(onA.id());
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
    assertThat(b.app.backups().list()).anySatisfy(backup ->
        assertThat(backup.reason().code()).isEqualTo("before-sync-resolve"));
  }

  @Test
  void twoSessionsInProgressEndByThemselvesWhenTheOtherOneIsCompleted() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    a.sync();
    b.sync();
    Session onA = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    Session onB = b.app.sessions().start(b.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.sync();
    assertThat(b.sync().conflicts()).hasSize(1);

    a.app.sessions().complete(a.id(), onA.id(), null);
    a.sync();

    SyncReport settled = b.sync();
    assertThat(settled.conflicts()).isEmpty();
    assertThat(settled.inSync()).as(settled.toString()).isTrue();
    a.sync();
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
    assertThat(a.snapshot().sessions()).containsOnlyKeys(onA.id(), onB.id());
  }

  @Test
  void twoSessionsInProgressEndByThemselvesWhenTheOneHereIsCompletedAndTheOtherComesHereToo() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    a.sync();
    b.sync();
    Session onA = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    Session onB = b.app.sessions().start(b.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.sync();
    assertThat(b.sync().conflicts()).hasSize(1);

    b.app.sessions().complete(b.id(), onB.id(), null);
    SyncReport settled = b.sync();

    assertThat(settled.inSync()).as(settled.toString()).isTrue();
    assertThat(b.app.sessions().findInProgress(b.id())).map(Session::id).contains(onA.id());
    assertThat(a.sync().inSync()).isTrue();
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
    assertThat(a.snapshot().sessions()).containsOnlyKeys(onA.id(), onB.id());
  }

  @Test
  void aChangeToSomethingDeletedElsewhereIsAConflictKeptUntilSettled() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    Session session = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.sync();
    b.sync();
    b.app.sessions().delete(b.id(), session.id());
    b.sync();
    a.app.sessions().update(a.id(), session.id(), Structures.done(session.structure(), 0, 0, 5, 60.0, now()));

    SyncReport report = a.sync();

    assertThat(report.conflicts()).singleElement().satisfies(conflict ->
        assertThat(conflict.kind()).isEqualTo(ConflictKind.DELETED_REMOTELY));
    assertThat(a.app.sessions().get(a.id(), session.id()).structure().exercises().get(0).sets().get(0).completed())
        .isTrue();

    a.sync.resolve(report.conflicts().get(0).id(), Keep.LOCAL);
    assertThat(a.sync().inSync()).isTrue();
    assertThat(b.sync().inSync()).isTrue();
    Snapshot onA = a.snapshot();
    assertThat(onA.sessions()).hasSize(1).doesNotContainKey(session.id());
    assertThat(onA).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
  }

  @Test
  void aWorkoutInProgressChangedOnBothSidesIsAConflictAndTheVersionKeptTravels() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    Session session = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.sync();
    b.sync();
    a.app.sessions().update(a.id(), session.id(), Structures.done(session.structure(), 0, 1, 5, 100.0, now()));
    SessionStructure onB = Structures.done(session.structure(), 1, 0, 8, 60.0, now());
    b.app.sessions().update(b.id(), session.id(), onB);
    a.sync();

    SyncReport report = b.sync();

    assertThat(report.conflicts()).singleElement().satisfies(conflict -> {
      assertThat(conflict.kind()).isEqualTo(ConflictKind.CHANGED_BOTH);
      assertThat(conflict.local().session().structure()).isEqualTo(onB);
      assertThat(conflict.remote().session().structure().exercises().get(0).sets().get(1).completed()).isTrue();
    });
    assertThat(a.sync().conflicts()).isEmpty();
    assertThat(b.app.sessions().get(b.id(), session.id()).structure()).isEqualTo(onB);

    b.sync.resolve(report.conflicts().get(0).id(), Keep.LOCAL);
    assertThat(b.sync().inSync()).isTrue();
    assertThat(a.sync().inSync()).isTrue();
    assertThat(a.app.sessions().get(a.id(), session.id()).structure()).isEqualTo(onB);
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
  }

  @Test
  void aWorkoutCompletedOnOneSideWhileLoggedOnTheOtherKeepsItsRecordAndTheOtherVersionAsAnAmendment() {
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
    Session session = a.app.sessions().start(a.id(), plan.id(), LocalDate.of(2026, 11, 24));
    a.sync();
    b.sync();
    Session completed = a.app.sessions().complete(a.id(), session.id(),
        Structures.done(session.structure(), 0, 1, 5, 100.0, now()));
    SessionStructure onB = Structures.done(session.structure(), 0, 1, 5, 105.0, now());
    b.app.sessions().update(b.id(), session.id(), onB);
    a.sync();

    SyncReport report = b.sync();
    assertThat(report.conflicts()).singleElement().satisfies(conflict -> {
      assertThat(conflict.local().session().completed()).isFalse();
      assertThat(conflict.remote().session().completed()).isTrue();
    });
    b.sync.resolve(report.conflicts().get(0).id(), Keep.LOCAL);
    assertThat(b.sync().inSync()).isTrue();
    assertThat(a.sync().inSync()).isTrue();

    Session onA = a.app.sessions().get(a.id(), session.id());
    assertThat(onA.endedAt()).isEqualTo(completed.endedAt().truncatedTo(ChronoUnit.MILLIS));
    assertThat(onA.structure()).isEqualTo(onB);
    assertThat(a.snapshot().sessions().get(session.id()).amendments()).extracting(Snapshot.Amendment::reason)
        .containsExactly(null, "Kept this device's version when syncing");
    assertThat(a.snapshot()).isEqualTo(b.snapshot()).isEqualTo(server.snapshot());
  }

  @Test
  void aWorkoutInProgressWithoutAPlanWaitsUntilItIsCompletedAndHoldsNothingElseUp() throws Exception {
    Path file = dir.resolve("in-progress.json");
    java.nio.file.Files.writeString(file, """
        {"format": "setwise-export", "version": 1, "exported_at": "2026-11-24T07:15:00Z", "exported_by": "test",
         "profile": {"id": "0192f0a0-0000-7000-8000-0000000000aa", "name": "Alex", "unit": "kg",
                     "created_at": "2026-01-01T00:00:00Z"},
         "counts": {"plans": 0, "sessions": 1}, "plans": [],
         "sessions": [{"id": "0192f0a0-0000-7000-8000-0000000000bb", "plan_id": null, "date": "2026-11-24",
           "started_at": "2026-11-24T07:00:00Z", "ended_at": null, "status": "in_progress",
           "session": {"name": "Hotel gym", "unit": "kg", "exercises": []},
           "created_at": "2026-11-24T07:00:00Z", "updated_at": "2026-11-24T07:00:00Z"}]}
        """);
    a.app.imports().importData(dev.setwise.service.exchange.ImportSource.of(file),
        new dev.setwise.service.exchange.ImportOptions("Alex"), dev.setwise.service.Progress.NONE,
        dev.setwise.service.Cancellation.none());
    Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());

    SyncReport waiting = a.sync();

    assertThat(waiting.inSync()).isFalse();
    assertThat(waiting.pushed()).isEqualTo(1);
    assertThat(waiting.problems()).containsExactly(
        "waiting workout \"Hotel gym\" of 2026-11-24: in progress without a plan; it is sent once it is completed");
    assertThat(server.snapshot().plans()).containsOnlyKeys(plan.id());
    assertThat(server.snapshot().sessions()).isEmpty();

    java.util.UUID id = java.util.UUID.fromString("0192f0a0-0000-7000-8000-0000000000bb");
    a.app.sessions().complete(a.id(), id, null);
    assertThat(a.sync().inSync()).isTrue();
    assertThat(server.snapshot().sessions()).containsOnlyKeys(id);
    assertThat(server.snapshot().sessions().get(id).startedAt()).isEqualTo(Instant.parse("2026-11-24T07:00:00Z"));
    assertThat(a.snapshot()).isEqualTo(server.snapshot());
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
