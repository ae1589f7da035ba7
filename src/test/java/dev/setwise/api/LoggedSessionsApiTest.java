package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Contract §5.1 sessions logged elsewhere: {@code started_at} and {@code ended_at} on
 * {@code POST /api/sessions}. The test clock stands at 2026-11-24T07:15:00Z.
 */
class LoggedSessionsApiTest extends ApiTestBase {

  static final String YESTERDAY_START = "2026-11-23T17:00:00Z";
  static final String YESTERDAY_END = "2026-11-23T18:05:30Z";

  Caller alex;
  String planId;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
  }

  @Test
  void withEndedAtTheSessionIsCreatedCompletedAndAuditedAsStartedAndCompleted() {
    Response logged = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": \""
        + YESTERDAY_START + "\", \"ended_at\": \"" + YESTERDAY_END + "\", \"session\": " + ApiHarness.LOGGED_SESSION
        + "}");

    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    JsonNode session = logged.json();
    String id = session.get("id").asString();
    assertThat(logged.header("Location")).isEqualTo("/api/sessions/" + id);
    assertThat(session.get("status").asString()).isEqualTo("completed");
    assertThat(session.get("started_at").asString()).isEqualTo(YESTERDAY_START);
    assertThat(session.get("ended_at").asString()).isEqualTo(YESTERDAY_END);
    assertThat(session.get("date").asString()).as("the day it started").isEqualTo("2026-11-23");
    assertThat(session.get("created_at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(session.get("version").asLong()).isEqualTo(1);
    assertThat(session.get("session").get("name").asString()).isEqualTo("Strength A");
    assertThat(alex.get("/api/sessions/" + id).json()).isEqualTo(session);
    JsonNode audit = alex.get("/api/audit-log?limit=2").json().get("data");
    assertThat(audit.valueStream().map(e -> e.get("action").asString()).toList())
        .containsExactly("session_completed", "session_started");
    assertThat(audit.valueStream().map(e -> e.get("entity_id").asString()).toList()).containsOnly(id);
    assertThat(audit.get(0).get("details").get("volume").asDouble()).isEqualTo(1000.0);
    assertThat(alex.get("/api/plans/" + planId).json().get("has_sessions").asBoolean()).isTrue();
    JsonNode summary = alex.get("/api/sessions?completed=true").json().get("data").get(0);
    assertThat(summary.get("volume").asDouble()).isEqualTo(1000.0);
    assertThat(summary.get("status").asString()).isEqualTo("completed");
  }

  @Test
  void aLoggedSessionDoesNotCountAsInProgress() {
    String running = alex.start(planId);

    Response logged = alex.post("/api/sessions", loggedBody("\"" + planId + "\""));
    assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
    alex.post("/api/sessions/" + running + "/complete", null);
    Response next = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");

    assertThat(next.status()).isEqualTo(201);
    assertThat(alex.get("/api/sessions?completed=false").json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(3);
  }

  @Test
  void aLoggedSessionMayHaveNoPlanOrAnArchivedPlanOfTheCaller() {
    Response noPlan = alex.post("/api/sessions", loggedBody("null"));
    Response leftOut = alex.post("/api/sessions", "{\"started_at\": \"" + YESTERDAY_START + "\", \"ended_at\": \""
        + YESTERDAY_END + "\", \"session\": " + ApiHarness.LOGGED_SESSION + "}");
    String archived = alex.plan("Old plan");
    String used = alex.start(archived);
    alex.post("/api/sessions/" + used + "/complete", null);
    assertThat(alex.delete("/api/plans/" + archived).status()).isEqualTo(204);
    assertThat(alex.get("/api/plans/" + archived).json().get("archived").asBoolean()).isTrue();
    Response onArchived = alex.post("/api/sessions", loggedBody("\"" + archived + "\""));

    assertThat(noPlan.status()).as(noPlan.toString()).isEqualTo(201);
    assertThat(noPlan.json().get("plan_id").isNull()).isTrue();
    assertThat(noPlan.json().get("session").has("name")).isFalse();
    assertThat(leftOut.status()).isEqualTo(201);
    assertThat(leftOut.json().get("plan_id").isNull()).isTrue();
    assertThat(onArchived.status()).as(onArchived.toString()).isEqualTo(201);
    assertThat(onArchived.json().get("plan_id").asString()).isEqualTo(archived);
    assertThat(alex.get("/api/sessions?completed=true&plan_id=" + archived).json().get("pagination").get("total")
        .asLong()).isEqualTo(2);
  }

  @Test
  void anotherProfilesPlanOrAMissingOneIsRefusedAsOnStart() {
    Caller sam = api.caller("Sam");

    for (String plan : List.of(planId, UUID.randomUUID().toString())) {
      Response refused = sam.post("/api/sessions", loggedBody("\"" + plan + "\""));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("ValidationError");
      assertThat(refused.message()).isEqualTo("Plan not found or access denied");
    }
    assertThat(sam.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
    assertThat(alex.get("/api/plans/" + planId).json().get("has_sessions").asBoolean()).isFalse();
  }

  @Test
  void withStartedAtAloneTheSessionIsInProgressSinceThenUnderTheRulesOfAStart() {
    Response started = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": \""
        + "2026-11-24T06:50:00+01:00\"}");

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().get("status").asString()).isEqualTo("in_progress");
    assertThat(started.json().get("started_at").asString()).isEqualTo("2026-11-24T05:50:00Z");
    assertThat(started.json().get("ended_at").isNull()).isTrue();
    Response second = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": \""
        + YESTERDAY_START + "\"}");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.message()).isEqualTo("An in-progress session already exists");
    Response noPlan = alex.post("/api/sessions", "{\"started_at\": \"" + YESTERDAY_START + "\", \"session\": "
        + ApiHarness.LOGGED_SESSION + "}");
    assertThat(noPlan.status()).isEqualTo(400);
    assertThat(noPlan.message()).isEqualTo("Invalid session data");
    assertThat(noPlan.json().get("details").get(0).get("path").asString()).isEqualTo("plan_id");
  }

  @Test
  void anArchivedPlanCannotStartASessionInProgress() {
    String used = alex.start(planId);
    alex.post("/api/sessions/" + used + "/complete", null);
    alex.delete("/api/plans/" + planId);

    Response refused = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": \""
        + YESTERDAY_START + "\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Plan not found or access denied");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "ends before it starts|\"started_at\": \"2026-11-23T18:00:00Z\", \"ended_at\": \"2026-11-23T17:59:59Z\"|ended_at|must not be before started_at",
      "starts too far ahead|\"started_at\": \"2026-11-24T07:20:00.001Z\"|started_at|must not be more than 5 minutes in the future",
      "ends too far ahead|\"started_at\": \"2026-11-24T07:00:00Z\", \"ended_at\": \"2026-11-24T08:00:00Z\"|ended_at|must not be more than 5 minutes in the future",
      "ends without a start|\"ended_at\": \"2026-11-23T18:00:00Z\"|started_at|is required",
      "started_at is not an instant|\"started_at\": \"yesterday\", \"ended_at\": \"2026-11-23T18:00:00Z\"|started_at|must be an ISO-8601 instant such as 2026-11-24T07:15:00Z",
      "ended_at is a local time|\"started_at\": \"2026-11-23T17:00:00Z\", \"ended_at\": \"2026-11-23T18:00:00\"|ended_at|must be an ISO-8601 instant such as 2026-11-24T07:15:00Z",
      "ended_at is a number|\"started_at\": \"2026-11-23T17:00:00Z\", \"ended_at\": 1700000000|ended_at|must be an ISO-8601 instant such as 2026-11-24T07:15:00Z",
      "no plan and no session|\"plan_id\": null, \"started_at\": \"2026-11-23T17:00:00Z\", \"ended_at\": \"2026-11-23T18:00:00Z\"|session|is required when there is no plan_id",
  })
  void badTimesAreValidationErrorsWithTheirPathsAndChangeNothing(String why, String fields, String path,
      String message) {
    Response refused = alex.post("/api/sessions", "{" + (fields.contains("plan_id") ? "" : "\"plan_id\": \""
        + planId + "\", ") + fields + "}");

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.message()).isEqualTo("Invalid session data");
    assertThat(refused.json().get("details").valueStream()
        .map(d -> d.get("path").asString() + ": " + d.get("message").asString()).toList())
        .containsExactly(path + ": " + message);
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
    assertThat(alex.get("/api/audit-log?limit=1").json().get("data").get(0).get("action").asString())
        .isEqualTo("plan_created");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    Response refused = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": "
        + "\"2026-11-25T07:00:00Z\", \"ended_at\": \"2026-11-25T08:00:00Z\", \"session\": {\"unit\": \"stone\", "
        + "\"exercises\": []}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").valueStream().map(d -> d.get("path").asString()).toList())
        .containsExactly("session.unit");
    Response ahead = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": "
        + "\"2026-11-25T07:00:00Z\", \"ended_at\": \"2026-11-25T08:00:00Z\"}");
    assertThat(ahead.json().get("details").valueStream().map(d -> d.get("path").asString()).toList())
        .containsExactly("started_at", "ended_at");
  }

  @Test
  void exactlyFiveMinutesAheadIsAllowed() {
    Response logged = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"started_at\": "
        + "\"2026-11-24T07:00:00Z\", \"ended_at\": \"2026-11-24T07:20:00Z\"}");

    assertThat(logged.status()).isEqualTo(201);
    assertThat(logged.json().get("ended_at").asString()).isEqualTo("2026-11-24T07:20:00Z");
    assertThat(logged.json().get("session").get("exercises").get(0).get("sets").get(0).get("completed").asBoolean())
        .as("without a session, the plan's targets").isFalse();
  }

  @Test
  void aLoggedSessionIsCompletedForGood() {
    String id = alex.post("/api/sessions", loggedBody("\"" + planId + "\"")).json().get("id").asString();

    Response patched = alex.patch("/api/sessions/" + id, "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");
    Response completed = alex.post("/api/sessions/" + id + "/complete", null);

    assertThat(patched.status()).isEqualTo(400);
    assertThat(patched.message()).isEqualTo("Cannot update completed session");
    assertThat(completed.status()).isEqualTo(400);
    assertThat(completed.message()).isEqualTo("Cannot update completed session");
  }

  @Test
  void aLoggedSessionKeepsItsClientIdAndIsCreatedOnce() {
    UUID id = UUID.randomUUID();
    String body = "{\"id\": \"" + id + "\", " + loggedBody("\"" + planId + "\"").substring(1);

    Response first = alex.post("/api/sessions", body, "log-" + id);
    Response replayed = alex.post("/api/sessions", body, "log-" + id);
    Response again = alex.post("/api/sessions", body);

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("id").asString()).isEqualTo(id.toString());
    assertThat(replayed.status()).isEqualTo(201);
    assertThat(replayed.body()).isEqualTo(first.body());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.message()).isEqualTo("Session already exists");
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(alex.get("/api/audit-log").json().get("data").valueStream()
        .filter(e -> e.get("action").asString().equals("session_completed"))).hasSize(1);
  }

  @Test
  void anInvalidSnapshotOfALoggedSessionIsRefusedWithItsPath() {
    Response refused = alex.post("/api/sessions", "{\"plan_id\": null, \"started_at\": \"" + YESTERDAY_START
        + "\", \"ended_at\": \"" + YESTERDAY_END + "\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": "
        + "\"Squat\", \"sets\": [{\"reps\": -1}]}]}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("path").asString())
        .isEqualTo("session.exercises[0].sets[0].reps");
  }

  private static String loggedBody(String planJson) {
    return "{\"plan_id\": " + planJson + ", \"started_at\": \"" + YESTERDAY_START + "\", \"ended_at\": \""
        + YESTERDAY_END + "\", \"session\": " + ApiHarness.LOGGED_SESSION + "}";
  }
}
