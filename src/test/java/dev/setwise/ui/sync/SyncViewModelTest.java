package dev.setwise.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.service.sync.SyncToken;
import dev.setwise.support.Structures;
import dev.setwise.support.SyncTestServer;
import dev.setwise.sync.SyncOptions;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Formats;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync view models on real data folders against a real local server, without the JavaFX toolkit. */
class SyncViewModelTest {

  /** Quick to give up, so an offline server is seen at once. */
  static final SyncOptions QUICK = SyncOptions.defaults().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(5))
      .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10));

  @TempDir
  Path dir;

  UiFixture f;
  SyncTestServer server;
  SyncViewModel vm;
  int received;

  @BeforeEach
  void setUp() {
    f = new UiFixture(dir.resolve("device"));
    server = SyncTestServer.start(dir.resolve("server"));
    vm = model(f.tasks);
  }

  private SyncViewModel model(BackgroundTasks tasks) {
    return new SyncViewModel(new SyncCalls(f.t.app.sync().withOptions(QUICK)), tasks, f.profile, f.t.clock,
        () -> received++);
  }

  @AfterEach
  void tearDown() {
    server.close();
    f.close();
  }

  private SyncSettingsViewModel settings() {
    SyncSettingsViewModel settings = new SyncSettingsViewModel(vm);
    settings.load();
    return settings;
  }

  private void setUpWithTheServer() {
    SyncSettingsViewModel settings = settings();
    settings.serverUrlProperty().set(server.url());
    settings.tokenProperty().set(server.token);
    settings.save();
  }

  @Test
  void anIndicatorSaysSyncOffUntilSyncIsSetUp() {
    vm.refresh();

    assertThat(vm.indicatorProperty().get().kind()).isEqualTo(SyncIndicator.Kind.OFF);
    assertThat(vm.indicatorProperty().get().text()).isEqualTo("Sync off");
  }

  @Test
  void savingTheServerAndTokenSetsUpSyncsAndShowsSyncedAt() {
    f.t.plan(f.profile.get(), "Push");

    setUpWithTheServer();

    SyncIndicator shown = vm.indicatorProperty().get();
    assertThat(shown.kind()).isEqualTo(SyncIndicator.Kind.SYNCED);
    assertThat(shown.text()).isEqualTo("Synced at " + Formats.time(f.t.clock.instant(), f.t.clock.getZone()));
    assertThat(server.app.plans().list(server.profile.id())).extracting("name").containsExactly("Push");
    assertThat(vm.outcomeProperty().get()).startsWith("In sync. Sent 1 change");
  }

  @Test
  void theTokenIsNeverShownBackOnceSaved() {
    setUpWithTheServer();

    SyncSettingsViewModel reopened = settings();
    assertThat(reopened.tokenProperty().get()).isEmpty();
    assertThat(reopened.serverUrlProperty().get()).isEqualTo(server.url());
    assertThat(reopened.savedUrlProperty().get()).isEqualTo(server.url());
  }

  @Test
  void aLocalChangeShowsAsWaitingAtOnceAndASyncSendsIt() {
    setUpWithTheServer();

    f.tasks.write("create a plan", () -> f.t.app.plans().create(f.owner(), "Legs", Structures.plan()), p -> { },
        failure -> { });

    assertThat(vm.indicatorProperty().get().text()).isEqualTo("1 change waiting");
    vm.syncInBackground();
    assertThat(vm.indicatorProperty().get().kind()).isEqualTo(SyncIndicator.Kind.SYNCED);
    assertThat(server.app.plans().list(server.profile.id())).extracting("name").containsExactly("Legs");
  }

  @Test
  void changesFromTheServerAreAppliedAndTheScreensAreToldSo() {
    setUpWithTheServer();
    server.app.plans().create(server.profile.id(), "From the server", Structures.plan());

    vm.syncInBackground();

    assertThat(f.t.app.plans().list(f.owner())).extracting("name").containsExactly("From the server");
    assertThat(received).isEqualTo(1);
  }

  @Test
  void anOfflineServerIsShownCalmlyAsOfflineAndNothingIsLost() {
    setUpWithTheServer();
    server.stop();
    f.t.plan(f.profile.get(), "Pull");

    vm.syncInBackground();

    SyncIndicator shown = vm.indicatorProperty().get();
    assertThat(shown.kind()).isEqualTo(SyncIndicator.Kind.OFFLINE);
    assertThat(shown.text()).isEqualTo("Offline");
    assertThat(shown.detail()).contains("1 change waiting here");
    assertThat(vm.statusProperty().get().waiting()).isEqualTo(1);
  }

  @Test
  void aBadAddressIsNamedUnderItsFieldWithoutAnyNetwork() {
    SyncSettingsViewModel settings = settings();
    settings.serverUrlProperty().set("ftp://192.168.1.20");
    settings.tokenProperty().set(server.token);

    settings.test();

    assertThat(settings.urlErrorProperty().get()).isEqualTo("The server address must start with http:// or https://.");
    assertThat(settings.tokenErrorProperty().get()).isNull();
  }

  @Test
  void aTokenTheServerRefusesIsNamedUnderTheTokenAndNothingIsRemembered() {
    SyncSettingsViewModel settings = settings();
    settings.serverUrlProperty().set(server.url());
    settings.tokenProperty().set("swt_not_a_real_token");

    settings.save();

    assertThat(settings.tokenErrorProperty().get()).startsWith("The server refused this token");
    assertThat(settings.toneProperty().get()).isEqualTo(SyncSettingsViewModel.Tone.BAD);
    assertThat(f.t.app.sync().status(f.owner()).enabled()).isFalse();
  }

  @Test
  void testingTheConnectionSaysTheServerIsReachableAndItsVersion() {
    SyncSettingsViewModel settings = settings();
    settings.serverUrlProperty().set(server.url() + "/");
    settings.tokenProperty().set(server.token);

    settings.test();

    assertThat(settings.toneProperty().get()).isEqualTo(SyncSettingsViewModel.Tone.GOOD);
    assertThat(settings.messageProperty().get()).startsWith("Reachable: Setwise " + dev.setwise.Version.current()
        + " at " + server.url() + ".");
    assertThat(f.t.app.sync().status(f.owner()).enabled()).as("a test remembers nothing").isFalse();
  }

  @Test
  void anUnreachableServerIsSaidInPlainWords() {
    server.stop();
    SyncSettingsViewModel settings = settings();
    settings.serverUrlProperty().set(server.url());
    settings.tokenProperty().set(server.token);

    settings.test();

    assertThat(settings.messageProperty().get()).startsWith("Cannot reach the server: ");
  }

  @Test
  void turningSyncOffForgetsTheServerAndKeepsTheData() {
    f.t.plan(f.profile.get(), "Push");
    setUpWithTheServer();
    SyncSettingsViewModel settings = settings();

    settings.turnOff();

    assertThat(settings.savedUrlProperty().get()).isNull();
    assertThat(vm.indicatorProperty().get().text()).isEqualTo("Sync off");
    assertThat(f.t.app.plans().list(f.owner())).hasSize(1);
  }

  @Test
  void aPlanChangedOnBothSidesIsAConflictShownSideBySideAndKeepTheirsSettlesIt() {
    Plan plan = f.t.plan(f.profile.get(), "Push");
    setUpWithTheServer();
    server.app.plans().update(server.profile.id(), plan.id(), "Push (server)", plan.structure());
    f.t.app.plans().update(f.owner(), plan.id(), "Push (here)", plan.structure());

    vm.syncInBackground();

    assertThat(vm.indicatorProperty().get().text()).isEqualTo("1 conflict");
    assertThat(vm.indicatorProperty().get().opensReview()).isTrue();
    ConflictReviewViewModel review = new ConflictReviewViewModel(vm, () -> received++);
    review.load();
    SyncConflict conflict = review.selectedProperty().get();
    assertThat(conflict.kind()).isEqualTo(ConflictKind.CHANGED_BOTH);
    assertThat(review.rows()).filteredOn(ConflictSides.Row::differs).extracting("label", "local", "remote")
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Name", "Push (here)", "Push (server)"));

    review.keepTheirs();

    assertThat(review.conflicts()).isEmpty();
    assertThat(f.t.app.plans().get(f.owner(), plan.id()).name()).isEqualTo("Push (server)");
    assertThat(vm.indicatorProperty().get().kind()).isEqualTo(SyncIndicator.Kind.SYNCED);
  }

  @Test
  void aSyncAskedForWhileOneRunsRunsOnceAfterItNeverBeside() {
    Deque<Runnable> syncLane = new ArrayDeque<>();
    Executor now = Runnable::run;
    SyncViewModel held = model(BackgroundTasks.lanes(now, now, syncLane::add, now));
    f.t.app.syncSettings().setUp(f.owner(), server.url(), SyncToken.of(server.token));
    held.refresh();

    held.syncInBackground();
    held.syncInBackground();
    held.syncInBackground();

    assertThat(syncLane).hasSize(1);
    assertThat(held.indicatorProperty().get().text()).isEqualTo("Syncing…");
    syncLane.poll().run();
    assertThat(syncLane).as("one more, for what was asked meanwhile").hasSize(1);
    syncLane.poll().run();
    assertThat(syncLane).isEmpty();
    assertThat(held.indicatorProperty().get().kind()).isEqualTo(SyncIndicator.Kind.SYNCED);
  }

  @Test
  void aCancelledSyncSaysNothingWasLostAndItsChangesStillWait() {
    Deque<Runnable> syncLane = new ArrayDeque<>();
    Executor now = Runnable::run;
    SyncViewModel held = model(BackgroundTasks.lanes(now, now, syncLane::add, now));
    f.t.app.syncSettings().setUp(f.owner(), server.url(), SyncToken.of(server.token));
    f.t.plan(f.profile.get(), "Push");

    held.syncNow();
    held.cancel();
    syncLane.poll().run();

    assertThat(held.outcomeProperty().get()).startsWith("Sync cancelled. Nothing was lost");
    assertThat(held.syncingProperty().get()).isFalse();
    assertThat(f.t.app.sync().status(f.owner()).waiting()).isEqualTo(1);
    assertThat(server.app.plans().list(server.profile.id())).isEmpty();
  }
}
