package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's Sessions flow over real HTTP: start, update, complete, read, delete. */
class SessionsApiTest extends ApiTestBase {

  Caller alex;
  String planId;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
  }

  @Test
  void theSeedFlowStartsUpdatesCompletesAndRefusesWhatItMust() {
    Response started = alex.post("/api/sessions",
        "{\"plan_id\": \"" + planId + "\", \"date\": \"2026-11-24\", \"session\": " + ApiHarness.PLAN_STRUCTURE + "}");
    assertThat(started.status()).isEqualTo(201);
    JsonNode session = started.json();
    String id = session.get("id").asString();
    assertThat(started.header("Location")).isEqualTo("/api/sessions/" + id);
    assertThat(started.header("Content-Type")).startsWith("application/json");
    assertThat(session.get("plan_id").asString()).isEqualTo(planId);
    assertThat(session.get("date").asString()).isEqualTo("2026-11-24");
    assertThat(session.get("started_at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(session.get("ended_at").isNull()).isTrue();
    assertThat(session.get("status").asString()).isEqualTo("in_progress");
    assertThat(session.get("session").get("name").asString()).isEqualTo("Strength A");
    assertThat(session.get("session").get("exercises")).hasSize(2);
    assertThat(session.get("created_at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(session.get("updated_at").asString()).isEqualTo("2026-11-24T07:15:00Z");

    Response second = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.error()).isEqualTo("ConflictError");
    assertThat(second.message()).isEqualTo("An in-progress session already exists");

    api.t.clock.advance(Duration.ofMinutes(10));
    Response updated = alex.patch("/api/sessions/" + id, "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("updated_at").asString()).isEqualTo("2026-11-24T07:25:00Z");
    assertThat(updated.json().get("session").get("name").asString())
        .as("a snapshot without a name keeps the session's name").isEqualTo("Strength A");
    JsonNode firstSet = updated.json().get("session").get("exercises").get(0).get("sets").get(1);
    assertThat(firstSet.get("completed").asBoolean()).isTrue();
    assertThat(firstSet.get("completed_at").asString()).isEqualTo("2026-11-24T07:20:00Z");

    api.t.clock.advance(Duration.ofMinutes(30));
    Response completed = alex.post("/api/sessions/" + id + "/complete", null);
    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.json().get("ended_at").asString()).isEqualTo("2026-11-24T07:55:00Z");
    assertThat(completed.json().get("status").asString()).isEqualTo("completed");
    assertThat(completed.json().get("session")).isEqualTo(updated.json().get("session"));

    Response late = alex.patch("/api/sessions/" + id, "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");
    assertThat(late.status()).isEqualTo(400);
    assertThat(late.error()).isEqualTo("ValidationError");
    assertThat(late.message()).isEqualTo("Cannot update completed session");
    Response again = alex.post("/api/sessions/" + id + "/complete", null);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.message()).isEqualTo("Cannot update completed session");

    Response read = alex.get("/api/sessions/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json()).isEqualTo(completed.json());

    Response next = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");
    assertThat(next.status()).as("a completed session no longer blocks a start").isEqualTo(201);
  }

  @Test
  void startWithoutSessionCopiesThePlanAndDateDefaultsToToday() {
    Response started = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");

    assertThat(started.status()).isEqualTo(201);
    JsonNode snapshot = started.json().get("session");
    assertThat(started.json().get("date").asString()).isEqualTo("2026-11-24");
    assertThat(snapshot.get("name").asString()).isEqualTo("Strength A");
    assertThat(snapshot.get("unit").asString()).isEqualTo("kg");
    JsonNode squat = snapshot.get("exercises").get(0);
    assertThat(squat.get("name").asString()).isEqualTo("Squat");
    assertThat(squat.get("rest_seconds").asInt()).isEqualTo(180);
    assertThat(squat.get("sets").get(0).get("type").asString()).isEqualTo("warmup");
    assertThat(squat.get("sets").get(1).get("target_rpe").asDouble()).isEqualTo(8.0);
    assertThat(squat.get("sets").get(1).get("completed").asBoolean()).isFalse();
  }

  @Test
  void startingSetsHasSessionsOnThePlanAndLaterPlanEditsLeaveTheSnapshotAlone() {
    assertThat(alex.get("/api/plans/" + planId).json().get("has_sessions").asBoolean()).isFalse();
    String id = alex.start(planId);

    assertThat(alex.get("/api/plans/" + planId).json().get("has_sessions").asBoolean()).isTrue();
    assertThat(alex.get("/api/plans").json().get("data").get(0).get("has_sessions").asBoolean()).isTrue();
    Response renamed = alex.patch("/api/plans/" + planId,
        "{\"name\": \"Strength B\", \"structure\": {\"unit\": \"lb\", \"exercises\": []}}");
    assertThat(renamed.status()).isEqualTo(200);
    JsonNode snapshot = alex.get("/api/sessions/" + id).json().get("session");
    assertThat(snapshot.get("name").asString()).isEqualTo("Strength A");
    assertThat(snapshot.get("unit").asString()).isEqualTo("kg");
    assertThat(snapshot.get("exercises")).hasSize(2);
  }

  @Test
  void completeTakesNoBodyAnEmptyObjectOrAFinalSnapshot() {
    String first = alex.start(planId);
    Response empty = alex.post("/api/sessions/" + first + "/complete", "{}");
    assertThat(empty.status()).isEqualTo(200);
    assertThat(empty.json().get("session").get("exercises").get(0).get("sets").get(0).get("completed").asBoolean())
        .isFalse();

    String second = alex.start(planId);
    Response withSnapshot = alex.post("/api/sessions/" + second + "/complete",
        "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");
    assertThat(withSnapshot.status()).isEqualTo(200);
    assertThat(withSnapshot.json().get("status").asString()).isEqualTo("completed");
    assertThat(withSnapshot.json().get("session").get("exercises").get(0).get("sets").get(2).get("reps").asInt())
        .isEqualTo(5);

    String third = alex.start(planId);
    Response invalid = alex.post("/api/sessions/" + third + "/complete", "{\"session\": {\"unit\": \"stone\"}}");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.message()).isEqualTo("Invalid session data");
    assertThat(alex.get("/api/sessions/" + third).json().get("status").asString()).isEqualTo("in_progress");
  }

  @Test
  void summariesCarryCountsAndVolumeButNeverTheSnapshot() {
    String id = alex.start(planId);
    alex.post("/api/sessions/" + id + "/complete", "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");

    Response list = alex.get("/api/sessions");

    assertThat(list.status()).isEqualTo(200);
    JsonNode summary = list.json().get("data").get(0);
    assertThat(summary.has("session")).isFalse();
    assertThat(summary.get("id").asString()).isEqualTo(id);
    assertThat(summary.get("plan_id").asString()).isEqualTo(planId);
    assertThat(summary.get("name").asString()).isEqualTo("Strength A");
    assertThat(summary.get("unit").asString()).isEqualTo("kg");
    assertThat(summary.get("exercise_count").asInt()).isEqualTo(2);
    assertThat(summary.get("set_count").asInt()).isEqualTo(4);
    assertThat(summary.get("completed_set_count").asInt()).isEqualTo(3);
    assertThat(summary.get("volume").asDouble()).as("warm-ups do not count").isEqualTo(1000.0);
    assertThat(summary.get("status").asString()).isEqualTo("completed");
    assertThat(summary.get("ended_at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(list.json().get("pagination").get("total").asLong()).isEqualTo(1);
  }

  @Test
  void deleteAnswers204AndIsAuditedAlongWithStartAndComplete() {
    String done = alex.start(planId);
    alex.post("/api/sessions/" + done + "/complete", null);
    String discarded = alex.start(planId);

    Response deleted = alex.delete("/api/sessions/" + discarded);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    assertThat(alex.get("/api/sessions/" + discarded).status()).isEqualTo(404);
    assertThat(alex.delete("/api/sessions/" + discarded).status()).isEqualTo(404);
    JsonNode audit = alex.get("/api/audit-log").json();
    assertThat(audit.get("data").valueStream().map(e -> e.get("action").asString()).toList()).containsExactly(
        "session_deleted", "session_started", "session_completed", "session_started", "plan_created",
        "profile_created");
    JsonNode newest = audit.get("data").get(0);
    assertThat(newest.get("entity_type").asString()).isEqualTo("session");
    assertThat(newest.get("entity_id").asString()).isEqualTo(discarded);
    assertThat(newest.get("at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(newest.get("details").get("status").asString()).isEqualTo("in_progress");
    assertThat(newest.get("id").isIntegralNumber()).isTrue();
    assertThat(audit.get("pagination").get("total").asLong()).isEqualTo(6);
  }

  @Test
  void auditLogPagesNewestFirstAndChecksItsParameters() {
    String id = alex.start(planId);
    alex.post("/api/sessions/" + id + "/complete", null);

    JsonNode page = alex.get("/api/audit-log?limit=2&offset=1").json();
    assertThat(page.get("data").valueStream().map(e -> e.get("action").asString()).toList())
        .containsExactly("session_started", "plan_created");
    assertThat(page.get("pagination").get("total").asLong()).isEqualTo(4);
    assertThat(page.get("pagination").get("limit").asInt()).isEqualTo(2);
    assertThat(page.get("pagination").get("offset").asInt()).isEqualTo(1);
    assertThat(alex.get("/api/audit-log").json().get("pagination").get("limit").asInt()).isEqualTo(20);
    assertThat(alex.get("/api/audit-log?limit=100").status()).isEqualTo(200);
    assertThat(alex.get("/api/audit-log?offset=99").json().get("data")).isEmpty();
    for (String bad : new String[] {"limit=0", "limit=101", "limit=x", "offset=-1", "limit=", "page=2",
        "limit=1&limit=2", "limit=%31%30%31"}) {
      Response refused = alex.get("/api/audit-log?" + bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("ValidationError");
      assertThat(refused.message()).isEqualTo("Invalid query parameters");
      assertThat(refused.json().get("details")).as(bad).isNotEmpty();
    }
  }

  @Test
  void anIdThatIsNotAUuidIsSimplyNotFound() {
    for (String path : new String[] {"/api/sessions/42", "/api/sessions/not-a-uuid"}) {
      Response missing = alex.get(path);
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.error()).isEqualTo("NotFound");
      assertThat(missing.message()).isEqualTo("Session not found");
    }
    assertThat(alex.patch("/api/sessions/42", "{\"session\": " + ApiHarness.LOGGED_SESSION + "}").message())
        .isEqualTo("Session not found");
    assertThat(alex.post("/api/sessions/42/complete", null).status()).isEqualTo(404);
    assertThat(alex.get("/api/plans/42").message()).isEqualTo("Plan not found");
  }
}
