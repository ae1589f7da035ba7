package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code docs/api/openapi.yaml} describes the API the server really serves: every route the server
 * registers is in it and nothing else, every reference resolves, and the fields of real answers are
 * the fields its schemas require.
 */
class OpenApiDocumentTest extends ApiTestBase {

  static final Path DOCUMENT = Path.of("docs", "api", "openapi.yaml");
  static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  static JsonNode openApi;

  @BeforeAll
  static void read() throws Exception {
    openApi = YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
  }

  @Test
  void itIsOpenApi31() {
    assertThat(openApi.get("openapi").asString()).startsWith("3.1.");
    assertThat(openApi.get("info").get("title").asString()).isNotBlank();
  }

  @Test
  void everyRouteTheServerRegistersIsDescribedAndNothingElse() {
    Set<String> documented = new TreeSet<>();
    openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      if (METHODS.contains(operation.getKey())) {
        documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
      }
    }));

    assertThat(api.server.routes()).isNotEmpty().contains("GET /api/changes", "POST /api/sessions/{id}/amendments");
    assertThat(documented).containsExactlyInAnyOrderElementsOf(api.server.routes());
  }

  @Test
  void everyOperationHasAnIdAndAnswersAndEveryReferenceResolves() {
    Set<String> ids = new HashSet<>();
    openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
      if (METHODS.contains(operation.getKey())) {
        assertThat(ids.add(operation.getValue().get("operationId").asString()))
            .as("unique operationId at " + operation.getKey() + " " + path.getKey()).isTrue();
        assertThat(operation.getValue().get("responses").size()).isPositive();
      }
    }));
    List<String> refs = new ArrayList<>();
    collectRefs(openApi, refs);
    assertThat(refs).isNotEmpty().allSatisfy(ref -> {
      assertThat(ref).startsWith("#/");
      assertThat(openApi.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
    });
  }

  @Test
  void realAnswersCarryExactlyTheFieldsTheSchemasRequire() {
    Caller alex = api.caller("Alex");
    String planId = alex.plan("Strength A");
    String sessionId = alex.start(planId);
    alex.post("/api/sessions/" + sessionId + "/complete", null);
    alex.post("/api/sessions/" + sessionId + "/amendments", "{\"session\": " + ApiHarness.LOGGED_SESSION
        + ", \"reason\": \"typo\"}");
    alex.delete("/api/plans/" + alex.plan("Gone"));

    assertFields(alex.get("/api/plans/" + planId).json(), "PlanResponse");
    assertFields(alex.get("/api/plans").json().get("data").get(0), "PlanSummary");
    assertFields(alex.get("/api/sessions/" + sessionId).json(), "SessionResponse");
    assertFields(alex.get("/api/sessions").json().get("data").get(0), "SessionSummary");
    assertFields(alex.get("/api/sessions").json().get("pagination"), "Pagination");
    assertFields(alex.get("/api/sessions/" + sessionId + "/amendments").json().get("data").get(1), "Amendment");
    JsonNode page = alex.get("/api/changes").json();
    assertFields(page, "ChangePage");
    page.get("data").forEach(change -> assertFields(change, "Change"));
    assertFields(alex.get("/api/audit-log").json().get("data").get(0), "AuditEntry");
    assertFields(alex.get("/api/sessions/" + planId).json(), "Error");
  }

  private static void assertFields(JsonNode answer, String schema) {
    JsonNode definition = openApi.get("components").get("schemas").get(schema);
    Set<String> required = new TreeSet<>();
    definition.get("required").forEach(name -> required.add(name.asString()));
    Set<String> described = new TreeSet<>(definition.get("properties").propertyNames());
    Set<String> actual = new TreeSet<>(answer.propertyNames());

    assertThat(actual).as(schema + " fields").containsAll(required);
    assertThat(described).as(schema + " describes every field it has").containsAll(actual);
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties().forEach(field -> {
        if (field.getKey().equals("$ref")) {
          refs.add(field.getValue().asString());
        } else {
          collectRefs(field.getValue(), refs);
        }
      });
    } else if (node.isArray()) {
      node.forEach(child -> collectRefs(child, refs));
    }
  }
}
