package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Group commit under SIGKILL (docs/decisions/0046): {@code setwise serve} in a child process takes
 * PATCHes from many connections at once, so they share commits, and is killed while they are in
 * flight. Every PATCH it answered 200 is in the database after the restart: the session is at
 * least at the newest version answered, and holds what that answer said (or a later write).
 */
class GroupCommitKilledTest {

  private static final Pattern URL = Pattern.compile("(http://\\S+)");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int WRITERS = 32;
  private static final int ANSWERS_BEFORE_KILL = 400;

  @TempDir
  Path root;

  private final ExecutorService threads = Executors.newFixedThreadPool(WRITERS);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private ChildProcess server;

  @AfterEach
  void stop() {
    if (server != null && server.process.isAlive()) {
      server.process.destroyForcibly();
      server.waitFor();
    }
    threads.shutdownNow();
  }

  private Path dataDir() {
    return root.resolve("data");
  }

  private URI serve() {
    server = ChildProcess.start(dataDir(), "serve", "--port", "0");
    Matcher matcher = URL.matcher(server.awaitLine("http://"));
    assertThat(matcher.find()).isTrue();
    return URI.create(matcher.group(1));
  }

  private HttpResponse<String> send(URI base, String token, String method, String path, String body) {
    try {
      return http.send(request(base, token, method, path, body), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest request(URI base, String token, String method, String path, String body) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token).build();
  }

  private static String logged(int reps) {
    return "{\"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": " + reps
        + ", \"weight\": 100, \"completed\": true}]}]}}";
  }

  @Test
  void everyPatchAnsweredBeforeAKillIsThereAfterTheRestart() throws Exception {
    assertThat(ApiCommandsTest.cli(dataDir(), "profile", "add", "Alex").code()).isZero();
    ApiCommandsTest.Result created = ApiCommandsTest.cli(dataDir(), "token", "create", "--profile", "Alex",
        "--label", "test");
    assertThat(created.code()).as(created.err()).isZero();
    String token = created.out().strip();
    URI first = serve();
    HttpResponse<String> plan = send(first, token, "POST", "/api/plans", "{\"name\": \"Strength A\", \"structure\": "
        + "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"target_reps\": 5}]}]}}");
    assertThat(plan.statusCode()).isEqualTo(201);
    HttpResponse<String> started = send(first, token, "POST", "/api/sessions",
        "{\"plan_id\": \"" + JSON.readTree(plan.body()).get("id").asString() + "\"}");
    assertThat(started.statusCode()).isEqualTo(201);
    String path = "/api/sessions/" + JSON.readTree(started.body()).get("id").asString();

    // each writer sends PATCH after PATCH, each with reps of its own, until the server is gone
    ConcurrentMap<Long, Integer> answered = new ConcurrentHashMap<>(); // version -> reps it stored
    CountDownLatch enough = new CountDownLatch(ANSWERS_BEFORE_KILL);
    AtomicBoolean killed = new AtomicBoolean();
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < WRITERS; w++) {
      int writer = w;
      writers.add(CompletableFuture.runAsync(() -> {
        for (int n = 0; !killed.get(); n++) {
          int reps = 1 + (writer * 37 + n) % 1000;
          HttpResponse<String> answer;
          try {
            answer = http.send(request(first, token, "PATCH", path, logged(reps)), HttpResponse.BodyHandlers.ofString());
          } catch (IOException gone) {
            return; // the server was killed: this PATCH was never answered
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (answer.statusCode() == 200) {
            answered.put(JSON.readTree(answer.body()).get("version").asLong(), reps);
            enough.countDown();
          } else {
            throw new AssertionError("a PATCH failed before the kill: " + answer.statusCode() + " " + answer.body());
          }
        }
      }, threads));
    }
    assertThat(enough.await(5, java.util.concurrent.TimeUnit.MINUTES)).as("enough PATCHes answered").isTrue();
    killed.set(true);
    server.process.destroyForcibly();
    server.waitFor();
    CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).join();

    long newestAnswered = answered.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(answered).hasSizeGreaterThanOrEqualTo(ANSWERS_BEFORE_KILL);
    URI second = serve();
    JsonNode after = JSON.readTree(send(second, token, "GET", path, null).body());
    long stored = after.get("version").asLong();
    assertThat(stored).as("no answered PATCH is lost").isGreaterThanOrEqualTo(newestAnswered);
    int storedReps = after.get("session").get("exercises").get(0).get("sets").get(0).get("reps").asInt();
    if (stored == newestAnswered) {
      assertThat(storedReps).isEqualTo(answered.get(newestAnswered));
    }
    // every version answered was a distinct commit of the session: versions only rise by one
    assertThat(answered.keySet()).allSatisfy(version -> assertThat(version).isBetween(2L, stored));
  }
}
