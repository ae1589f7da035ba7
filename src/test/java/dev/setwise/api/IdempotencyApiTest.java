package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Idempotency-Key} on POSTs: replay the first answer, refuse another body, per profile, 24 h. */
class IdempotencyApiTest extends ApiTestBase {

  Caller alex;
  String planId;
  String key;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
    key = "key-" + UUID.randomUUID();
  }

  private String startBody(String date) {
    return "{\"plan_id\": \"" + planId + "\", \"date\": \"" + date + "\"}";
  }

  private long count(Caller caller, String action) {
    return caller.get("/api/audit-log?limit=100").json().get("data").valueStream()
        .filter(e -> e.get("action").asString().equals(action)).count();
  }

  @Test
  void aRetryWithTheSameKeyAndBodyGetsTheFirstAnswerAndChangesNothing() {
    Response first = alex.post("/api/sessions", startBody("2026-11-24"), key);
    String id = first.json().get("id").asString();
    api.t.clock.advance(Duration.ofMinutes(5));
    alex.patch("/api/sessions/" + id, "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");

    Response retry = alex.post("/api/sessions", startBody("2026-11-24"), key);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.header("Idempotent-Replayed")).isNull();
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).as("the first answer, not the session as it is now").isEqualTo(first.body());
    assertThat(retry.header("Location")).isEqualTo("/api/sessions/" + id);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(count(alex, "session_started")).isEqualTo(1);
  }

  @Test
  void theBodyCountsAsAJsonValueNotAsText() {
    Response first = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"date\": \"2026-11-24\"}", key);

    Response retry = alex.post("/api/sessions", "{ \"date\":\"2026-11-24\",\n  \"plan_id\":\"" + planId + "\" }", key);

    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
  }

  @Test
  void theSameKeyWithAnotherBodyIs422AndChangesNothing() {
    alex.post("/api/sessions", startBody("2026-11-24"), key);
    String current = alex.get("/api/sessions").body();

    Response refused = alex.post("/api/sessions", startBody("2026-11-25"), key);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.error()).isEqualTo("IdempotencyKeyReused");
    assertThat(refused.message()).isNotBlank();
    assertThat(alex.get("/api/sessions").body()).isEqualTo(current);
  }

  @Test
  void theSameKeyOnAnotherEndpointIs422() {
    alex.post("/api/plans", "{\"name\": \"B\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}", key);

    Response refused = alex.post("/api/sessions", startBody("2026-11-24"), key);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(alex.get("/api/sessions").json().get("data")).isEmpty();
  }

  @Test
  void keysBelongToOneProfile() {
    Caller sam = api.caller("Sam");
    String samPlan = sam.plan("Sam's");
    Response alexStart = alex.post("/api/sessions", startBody("2026-11-24"), key);

    Response samStart = sam.post("/api/sessions", "{\"plan_id\": \"" + samPlan + "\"}", key);

    assertThat(samStart.status()).isEqualTo(201);
    assertThat(samStart.header("Idempotent-Replayed")).isNull();
    assertThat(samStart.json().get("id").asString()).isNotEqualTo(alexStart.json().get("id").asString());
  }

  @Test
  void completeAndPlanCreationAreIdempotentToo() {
    String id = alex.start(planId);
    Response completed = alex.post("/api/sessions/" + id + "/complete", "{}", key);
    api.t.clock.advance(Duration.ofMinutes(1));
    Response again = alex.post("/api/sessions/" + id + "/complete", "{}", key);

    assertThat(completed.status()).isEqualTo(200);
    assertThat(again.status()).as("not 'Cannot update completed session'").isEqualTo(200);
    assertThat(again.body()).isEqualTo(completed.body());
    assertThat(count(alex, "session_completed")).isEqualTo(1);

    String planKey = key + "-plan";
    String plan = "{\"name\": \"B\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";
    Response created = alex.post("/api/plans", plan, planKey);
    Response createdAgain = alex.post("/api/plans", plan, planKey);
    assertThat(createdAgain.status()).isEqualTo(201);
    assertThat(createdAgain.body()).isEqualTo(created.body());
    assertThat(createdAgain.header("Location")).isEqualTo(created.header("Location"));
    assertThat(alex.get("/api/plans").json().get("data")).hasSize(2);
    assertThat(count(alex, "plan_created")).isEqualTo(2);
  }

  @Test
  void aRefusedRequestIsNotRecordedSoItsRetryRunsAgain() {
    String blocking = alex.start(planId);
    Response conflict = alex.post("/api/sessions", startBody("2026-11-24"), key);
    alex.post("/api/sessions/" + blocking + "/complete", null);

    Response retry = alex.post("/api/sessions", startBody("2026-11-24"), key);

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isNull();
  }

  @Test
  void answersAreKeptForADayAtLeast() {
    alex.post("/api/plans", "{\"name\": \"B\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}", key);
    String other = "{\"name\": \"C\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";

    api.t.clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(alex.post("/api/plans", other, key).status()).isEqualTo(422);
    api.t.clock.advance(Duration.ofMinutes(2));
    Response afterADay = alex.post("/api/plans", other, key);

    assertThat(afterADay.status()).as("a key older than 24 h may be forgotten").isEqualTo(201);
    assertThat(afterADay.json().get("name").asString()).isEqualTo("C");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "tab\tinside"})
  void aKeyThatIsNotVisibleAsciiIs400(String badKey) {
    HttpRequest request = HttpRequest.newBuilder(api.base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + alex.token).header("Idempotency-Key", badKey)
        .POST(HttpRequest.BodyPublishers.ofString(startBody("2026-11-24"))).build();

    Response refused = api.send(request);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.json().get("details").get(0).get("path").asString()).isEqualTo("Idempotency-Key");
    assertThat(alex.get("/api/sessions").json().get("data")).isEmpty();
  }

  @Test
  void aKeyOutsideAsciiIs400() {
    String body = "{\"name\": \"B\", \"structure\": {\"unit\": \"kg\", \"exercises\": []}}";
    String answer = api.raw("POST /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + alex.token
        + "\r\nIdempotency-Key: cl\u00e9\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
        + "\r\nConnection: close\r\n\r\n" + body);

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"path\":\"Idempotency-Key\"");
  }

  @Test
  void aKeyOfTooManyCharactersIs400() {
    Response refused = alex.post("/api/sessions", startBody("2026-11-24"), "k".repeat(256));
    Response longest = alex.post("/api/sessions", startBody("2026-11-24"), "k".repeat(255));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(longest.status()).isEqualTo(201);
  }

  @Test
  void requestsWithTheSameKeyAtOnceDoTheWorkOnce() {
    String plan = "{\"name\": \"Race\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";
    HttpRequest request = HttpRequest.newBuilder(api.base.resolve("/api/plans"))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(plan)).build();

    List<HttpResponse<String>> answers = IntStream.range(0, 12)
        .mapToObj(i -> api.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
        .toList().stream().map(CompletableFuture::join).toList();

    assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).isEqualTo(201));
    assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
    assertThat(answers.stream().filter(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty())).hasSize(1);
    assertThat(alex.get("/api/plans").json().get("data")).hasSize(2);
    assertThat(count(alex, "plan_created")).isEqualTo(2);
  }

  @Test
  void theKeyIsIgnoredWhereTheContractDoesNotUseIt() {
    String id = alex.start(planId);

    Response first = api.send("PATCH", "/api/sessions/" + id, alex.token,
        "{\"session\": " + ApiHarness.LOGGED_SESSION + "}", Map.of("Idempotency-Key", key));
    Response second = api.send("PATCH", "/api/sessions/" + id, alex.token,
        "{\"session\": " + ApiHarness.PLAN_STRUCTURE + "}", Map.of("Idempotency-Key", key));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).as("PATCH is idempotent by itself").isEqualTo(200);
  }
}
