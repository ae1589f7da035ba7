package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code setwise sync …} as contract §5.2 describes it, against a real server over HTTP: every
 * command, and the bad paths (an address nobody answers at, a refused token, no set-up, an unknown
 * conflict, several profiles without {@code --profile}). Errors are one line on stderr, exit 1; a
 * usage error is exit 2.
 */
class SyncCommandsTest {

  @TempDir
  static Path dir;

  static AppContext serverData;
  static ApiServer server;
  static Profile owner;
  static String token;
  static int folders;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void startServer() throws IOException {
    Path data = Files.createDirectories(dir.resolve("server"));
    serverData = AppContext.open(data, Clock.systemUTC());
    owner = serverData.profiles().create("Alex", Unit.KG);
    token = serverData.tokens().create(owner.id(), "cli test").text();
    server = ApiServer.start(new ApiServer.Services(serverData.sessions(), serverData.plans(), serverData.audit(),
        serverData.tokens(), serverData.idempotency(), serverData.changes(), Version.current()), "127.0.0.1", 0);
  }

  @AfterAll
  static void stopServer() {
    server.stop();
    serverData.close();
  }

  /** A new data folder with one profile, Alex, and a fresh server profile to sync with. */
  private static String folder() throws IOException {
    Path data = Files.createDirectories(dir.resolve("device" + ++folders));
    try (AppContext app = AppContext.open(data)) {
      app.profiles().create("Alex", Unit.KG);
    }
    return data.toString();
  }

  private static String freshToken() {
    Profile profile = serverData.profiles().create("Alex " + ++folders, Unit.KG);
    return serverData.tokens().create(profile.id(), "cli test").text();
  }

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, Map.of(), new PrintWriter(out), new PrintWriter(err), (data, console) -> {
      throw new AssertionError("the desktop app must not open");
    });
    return new Result(code, out.toString(), err.toString());
  }

  @Test
  void setupChecksTheServerAndTheTokenThenSyncPrintsItsSummaryAndExitsZeroWhenInSync() throws IOException {
    String data = folder();
    String fresh = freshToken();
    try (AppContext app = AppContext.open(Path.of(data))) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      Plan plan = app.plans().create(alex.id(), "Strength A", Structures.plan());
      app.sessions().complete(alex.id(), app.sessions().start(alex.id(), plan.id(), LocalDate.of(2026, 11, 24)).id(),
          null);
    }

    Result setup = run("--data-dir", data, "sync", "setup", "--server", server.url(), "--token", fresh);
    Result sync = run("--data-dir", data, "sync");
    Result again = run("--data-dir", data, "sync", "--profile", "alex");

    assertThat(setup.code()).as(setup.err()).isZero();
    assertThat(setup.out()).startsWith("Sync set up for Alex with " + server.url()).doesNotContain(fresh);
    assertThat(sync).isEqualTo(new Result(0, "pushed 2, pulled 0, conflicts 0\n", ""));
    assertThat(again).isEqualTo(new Result(0, "pushed 0, pulled 0, conflicts 0\n", ""));
  }

  @Test
  void setupFailsWithOneLineWhenNobodyAnswersOrTheTokenIsRefusedOrTheAddressIsNoAddress() throws IOException {
    String data = folder();
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    Result unreachable = run("--data-dir", data, "sync", "setup", "--server", "http://127.0.0.1:" + closed,
        "--token", token);
    Result refused = run("--data-dir", data, "sync", "setup", "--server", server.url(), "--token",
        "swt_000000000000_not-a-real-token-at-all-0000000000000000000");
    Result notAUrl = run("--data-dir", data, "sync", "setup", "--server", "home-server", "--token", token);
    Result missing = run("--data-dir", data, "sync", "setup", "--server", server.url());

    assertThat(unreachable).isEqualTo(new Result(1, "", "setwise: Cannot reach the server at http://127.0.0.1:"
        + closed + ": the connection was refused\n"));
    assertThat(refused).isEqualTo(new Result(1, "", "setwise: The server at " + server.url()
        + " refused the token\n"));
    assertThat(notAUrl).isEqualTo(new Result(1, "",
        "setwise: Invalid server URL: server: must start with http:// or https://\n"));
    assertThat(missing.code()).isEqualTo(2);
    assertThat(run("--data-dir", data, "sync", "status").out()).startsWith("Sync is off for Alex");
  }

  @Test
  void syncWithoutSetupFailsWithOneLine() throws IOException {
    String data = folder();

    Result sync = run("--data-dir", data, "sync");

    assertThat(sync).isEqualTo(new Result(1, "", "setwise: Sync is not set up for this profile: run 'setwise sync "
        + "setup --server URL --token TOKEN'\n"));
  }

  @Test
  void withSeveralProfilesEveryCommandAsksForTheProfile() throws IOException {
    String data = folder();
    run("--data-dir", data, "profile", "add", "Sam");

    Result sync = run("--data-dir", data, "sync");
    Result status = run("--data-dir", data, "sync", "status");
    Result off = run("--data-dir", data, "sync", "off");

    for (Result result : new Result[] {sync, status, off}) {
      assertThat(result).isEqualTo(new Result(1, "",
          "setwise: There are several profiles (Alex, Sam): choose one with --profile NAME\n"));
    }
    assertThat(run("--data-dir", data, "sync", "status", "--profile", "Sam").code()).isZero();
  }

  @Test
  void aConflictIsPrintedOnItsOwnLineListedByStatusAndSettledByResolve() throws IOException {
    String shared = freshToken();
    String first = folder();
    String second = folder();
    run("--data-dir", first, "sync", "setup", "--server", server.url(), "--token", shared);
    run("--data-dir", second, "sync", "setup", "--server", server.url(), "--token", shared);
    java.util.UUID planId;
    try (AppContext app = AppContext.open(Path.of(first))) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      planId = app.plans().create(alex.id(), "Strength A", Structures.plan()).id();
    }
    run("--data-dir", first, "sync");
    run("--data-dir", second, "sync");
    rename(first, planId, "Heavy");
    rename(second, planId, "Light");
    assertThat(run("--data-dir", first, "sync").code()).isZero();

    Result sync = run("--data-dir", second, "sync");
    Result status = run("--data-dir", second, "sync", "status");

    assertThat(sync.code()).isEqualTo(1);
    String[] lines = sync.out().split("\n");
    assertThat(lines[0]).isEqualTo("pushed 0, pulled 0, conflicts 1");
    Matcher conflict = Pattern.compile("conflict (\\d+) plan \"Light\" was changed here and on the server")
        .matcher(lines[1]);
    assertThat(conflict.matches()).as(sync.out()).isTrue();
    String id = conflict.group(1);
    assertThat(status.code()).isZero();
    assertThat(status.out()).contains("server: " + server.url() + "\n", "local changes waiting: 1\n",
        "\n" + lines[1] + "\n").containsPattern("last successful sync: \\d{4}-\\d\\d-\\d\\dT");

    Result unknown = run("--data-dir", second, "sync", "resolve", "999999", "--keep", "local");
    Result badKeep = run("--data-dir", second, "sync", "resolve", id, "--keep", "mine");
    Result resolved = run("--data-dir", second, "sync", "resolve", id, "--keep", "remote");
    Result after = run("--data-dir", second, "sync");

    assertThat(unknown).isEqualTo(new Result(1, "", "setwise: No open conflict 999999\n"));
    assertThat(badKeep.code()).isEqualTo(2);
    assertThat(badKeep.err()).contains("--keep must be local or remote");
    assertThat(resolved.code()).as(resolved.err()).isZero();
    assertThat(resolved.out()).startsWith("Settled conflict " + id + " keeping the server's version");
    assertThat(after).isEqualTo(new Result(0, "pushed 0, pulled 0, conflicts 0\n", ""));
    assertThat(run("--data-dir", second, "sync", "resolve", id, "--keep", "local").code()).isEqualTo(1);
    try (AppContext app = AppContext.open(Path.of(second))) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      assertThat(app.plans().get(alex.id(), planId).name()).isEqualTo("Heavy");
      assertThat(app.backups().list()).anyMatch(b -> b.reason().code().equals("before-sync-resolve"));
    }
  }

  @Test
  void offForgetsTheServerAndKeepsTheData() throws IOException {
    String data = folder();
    run("--data-dir", data, "sync", "setup", "--server", server.url(), "--token", freshToken());

    Result off = run("--data-dir", data, "sync", "off");
    Result again = run("--data-dir", data, "sync", "off", "--profile", "Alex");
    Result status = run("--data-dir", data, "sync", "status");

    assertThat(off).isEqualTo(new Result(0, "Sync is off for Alex; its plans and sessions stay on this computer\n", ""));
    assertThat(again).isEqualTo(new Result(0, "Sync was not set up for Alex\n", ""));
    assertThat(status.out()).startsWith("Sync is off for Alex");
    assertThat(Path.of(data, "sync")).isEmptyDirectory();
  }

  @Test
  void anUnreachableServerDuringSyncIsOneLineAndExitOneAndNothingIsLost() throws IOException {
    String data = folder();
    ServerSocket socket = new ServerSocket(0);
    int port = socket.getLocalPort();
    socket.close();
    ApiServer second = ApiServer.start(new ApiServer.Services(serverData.sessions(), serverData.plans(),
        serverData.audit(), serverData.tokens(), serverData.idempotency(), serverData.changes(), Version.current()),
        "127.0.0.1", port);
    run("--data-dir", data, "sync", "setup", "--server", second.url(), "--token", freshToken());
    second.stop();
    try (AppContext app = AppContext.open(Path.of(data))) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      app.plans().create(alex.id(), "Made offline", Structures.plan());
    }

    Result sync = run("--data-dir", data, "sync");

    assertThat(sync.code()).isEqualTo(1);
    assertThat(sync.out()).isEqualTo("pushed 0, pulled 0, conflicts 0\n");
    assertThat(sync.err()).isEqualTo("setwise: Cannot reach the server at " + second.url()
        + ": the connection was refused\n");
    assertThat(run("--data-dir", data, "sync", "status").out()).contains("local changes waiting: 1\n",
        "last successful sync: never\n");
  }

  private static void rename(String data, java.util.UUID planId, String name) {
    try (AppContext app = AppContext.open(Path.of(data))) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      app.plans().update(alex.id(), planId, name, null);
    }
  }
}
