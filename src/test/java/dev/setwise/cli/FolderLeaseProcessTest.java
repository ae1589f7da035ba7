package dev.setwise.cli;

import static dev.setwise.support.DamagedFolders.DB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.support.DamagedFolders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replacing the database while {@code setwise serve} uses the folder, in child processes: a
 * restore is refused naming the server and changes nothing, the server goes on; a file replaced
 * behind the server's back makes it stop answering 2xx instead of writing into the file set aside.
 */
class FolderLeaseProcessTest {

  private static final Pattern URL = Pattern.compile("(http://\\S+)");
  private static final Pattern REFUSED =
      Pattern.compile("setwise: Setwise serve \\(pid (\\d+), since [^)]+\\) is using this data folder; stop it first\n");
  private static final String PLAN = "{\"name\": \"%s\", \"structure\": {\"unit\": \"kg\", \"exercises\": "
      + "[{\"name\": \"Squat\", \"sets\": [{\"target_reps\": 5, \"target_weight\": 100}]}]}}";

  @TempDir
  Path root;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private ChildProcess server;

  @AfterEach
  void stopServer() {
    if (server != null && server.process.isAlive()) {
      server.process.destroyForcibly();
      server.waitFor();
    }
  }

  private Path data() {
    return root.resolve("data");
  }

  private String token() {
    ApiCommandsTest.Result token = ApiCommandsTest.cli(data(), "token", "create", "--profile", "Alex");
    assertThat(token.code()).as(token.err()).isZero();
    return token.out().strip();
  }

  private URI serve() {
    server = ChildProcess.start(data(), "serve", "--port", "0");
    Matcher matcher = URL.matcher(server.awaitLine("http://"));
    assertThat(matcher.find()).isTrue();
    return URI.create(matcher.group(1));
  }

  private HttpResponse<String> send(URI base, String token, String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String newestBackup() throws IOException {
    try (Stream<Path> backups = Files.list(data().resolve("backups"))) {
      return backups.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
  }

  @Test
  void restoreWhileServeRunsIsRefusedNamingItAndTheServerKeepsWorking() throws IOException {
    DamagedFolders.sound(data());
    String token = token();
    URI base = serve();
    assertThat(send(base, token, "POST", "/api/plans", PLAN.formatted("Before")).statusCode()).isEqualTo(201);
    Map<String, String> before = DamagedFolders.fingerprint(data());

    ChildProcess.Result restore = ChildProcess.run(data(), "restore", newestBackup());

    assertThat(restore.code()).isEqualTo(1);
    assertThat(restore.stdout()).isEmpty();
    Matcher refused = REFUSED.matcher(restore.stderr());
    assertThat(refused.matches()).as(restore.stderr()).isTrue();
    assertThat(Long.parseLong(refused.group(1))).isEqualTo(server.process.pid());
    assertThat(data().resolve("replaced")).doesNotExist();
    assertThat(DamagedFolders.fingerprint(data()).get(DB)).isEqualTo(before.get(DB));
    // The in-process command says the same (it is the same code, without a JVM start).
    assertThat(ApiCommandsTest.cli(data(), "restore", newestBackup()).err()).matches(REFUSED);

    HttpResponse<String> after = send(base, token, "POST", "/api/plans", PLAN.formatted("After"));
    assertThat(after.statusCode()).isEqualTo(201);
    assertThat(send(base, token, "GET", "/api/plans", null).body()).contains("\"Before\"", "\"After\"", "\"Strength A\"");
  }

  @Test
  void aDatabaseReplacedUnderARunningServerGetsNoMore2xxAndNoWriteIsAcknowledged() throws IOException {
    DamagedFolders.sound(data());
    DamagedFolders.sound(root.resolve("other"));
    String token = token();
    URI base = serve();
    assertThat(send(base, token, "POST", "/api/plans", PLAN.formatted("Kept")).statusCode()).isEqualTo(201);

    // Behind the server's back: its file moved aside, another database in its place.
    Files.move(data().resolve(DB), root.resolve("set-aside.db"));
    Files.copy(root.resolve("other").resolve(DB), data().resolve(DB));

    HttpResponse<String> write = send(base, token, "POST", "/api/plans", PLAN.formatted("Lost?"));
    assertThat(write.statusCode()).isEqualTo(500);
    assertThat(write.body()).isEqualTo("{\"error\":\"InternalServerError\",\"message\":\"Failed to process request\"}");
    assertThat(send(base, token, "GET", "/api/plans", null).statusCode()).isEqualTo(500);
    HttpResponse<String> health = send(base, null, "GET", "/api/health", null);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body()).isEqualTo("{\"error\":\"ServiceUnavailable\",\"message\":\"The database is unavailable\"}");
    assertThat(Files.readString(data().resolve("logs").resolve("setwise.log")))
        .contains(DB + " in " + data() + " was replaced by another file while Setwise had it open");
  }
}
