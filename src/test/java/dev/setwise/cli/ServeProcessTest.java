package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code setwise serve} and {@code setwise token} as a user runs them, in child processes: the URL
 * on stdout, no acknowledged write lost to SIGKILL, a clean stop on SIGTERM, tokens from the CLI.
 */
class ServeProcessTest {

  private static final Pattern URL = Pattern.compile("(http://\\S+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path root;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private ChildProcess server;

  @AfterEach
  void killServer() {
    if (server != null && server.process.isAlive()) {
      server.process.destroyForcibly();
      server.waitFor();
    }
  }

  private Path dataDir() {
    return root.resolve("data");
  }

  /** A profile and a token made by the CLI in this JVM (quicker than a child; same code). */
  private String profileAndToken() {
    assertThat(ApiCommandsTest.cli(dataDir(), "profile", "add", "Alex").code()).isZero();
    ApiCommandsTest.Result token = ApiCommandsTest.cli(dataDir(), "token", "create", "--profile", "Alex",
        "--label", "test");
    assertThat(token.code()).as(token.err()).isZero();
    return token.out().strip();
  }

  /** Starts {@code serve --port 0} and returns the URL it printed. */
  private URI serve() {
    server = ChildProcess.start(dataDir(), "serve", "--port", "0");
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

  private static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  private void kill() {
    server.process.destroyForcibly();
    server.waitFor();
  }

  @Test
  void noAcknowledgedWriteIsLostWhenTheServerIsKilledAndSigtermStopsItCleanly() throws IOException {
    String token = profileAndToken();
    URI first = serve();
    assertThat(first.getHost()).isEqualTo("127.0.0.1");
    assertThat(send(first, null, "GET", "/api/health", null).statusCode()).isEqualTo(200);

    HttpResponse<String> plan = send(first, token, "POST", "/api/plans",
        "{\"name\": \"Strength A\", \"structure\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", "
            + "\"sets\": [{\"target_reps\": 5, \"target_weight\": 100}]}]}}");
    assertThat(plan.statusCode()).isEqualTo(201);
    String planId = json(plan).get("id").asString();
    HttpResponse<String> started = send(first, token, "POST", "/api/sessions", "{\"plan_id\": \"" + planId + "\"}");
    assertThat(started.statusCode()).isEqualTo(201);
    String sessionId = json(started).get("id").asString();
    HttpResponse<String> logged = send(first, token, "PATCH", "/api/sessions/" + sessionId, "{\"session\": "
        + "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": 5, \"weight\": 102.5, "
        + "\"completed\": true}]}]}}");
    assertThat(logged.statusCode()).isEqualTo(200);
    kill();

    URI second = serve();
    JsonNode afterKill = json(send(second, token, "GET", "/api/sessions/" + sessionId, null));
    assertThat(afterKill.get("status").asString()).isEqualTo("in_progress");
    assertThat(afterKill.get("session").get("exercises").get(0).get("sets").get(0).get("weight").asDouble())
        .isEqualTo(102.5);
    assertThat(json(send(second, token, "GET", "/api/plans/" + planId, null)).get("has_sessions").asBoolean()).isTrue();
    HttpResponse<String> completed = send(second, token, "POST", "/api/sessions/" + sessionId + "/complete", null);
    assertThat(completed.statusCode()).isEqualTo(200);
    kill();

    URI third = serve();
    assertThat(json(send(third, token, "GET", "/api/sessions/" + sessionId, null)).get("status").asString())
        .isEqualTo("completed");
    assertThat(json(send(third, token, "GET", "/api/audit-log", null)).get("data").valueStream()
        .map(e -> e.get("action").asString()).toList())
        .containsExactly("session_completed", "session_started", "plan_created", "profile_created");

    server.process.destroy();
    assertThat(server.waitFor()).as("a stop asked for by SIGTERM is a success").isZero();
    Path wal = dataDir().resolve("setwise.db-wal");
    assertThat(!Files.exists(wal) || Files.size(wal) == 0).as("the database was checkpointed and closed").isTrue();
    String log = Files.readString(dataDir().resolve("logs").resolve("setwise.log"));
    assertThat(log).contains("Serving the Setwise API on " + third).contains("Stopped the Setwise API")
        .contains("Closed database").contains("Received SIGTERM: stopping");
    assertThat(log.lastIndexOf("Closed database")).isGreaterThan(log.lastIndexOf("Stopped the Setwise API"));
  }

  @Test
  void aTokenRevokedFromTheCommandLineStopsWorkingOnARunningServer() {
    String token = profileAndToken();
    URI base = serve();
    assertThat(send(base, token, "GET", "/api/plans", null).statusCode()).isEqualTo(200);

    assertThat(ApiCommandsTest.cli(dataDir(), "token", "revoke", token.substring(4, 16)).code()).isZero();

    HttpResponse<String> refused = send(base, token, "GET", "/api/plans", null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(json(refused).get("error").asString()).isEqualTo("Unauthorized");
  }
}
