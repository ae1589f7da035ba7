package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.sync.SyncToken;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.SyncTestServer;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.sync.SyncIndicator;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Sync from the desktop, on the real window against a real local server: set up from File → Sync
 * settings…, the header's indicator, offline shown calmly, a conflict settled from the review, a
 * refused token, and a server that hangs while the window goes on answering and closes. No
 * database or sync call is made on the FX thread (the driver records any and fails the test).
 */
class SyncGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  SyncTestServer server;
  Profile owner;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() throws Exception {
    server = SyncTestServer.start(dir.resolve("server"));
    driver = new AppDriver(java.nio.file.Files.createDirectories(dir.resolve("device")), clock);
    owner = driver.context.profiles().ensureDefault();
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      if (driver != null) {
        driver.close();
      }
    } finally {
      server.close();
    }
  }

  private SyncIndicator indicator() {
    return driver.app.viewModel().sync().indicatorProperty().get();
  }

  private String indicatorText() {
    return ((Labeled) driver.node("#sync-indicator")).getText();
  }

  private boolean dialogOpen(String id) {
    return driver.robot.lookup(id).tryQuery().isPresent();
  }

  private void closeDialog(String id) throws Exception {
    Button close = (Button) driver.robot.lookup(id + " .button").match(n -> "Close".equals(((Button) n).getText()))
        .query();
    driver.robot.interact(close::fire);
    AppDriver.waitUntil(() -> !dialogOpen(id));
  }

  @Test
  void settingUpFromTheSettingsSyncsAndTheHeaderSaysSyncedAt() throws Exception {
    driver.context.plans().create(owner.id(), "Push", Structures.plan());
    driver.open();
    assertThat(indicatorText()).isEqualTo("Sync off");

    driver.robot.clickOn("#sync-indicator");
    AppDriver.waitUntil(() -> dialogOpen("#sync-settings"));
    driver.robot.clickOn("#sync-server").write(server.url());
    driver.robot.clickOn("#sync-token").write(server.token);
    driver.robot.clickOn("#sync-save");

    AppDriver.waitUntil(30, () -> indicator().kind() == SyncIndicator.Kind.SYNCED);
    assertThat(indicatorText()).startsWith("Synced at ");
    assertThat(driver.<PasswordField>node("#sync-token").getText()).as("the token is never shown back").isEmpty();
    assertThat(driver.<Label>node("#sync-message").getText()).startsWith("Sync is set up. Reachable: Setwise ");
    assertThat(server.app.plans().list(server.profile.id())).extracting("name").containsExactly("Push");
    closeDialog("#sync-settings");
  }

  @Test
  void aTokenTheServerRefusesGetsAMessageUnderTheTokenField() throws Exception {
    driver.open();
    driver.robot.clickOn("#sync-indicator");
    AppDriver.waitUntil(() -> dialogOpen("#sync-settings"));
    driver.robot.clickOn("#sync-server").write(server.url());
    driver.robot.clickOn("#sync-token").write("swt_wrong");
    driver.robot.clickOn("#sync-save");

    AppDriver.waitUntil(30, () -> driver.<Label>node("#sync-token-error").isVisible());
    assertThat(driver.<Label>node("#sync-token-error").getText()).startsWith("The server refused this token");
    assertThat(driver.<TextField>node("#sync-server").getText()).isEqualTo(server.url());
    assertThat(indicatorText()).isEqualTo("Sync off");
    closeDialog("#sync-settings");
  }

  @Test
  void anOfflineServerShowsOfflineInTheHeaderAndNoDialog() throws Exception {
    driver.context.sync().setUp(owner.id(), server.url(), server.token);
    driver.context.plans().create(owner.id(), "Push", Structures.plan());
    server.stop();

    driver.open();

    // The sync at start retries a few times before it calls the server offline.
    AppDriver.waitUntil(60, () -> indicator().kind() == SyncIndicator.Kind.OFFLINE);
    assertThat(indicatorText()).isEqualTo("Offline");
    assertThat(driver.robot.lookup(".dialog-pane").tryQuery()).as("offline is no error").isEmpty();
    assertThat(driver.app.viewModel().errorProperty().get()).isNull();
    assertThat(driver.node("#sync-indicator").getStyleClass()).contains("sync-calm").doesNotContain("danger");
  }

  @Test
  void aConflictOpensTheReviewFromTheHeaderAndKeepMineSettlesIt() throws Exception {
    Plan plan = driver.context.plans().create(owner.id(), "Push", Structures.plan());
    driver.context.sync().setUp(owner.id(), server.url(), server.token);
    assertThat(driver.context.sync().syncNow(owner.id(), Progress.NONE, Cancellation.none()).inSync()).isTrue();
    server.app.plans().update(server.profile.id(), plan.id(), "Push (server)", plan.structure());
    driver.context.plans().update(owner.id(), plan.id(), "Push (here)", plan.structure());

    driver.open();
    AppDriver.waitUntil(30, () -> "1 conflict".equals(indicatorText()));
    driver.robot.clickOn("#sync-indicator");
    AppDriver.waitUntil(() -> dialogOpen("#conflict-review")
        && driver.<ListView<?>>node("#conflict-list").getItems().size() == 1);
    assertThat(driver.robot.lookup(".conflict-differs").queryAllAs(Label.class)).extracting(Label::getText)
        .contains("Push (here)", "Push (server)");

    driver.robot.clickOn("#conflict-keep-mine");

    AppDriver.waitUntil(30, () -> driver.<Label>node("#conflict-message").getText().startsWith("Kept this device's"));
    AppDriver.waitUntil(() -> driver.robot.lookup("#conflict-none").tryQuery().map(Node::isVisible).orElse(false));
    // The background sync after settling sends the version kept.
    AppDriver.waitUntil(30, () -> indicator().kind() == SyncIndicator.Kind.SYNCED);
    assertThat(server.app.plans().get(server.profile.id(), plan.id()).name()).isEqualTo("Push (here)");
    closeDialog("#conflict-review");
  }

  @Test
  void theWindowAnswersWhileTheServerHangsAndClosingStopsTheSyncLosingNothing() throws Exception {
    try (SyncTestServer.Stalling hanging = new SyncTestServer.Stalling()) {
      driver.context.syncSettings().setUp(owner.id(), hanging.url(), SyncToken.of("swt_any"));
      driver.context.plans().create(owner.id(), "Push", Structures.plan());

      driver.open();
      AppDriver.waitUntil(30, () -> hanging.connections() > 0 && "Syncing…".equals(indicatorText()));

      // The window is not waiting on the network: it changes screens while the sync hangs.
      driver.robot.clickOn("History");
      AppDriver.waitUntil(() -> driver.app.viewModel().screenProperty().get() == Screen.HISTORY);
      assertThat(indicatorText()).isEqualTo("Syncing…");

      driver.closeApp();
    }
    try (AppContext reopened = AppContext.open(dir.resolve("device"), clock)) {
      assertThat(reopened.sync().status(owner.id()).waiting()).as("the change still waits").isEqualTo(1);
    }
  }
}
