package dev.setwise.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.PlanSummary;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.sync.SyncToken;
import dev.setwise.support.SyncTestServer;
import dev.setwise.sync.SyncOptions;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.sync.SyncCalls;
import dev.setwise.ui.sync.SyncViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Backups… restore while a background sync hangs on a server that never answers: the restore
 * stops the sync first instead of waiting behind it (a sync holds the database shared for as long
 * as its requests last), and the sync loses nothing. Real lanes, one thread standing for the FX thread.
 */
class RestoreStopsTheSyncTest {

  /** A patient client: a restore waiting behind its request would wait ten minutes. */
  static final SyncOptions PATIENT = SyncOptions.defaults().withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1))
      .withTimeouts(Duration.ofSeconds(10), Duration.ofMinutes(10));

  @TempDir
  Path dir;

  @Test
  void aRestoreCancelsTheSyncUnderWayInsteadOfWaitingBehindItAndTheChangeStillWaits() throws Exception {
    ExecutorService fx = Executors.newSingleThreadExecutor();
    BackgroundTasks tasks = BackgroundTasks.create(fx, Duration.ofSeconds(5));
    UiFixture f = new UiFixture(dir.resolve("data"));
    DataFolder folder = new DataFolder(f.t.app, d -> AppContext.open(d, f.t.clock));
    SyncViewModel sync = new SyncViewModel(new SyncCalls(f.t.app.sync().withOptions(PATIENT)), tasks, f.profile,
        f.t.clock, () -> { });
    try (SyncTestServer.Stalling hanging = new SyncTestServer.Stalling()) {
      f.t.app.syncSettings().setUp(f.owner(), hanging.url(), SyncToken.of("swt_any"));
      f.t.plan(f.profile.get(), "Push");
      BackupInfo backup = folder.backups().create(BackupReason.MANUAL);
      BackupsViewModel vm = new BackupsViewModel(folder, tasks, f.t.clock.getZone(), new BackupsViewModel.SyncHold() {
        @Override
        public void hold() {
          sync.holdForRestore();
        }

        @Override
        public void release() {
          sync.release();
        }
      });
      fx.submit(sync::syncInBackground).get();
      WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> hanging.connections() > 0);

      CountDownLatch restored = new CountDownLatch(1);
      fx.submit(() -> {
        vm.restoringProperty().addListener((obs, was, now) -> {
          if (!now) {
            restored.countDown();
          }
        });
        vm.restore(backup.file());
      }).get();

      assertThat(restored.await(60, TimeUnit.SECONDS)).as("the restore did not wait behind the sync").isTrue();
      String status = fx.submit(() -> vm.statusProperty().get()).get();
      assertThat(status).startsWith("Restored " + backup.name());
      assertThat(fx.submit(() -> sync.outcomeProperty().get()).get()).startsWith("Sync cancelled. Nothing was lost");
      AppContext now = folder.context();
      assertThat(now.plans().list(f.owner()).stream().map(PlanSummary::name)).containsExactly("Push");
      assertThat(now.sync().status(f.owner()).waiting()).as("the plan still waits to be sent").isEqualTo(1);
    } finally {
      fx.submit(sync::cancel).get(); // without the hold, the sync would still hang here
      tasks.close();
      fx.shutdownNow();
      folder.close();
      f.close();
    }
  }
}
