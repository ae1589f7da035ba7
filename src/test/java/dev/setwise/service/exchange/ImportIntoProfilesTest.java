package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where imported data goes: the file's own profile, another one, a new one; and ids that collide. */
class ImportIntoProfilesTest {

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;
  Plan plan;
  Path export;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    alex = t.profile("Alex");
    plan = t.plan(alex, "Strength A");
    for (int i = 0; i < 3; i++) {
      Session session = t.app.sessions().start(alex.id(), plan.id(), null);
      t.clock.advance(Duration.ofMinutes(50));
      t.app.sessions().complete(alex.id(), session.id(), null);
      t.clock.advance(Duration.ofDays(1));
    }
    t.app.sessions().start(alex.id(), plan.id(), null);
    export = dir.resolve("alex.json");
    t.app.exports().exportToFile(alex.id(), export, Progress.NONE, Cancellation.none());
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void reimportingIntoTheSameProfileFindsEverythingAndChangesNothing() {
    long audit = t.app.audit().list(alex.id(), 1, 0).total();

    ImportResult result = importInto(null);

    assertThat(result.applied()).isFalse();
    assertThat(result.backup()).isNull();
    assertThat(result.summary().profileName()).isEqualTo("Alex");
    assertThat(result.summary().plansDuplicate()).isEqualTo(1);
    assertThat(result.summary().sessionsDuplicate()).isEqualTo(4);
    assertThat(result.summary().conflicts()).isEmpty();
    assertThat(t.app.audit().list(alex.id(), 1, 0).total()).isEqualTo(audit);
    assertThat(t.app.backups().list()).isEmpty();
  }

  @Test
  void importingIntoAnotherProfileCopiesEverythingUnderNewIdsThatStayTheSame() {
    Profile sam = t.profile("Sam");

    ImportResult first = importInto("Sam");

    assertThat(first.applied()).isTrue();
    assertThat(first.summary().plansNew()).isEqualTo(1);
    assertThat(first.summary().sessionsNew()).isEqualTo(4);
    assertThat(first.summary().idsRemapped()).isEqualTo(5);
    List<PlanSummary> samsPlans = t.app.plans().list(sam.id(), true);
    assertThat(samsPlans).singleElement().satisfies(p -> {
      assertThat(p.id()).isNotEqualTo(plan.id());
      assertThat(p.id()).isEqualTo(ImportRun.derivedId(sam.id(), plan.id()));
      assertThat(p.name()).isEqualTo("Strength A");
      assertThat(p.hasSessions()).isTrue();
    });
    List<SessionSummary> samsSessions = t.app.sessions().list(sam.id(), SessionQuery.defaults()).items();
    assertThat(samsSessions).hasSize(4).allSatisfy(s -> assertThat(s.planId()).isEqualTo(samsPlans.get(0).id()));
    assertThat(t.app.sessions().findInProgress(sam.id())).isPresent();
    assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(4);
    assertThat(first.backup()).exists();

    ImportResult again = importInto("Sam");
    assertThat(again.applied()).isFalse();
    assertThat(again.summary().sessionsDuplicate()).isEqualTo(4);
    assertThat(again.summary().plansDuplicate()).isEqualTo(1);
  }

  @Test
  void aNamedProfileThatDoesNotExistIsCreated() {
    ImportSummary dryRun = t.app.imports().analyze(ImportSource.of(export), new ImportOptions("Kim"), Progress.NONE,
        Cancellation.none());
    assertThat(dryRun.createsProfile()).isTrue();
    assertThat(t.app.profiles().findByName("Kim")).isEmpty();

    importInto("Kim");

    Profile kim = t.app.profiles().findByName("Kim").orElseThrow();
    assertThat(t.app.sessions().list(kim.id(), SessionQuery.defaults()).total()).isEqualTo(4);
    assertThat(t.app.audit().list(kim.id(), 10, 0).items()).extracting(e -> e.action())
        .containsExactly("data_imported", "profile_created");
  }

  @Test
  void cancellingAnImportRollsEverythingBack() {
    Profile sam = t.profile("Sam");
    Cancellation cancellation = new Cancellation();
    AtomicInteger calls = new AtomicInteger();
    Progress cancelWhileImporting = (step, done, total) -> {
      if (step.equals("Importing") && calls.incrementAndGet() == 2) {
        cancellation.cancel();
      }
    };

    assertThatThrownBy(() -> t.app.imports().importData(ImportSource.of(export), new ImportOptions("Sam"),
        cancelWhileImporting, cancellation)).isInstanceOf(CancellationException.class);

    assertThat(t.app.plans().list(sam.id(), true)).isEmpty();
    assertThat(t.app.sessions().list(sam.id(), SessionQuery.defaults()).total()).isZero();
    assertThat(t.app.audit().list(sam.id(), 10, 0).total()).isEqualTo(1);
  }

  @Test
  void anInterruptedThreadStopsTheImport() {
    t.profile("Sam");
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> importInto("Sam")).isInstanceOf(CancellationException.class);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void theSummaryTellsWhenTheSameFileWasImportedBefore() {
    t.profile("Sam");
    importInto("Sam");

    ImportSummary summary = t.app.imports().analyze(ImportSource.of(export), new ImportOptions("Sam"), Progress.NONE,
        Cancellation.none());

    assertThat(summary.previousImport()).isEqualTo(t.clock.instant());
    assertThat(summary.changesNothing()).isTrue();
    assertThat(summary.sha256()).hasSize(64);
  }

  @Test
  void anUnknownFileIsAClearError() {
    assertThatThrownBy(() -> t.app.imports().analyze(ImportSource.of(dir.resolve("missing.json")),
        ImportOptions.defaults(), Progress.NONE, Cancellation.none()))
        .hasMessage("Cannot read missing.json: the file does not exist");
  }

  private ImportResult importInto(String profile) {
    return t.app.imports().importData(ImportSource.of(export), new ImportOptions(profile), Progress.NONE,
        Cancellation.none());
  }
}
