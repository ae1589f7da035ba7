package dev.setwise.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Plan;
import dev.setwise.service.Cancellation;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.Structures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the desktop app sees of a sync: progress while it sends and receives, cancelling it (what was
 * done stays done, the rest waits), and a change the server refuses, shown and never retried in a
 * loop, while everything else goes through.
 */
class SyncProgressTest {

  @TempDir
  static Path dir;

  static SyncServer server;

  @BeforeAll
  static void start() {
    server = SyncServer.start(dir.resolve("server"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aSyncReportsItsProgressAndCanBeCancelledLosingNothing() throws Exception {
    SyncServer.Account account = server.account();
    Path file = ExportDocuments.history(dir.resolve("history.json"), "Alex", 4, 450, false,
        Instant.parse("2001-01-01T07:00:00Z"));
    try (Device a = Device.open(dir.resolve("a"), "Alex", SyncTwoDevicesTest.FAST.withPages(500, 100));
        Device b = Device.open(dir.resolve("b"), "Alex", SyncTwoDevicesTest.FAST)) {
      a.app.imports().importData(ImportSource.of(file), new ImportOptions("Alex"), dev.setwise.service.Progress.NONE,
          Cancellation.none());
      a.setUp(server.url(), account.token());
      b.setUp(server.url(), account.token());
      Cancellation cancel = new Cancellation();
      List<String> seen = new ArrayList<>();

      assertThatThrownBy(() -> a.sync.syncNow(a.id(), (step, done, total) -> {
        seen.add(step + " " + done + "/" + total);
        if (done >= 200) {
          cancel.cancel();
        }
      }, cancel)).isInstanceOf(CancellationException.class);

      assertThat(seen.get(0)).isEqualTo("Sending changes 0/454");
      long left = a.sync.status(a.id()).waiting();
      assertThat(left).isBetween(1L, 454L - 100);
      assertThat(a.sync.status(a.id()).settings().orElseThrow().lastError()).isEqualTo("Cancelled");

      List<String> resumed = new ArrayList<>();
      SyncReport report = a.sync.syncNow(a.id(), (step, done, total) -> resumed.add(step), Cancellation.none());
      assertThat(report.inSync()).as(report.toString()).isTrue();
      assertThat(report.pushed()).isEqualTo((int) left);
      assertThat(resumed).contains("Sending changes", "Receiving changes");
      assertThat(b.sync().pulled()).isEqualTo(454);
      Snapshot there = server.snapshot(account);
      assertThat(b.snapshot()).isEqualTo(there);
      // The generated history has workouts without a name, which the server names after their plan
      // (contract §2) and a completed workout here can never take: everything else is the same.
      Snapshot here = a.snapshot();
      assertThat(here.plans()).isEqualTo(there.plans());
      assertThat(here.sessions().keySet()).isEqualTo(there.sessions().keySet());
      here.sessions().forEach((id, mine) -> {
        Snapshot.SessionState theirs = there.sessions().get(id);
        assertThat(mine.structure().name() == null ? mine.structure().withName(theirs.structure().name())
            : mine.structure()).isEqualTo(theirs.structure());
        assertThat(java.util.Arrays.asList(mine.planId(), mine.date(), mine.startedAt(), mine.endedAt()))
            .isEqualTo(java.util.Arrays.asList(theirs.planId(), theirs.date(), theirs.startedAt(), theirs.endedAt()));
      });
    }
  }

  @Test
  void aChangeTheServerRefusesIsShownOnceAndTheRestGoesThrough() throws Exception {
    SyncServer.Account account = server.account();
    Path file = dir.resolve("future.json");
    Files.writeString(file, """
        {"format": "setwise-export", "version": 1, "exported_at": "2026-11-24T07:15:00Z", "exported_by": "test",
         "profile": {"id": "0192f0a0-0000-7000-8000-0000000000cc", "name": "Alex", "unit": "kg",
                     "created_at": "2026-01-01T00:00:00Z"},
         "counts": {"plans": 0, "sessions": 1}, "plans": [],
         "sessions": [{"id": "0192f0a0-0000-7000-8000-0000000000dd", "plan_id": null, "date": "2099-01-01",
           "started_at": "2099-01-01T07:00:00Z", "ended_at": "2099-01-01T08:00:00Z", "status": "completed",
           "session": {"name": "A clock far ahead", "unit": "kg", "exercises": []},
           "created_at": "2099-01-01T07:00:00Z", "updated_at": "2099-01-01T08:00:00Z"}]}
        """);
    try (Device a = Device.open(dir.resolve("c"), "Alex", SyncTwoDevicesTest.FAST)) {
      a.app.imports().importData(ImportSource.of(file), new ImportOptions("Alex"), dev.setwise.service.Progress.NONE,
          Cancellation.none());
      Plan plan = a.app.plans().create(a.id(), "Strength A", Structures.plan());
      a.setUp(server.url(), account.token());

      SyncReport report = a.sync();

      assertThat(report.inSync()).isFalse();
      assertThat(report.pushed()).isEqualTo(1);
      assertThat(report.problems()).singleElement().asString()
          .startsWith("refused workout \"A clock far ahead\" of 2099-01-01: 400 Invalid session data");
      assertThat(server.snapshot(account).plans()).containsOnlyKeys(plan.id());
      assertThat(a.sync.status(a.id()).refused()).singleElement()
          .satisfies(entry -> assertThat(entry.lastError()).startsWith("400 Invalid session data"));
      assertThat(a.sync().problems()).hasSize(1);
    }
  }
}
