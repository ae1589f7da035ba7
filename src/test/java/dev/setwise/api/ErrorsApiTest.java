package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/** Every row of the contract's error table, and the ways a request can be malformed. */
class ErrorsApiTest extends ApiTestBase {

  Caller alex;
  String planId;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
  }

  @Test
  void healthNeedsNoToken() {
    Response health = api.send("GET", "/api/health", null, null, Map.of());

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("ok");
    assertThat(health.json().get("version").asString()).isEqualTo("test-version");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer nonsense",
      "Bearer swt_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
  void aMissingOrUnknownTokenIs401(String authorization) {
    Map<String, String> headers = authorization.isEmpty() ? Map.of() : Map.of("Authorization", authorization);

    for (String path : new String[] {"/api/sessions", "/api/plans", "/api/audit-log", "/api/sessions/" + UUID.randomUUID()}) {
      Response refused = api.send("GET", path, null, null, headers);
      assertThat(refused.status()).as(path).isEqualTo(401);
      assertThat(refused.error()).isEqualTo("Unauthorized");
      assertThat(refused.message()).isEqualTo("Authentication required");
      assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }
    Response post = api.send("POST", "/api/sessions", null, "{\"plan_id\": \"" + planId + "\"}", headers);
    assertThat(post.status()).isEqualTo(401);
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
  }

  @Test
  void aTokenWithTheRightIdButAWrongSecretIs401() {
    String forged = alex.token.substring(0, alex.token.length() - 4) + (alex.token.endsWith("AAAA") ? "BBBB" : "AAAA");

    Response refused = api.send("GET", "/api/sessions", forged, null, Map.of());

    assertThat(refused.status()).isEqualTo(401);
  }

  @Test
  void theSchemeIsCaseInsensitiveAsRfc7235Says() {
    Response accepted = api.send("GET", "/api/plans", null, null, Map.of("Authorization", "bearer " + alex.token));

    assertThat(accepted.status()).isEqualTo(200);
  }

  @Test
  void aRevokedTokenIs401AtOnce() {
    assertThat(alex.get("/api/plans").status()).isEqualTo(200);
    api.t.app.tokens().revoke(alex.token.substring(4, 16));

    Response refused = alex.get("/api/plans");

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.message()).isEqualTo("Authentication required");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/nope", "/", "/api", "/api/sessions/x/y", "/api/plans/" + "00000000-0000-0000-0000-000000000000/x",
      "/favicon.ico"})
  void anUnknownPathIs404InTheErrorShape(String path) {
    for (String token : new String[] {alex.token, null}) {
      Response missing = api.send("GET", path, token, null, Map.of());
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.error()).isEqualTo("NotFound");
      assertThat(missing.json().get("message").isString()).isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "PUT|/api/sessions|GET, HEAD, POST",
      "DELETE|/api/sessions|GET, HEAD, POST",
      "POST|/api/health|GET, HEAD",
      "PUT|/api/sessions/00000000-0000-0000-0000-000000000000|GET, HEAD, PATCH, DELETE",
      "GET|/api/sessions/00000000-0000-0000-0000-000000000000/complete|POST",
      "DELETE|/api/plans|GET, HEAD, POST",
      "POST|/api/audit-log|GET, HEAD"})
  void aWrongMethodIs405WithAllow(String method, String path, String allowed) {
    Response refused = api.send(method, path, alex.token, null, Map.of());

    assertThat(refused.status()).isEqualTo(405);
    assertThat(refused.error()).isEqualTo("MethodNotAllowed");
    assertThat(Arrays.stream(refused.header("Allow").split(",")).map(String::strip).toList())
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(allowed.split(",")).map(String::strip).toList());
  }

  @Test
  void headAnswersLikeGetWithoutABody() {
    HttpRequest head = HttpRequest.newBuilder(api.base.resolve("/api/plans"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + alex.token).build();
    HttpRequest anonymous = HttpRequest.newBuilder(api.base.resolve("/api/plans"))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();

    Response ok = api.send(head);
    Response refused = api.send(anonymous);

    assertThat(ok.status()).isEqualTo(200);
    assertThat(ok.body()).isEmpty();
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body()).isEmpty();
  }

  @Test
  void aBodyOverOneMibIs413WhetherItsLengthIsDeclaredOrNot() {
    String twoMib = "{\"plan_id\": \"" + planId + "\", \"x\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}";

    Response declared = alex.post("/api/sessions", twoMib);
    Response chunked = api.send(HttpRequest.newBuilder(api.base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream(twoMib.getBytes(StandardCharsets.UTF_8)))).build());

    for (Response refused : new Response[] {declared, chunked}) {
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.error()).isEqualTo("PayloadTooLarge");
      assertThat(refused.message()).isEqualTo("Request body too large");
    }
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
    assertThat(alex.get("/api/health").status()).as("the server is fine afterwards").isEqualTo(200);
  }

  @Test
  void aBodyOfExactlyOneMibIsRead() {
    String start = "{\"plan_id\": \"" + planId + "\"}";
    String padded = start + " ".repeat(1024 * 1024 - start.length());

    Response started = alex.post("/api/sessions", padded);
    Response over = alex.post("/api/sessions", padded + " ");

    assertThat(started.status()).isEqualTo(201);
    assertThat(over.status()).isEqualTo(413);
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/xml",
      "application/json; charset=iso-8859-1", "multipart/form-data; boundary=x"})
  void aBodyDeclaredAsSomethingElseThanJsonIs415(String contentType) {
    Response refused = api.send("POST", "/api/sessions", alex.token, "{\"plan_id\": \"" + planId + "\"}",
        Map.of("Content-Type", contentType));

    assertThat(refused.status()).isEqualTo(415);
    assertThat(refused.error()).isEqualTo("UnsupportedMediaType");
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset=UTF-8", "application/json;charset=utf-8",
      "Application/JSON", "application/merge-patch+json"})
  void jsonInAnyOfItsSpellingsIsAccepted(String contentType) {
    Response started = api.send("POST", "/api/sessions", alex.token, "{\"plan_id\": \"" + planId + "\"}",
        Map.of("Content-Type", contentType));

    assertThat(started.status()).isEqualTo(201);
  }

  @Test
  void aBodyWithoutContentTypeIsReadAsJson() {
    Response started = api.send(HttpRequest.newBuilder(api.base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + alex.token)
        .POST(HttpRequest.BodyPublishers.ofString("{\"plan_id\": \"" + planId + "\"}")).build());

    assertThat(started.status()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "not json|hello|$",
      "an array|[]|$",
      "a string|`\"text\"`|$",
      "a number|42|$",
      "null|null|$",
      "cut short|`{\"plan_id\": `|$",
      "trailing content|`{} {}`|$",
      "a single quote|`{'plan_id': 1}`|$",
      "plan_id of the wrong type|`{\"plan_id\": 5}`|plan_id",
      "plan_id not a uuid|`{\"plan_id\": \"5\"}`|plan_id",
      "no plan_id|{}|plan_id",
      "a bad date|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"date\": \"2026-02-30\"}`|date",
      "an unknown field|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"extra\": 1}`|extra",
      "duplicate keys|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"plan_id\": \"00000000-0000-0000-0000-000000000000\"}`|$",
      "session not an object|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"session\": []}`|session",
      "a huge exponent|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": 1e999999}]}]}}`|session.exercises[0].sets[0].reps",
      "a huge integer|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"weight\": 99999999999999999999999999999999}]}]}}`|session.exercises[0].sets[0].weight",
      "a number too long to read|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"weight\": 1234567890123456789012345678901234567890123456789012345678901234567890}]}]}}`|$",
      "a wrong type deep inside|`{\"plan_id\": \"00000000-0000-0000-0000-000000000000\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"completed\": \"yes\"}]}]}}`|session.exercises[0].sets[0].completed"})
  void malformedSessionBodiesAre400WithAPath(String shape, String body, String path) {
    Response refused = alex.post("/api/sessions", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.message()).isEqualTo("Invalid session data");
    assertThat(refused.json().get("details").valueStream().map(d -> d.get("path").asString()).toList())
        .contains(path);
    assertThat(refused.json().get("details").get(0).get("message").asString()).isNotBlank();
  }

  @Test
  void deepNestingIs400NotAStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);

    Response refused = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"session\": " + deep + "}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("message").asString()).contains("nested too deeply");
  }

  @Test
  void invalidUtf8Is400() {
    byte[] body = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
    Response refused = api.send(HttpRequest.newBuilder(api.base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Invalid session data");
  }

  @Test
  void everyProblemOfAStructureIsReportedAtOnce() {
    Response refused = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\", \"session\": {\"unit\": \"st\", "
        + "\"bodyweight\": -1, \"exercises\": [{\"name\": \"\", \"sets\": [{\"type\": \"heavy\", \"rpe\": 7.3}]}]}}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").valueStream().map(d -> d.get("path").asString()).toList())
        .contains("session.unit", "session.bodyweight", "session.exercises[0].name",
            "session.exercises[0].sets[0].type", "session.exercises[0].sets[0].rpe");
  }

  @Test
  void malformedPlanBodiesSayInvalidPlanData() {
    Response notJson = alex.post("/api/plans", "{");
    Response noName = alex.post("/api/plans", "{\"structure\": " + ApiHarness.PLAN_STRUCTURE + "}");
    Response badPatch = alex.patch("/api/plans/" + planId, "{\"name\": 7}");

    for (Response refused : new Response[] {notJson, noName, badPatch}) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("ValidationError");
      assertThat(refused.message()).isEqualTo("Invalid plan data");
    }
    assertThat(noName.json().get("details").get(0).get("path").asString()).isEqualTo("name");
  }

  @Test
  void patchWithoutABodySaysWhatIsMissing() {
    String id = alex.start(planId);

    Response refused = alex.patch("/api/sessions/" + id, null);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Invalid session data");
    assertThat(refused.json().get("details").get(0).get("path").asString()).isEqualTo("$");
  }

  @Test
  void aMissingOrArchivedPlanCannotBeStartedFrom() {
    Response missing = alex.post("/api/sessions", "{\"plan_id\": \"" + UUID.randomUUID() + "\"}");
    String id = alex.start(planId);
    alex.post("/api/sessions/" + id + "/complete", null);
    assertThat(alex.delete("/api/plans/" + planId).status()).isEqualTo(204);
    Response archived = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");

    for (Response refused : new Response[] {missing, archived}) {
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("ValidationError");
      assertThat(refused.message()).isEqualTo("Plan not found or access denied");
    }
  }

  @Test
  void thePlanCheckComesBeforeTheInProgressCheck() {
    alex.start(planId);

    Response refused = alex.post("/api/sessions", "{\"plan_id\": \"" + UUID.randomUUID() + "\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Plan not found or access denied");
  }

  @Test
  void aMethodOverrideHeaderIsRefusedRatherThanObeyed() {
    String id = alex.start(planId);

    Response refused = api.send("GET", "/api/sessions/" + id, alex.token, null,
        Map.of("X-HTTP-Method-Override", "DELETE"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(alex.get("/api/sessions/" + id).status()).isEqualTo(200);
  }

  @Test
  void aMalformedQueryStringIs400() {
    String answer = api.raw("GET /api/sessions?limit=%zz HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
        + alex.token + "\r\nConnection: close\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("\"message\":\"Invalid query parameters\"");
  }

  @Test
  void aMalformedRequestGetsTheErrorShapeToo() {
    String answer = api.raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\nContent-Length: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    JsonNode body = ApiHarness.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("error").asString()).isEqualTo("BadRequest");
  }

  @Test
  void headersOrAnUriTooLargeForJettyGetTheErrorShapeToo() {
    String headers = api.raw("GET /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + "a".repeat(20_000)
        + "\r\nConnection: close\r\n\r\n");
    String uri = api.raw("GET /api/plans?" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

    assertThat(headers).startsWith("HTTP/1.1 431").contains("Content-Type: application/json")
        .endsWith("{\"error\":\"RequestHeaderFieldsTooLarge\",\"message\":\"Request headers too large\"}");
    assertThat(uri).startsWith("HTTP/1.1 414").endsWith("{\"error\":\"UriTooLong\",\"message\":\"Request URI too long\"}");
  }

  @Test
  void aDatabaseFailureIs500AndLeaksNothingButIsLogged() throws Exception {
    Logger logger = (Logger) LoggerFactory.getLogger(ApiServer.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    boolean additive = logger.isAdditive();
    logger.setAdditive(false);
    try {
      api.sql("CREATE TRIGGER fail_sessions BEFORE INSERT ON sessions "
          + "BEGIN SELECT RAISE(ABORT, 'disk on fire at /secret/path/setwise.db'); END",
          "CREATE FUNCTION fail_sessions() RETURNS trigger LANGUAGE plpgsql AS "
          + "$$ BEGIN RAISE EXCEPTION 'disk on fire at /secret/path/setwise.db'; END $$;"
          + "CREATE TRIGGER fail_sessions BEFORE INSERT ON sessions FOR EACH ROW EXECUTE FUNCTION fail_sessions()");
      try {
        Response failed = alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.error()).isEqualTo("InternalServerError");
        assertThat(failed.message()).isEqualTo("Failed to process request");
        assertThat(failed.json().size()).isEqualTo(2);
        assertThat(failed.body()).doesNotContainIgnoringCase("secret").doesNotContainIgnoringCase("sql")
            .doesNotContain("Exception").doesNotContain("at dev.");
        assertThat(log.list).anySatisfy(event -> {
          assertThat(event.getFormattedMessage()).contains("POST /api/sessions");
          assertThat(event.getThrowableProxy()).isNotNull();
        });
        assertThat(alex.get("/api/audit-log?limit=1").json().get("data").get(0).get("action").asString())
            .as("the failed start left no trace").isEqualTo("plan_created");
      } finally {
        api.sql("DROP TRIGGER fail_sessions", "DROP TRIGGER fail_sessions ON sessions; DROP FUNCTION fail_sessions()");
      }
    } finally {
      logger.detachAppender(log);
      logger.setAdditive(additive);
    }
    assertThat(alex.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}").status()).isEqualTo(201);
  }
}
