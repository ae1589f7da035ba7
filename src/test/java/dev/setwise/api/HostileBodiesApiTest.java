package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies that Jackson alone would misread: numbers it cannot hold, text that is not well-formed
 * UTF-8 or holds lone surrogates. Each is a 400 that names the problem, and nothing is stored.
 */
class HostileBodiesApiTest extends ApiTestBase {

  Caller alex;
  String planId;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
  }

  private static String startWithSet(String set) {
    return "{\"plan_id\": \"%s\", \"session\": {\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [" + set
        + "]}]}}";
  }

  private Response post(String path, byte[] body) {
    return api.send(HttpRequest.newBuilder(api.base.resolve(path))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  private void assertNothingStarted() {
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483648", "-1e-2147483649", "1E+2147483648", "0e2147483648", "1.5e-2147483649",
      "0.5e-2147483647"})
  void anExponentBeyondTheIntRangeIs400NotA500(String number) {
    for (String field : new String[] {"reps", "weight", "rpe", "duration_seconds", "distance_m", "target_weight"}) {
      Response refused = alex.post("/api/sessions", startWithSet("{\"" + field + "\": " + number + "}").formatted(planId));

      assertThat(refused.status()).as(field).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("ValidationError");
      assertThat(refused.message()).isEqualTo("Invalid session data");
      assertThat(refused.json().get("details").get(0).get("path").asString())
          .isEqualTo("session.exercises[0].sets[0]." + field);
    }
    assertNothingStarted();
  }

  @Test
  void anOutOfRangeExponentAnywhereInTheBodyIs400() {
    for (String body : new String[] {"{\"plan_id\": 1e2147483648}", "[1e2147483648]", "1e2147483648",
        "{\"plan_id\": \"" + planId + "\", \"extra\": -1e-2147483649}"}) {
      Response refused = alex.post("/api/sessions", body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.error()).isEqualTo("ValidationError");
    }
    Response plan = alex.post("/api/plans", "{\"name\": \"P\", \"structure\": {\"unit\": \"kg\", \"bodyweight\": 1e2147483648, "
        + "\"exercises\": []}}");
    assertThat(plan.status()).isEqualTo(400);
    assertThat(plan.message()).isEqualTo("Invalid plan data");
    assertThat(plan.json().get("details").get(0).get("path").asString()).isEqualTo("structure.bodyweight");
  }

  @Test
  void hugeAndTinyNumbersAreRangeErrorsAndNeverStoredAsZero() {
    Response huge = alex.post("/api/sessions", startWithSet("{\"weight\": 1e2147483647}").formatted(planId));
    assertThat(huge.status()).isEqualTo(400);
    assertThat(huge.json().get("details").get(0).get("message").asString()).isEqualTo("must be from 0 to 10000");

    for (String tiny : new String[] {"1e-400", "1e-2147483647", "-1e-999999999"}) {
      for (String field : new String[] {"weight", "distance_m", "target_weight"}) {
        Response refused = alex.post("/api/sessions", startWithSet("{\"" + field + "\": " + tiny + "}").formatted(planId));
        assertThat(refused.status()).as(field + "=" + tiny).isEqualTo(400);
        assertThat(refused.json().get("details").get(0).get("path").asString())
            .isEqualTo("session.exercises[0].sets[0]." + field);
      }
    }
    assertNothingStarted();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "overlong slash C0 AF | C0 AF",
      "overlong slash E0 80 AF | E0 80 AF",
      "overlong F0 80 80 AF | F0 80 80 AF",
      "above U+10FFFF | F4 90 80 80",
      "raw encoded high surrogate | ED A0 80",
      "raw encoded low surrogate | ED B0 80",
      "truncated sequence | E2 82",
      "FF | FF",
      "FE | FE",
  })
  void illFormedUtf8Is400AndNothingIsStored(String name, String hex) {
    byte[] body = concat(("{\"plan_id\": \"" + planId + "\", \"session\": {\"unit\": \"kg\", \"notes\": \"a")
        .getBytes(StandardCharsets.UTF_8), bytes(hex), "b\", \"exercises\": []}}".getBytes(StandardCharsets.UTF_8));

    Response refused = post("/api/sessions", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.json().get("details").get(0).get("message").asString()).startsWith("is not valid UTF-8");
    assertNothingStarted();
  }

  @Test
  void illFormedUtf8InAPlanNameIs400() {
    byte[] body = concat("{\"name\": \"Squat ".getBytes(StandardCharsets.UTF_8), bytes("C0 AF"),
        " day\", \"structure\": {\"unit\": \"kg\", \"exercises\": []}}".getBytes(StandardCharsets.UTF_8));

    Response refused = post("/api/plans", body);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.message()).isEqualTo("Invalid plan data");
    assertThat(alex.get("/api/plans").json().get("data").size()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\\ud800", "\\udc00", "\\udc00\\ud800", "x\\ud83d", "\\ud83dx"})
  void escapedLoneSurrogatesAre400WithTheirPath(String escaped) {
    Response refused = alex.post("/api/sessions", ("{\"plan_id\": \"%s\", \"session\": {\"unit\": \"kg\", \"exercises\": "
        + "[{\"name\": \"" + escaped + "\", \"sets\": []}]}}").formatted(planId));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("details").get(0).get("path").asString()).isEqualTo("session.exercises[0].name");
    assertThat(refused.json().get("details").get(0).get("message").asString()).startsWith("holds a lone surrogate");
    assertNothingStarted();
  }

  @Test
  void aLoneSurrogateInAPatchOrAPlanIs400Too() {
    String sessionId = alex.start(planId);
    Response patch = alex.patch("/api/sessions/" + sessionId,
        "{\"session\": {\"unit\": \"kg\", \"notes\": \"\\ud800\", \"exercises\": []}}");
    Response plan = alex.post("/api/plans", "{\"name\": \"\\udfff\", \"structure\": {\"unit\": \"kg\", \"exercises\": []}}");

    assertThat(patch.status()).isEqualTo(400);
    assertThat(patch.json().get("details").get(0).get("path").asString()).isEqualTo("session.notes");
    assertThat(plan.status()).isEqualTo(400);
    assertThat(plan.json().get("details").get(0).get("path").asString()).isEqualTo("name");
    assertThat(alex.get("/api/sessions/" + sessionId).json().get("session").has("notes")).isFalse();
  }

  @Test
  void charactersOutsideTheBasicPlaneArriveUnchangedWhetherEscapedOrNot() {
    String raw = "Squat \ud83c\udfcb\ufe0f \u00e9\u20ac";
    Response started = alex.post("/api/sessions", ("{\"plan_id\": \"%s\", \"session\": {\"unit\": \"kg\", \"exercises\": "
        + "[{\"name\": \"" + raw + "\", \"sets\": []}, {\"name\": \"\\ud83d\\ude00\", \"sets\": []}]}}").formatted(planId));

    assertThat(started.status()).isEqualTo(201);
    String id = started.json().get("id").asString();
    assertThat(alex.get("/api/sessions/" + id).json().get("session").get("exercises").get(0).get("name").asString())
        .isEqualTo(raw);
    assertThat(alex.get("/api/sessions/" + id).json().get("session").get("exercises").get(1).get("name").asString())
        .isEqualTo("\ud83d\ude00");
  }

  private static byte[] bytes(String hex) {
    String[] parts = hex.strip().split("\\s+");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
