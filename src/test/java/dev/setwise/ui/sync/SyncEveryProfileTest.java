package dev.setwise.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.service.sync.SyncToken;
import dev.setwise.support.SyncTestServer;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop's background sync covers every profile that has sync set up, each with its own
 * token and cursor, one at a time on the sync lane (held here in a queue, to see each step); a
 * restore holds it.
 */
class SyncEveryProfileTest {

  @TempDir
  Path dir;

  UiFixture f;
  SyncTestServer server;
  Deque<Runnable> syncLane = new ArrayDeque<>();
  SyncViewModel vm;
  Profile sam;
  UUID samOnServer;

  @BeforeEach
  void setUp() {
    f = new UiFixture(dir.resolve("device"));
    server = SyncTestServer.start(dir.resolve("server"));
    Executor now = Runnable::run;
    vm = new SyncViewModel(new SyncCalls(f.t.app.sync().withOptions(SyncViewModelTest.QUICK)),
        BackgroundTasks.lanes(now, now, syncLane::add, now), f.profile, f.t.clock, () -> { });
    f.t.app.syncSettings().setUp(f.owner(), server.url(), SyncToken.of(server.token));
    // a second profile on the device, syncing with a profile of its own on the server
    sam = f.t.profile("Sam");
    samOnServer = server.app.profiles().create("Sam", Unit.KG).id();
    String samToken = server.app.tokens().create(samOnServer, "sam's laptop").text();
    f.t.app.syncSettings().setUp(sam.id(), server.url(), SyncToken.of(samToken));
    f.t.plan(f.profile.get(), "Alex's plan");
    f.t.plan(sam, "Sam's plan");
  }

  @AfterEach
  void tearDown() {
    server.close();
    f.close();
  }

  private java.util.List<String> onServer(UUID profileId) {
    return server.app.plans().list(profileId).stream().map(PlanSummary::name).toList();
  }

  @Test
  void aBackgroundSyncSyncsTheCurrentProfileThenEveryOtherThatSyncsOneAtATime() {
    vm.syncInBackground();

    assertThat(syncLane).as("the current profile first, alone").hasSize(1);
    syncLane.poll().run();
    assertThat(onServer(server.profile.id())).containsExactly("Alex's plan");
    assertThat(onServer(samOnServer)).isEmpty();
    assertThat(syncLane).as("then the other profile, after it").hasSize(1);
    assertThat(vm.running()).isTrue();
    assertThat(vm.indicatorProperty().get().kind()).as("the indicator speaks of the current profile")
        .isEqualTo(SyncIndicator.Kind.SYNCED);
    syncLane.poll().run();

    assertThat(onServer(samOnServer)).containsExactly("Sam's plan");
    assertThat(syncLane).isEmpty();
    assertThat(vm.running()).isFalse();
    assertThat(f.t.app.sync().status(sam.id()).waiting()).isZero();
  }

  @Test
  void aProfileWithSyncOffIsLeftOutAndSyncNowSyncsOnlyTheCurrentProfile() {
    Profile kim = f.t.profile("Kim");
    f.t.plan(kim, "Kim's plan");

    vm.syncNow();
    syncLane.poll().run();
    assertThat(syncLane).as("Sync now: this profile only").isEmpty();

    vm.syncInBackground();
    syncLane.poll().run();
    syncLane.poll().run();
    assertThat(syncLane).as("Kim does not sync").isEmpty();
    assertThat(onServer(samOnServer)).containsExactly("Sam's plan");
    assertThat(f.t.app.sync().status(kim.id()).enabled()).isFalse();
  }

  @Test
  void cancellingEndsTheRoundAndTheOtherProfileLosesNothing() {
    vm.syncInBackground();
    syncLane.poll().run();

    vm.cancel();
    syncLane.poll().run();

    assertThat(syncLane).isEmpty();
    assertThat(onServer(samOnServer)).isEmpty();
    assertThat(f.t.app.sync().status(sam.id()).waiting()).as("Sam's plan still waits").isEqualTo(1);
    vm.syncInBackground();
    syncLane.poll().run();
    syncLane.poll().run();
    assertThat(onServer(samOnServer)).containsExactly("Sam's plan");
  }

  @Test
  void aSyncAskedForDuringTheRoundRunsAfterItWholeNeverBeside() {
    vm.syncInBackground();
    syncLane.poll().run();
    vm.syncInBackground();

    assertThat(syncLane).hasSize(1);
    syncLane.poll().run();
    assertThat(syncLane).as("the round asked for meanwhile").hasSize(1);
    syncLane.poll().run();
    assertThat(syncLane).hasSize(1);
    syncLane.poll().run();
    assertThat(syncLane).isEmpty();
  }

  @Test
  void aRestoreHoldsSyncCancellingTheOneUnderWayAndStartingNoneUntilReleased() {
    vm.syncInBackground();

    vm.holdForRestore();
    syncLane.poll().run();
    vm.syncInBackground();

    assertThat(syncLane).as("cancelled, and nothing new while held").isEmpty();
    assertThat(vm.outcomeProperty().get()).startsWith("Sync cancelled. Nothing was lost");
    assertThat(onServer(server.profile.id())).isEmpty();
    vm.release();
    vm.syncInBackground();
    assertThat(syncLane).hasSize(1);
  }
}
