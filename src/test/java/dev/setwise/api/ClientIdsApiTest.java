package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract §5.1 client ids: a create under an id the client chose happens once, whatever is retried. */
class ClientIdsApiTest extends ApiTestBase {

  Caller alex;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
  }

  @Test
  void aPlanIsCreatedUnderTheIdTheClientChose() {
    UUID id = UUID.randomUUID();

    Response created = alex.post("/api/plans", planBody(id, "Strength A"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().get("id").asString()).isEqualTo(id.toString());
    assertThat(created.header("Location")).isEqualTo("/api/plans/" + id);
    assertThat(alex.get("/api/plans/" + id).json().get("name").asString()).isEqualTo("Strength A");
  }

  @Test
  void aPlanIdUsedAgainIsA409InTheSameProfileAndInAnotherAndChangesNothing() {
    UUID id = UUID.randomUUID();
    alex.post("/api/plans", planBody(id, "Strength A"));
    Caller sam = api.caller("Sam");
    long alexAudit = auditTotal(alex);

    Response again = alex.post("/api/plans", planBody(id, "Other name"));
    Response elsewhere = sam.post("/api/plans", planBody(id, "Sam's plan"));

    for (Response refused : List.of(again, elsewhere)) {
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.error()).isEqualTo("ConflictError");
      assertThat(refused.message()).isEqualTo("Plan already exists");
    }
    assertThat(alex.get("/api/plans/" + id).json().get("name").asString()).isEqualTo("Strength A");
    assertThat(alex.get("/api/plans").json().get("data")).hasSize(1);
    assertThat(sam.get("/api/plans").json().get("data")).isEmpty();
    assertThat(sam.get("/api/plans/" + id).status()).as("409 says nothing of whose it is").isEqualTo(404);
    assertThat(auditTotal(alex)).isEqualTo(alexAudit);
    assertThat(auditTotal(sam)).isEqualTo(1);
  }

  @Test
  void aSessionIsStartedUnderTheIdTheClientChose() {
    String planId = alex.plan("Strength A");
    UUID id = UUID.randomUUID();

    Response started = alex.post("/api/sessions", sessionBody(id, planId));

    assertThat(started.status()).isEqualTo(201);
    assertThat(started.json().get("id").asString()).isEqualTo(id.toString());
    assertThat(started.header("Location")).isEqualTo("/api/sessions/" + id);
    assertThat(alex.get("/api/sessions/" + id).json().get("status").asString()).isEqualTo("in_progress");
  }

  @Test
  void aSessionIdUsedAgainIsA409BeforeAnyOtherRuleInTheSameProfileAndInAnother() {
    String planId = alex.plan("Strength A");
    UUID id = UUID.randomUUID();
    alex.post("/api/sessions", sessionBody(id, planId));
    alex.post("/api/sessions/" + id + "/complete", null);
    Caller sam = api.caller("Sam");
    String samsPlan = sam.plan("Sam's plan");
    long alexAudit = auditTotal(alex);

    Response again = alex.post("/api/sessions", sessionBody(id, planId));
    Response elsewhere = sam.post("/api/sessions", sessionBody(id, samsPlan));
    Response withAForeignPlan = sam.post("/api/sessions", sessionBody(id, planId));

    for (Response refused : List.of(again, elsewhere, withAForeignPlan)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
      assertThat(refused.error()).isEqualTo("ConflictError");
      assertThat(refused.message()).isEqualTo("Session already exists");
    }
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(alex.get("/api/sessions/" + id).json().get("status").asString()).isEqualTo("completed");
    assertThat(sam.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
    assertThat(auditTotal(alex)).isEqualTo(alexAudit);
    assertThat(sam.get("/api/plans/" + samsPlan).json().get("has_sessions").asBoolean()).isFalse();
  }

  @Test
  void aRetriedStartWhoseAnswerWasLostSaysTheSessionExistsNotThatAnotherIsInProgress() {
    String planId = alex.plan("Strength A");
    UUID id = UUID.randomUUID();
    alex.post("/api/sessions", sessionBody(id, planId));

    Response retried = alex.post("/api/sessions", sessionBody(id, planId));

    assertThat(retried.status()).isEqualTo(409);
    assertThat(retried.message()).isEqualTo("Session already exists");
  }

  @Test
  void withAnIdempotencyKeyTheRetryGetsTheFirst201AndStillNothingIsDoubled() {
    String planId = alex.plan("Strength A");
    UUID id = UUID.randomUUID();

    Response first = alex.post("/api/sessions", sessionBody(id, planId), "start-" + id);
    Response retry = alex.post("/api/sessions", sessionBody(id, planId), "start-" + id);
    Response otherKey = alex.post("/api/sessions", sessionBody(id, planId), "another-key");

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(otherKey.status()).isEqualTo(409);
    assertThat(otherKey.message()).isEqualTo("Session already exists");
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
  }

  @Test
  void parallelCreatesUnderOneIdMakeOnePlan() {
    UUID id = UUID.randomUUID();
    HttpRequest create = HttpRequest.newBuilder(api.base.resolve("/api/plans"))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(planBody(id, "Raced"))).build();

    List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 20)
        .mapToObj(i -> api.http.sendAsync(create, HttpResponse.BodyHandlers.ofString())).toList();
    List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(19)
        .allSatisfy(a -> assertThat(a.body()).contains("Plan already exists"));
    assertThat(alex.get("/api/plans").json().get("data")).hasSize(1);
  }

  @Test
  void anIdThatIsNotAUuidIsAValidationErrorWithItsPath() {
    Response plan = alex.post("/api/plans", "{\"id\": \"plan-1\", \"name\": \"A\", \"structure\": "
        + ApiHarness.PLAN_STRUCTURE + "}");
    Response session = alex.post("/api/sessions", "{\"id\": 7, \"plan_id\": \"" + alex.plan("A") + "\"}");

    assertThat(plan.status()).isEqualTo(400);
    assertThat(plan.message()).isEqualTo("Invalid plan data");
    assertThat(plan.json().get("details").get(0).get("path").asString()).isEqualTo("id");
    assertThat(session.status()).isEqualTo(400);
    assertThat(session.message()).isEqualTo("Invalid session data");
    assertThat(session.json().get("details").get(0).get("path").asString()).isEqualTo("id");
  }

  @Test
  void aNullIdMeansTheServerChoosesOne() {
    Response created = alex.post("/api/plans", "{\"id\": null, \"name\": \"A\", \"structure\": "
        + ApiHarness.PLAN_STRUCTURE + "}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(UUID.fromString(created.json().get("id").asString()).version()).isEqualTo(7);
  }

  private static String planBody(UUID id, String name) {
    return "{\"id\": \"" + id + "\", \"name\": " + ApiHarness.quote(name) + ", \"structure\": "
        + ApiHarness.PLAN_STRUCTURE + "}";
  }

  private static String sessionBody(UUID id, String planId) {
    return "{\"id\": \"" + id + "\", \"plan_id\": \"" + planId + "\"}";
  }

  private static long auditTotal(Caller caller) {
    return caller.get("/api/audit-log").json().get("pagination").get("total").asLong();
  }
}
