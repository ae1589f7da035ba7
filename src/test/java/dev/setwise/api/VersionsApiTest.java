package dev.setwise.api;

import static dev.setwise.api.ApiHarness.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract §5.1 versions over real HTTP: {@code version}, {@code ETag}, {@code If-Match} and 412. */
class VersionsApiTest extends ApiTestBase {

  static final String UPDATE = "{\"session\": " + ApiHarness.LOGGED_SESSION + "}";

  Caller alex;
  String planId;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
  }

  @Test
  void everySingleResourceAnswerCarriesItsVersionAndETag() {
    Response plan = alex.get("/api/plans/" + planId);
    assertThat(plan.json().get("version").asLong()).isEqualTo(1);
    assertThat(plan.header("ETag")).isEqualTo("\"1\"");
    Response patched = alex.patch("/api/plans/" + planId, "{\"name\": \"Strength B\"}");
    assertThat(patched.json().get("version").asLong()).isEqualTo(2);
    assertThat(patched.header("ETag")).isEqualTo("\"2\"");
    assertThat(alex.get("/api/plans").json().get("data").get(0).get("version").asLong()).isEqualTo(2);
    assertThat(alex.request("HEAD", "/api/plans/" + planId, null, Map.of()).header("ETag")).isEqualTo("\"2\"");

    Response started = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");
    String id = started.json().get("id").asString();
    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().get("version").asLong()).isEqualTo(1);
    assertThat(started.header("ETag")).isEqualTo("\"1\"");
    Response updated = alex.patch("/api/sessions/" + id, UPDATE);
    assertThat(updated.json().get("version").asLong()).isEqualTo(2);
    assertThat(updated.header("ETag")).isEqualTo("\"2\"");
    Response completed = alex.post("/api/sessions/" + id + "/complete", null);
    assertThat(completed.json().get("version").asLong()).isEqualTo(3);
    assertThat(completed.header("ETag")).isEqualTo("\"3\"");
    Response read = alex.get("/api/sessions/" + id);
    assertThat(read.header("ETag")).isEqualTo("\"3\"");
    assertThat(read.json().get("version").asLong()).isEqualTo(3);
    assertThat(alex.request("HEAD", "/api/sessions/" + id, null, Map.of()).header("ETag")).isEqualTo("\"3\"");
    assertThat(alex.get("/api/sessions").json().get("data").get(0).get("version").asLong()).isEqualTo(3);

    Response plan2 = alex.get("/api/plans/" + planId);
    assertThat(plan2.json().get("has_sessions").asBoolean()).isTrue();
    assertThat(plan2.header("ETag")).as("a session started from a plan is not an edit of it").isEqualTo("\"2\"");
  }

  @Test
  void aMatchingIfMatchLetsEachWriteThrough() {
    assertThat(alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"B\"}", headers("If-Match", "\"1\""))
        .status()).isEqualTo(200);
    String id = alex.start(planId);
    assertThat(alex.request("PATCH", "/api/sessions/" + id, UPDATE, headers("If-Match", "\"1\"")).status())
        .isEqualTo(200);
    assertThat(alex.request("POST", "/api/sessions/" + id + "/complete", null, headers("If-Match", "\"2\""))
        .status()).isEqualTo(200);
    assertThat(alex.request("DELETE", "/api/sessions/" + id, null, headers("If-Match", "\"3\"")).status())
        .isEqualTo(204);
    String other = alex.plan("Other");
    assertThat(alex.request("DELETE", "/api/plans/" + other, null, headers("If-Match", "\"1\"")).status())
        .isEqualTo(204);
    assertThat(alex.get("/api/plans/" + other).status()).isEqualTo(404);
  }

  @Test
  void aStaleIfMatchIsA412ForEveryVerbAndChangesNothing() {
    alex.patch("/api/plans/" + planId, "{\"name\": \"Strength B\"}");
    String id = alex.start(planId);
    alex.patch("/api/sessions/" + id, UPDATE);
    Response planBefore = alex.get("/api/plans/" + planId);
    Response sessionBefore = alex.get("/api/sessions/" + id);
    long auditBefore = alex.get("/api/audit-log").json().get("pagination").get("total").asLong();
    Map<String, String> stale = headers("If-Match", "\"1\"");

    assertStale(alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"C\"}", stale), "Plan", "\"2\"");
    assertStale(alex.request("DELETE", "/api/plans/" + planId, null, stale), "Plan", "\"2\"");
    assertStale(alex.request("PATCH", "/api/sessions/" + id, UPDATE, stale), "Session", "\"2\"");
    assertStale(alex.request("POST", "/api/sessions/" + id + "/complete", null, stale), "Session", "\"2\"");
    assertStale(alex.request("POST", "/api/sessions/" + id + "/complete", "{}",
        headers("If-Match", "\"1\"", "Idempotency-Key", "complete-1")), "Session", "\"2\"");
    assertStale(alex.request("DELETE", "/api/sessions/" + id, null, stale), "Session", "\"2\"");

    assertThat(alex.get("/api/plans/" + planId).body()).isEqualTo(planBefore.body());
    assertThat(alex.get("/api/sessions/" + id).body()).isEqualTo(sessionBefore.body());
    assertThat(alex.get("/api/audit-log").json().get("pagination").get("total").asLong()).isEqualTo(auditBefore);
    assertThat(alex.request("POST", "/api/sessions/" + id + "/complete", "{}",
        headers("If-Match", "\"2\"", "Idempotency-Key", "complete-1")).status())
        .as("a refused request leaves its key unused").isEqualTo(200);
  }

  @Test
  void aStaleIfMatchOnACompletedSessionSaysChangedElsewhereAndACurrentOneSaysCompleted() {
    String id = alex.start(planId);
    alex.post("/api/sessions/" + id + "/complete", null);

    assertStale(alex.request("PATCH", "/api/sessions/" + id, UPDATE, headers("If-Match", "\"1\"")), "Session", "\"2\"");
    Response current = alex.request("PATCH", "/api/sessions/" + id, UPDATE, headers("If-Match", "\"2\""));
    assertThat(current.status()).isEqualTo(400);
    assertThat(current.message()).isEqualTo("Cannot update completed session");
  }

  @Test
  void aStarMatchesAnyVersionOfSomethingThatExists() {
    alex.patch("/api/plans/" + planId, "{\"name\": \"Strength B\"}");

    Response star = alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"C\"}", headers("If-Match", "*"));
    assertThat(star.status()).isEqualTo(200);
    assertThat(star.header("ETag")).isEqualTo("\"3\"");
    Response missing = alex.request("PATCH", "/api/plans/" + java.util.UUID.randomUUID(), "{\"name\": \"C\"}",
        headers("If-Match", "*"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.message()).isEqualTo("Plan not found");
  }

  @Test
  void aMissingThingIsA404EvenWithAnIfMatch() {
    Response missing = alex.request("DELETE", "/api/sessions/" + java.util.UUID.randomUUID(), null,
        headers("If-Match", "\"1\""));

    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.message()).isEqualTo("Session not found");
  }

  @Test
  void anotherProfilesThingIsA404NotA412() {
    Caller sam = api.caller("Sam");

    Response foreign = sam.request("PATCH", "/api/plans/" + planId, "{\"name\": \"Mine\"}",
        headers("If-Match", "\"7\""));

    assertThat(foreign.status()).isEqualTo(404);
    assertThat(alex.get("/api/plans/" + planId).json().get("name").asString()).isEqualTo("Strength A");
  }

  @ParameterizedTest
  @ValueSource(strings = {"W/\"1\"", "\"abc\"", "\"0\"", "\"01\"", "\"9\"", "\"\""})
  void aWellFormedTagThatIsNotTheCurrentVersionIsA412(String tag) {
    Response refused = alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"C\"}", headers("If-Match", tag));

    assertStale(refused, "Plan", "\"1\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"1", "'1'", "W/1", ",", "**", "\"1\" \"2\"", "\"1\"x", "\"a b\""})
  void aMalformedIfMatchIsA400ThatChangesNothing(String header) {
    Response refused = alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"C\"}", headers("If-Match", header));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.message()).isEqualTo("Invalid If-Match header");
    assertThat(refused.json().get("details").get(0).get("path").asString()).isEqualTo("If-Match");
    assertThat(alex.get("/api/plans/" + planId).json().get("version").asLong()).isEqualTo(1);
  }

  @Test
  void aListOfTagsMatchesWhenItNamesTheCurrentVersion() {
    Response listed = alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"C\"}",
        headers("If-Match", "W/\"1\", \"1\", \"other\""));

    assertThat(listed.status()).isEqualTo(200);
    Response twoVersions = alex.request("PATCH", "/api/plans/" + planId, "{\"name\": \"D\"}",
        headers("If-Match", "\"1\", \"2\""));
    assertThat(twoVersions.status()).isEqualTo(400);
    assertThat(twoVersions.message()).isEqualTo("Invalid If-Match header");
  }

  @Test
  void withoutIfMatchTheLastWriteWins() {
    alex.patch("/api/plans/" + planId, "{\"name\": \"B\"}");

    Response last = alex.patch("/api/plans/" + planId, "{\"name\": \"C\"}");

    assertThat(last.status()).isEqualTo(200);
    assertThat(last.json().get("version").asLong()).isEqualTo(3);
  }

  @Test
  void aReplayedCreateCarriesTheETagOfTheFirstAnswer() {
    String body = "{\"name\": \"Replayed\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";
    Response first = alex.post("/api/plans", body, "create-replayed");
    String id = first.json().get("id").asString();
    alex.patch("/api/plans/" + id, "{\"name\": \"Changed\"}");

    Response replay = alex.post("/api/plans", body, "create-replayed");

    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(replay.header("ETag")).isEqualTo("\"1\"");
    assertThat(replay.body()).isEqualTo(first.body());
  }

  private static void assertStale(Response response, String what, String currentTag) {
    assertThat(response.status()).as(response.toString()).isEqualTo(412);
    assertThat(response.error()).isEqualTo("PreconditionFailed");
    assertThat(response.message()).isEqualTo(what + " was changed elsewhere");
    assertThat(response.header("ETag")).isEqualTo(currentTag);
  }
}
