package dev.setwise.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import dev.setwise.domain.Plan;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.sync.SyncToken;
import dev.setwise.support.Structures;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * What sync keeps per profile and how it guards the token: a file readable by its owner only,
 * never in a log line, an exception message or a report, never printed by {@code toString}; setting
 * up, setting up again, turning off; one sync of a profile at a time.
 */
class SyncSettingsTest {

  @TempDir
  Path dir;

  SyncServer server;
  Device device;
  ListAppender<ILoggingEvent> log;
  Logger root;
  Level level;

  @BeforeEach
  void start() {
    root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    level = root.getLevel();
    root.setLevel(Level.DEBUG);
    log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    server = SyncServer.start(dir.resolve("server"));
    device = Device.open(dir.resolve("a"), "Alex", SyncTwoDevicesTest.FAST);
  }

  @AfterEach
  void stop() {
    device.close();
    server.close();
    root.detachAppender(log);
    root.setLevel(level);
  }

  @Test
  void theTokenIsKeptInAFileOnlyItsOwnerCanReadAndNowhereElse() throws Exception {
    device.setUp(server);

    Path file = device.app.syncSettings().tokenFile(device.id());
    assertThat(file).hasContent(server.token);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    assertThat(SyncToken.of(server.token).toString()).doesNotContain(server.token);
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + device.dir.resolve("setwise.db"));
        var statement = connection.createStatement(); var rs = statement.executeQuery("SELECT * FROM sync_profiles")) {
      rs.next();
      for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
        assertThat(String.valueOf(rs.getString(column))).doesNotContain(server.token);
      }
    }
  }

  @Test
  void theTokenNeverReachesALogLineAnExceptionOrAReportWhateverHappens() throws IOException {
    String wrong = "swt_000000000000_" + "w".repeat(43);
    assertThatThrownBy(() -> device.setUp(server.url(), wrong))
        .isInstanceOf(SyncException.class).hasMessage("The server at " + server.url() + " refused the token")
        .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.REFUSED));
    device.setUp(server);
    device.app.plans().create(device.id(), "Plan", Structures.plan());
    assertThat(device.sync().inSync()).isTrue();
    assertThat(device.sync.status(device.id()).settings().orElseThrow().lastOutcome())
        .isEqualTo(dev.setwise.domain.sync.SyncOutcome.SYNCED);
    server.app.tokens().revoke(server.app.tokens().list(server.profile.id()).get(0).id());
    device.app.plans().create(device.id(), "Another", Structures.plan());

    SyncReport refused = device.sync();
    assertThat(device.sync.status(device.id()).settings().orElseThrow().lastOutcome())
        .isEqualTo(dev.setwise.domain.sync.SyncOutcome.REFUSED);
    server.server.stop();
    SyncReport offline = device.sync();
    assertThat(device.sync.status(device.id()).settings().orElseThrow().lastOutcome())
        .isEqualTo(dev.setwise.domain.sync.SyncOutcome.OFFLINE);

    assertThat(refused.failure()).get().extracting(SyncException::kind).isEqualTo(SyncException.Kind.REFUSED);
    assertThat(offline.offline()).isTrue();
    assertThat(offline.failure().orElseThrow().getMessage()).startsWith("Cannot reach the server at " + server.url());
    assertThat(log.list).isNotEmpty();
    // Jetty's request parser (the server's side, in this same JVM here) logs headers at DEBUG; a
    // server's logging keeps Jetty at WARN (dev.setwise.Logging). What sync itself logs is checked.
    for (ILoggingEvent event : log.list.stream().filter(e -> !e.getLoggerName().startsWith("org.eclipse.jetty"))
        .toList()) {
      assertThat(event.getFormattedMessage()).doesNotContain(server.token).doesNotContain(wrong);
      for (IThrowableProxy cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
        assertThat(String.valueOf(cause.getMessage())).doesNotContain(server.token).doesNotContain(wrong);
      }
    }
    for (SyncReport report : new SyncReport[] {refused, offline}) {
      assertThat(report.toString()).doesNotContain(server.token);
      assertThat(report.failure().orElseThrow().getMessage()).doesNotContain(server.token);
    }
    assertThat(device.sync.status(device.id()).settings().orElseThrow().lastError()).doesNotContain(server.token);
  }

  @Test
  void syncRefusesToRunWhileTheJdksHttpClientLogsHeaders() {
    device.setUp(server);
    String before = System.getProperty("jdk.httpclient.HttpClient.log");
    System.setProperty("jdk.httpclient.HttpClient.log", "headers");
    try {
      assertThatThrownBy(() -> device.sync())
          .isInstanceOf(SyncException.class).hasMessageContaining("would write the token to a log");
    } finally {
      if (before == null) {
        System.clearProperty("jdk.httpclient.HttpClient.log");
      } else {
        System.setProperty("jdk.httpclient.HttpClient.log", before);
      }
    }
  }

  @Test
  void settingUpTheSameServerAgainKeepsWhatSyncKnowsAndAnotherOneStartsOver() {
    Plan plan = device.app.plans().create(device.id(), "Plan", Structures.plan());
    device.setUp(server);
    device.sync();
    String cursor = device.sync.status(device.id()).settings().orElseThrow().cursor();
    assertThat(cursor).isNotNull();

    device.setUp(server);
    assertThat(device.sync.status(device.id()).settings().orElseThrow().cursor()).isEqualTo(cursor);
    assertThat(device.sync.status(device.id()).waiting()).isZero();

    try (SyncServer other = SyncServer.start(dir.resolve("other"))) {
      device.setUp(other);
      assertThat(device.sync.status(device.id()).settings().orElseThrow().cursor()).isNull();
      assertThat(device.sync.status(device.id()).waiting()).isEqualTo(1);
      assertThat(device.sync().inSync()).isTrue();
      assertThat(other.snapshot().plans()).containsOnlyKeys(plan.id());
    }
  }

  @Test
  void offForgetsTheServerAndTheTokenAndKeepsTheData() {
    Plan plan = device.app.plans().create(device.id(), "Plan", Structures.plan());
    device.setUp(server);
    device.app.sessions().start(device.id(), plan.id(), LocalDate.of(2026, 11, 24));

    assertThat(device.sync.off(device.id())).isTrue();

    assertThat(device.sync.status(device.id()).enabled()).isFalse();
    assertThat(device.sync.status(device.id()).waiting()).isZero();
    assertThat(device.app.syncSettings().tokenFile(device.id())).doesNotExist();
    assertThat(device.snapshot().plans()).containsOnlyKeys(plan.id());
    assertThat(device.snapshot().sessions()).hasSize(1);
    assertThat(device.sync.off(device.id())).isFalse();
    assertThatThrownBy(() -> device.sync()).isInstanceOf(SyncException.class)
        .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.NOT_SET_UP));
  }

  @Test
  void aServerThatCannotBeReachedFailsTheSetUpQuicklyAndRemembersNothing() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    assertThatThrownBy(() -> device.setUp("http://127.0.0.1:" + closed, server.token))
        .isInstanceOf(SyncException.class)
        .hasMessage("Cannot reach the server at http://127.0.0.1:" + closed + ": the connection was refused");
    assertThat(device.sync.status(device.id()).enabled()).isFalse();
  }

  @Test
  @org.junit.jupiter.api.Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
  void aServerThatTakesConnectionsButNeverAnswersEndsSetUpAndSyncAsOfflineAndLosesNothing() throws Exception {
    java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept());
          }
        } catch (IOException closed) {
          // the test is over
        }
      }, "silent-server");
      acceptor.setDaemon(true);
      acceptor.start();
      String url = "http://127.0.0.1:" + silent.getLocalPort();
      device.sync = device.sync.withOptions(SyncTwoDevicesTest.FAST
          .withTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(1))
          .withRetries(2, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1)));

      assertThatThrownBy(() -> device.setUp(url, server.token))
          .isInstanceOf(SyncException.class)
          .hasMessage("Cannot reach the server at " + url + ": no answer in time");
      assertThat(device.sync.status(device.id()).enabled()).isFalse();

      device.app.syncSettings().setUp(device.id(), url, SyncToken.of(server.token));
      Plan plan = device.app.plans().create(device.id(), "Plan", Structures.plan());
      SyncReport report = device.sync();

      assertThat(report.offline()).isTrue();
      assertThat(report.failure().orElseThrow().getMessage())
          .isEqualTo("Cannot reach the server at " + url + ": no answer in time");
      assertThat(held).isNotEmpty();
      assertThat(device.sync.status(device.id()).waiting()).isEqualTo(1);
      assertThat(device.sync.status(device.id()).settings().orElseThrow().lastOutcome())
          .isEqualTo(dev.setwise.domain.sync.SyncOutcome.OFFLINE);

      device.setUp(server);
      assertThat(device.sync().inSync()).isTrue();
      assertThat(server.snapshot().plans()).containsOnlyKeys(plan.id());
    } finally {
      for (java.net.Socket socket : held) {
        socket.close();
      }
    }
  }

  @Test
  void oneSyncOfAProfileRunsAtATime() throws Exception {
    device.setUp(server);
    Path lock = device.dir.resolve("sync").resolve(device.id() + ".lock");
    try (var channel = java.nio.channels.FileChannel.open(lock, java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.WRITE); var held = channel.lock()) {
      assertThatThrownBy(() -> device.sync.syncNow(device.id(), Progress.NONE, Cancellation.none()))
          .isInstanceOf(SyncException.class).hasMessage("A sync of this profile is already running");
    }
    assertThat(device.sync().inSync()).isTrue();
  }
}
