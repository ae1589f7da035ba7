package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.domain.SessionQuery;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The rules hold when clients fire at once: one session in progress per profile, and concurrent
 * PATCHes (which share commits on SQLite, docs/decisions/0046) each land as their own version.
 */
class ConcurrencyApiTest extends ApiTestBase {

  @Test
  void fiftyParallelStartsMakeOneSessionAndFortyNineConflicts() {
    Caller alex = api.caller("Alex");
    String planId = alex.plan("Strength A");
    HttpRequest start = HttpRequest.newBuilder(api.base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"plan_id\": \"" + planId + "\"}")).build();

    List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 50)
        .mapToObj(i -> api.http.sendAsync(start, HttpResponse.BodyHandlers.ofString())).toList();
    List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(49)
        .allSatisfy(a -> assertThat(a.body()).contains("An in-progress session already exists"));
    SessionQuery inProgress = new SessionQuery(null, null, null, false, null, 100, 0, null, null);
    assertThat(api.t.app.sessions().list(alex.profile.id(), inProgress).total()).isEqualTo(1);
    assertThat(api.t.app.sessions().list(alex.profile.id(), SessionQuery.defaults()).total()).isEqualTo(1);
    assertThat(api.t.app.audit().list(alex.profile.id(), 100, 0).items().stream()
        .filter(e -> e.action().equals("session_started"))).hasSize(1);
  }

  private static String logged(int reps) {
    return "{\"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": " + reps
        + ", \"weight\": 100, \"completed\": true}]}]}}";
  }

  private static HttpRequest patch(Caller caller, String sessionId, String body, String ifMatch) {
    HttpRequest.Builder request = HttpRequest.newBuilder(api.base.resolve("/api/sessions/" + sessionId))
        .header("Authorization", "Bearer " + caller.token).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return request.build();
  }

  @Test
  void manyParallelPatchesEachLandAsTheirOwnVersionAndRefusedOnesChangeNothing() {
    Caller sam = api.caller("Sam");
    String sessionId = sam.start(sam.plan("Strength B"));
    int writers = 48;

    List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, writers)
        .mapToObj(i -> api.http.sendAsync(patch(sam, sessionId, logged(i + 1), null), HttpResponse.BodyHandlers.ofString()))
        .toList();
    List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

    assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).as(a.body()).isEqualTo(200));
    Map<Long, Integer> repsByVersion = new HashMap<>();
    for (HttpResponse<String> answer : answers) {
      var json = ApiHarness.JSON.readTree(answer.body());
      long version = json.get("version").asLong();
      assertThat(answer.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
      repsByVersion.put(version, json.get("session").get("exercises").get(0).get("sets").get(0).get("reps").asInt());
    }
    assertThat(repsByVersion.keySet()).as("each PATCH its own version, none skipped")
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(2, writers + 1).mapToObj(v -> (long) v).toList());
    var stored = sam.get("/api/sessions/" + sessionId).json();
    assertThat(stored.get("version").asLong()).isEqualTo(writers + 1);
    assertThat(stored.get("session").get("exercises").get(0).get("sets").get(0).get("reps").asInt())
        .as("the session holds what the newest version's answer said").isEqualTo(repsByVersion.get((long) writers + 1));

    // all made from the same version: one lands, the others are refused (412) and change nothing
    String current = "\"" + (writers + 1) + "\"";
    List<HttpResponse<String>> races = IntStream.range(0, 24)
        .mapToObj(i -> api.http.sendAsync(patch(sam, sessionId, logged(500 + i), current),
            HttpResponse.BodyHandlers.ofString()))
        .toList().stream().map(CompletableFuture::join).toList();

    assertThat(races.stream().filter(a -> a.statusCode() == 200)).hasSize(1);
    assertThat(races.stream().filter(a -> a.statusCode() == 412)).hasSize(23)
        .allSatisfy(a -> assertThat(a.body()).contains("Session was changed elsewhere"));
    HttpResponse<String> winner = races.stream().filter(a -> a.statusCode() == 200).findFirst().orElseThrow();
    var after = sam.get("/api/sessions/" + sessionId).json();
    assertThat(after.get("version").asLong()).isEqualTo(writers + 2);
    assertThat(after.get("session")).isEqualTo(ApiHarness.JSON.readTree(winner.body()).get("session"));
  }
}
