package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.ChangeQuery;
import dev.setwise.domain.Plan;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session deleted after an export comes back when the export is imported again, under a new id:
 * its own id stays with its tombstone, so a synced device never sees a deleted thing reappear.
 */
class ImportAfterDeletionTest {

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;
  Session deleted;
  Path export;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    alex = t.profile("Alex");
    Plan plan = t.plan(alex, "Strength A");
    for (int i = 0; i < 2; i++) {
      Session session = t.app.sessions().start(alex.id(), plan.id(), null);
      t.clock.advance(Duration.ofMinutes(50));
      deleted = t.app.sessions().complete(alex.id(), session.id(), null);
      t.clock.advance(Duration.ofDays(1));
    }
    export = dir.resolve("alex.json");
    t.app.exports().exportToFile(alex.id(), export, Progress.NONE, Cancellation.none());
    t.app.sessions().delete(alex.id(), deleted.id());
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aDeletedSessionComesBackUnderANewIdAndOnlyOnce() {
    ImportResult first = importIt();

    assertThat(first.applied()).isTrue();
    assertThat(first.summary().sessionsNew()).isEqualTo(1);
    assertThat(first.summary().sessionsDuplicate()).isEqualTo(1);
    List<SessionSummary> sessions = t.app.sessions().list(alex.id(), SessionQuery.defaults()).items();
    assertThat(sessions).hasSize(2).extracting(SessionSummary::id).doesNotContain(deleted.id());
    UUID back = ImportRun.derivedId(alex.id(), deleted.id());
    assertThat(sessions).extracting(SessionSummary::id).contains(back);
    assertThat(t.app.changes().page(alex.id(), ChangeQuery.fromStart()).changes())
        .anySatisfy(c -> assertThat(c.id().equals(deleted.id()) && c.deleted()).isTrue());

    ImportResult again = importIt();
    assertThat(again.applied()).isFalse();
    assertThat(again.summary().sessionsDuplicate()).isEqualTo(2);
  }

  @Test
  void deletedTwiceItStillComesBack() {
    importIt();
    t.app.sessions().delete(alex.id(), ImportRun.derivedId(alex.id(), deleted.id()));

    ImportResult second = importIt();

    assertThat(second.applied()).isTrue();
    assertThat(second.summary().sessionsNew()).isEqualTo(1);
    assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(2);
  }

  private ImportResult importIt() {
    return t.app.imports().importData(ImportSource.of(export), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
  }
}
