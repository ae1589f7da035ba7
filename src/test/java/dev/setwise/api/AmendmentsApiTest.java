package dev.setwise.api;

import static dev.setwise.api.ApiHarness.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** Contract §5.1a over real HTTP: a completed session corrected by amendments, its original kept. */
class AmendmentsApiTest extends ApiTestBase {

  /** LOGGED_SESSION with the forgotten third work set of bench logged: 1000 + 8 × 60 = 1480 kg. */
  static final String CORRECTED = """
      {"unit": "kg", "exercises": [
        {"name": "Squat", "sets": [
          {"type": "warmup", "reps": 5, "weight": 60, "completed": true},
          {"reps": 5, "weight": 100, "rpe": 8, "completed": true, "completed_at": "2026-11-24T07:20:00Z"},
          {"reps": 5, "weight": 100, "completed": true}]},
        {"name": "Bench press", "sets": [{"reps": 8, "weight": 60, "completed": true}]}]}""";

  Caller alex;
  String planId;
  String id;
  JsonNode completed;

  @BeforeEach
  void aCompletedSession() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
    id = alex.start(planId);
    completed = alex.post("/api/sessions/" + id + "/complete", "{\"session\": " + ApiHarness.LOGGED_SESSION + "}")
        .json();
  }

  @Test
  void anAmendmentBecomesTheSessionOneVersionOnAndIsAudited() {
    assertThat(completed.get("amended").asBoolean()).isFalse();
    api.t.clock.advance(java.time.Duration.ofHours(2));

    Response amended = amend(CORRECTED, "Forgot the bench set");

    assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
    JsonNode session = amended.json();
    assertThat(session.get("amended").asBoolean()).isTrue();
    assertThat(session.get("version").asLong()).isEqualTo(completed.get("version").asLong() + 1);
    assertThat(amended.header("ETag")).isEqualTo("\"" + session.get("version").asLong() + "\"");
    assertThat(session.get("session").get("exercises").get(1).get("sets").get(0).get("reps").asInt()).isEqualTo(8);
    assertThat(session.get("session").get("name").asString()).as("the name stays").isEqualTo("Strength A");
    assertThat(session.get("ended_at")).isEqualTo(completed.get("ended_at"));
    assertThat(session.get("started_at")).isEqualTo(completed.get("started_at"));
    assertThat(session.get("status").asString()).isEqualTo("completed");
    assertThat(session.get("updated_at").asString()).isEqualTo("2026-11-24T09:15:00Z");
    assertThat(alex.get("/api/sessions/" + id).json()).isEqualTo(session);
    JsonNode audit = alex.get("/api/audit-log?limit=1").json().get("data").get(0);
    assertThat(audit.get("action").asString()).isEqualTo("session_amended");
    assertThat(audit.get("entity_id").asString()).isEqualTo(id);
    assertThat(audit.get("details").get("reason").asString()).isEqualTo("Forgot the bench set");
    assertThat(audit.get("details").get("volume").asDouble()).isEqualTo(1480.0);
  }

  @Test
  void summariesListsAndVolumeUseTheNewestAmendment() {
    amend(CORRECTED, "Forgot the bench set");
    amend(CORRECTED.replace("\"weight\": 60, \"completed\": true}]}]}", "\"weight\": 70, \"completed\": true}]}]}"),
        "It was 70");

    JsonNode summary = alex.get("/api/sessions").json().get("data").get(0);

    assertThat(summary.get("volume").asDouble()).isEqualTo(1000.0 + 8 * 70);
    assertThat(summary.get("completed_set_count").asInt()).isEqualTo(4);
    assertThat(summary.get("amended").asBoolean()).isTrue();
    assertThat(summary.get("version").asLong()).isEqualTo(completed.get("version").asLong() + 2);
    assertThat(alex.get("/api/sessions?completed=true").json().get("data").get(0).get("volume").asDouble())
        .isEqualTo(1560.0);
  }

  @Test
  void theOriginalAndEveryAmendmentAreKeptInOrder() {
    amend(CORRECTED, "Forgot the bench set");
    api.t.clock.advance(java.time.Duration.ofMinutes(1));
    amend(ApiHarness.LOGGED_SESSION, "No, I did not do it");

    Response list = alex.get("/api/sessions/" + id + "/amendments");

    assertThat(list.status()).isEqualTo(200);
    JsonNode data = list.json().get("data");
    assertThat(data).hasSize(3);
    long first = completed.get("version").asLong();
    assertThat(data.get(0).get("version").asLong()).isEqualTo(first);
    assertThat(data.get(0).get("reason").isNull()).isTrue();
    assertThat(data.get(0).get("at")).isEqualTo(completed.get("ended_at"));
    assertThat(data.get(0).get("session")).isEqualTo(completed.get("session"));
    assertThat(data.get(1).get("version").asLong()).isEqualTo(first + 1);
    assertThat(data.get(1).get("reason").asString()).isEqualTo("Forgot the bench set");
    assertThat(data.get(1).get("session").get("exercises").get(1).get("sets").get(0).get("reps").asInt()).isEqualTo(8);
    assertThat(data.get(2).get("version").asLong()).isEqualTo(first + 2);
    assertThat(data.get(2).get("at").asString()).isEqualTo("2026-11-24T07:16:00Z");
    assertThat(alex.get("/api/sessions/" + id).json().get("session")).isEqualTo(data.get(2).get("session"));
  }

  @Test
  void aSessionNeverAmendedListsItsOriginalAlone() {
    JsonNode data = alex.get("/api/sessions/" + id + "/amendments").json().get("data");

    assertThat(data).singleElement().satisfies(original -> {
      assertThat(original.get("reason").isNull()).isTrue();
      assertThat(original.get("version").asLong()).isEqualTo(completed.get("version").asLong());
      assertThat(original.get("session")).isEqualTo(completed.get("session"));
    });
  }

  @Test
  void aSessionInProgressCannotBeAmendedAndACompletedOneStillCannotBePatched() {
    amend(CORRECTED, "Forgot the bench set");
    String running = alex.start(planId);

    Response inProgress = alex.post("/api/sessions/" + running + "/amendments",
        "{\"session\": " + CORRECTED + ", \"reason\": \"Too early\"}");
    Response patched = alex.patch("/api/sessions/" + id, "{\"session\": " + CORRECTED + "}");

    assertThat(inProgress.status()).isEqualTo(400);
    assertThat(inProgress.error()).isEqualTo("ValidationError");
    assertThat(inProgress.message()).isEqualTo("Only completed sessions can be amended");
    assertThat(alex.get("/api/sessions/" + running).json().get("version").asLong()).isEqualTo(1);
    assertThat(patched.status()).isEqualTo(400);
    assertThat(patched.message()).isEqualTo("Cannot update completed session");
  }

  @Test
  void aStaleIfMatchIsA412AndAMatchingOneAmends() {
    long version = completed.get("version").asLong();

    Response stale = alex.request("POST", "/api/sessions/" + id + "/amendments",
        "{\"session\": " + CORRECTED + ", \"reason\": \"r\"}", headers("If-Match", "\"" + (version - 1) + "\""));
    Response current = alex.request("POST", "/api/sessions/" + id + "/amendments",
        "{\"session\": " + CORRECTED + ", \"reason\": \"r\"}", headers("If-Match", "\"" + version + "\""));

    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.message()).isEqualTo("Session was changed elsewhere");
    assertThat(current.status()).isEqualTo(201);
    assertThat(alex.get("/api/sessions/" + id + "/amendments").json().get("data")).hasSize(2);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no reason|{\"session\": SESSION}|reason|is required",
      "a blank reason|{\"session\": SESSION, \"reason\": \"   \"}|reason|must be 1 to 500 characters",
      "a reason too long|{\"session\": SESSION, \"reason\": \"LONG\"}|reason|must be 1 to 500 characters",
      "a reason that is no string|{\"session\": SESSION, \"reason\": 5}|reason|must be a string",
      "no session|{\"reason\": \"r\"}|session|is required",
      "a bad set|{\"session\": BAD_SET, \"reason\": \"r\"}|session.exercises[0].sets[0].reps|must be an integer",
      "an unknown property|{\"session\": SESSION, \"reason\": \"r\", \"version\": 3}|version|is not a known property",
  })
  void badAmendmentsAreValidationErrorsWithTheirPathsAndChangeNothing(String why, String body, String path,
      String message) {
    Response refused = alex.post("/api/sessions/" + id + "/amendments",
        body.replace("BAD_SET", "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"A\", \"sets\": [{\"reps\": 1.5}]}]}")
            .replace("SESSION", CORRECTED).replace("LONG", "x".repeat(501)));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Invalid session data");
    assertThat(refused.json().get("details").get(0).get("path").asString()).isEqualTo(path);
    assertThat(refused.json().get("details").get(0).get("message").asString()).isEqualTo(message);
    assertThat(alex.get("/api/sessions/" + id).json()).isEqualTo(completed);
  }

  @Test
  void aReasonOf500CharactersIsKept() {
    Response amended = amend(CORRECTED, "é".repeat(500));

    assertThat(amended.status()).isEqualTo(201);
    assertThat(alex.get("/api/sessions/" + id + "/amendments").json().get("data").get(1).get("reason").asString())
        .isEqualTo("é".repeat(500));
  }

  @Test
  void anotherProfileSeesNoSessionToAmendOrList() {
    Caller sam = api.caller("Sam");

    Response amend = sam.post("/api/sessions/" + id + "/amendments", "{\"session\": " + CORRECTED
        + ", \"reason\": \"mine now\"}");
    Response list = sam.get("/api/sessions/" + id + "/amendments");

    assertThat(amend.status()).isEqualTo(404);
    assertThat(amend.message()).isEqualTo("Session not found");
    assertThat(list.status()).isEqualTo(404);
    assertThat(alex.get("/api/sessions/" + id).json()).isEqualTo(completed);
  }

  @Test
  void anAmendmentIsAChangeInTheFeed() {
    String cursor = alex.get("/api/changes").json().get("next_cursor").asString();

    amend(CORRECTED, "Forgot the bench set");
    JsonNode changes = alex.get("/api/changes?after=" + cursor).json().get("data");

    assertThat(changes).singleElement().satisfies(change -> {
      assertThat(change.get("id").asString()).isEqualTo(id);
      assertThat(change.get("version").asLong()).isEqualTo(completed.get("version").asLong() + 1);
      assertThat(change.get("data").get("amended").asBoolean()).isTrue();
      assertThat(change.get("data").get("session").get("exercises").get(1).get("sets").get(0).get("reps").asInt())
          .isEqualTo(8);
    });
  }

  @Test
  void aRetriedAmendmentWithItsKeyIsRecordedOnce() {
    String body = "{\"session\": " + CORRECTED + ", \"reason\": \"Forgot the bench set\"}";

    Response first = alex.post("/api/sessions/" + id + "/amendments", body, "amend-1");
    Response retry = alex.post("/api/sessions/" + id + "/amendments", body, "amend-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(alex.get("/api/sessions/" + id + "/amendments").json().get("data")).hasSize(2);
  }

  @Test
  void anAmendedSessionCanStillBeDeletedAndLeavesATombstone() {
    amend(CORRECTED, "Forgot the bench set");
    long version = alex.get("/api/sessions/" + id).json().get("version").asLong();

    Response deleted = alex.delete("/api/sessions/" + id);

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(alex.get("/api/sessions/" + id + "/amendments").status()).isEqualTo(404);
    JsonNode feed = alex.get("/api/changes").json().get("data");
    assertThat(feed.get(feed.size() - 1).get("deleted").asBoolean()).isTrue();
    assertThat(feed.get(feed.size() - 1).get("version").asLong()).isEqualTo(version + 1);
  }

  private Response amend(String structure, String reason) {
    return alex.post("/api/sessions/" + id + "/amendments", "{\"session\": " + structure + ", \"reason\": "
        + ApiHarness.quote(reason) + "}");
  }
}
