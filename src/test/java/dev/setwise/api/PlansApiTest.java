package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /api/plans}: create, list, get, update, delete and archive. */
class PlansApiTest extends ApiTestBase {

  Caller alex;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
  }

  @Test
  void createAnswers201WithThePlanAndItsLocation() {
    Response created = alex.post("/api/plans", "{\"name\": \"  Strength A  \", \"structure\": "
        + ApiHarness.PLAN_STRUCTURE + "}");

    assertThat(created.status()).isEqualTo(201);
    JsonNode plan = created.json();
    String id = plan.get("id").asString();
    assertThat(created.header("Location")).isEqualTo("/api/plans/" + id);
    assertThat(plan.get("name").asString()).isEqualTo("Strength A");
    assertThat(plan.get("has_sessions").asBoolean()).isFalse();
    assertThat(plan.get("archived").asBoolean()).isFalse();
    assertThat(plan.get("created_at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(plan.get("updated_at").asString()).isEqualTo("2026-11-24T07:15:00Z");
    JsonNode structure = plan.get("structure");
    assertThat(structure.get("unit").asString()).isEqualTo("kg");
    assertThat(structure.get("exercises").get(1).get("notes").asString()).isEqualTo("Pause the first rep");
    assertThat(structure.get("exercises").get(0).get("sets").get(1).get("target_weight").asDouble()).isEqualTo(100.0);
    assertThat(alex.get("/api/plans/" + id).json()).isEqualTo(plan);
    assertThat(alex.get("/api/audit-log?limit=1").json().get("data").get(0).get("action").asString())
        .isEqualTo("plan_created");
  }

  @Test
  void aPlanHoldsTargetsNotWhatWasDone() {
    Response refused = alex.post("/api/plans", "{\"name\": \"A\", \"structure\": " + ApiHarness.LOGGED_SESSION + "}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Invalid plan data");
    assertThat(refused.json().get("details").get(0).get("path").asString()).startsWith("structure.exercises[0].sets[0]");
  }

  @Test
  void theListHoldsPlansThatAreNotArchivedByNameWithoutStructures() {
    String b = alex.plan("bench day");
    String a = alex.plan("Arms");
    String archived = alex.plan("Old");
    alex.start(archived);
    alex.delete("/api/plans/" + archived);

    JsonNode list = alex.get("/api/plans").json();

    assertThat(list.get("data").valueStream().map(p -> p.get("id").asString()).toList()).containsExactly(a, b);
    JsonNode summary = list.get("data").get(0);
    assertThat(summary.has("structure")).isFalse();
    assertThat(summary.get("name").asString()).isEqualTo("Arms");
    assertThat(summary.get("exercise_count").asInt()).isEqualTo(2);
    assertThat(summary.get("archived").asBoolean()).isFalse();
    assertThat(summary.get("has_sessions").asBoolean()).isFalse();
    assertThat(summary.get("created_at").asString()).isNotBlank();
    assertThat(summary.get("updated_at").asString()).isNotBlank();
  }

  @Test
  void patchChangesNameStructureOrBothAndTouchesUpdatedAt() {
    String id = alex.plan("A");
    api.t.clock.advance(Duration.ofMinutes(5));

    Response renamed = alex.patch("/api/plans/" + id, "{\"name\": \"A2\"}");
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.json().get("name").asString()).isEqualTo("A2");
    assertThat(renamed.json().get("structure").get("exercises")).hasSize(2);
    assertThat(renamed.json().get("updated_at").asString()).isEqualTo("2026-11-24T07:20:00Z");

    Response restructured = alex.patch("/api/plans/" + id, "{\"structure\": {\"unit\": \"lb\", \"exercises\": []}}");
    assertThat(restructured.json().get("name").asString()).isEqualTo("A2");
    assertThat(restructured.json().get("structure").get("unit").asString()).isEqualTo("lb");
    assertThat(alex.get("/api/plans").json().get("data").get(0).get("exercise_count").asInt()).isZero();

    Response nothing = alex.patch("/api/plans/" + id, "{}");
    assertThat(nothing.status()).isEqualTo(200);
    assertThat(nothing.json()).isEqualTo(restructured.json());
    assertThat(alex.patch("/api/plans/" + id, "{\"color\": \"red\"}").status()).isEqualTo(400);
  }

  @Test
  void deleteRemovesAnUnusedPlanAndArchivesOneWithSessions() {
    String unused = alex.plan("Unused");
    String used = alex.plan("Used");
    String session = alex.start(used);
    alex.post("/api/sessions/" + session + "/complete", null);

    assertThat(alex.delete("/api/plans/" + unused).status()).isEqualTo(204);
    assertThat(alex.delete("/api/plans/" + used).status()).isEqualTo(204);

    Response gone = alex.get("/api/plans/" + unused);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.error()).isEqualTo("NotFound");
    assertThat(gone.message()).isEqualTo("Plan not found");
    Response archived = alex.get("/api/plans/" + used);
    assertThat(archived.status()).isEqualTo(200);
    assertThat(archived.json().get("archived").asBoolean()).isTrue();
    assertThat(archived.json().get("has_sessions").asBoolean()).isTrue();
    assertThat(alex.get("/api/plans").json().get("data")).isEmpty();
    Response history = alex.get("/api/sessions/" + session);
    assertThat(history.status()).as("its sessions stay intact").isEqualTo(200);
    assertThat(history.json().get("plan_id").asString()).isEqualTo(used);
    assertThat(alex.get("/api/sessions?plan_id=" + used).json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(alex.get("/api/audit-log?limit=2").json().get("data").valueStream()
        .map(e -> e.get("action").asString()).toList()).containsExactly("plan_archived", "plan_deleted");
  }

  @Test
  void anArchivedPlanCanBeReadButNotChangedOrDeletedAgain() {
    String id = alex.plan("Old");
    alex.start(id);
    alex.delete("/api/plans/" + id);

    Response patch = alex.patch("/api/plans/" + id, "{\"name\": \"New\"}");
    Response delete = alex.delete("/api/plans/" + id);

    for (Response refused : new Response[] {patch, delete}) {
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.message()).isEqualTo("Plan not found");
    }
    assertThat(alex.get("/api/plans/" + id).json().get("name").asString()).isEqualTo("Old");
  }

  @Test
  void anArchivedPlansInProgressSessionCanStillBeCompleted() {
    String id = alex.plan("Old");
    String session = alex.start(id);
    alex.delete("/api/plans/" + id);

    assertThat(alex.patch("/api/sessions/" + session, "{\"session\": " + ApiHarness.LOGGED_SESSION + "}").status())
        .isEqualTo(200);
    assertThat(alex.post("/api/sessions/" + session + "/complete", "{}").status()).isEqualTo(200);
  }
}
