package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Owner-only access (OWASP API1): another profile's session or plan answers exactly like one that
 * does not exist, including a {@code plan_id} inside a body, and nothing of it changes.
 */
class OwnerOnlyApiTest extends ApiTestBase {

  Caller alex;
  Caller sam;
  String alexPlan;
  String alexSession;

  @BeforeEach
  void twoProfiles() {
    alex = api.caller("Alex");
    sam = api.caller("Sam");
    alexPlan = alex.plan("Alex's plan");
    alexSession = alex.start(alexPlan);
  }

  /** The answer to {@code foreign}, which must equal the answer for an id that exists nowhere. */
  private void sameAsMissing(Response foreign, Response missing) {
    assertThat(foreign.status()).isEqualTo(missing.status());
    assertThat(foreign.body()).isEqualTo(missing.body());
  }

  @Test
  void anotherProfilesSessionLooksMissingForEveryMethod() {
    String nowhere = "/api/sessions/" + UUID.randomUUID();
    String foreign = "/api/sessions/" + alexSession;
    String body = "{\"session\": " + ApiHarness.LOGGED_SESSION + "}";

    sameAsMissing(sam.get(foreign), sam.get(nowhere));
    sameAsMissing(sam.patch(foreign, body), sam.patch(nowhere, body));
    sameAsMissing(sam.post(foreign + "/complete", null), sam.post(nowhere + "/complete", null));
    sameAsMissing(sam.delete(foreign), sam.delete(nowhere));
    assertThat(sam.get(foreign).status()).isEqualTo(404);
    assertThat(sam.get(foreign).message()).isEqualTo("Session not found");

    Response untouched = alex.get(foreign);
    assertThat(untouched.status()).isEqualTo(200);
    assertThat(untouched.json().get("status").asString()).isEqualTo("in_progress");
    assertThat(untouched.json().get("session").get("exercises").get(0).get("sets").get(0).get("completed").asBoolean())
        .isFalse();
  }

  @Test
  void anotherProfilesPlanLooksMissingForEveryMethod() {
    String nowhere = "/api/plans/" + UUID.randomUUID();
    String foreign = "/api/plans/" + alexPlan;

    sameAsMissing(sam.get(foreign), sam.get(nowhere));
    sameAsMissing(sam.patch(foreign, "{\"name\": \"Mine now\"}"), sam.patch(nowhere, "{\"name\": \"Mine now\"}"));
    sameAsMissing(sam.delete(foreign), sam.delete(nowhere));
    assertThat(sam.get(foreign).message()).isEqualTo("Plan not found");
    assertThat(alex.get(foreign).json().get("name").asString()).isEqualTo("Alex's plan");
  }

  @Test
  void anotherProfilesPlanIdInABodyLooksMissingToo() {
    Response foreign = sam.post("/api/sessions", "{\"plan_id\": \"" + alexPlan + "\"}");
    Response missing = sam.post("/api/sessions", "{\"plan_id\": \"" + UUID.randomUUID() + "\"}");

    sameAsMissing(foreign, missing);
    assertThat(foreign.status()).isEqualTo(400);
    assertThat(foreign.message()).isEqualTo("Plan not found or access denied");
    assertThat(sam.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
  }

  @Test
  void listsAndTheAuditLogShowOnlyTheCallersOwn() {
    String samPlan = sam.plan("Sam's plan");
    sam.start(samPlan);

    assertThat(sam.get("/api/plans").json().get("data").valueStream().map(p -> p.get("id").asString()).toList())
        .containsExactly(samPlan);
    assertThat(sam.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(sam.get("/api/sessions?plan_id=" + alexPlan).json().get("data")).isEmpty();
    assertThat(sam.get("/api/audit-log").json().get("data").valueStream()
        .map(e -> e.get("entity_id").asString()).toList()).doesNotContain(alexPlan, alexSession);
    assertThat(alex.get("/api/audit-log").json().get("pagination").get("total").asLong()).isEqualTo(3);
  }

  @Test
  void eachProfileHasItsOwnInProgressSession() {
    String samPlan = sam.plan("Sam's plan");

    Response started = sam.post("/api/sessions", "{\"plan_id\": \"" + samPlan + "\"}");

    assertThat(started.status()).as("Alex's session in progress does not block Sam").isEqualTo(201);
  }
}
