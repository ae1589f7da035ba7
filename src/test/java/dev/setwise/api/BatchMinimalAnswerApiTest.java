package dev.setwise.api;

import static dev.setwise.api.ApiHarness.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/sessions/batch} with {@code Prefer: return=minimal} (decision 0044): each created
 * session is answered with its id and version only, and is created exactly as without it.
 */
class BatchMinimalAnswerApiTest extends ApiTestBase {

  Caller alex;
  String planId;

  @BeforeEach
  void profile() {
    alex = api.caller("alex");
    planId = alex.plan("Strength A");
  }

  @Test
  void aMinimalAnswerGivesEachCreatedSessionItsIdAndVersionAndRefusalsAsBefore() {
    String taken = UUID.randomUUID().toString();
    assertThat(alex.post("/api/sessions", logged(taken, "2026-11-20")).status()).isEqualTo(201);
    String first = UUID.randomUUID().toString();

    Response batch = alex.request("POST", "/api/sessions/batch", "{\"sessions\": [" + logged(first, "2026-11-21")
        + ", " + logged(taken, "2026-11-22") + ", {\"plan_id\": \"" + planId + "\", \"started_at\": \"bad\"}]}",
        headers("Prefer", "return=minimal"));

    assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
    JsonNode data = batch.json().get("data");
    assertThat(data).hasSize(3);
    assertThat(data.get(0).get("status").asInt()).isEqualTo(201);
    assertThat(data.get(0).get("id").asString()).isEqualTo(first);
    assertThat(data.get(0).get("version").asLong()).isEqualTo(1);
    assertThat(data.get(0).has("session")).isFalse();
    assertThat(data.get(1).get("status").asInt()).isEqualTo(409);
    assertThat(data.get(1).get("message").asString()).isEqualTo("Session already exists");
    assertThat(data.get(2).get("status").asInt()).isEqualTo(400);
    JsonNode stored = alex.get("/api/sessions/" + first).json();
    assertThat(stored.get("status").asString()).isEqualTo("completed");
    assertThat(stored.get("ended_at").asString()).isEqualTo("2026-11-21T07:00:00Z");
  }

  @Test
  void aCreatedSessionIsTheSameWithOrWithoutTheMinimalAnswer() {
    String minimal = UUID.randomUUID().toString();
    String full = UUID.randomUUID().toString();
    long auditBefore = auditTotal();

    alex.request("POST", "/api/sessions/batch", "{\"sessions\": [" + unnamed(minimal) + "]}",
        headers("Prefer", "return=minimal"));
    alex.post("/api/sessions/batch", "{\"sessions\": [" + unnamed(full) + "]}");

    JsonNode one = alex.get("/api/sessions/" + minimal).json();
    JsonNode other = alex.get("/api/sessions/" + full).json();
    // a snapshot without a name takes the plan's, as a single create does
    assertThat(one.get("session").get("name").asString()).isEqualTo("Strength A");
    assertThat(one.get("session")).isEqualTo(other.get("session"));
    assertThat(one.get("plan_id")).isEqualTo(other.get("plan_id"));
    // session_started and session_completed for each
    assertThat(auditTotal() - auditBefore).isEqualTo(4);
  }

  @Test
  void aKeyUsedWithTheOtherAnswerIsAnotherRequest() {
    String body = "{\"sessions\": [" + logged(UUID.randomUUID().toString(), "2026-11-21") + "]}";

    Response first = alex.request("POST", "/api/sessions/batch", body,
        headers("Idempotency-Key", "m1", "Prefer", "return=minimal"));
    Response again = alex.request("POST", "/api/sessions/batch", body,
        headers("Idempotency-Key", "m1", "Prefer", "return=minimal"));
    Response full = alex.request("POST", "/api/sessions/batch", body, headers("Idempotency-Key", "m1"));

    assertThat(first.status()).isEqualTo(200);
    assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(again.json()).isEqualTo(first.json());
    assertThat(full.status()).isEqualTo(422);
  }

  @Test
  void theMinimalPreferenceIsReadAsRfc7240WritesIt() {
    assertThat(SessionEndpoints.prefersMinimal("return=minimal")).isTrue();
    assertThat(SessionEndpoints.prefersMinimal("respond-async, Return = \"minimal\"; x=1")).isTrue();
    assertThat(SessionEndpoints.prefersMinimal("return=representation")).isFalse();
    assertThat(SessionEndpoints.prefersMinimal("")).isFalse();
    assertThat(SessionEndpoints.prefersMinimal(null)).isFalse();
  }

  private long auditTotal() {
    return alex.get("/api/audit-log").json().get("pagination").get("total").asLong();
  }

  private String unnamed(String id) {
    return "{\"id\": \"" + id + "\", \"plan_id\": \"" + planId + "\", \"started_at\": \"2026-11-21T06:00:00Z\", "
        + "\"ended_at\": \"2026-11-21T07:00:00Z\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": "
        + "\"Squat\", \"sets\": [{\"reps\": 5, \"weight\": 100, \"completed\": true}]}]}}";
  }

  private String logged(String id, String date) {
    return "{\"id\": \"" + id + "\", \"plan_id\": \"" + planId + "\", \"date\": \"" + date + "\", \"started_at\": \""
        + date + "T06:00:00Z\", \"ended_at\": \"" + date + "T07:00:00Z\", \"session\": " + ApiHarness.LOGGED_SESSION
        + "}";
  }
}
