package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The API's commands in process: {@code setwise token create|list|revoke}, and how {@code serve} refuses to start. */
class ApiCommandsTest {

  @TempDir
  Path dir;

  /** Exit code, stdout and stderr of one command. */
  record Result(int code, String out, String err) {}

  static Result cli(Path dataDir, String... arguments) {
    String[] args = new String[arguments.length + 2];
    args[0] = "--data-dir";
    args[1] = dataDir.toString();
    System.arraycopy(arguments, 0, args, 2, arguments.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, Map.of(), new PrintWriter(out), new PrintWriter(err), (data, console) -> {
      throw new AssertionError("the desktop app must not open");
    });
    return new Result(code, out.toString(), err.toString());
  }

  private Result run(String... arguments) {
    return cli(dir.resolve("data"), arguments);
  }

  @BeforeEach
  void profiles() {
    assertThat(run("profile", "add", "Alex").code()).isZero();
    assertThat(run("profile", "add", "Sam").code()).isZero();
  }

  @Test
  void createPrintsTheTokenAloneOnOneLine() {
    Result created = run("token", "create", "--profile", "alex", "--label", "home server");

    assertThat(created.code()).isZero();
    assertThat(created.err()).isEmpty();
    assertThat(created.out()).matches("swt_[0-9a-f]{12}_[A-Za-z0-9_-]{43}\n");
  }

  @Test
  void listShowsIdProfileCreatedStatusAndLabelButNeverTheToken() {
    String alexToken = run("token", "create", "--profile", "Alex", "--label", "home server").out().strip();
    String samToken = run("token", "create", "--profile", "Sam").out().strip();

    Result all = run("token", "list");
    Result onlySam = run("token", "list", "--profile", "Sam");

    assertThat(all.code()).isZero();
    assertThat(all.out().lines()).hasSize(2);
    assertThat(all.out().lines().toList().get(0))
        .matches(alexToken.substring(4, 16) + "\tAlex\t\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\tactive\thome server");
    assertThat(all.out()).doesNotContain(alexToken.substring(17)).doesNotContain(samToken.substring(17));
    assertThat(onlySam.out()).isEqualTo(samToken.substring(4, 16) + "\tSam\t"
        + all.out().lines().toList().get(1).split("\t")[2] + "\tactive\t\n");
  }

  @Test
  void revokeTakesTheIdOrTheWholeTokenAndShowsInTheList() {
    String token = run("token", "create", "--profile", "Alex").out().strip();
    String id = token.substring(4, 16);

    Result revoked = run("token", "revoke", token);
    Result again = run("token", "revoke", id);

    assertThat(revoked).isEqualTo(new Result(0, "Revoked token " + id + "\n", ""));
    assertThat(again.code()).isZero();
    assertThat(run("token", "list").out()).contains("\trevoked 20");
  }

  @Test
  void mistakesAreOneLineOnStderr() {
    assertThat(run("token", "create", "--profile", "Bob"))
        .isEqualTo(new Result(1, "", "setwise: No profile named \"Bob\"\n"));
    assertThat(run("token", "create", "--profile", "Alex", "--label", " "))
        .isEqualTo(new Result(1, "", "setwise: Invalid token data: label: must be 1 to 100 characters\n"));
    assertThat(run("token", "revoke", "0123456789ab")).isEqualTo(new Result(1, "", "setwise: Token not found\n"));
    assertThat(run("token", "list", "--profile", "Bob").code()).isEqualTo(1);
    Result missingProfile = run("token", "create");
    assertThat(missingProfile.code()).isEqualTo(2);
    assertThat(missingProfile.err()).startsWith("setwise: Missing required option: '--profile=NAME'");
  }

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS) // a bug here would serve forever instead of failing
  void serveRefusesABadPortAsUsageAndABusyPortAsFailure() throws IOException {
    Result bad = run("serve", "--port", "70000");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("setwise: --port must be 0 to 65535, not 70000");
    assertThat(run("serve", "--port", "eighty").code()).isEqualTo(2);

    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Result busy = run("serve", "--port", String.valueOf(taken.getLocalPort()));

      assertThat(busy).isEqualTo(new Result(1, "", "setwise: Could not listen on 127.0.0.1:" + taken.getLocalPort()
          + ": the port is in use\n"));
    }
  }
}
