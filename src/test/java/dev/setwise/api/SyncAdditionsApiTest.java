package dev.setwise.api;

import static dev.setwise.api.ApiHarness.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the sync client needs of the server beyond §5.1 (decision 0031): the real end of a workout
 * completed elsewhere, the real time of an amendment, and many sessions created in one request.
 */
class SyncAdditionsApiTest extends ApiTestBase {

  static final String STARTED = "2026-11-24T06:00:00Z";
  static final String ENDED = "2026-11-24T06:55:12.250Z";

  Caller alex;
  String planId;

  @BeforeEach
  void profile() {
    alex = api.caller("alex");
    planId = alex.plan("Strength A");
  }

  @Test
  void aCompletionNamesWhenTheSessionEndedAndKeepsIt() {
    String id = started();

    Response done = alex.post("/api/sessions/" + id + "/complete", "{\"ended_at\": \"" + ENDED + "\"}");

    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().get("ended_at").asString()).isEqualTo(ENDED);
    assertThat(alex.get("/api/sessions/" + id).json().get("ended_at").asString()).isEqualTo(ENDED);
  }

  @Test
  void anEndBeforeTheStartOrInTheFutureIsRefusedAndChangesNothing() {
    String id = started();

    Response early = alex.post("/api/sessions/" + id + "/complete", "{\"ended_at\": \"2026-11-24T05:00:00Z\"}");
    Response future = alex.post("/api/sessions/" + id + "/complete", "{\"ended_at\": \"2026-11-24T08:00:00Z\"}");
    Response garbage = alex.post("/api/sessions/" + id + "/complete", "{\"ended_at\": \"soon\"}");

    assertThat(early.status()).isEqualTo(400);
    assertThat(early.json().get("details").get(0).get("path").asString()).isEqualTo("ended_at");
    assertThat(future.status()).isEqualTo(400);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(alex.get("/api/sessions/" + id).json().get("status").asString()).isEqualTo("in_progress");
  }

  @Test
  void anAmendmentNamesWhenItWasMade() {
    String id = started();
    alex.post("/api/sessions/" + id + "/complete", "{\"ended_at\": \"" + ENDED + "\"}");

    Response amended = alex.post("/api/sessions/" + id + "/amendments", "{\"reason\": \"typo\", \"at\": "
        + "\"2026-11-24T07:01:02Z\", \"session\": " + ApiHarness.LOGGED_SESSION + "}");
    Response future = alex.post("/api/sessions/" + id + "/amendments", "{\"reason\": \"typo\", \"at\": "
        + "\"2026-11-25T07:01:02Z\", \"session\": " + ApiHarness.LOGGED_SESSION + "}");

    assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
    assertThat(amended.json().get("updated_at").asString()).isEqualTo("2026-11-24T07:01:02Z");
    JsonNode history = alex.get("/api/sessions/" + id + "/amendments").json().get("data");
    assertThat(history.get(1).get("at").asString()).isEqualTo("2026-11-24T07:01:02Z");
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("details").get(0).get("path").asString()).isEqualTo("at");
  }

  @Test
  void aBatchCreatesEachSessionAsASingleCreateWouldAndRefusesOnlyTheBadOnes() {
    String taken = UUID.randomUUID().toString();
    assertThat(alex.post("/api/sessions", logged(taken, "2026-11-20")).status()).isEqualTo(201);
    String first = UUID.randomUUID().toString();
    String last = UUID.randomUUID().toString();

    Response batch = alex.post("/api/sessions/batch", "{\"sessions\": [" + logged(first, "2026-11-21") + ", "
        + logged(taken, "2026-11-22") + ", {\"plan_id\": \"" + planId + "\", \"started_at\": \"bad\"}, "
        + logged(last, "2026-11-23") + "]}");

    assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
    JsonNode data = batch.json().get("data");
    assertThat(data).hasSize(4);
    assertThat(data.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(data.get(0).get("session").get("id").asString()).isEqualTo(first);
    assertThat(data.get(0).get("session").get("status").asString()).isEqualTo("completed");
    assertThat(data.get(1).get("status").asInt()).isEqualTo(409);
    assertThat(data.get(1).get("message").asString()).isEqualTo("Session already exists");
    assertThat(data.get(2).get("status").asInt()).isEqualTo(400);
    assertThat(data.get(2).get("error").asString()).isEqualTo("ValidationError");
    assertThat(data.get(3).get("status").asInt()).isEqualTo(201);
    assertThat(alex.get("/api/sessions/" + first).status()).isEqualTo(200);
    assertThat(alex.get("/api/sessions/" + last).status()).isEqualTo(200);
    assertThat(alex.get("/api/sessions?completed=true").json().get("pagination").get("total").asInt()).isEqualTo(3);
  }

  @Test
  void aBatchThatIsNotAListOfOneToAHundredIsRefusedWhole() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(logged(UUID.randomUUID().toString(), "2026-11-21"));
    }

    Response empty = alex.post("/api/sessions/batch", "{\"sessions\": []}");
    Response tooMany = alex.post("/api/sessions/batch", "{\"sessions\": [" + String.join(",", many) + "]}");
    Response notAList = alex.post("/api/sessions/batch", "[]");

    assertThat(empty.status()).isEqualTo(400);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(notAList.status()).isEqualTo(400);
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asInt()).isZero();
  }

  @Test
  void aBatchSentAgainWithItsKeyReplaysTheFirstAnswer() {
    String body = "{\"sessions\": [" + logged(UUID.randomUUID().toString(), "2026-11-21") + "]}";

    Response first = alex.request("POST", "/api/sessions/batch", body, headers("Idempotency-Key", "k1"));
    Response again = alex.request("POST", "/api/sessions/batch", body, headers("Idempotency-Key", "k1"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(again.json().get("data").get(0).get("status").asInt()).isEqualTo(201);
  }

  private String started() {
    Response started = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": \"" + STARTED
        + "\"}");
    assertThat(started.status()).as(started.toString()).isEqualTo(201);
    return started.json().get("id").asString();
  }

  private String logged(String id, String date) {
    return "{\"id\": \"" + id + "\", \"plan_id\": \"" + planId + "\", \"date\": \"" + date + "\", \"started_at\": \""
        + date + "T06:00:00Z\", \"ended_at\": \"" + date + "T07:00:00Z\", \"session\": " + ApiHarness.LOGGED_SESSION
        + "}";
  }
}
