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
import org.junit.jupiter.api.AfterEach;
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
  Path dir;

  SyncServer server;
  Device a;
  Device b;

  @BeforeEach
  void start() {
    server = SyncServer.start(dir.resolve("server"));
    a = Device.open(dir.resolve("a"), "Alex", FAST);
    b = Device.open(dir.resolve("b"), "Alex", FAST);
    a.setUp(server);
    b.setUp(server);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    server.close();
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

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
