package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code PATCH} and {@code POST …/complete} answer with the snapshot text just stored: byte for
 * byte the answer a following {@code GET} of the session gives (with the same {@code ETag}), on
 * SQLite and on PostgreSQL.
 */
class WriteAnswerBytesApiTest extends ApiTestBase {

  /** Escapes, characters beyond ASCII and beyond the BMP, numbers in several spellings, an empty set list. */
  private static final String AWKWARD = "{\"name\": \"Push \\\"A\\\" \\\\ / – Bänk 🏋\\u0001\\t\", \"unit\": \"lb\","
      + " \"notes\": \"line one\\nline two \\u2028 <script>\", \"bodyweight\": 80.25, \"exercises\": ["
      + "{\"name\": \"Bench press\", \"notes\": \"€\", \"rest_seconds\": 90, \"sets\": ["
      + "{\"type\": \"warmup\", \"target_reps\": 10, \"target_weight\": 20, \"reps\": 10, \"weight\": 20.0,"
      + " \"completed\": true, \"completed_at\": \"2026-11-24T09:00:00.5Z\"},"
      + "{\"type\": \"normal\", \"target_reps\": 5, \"target_weight\": 1.0E2, \"target_rpe\": 8.5, \"reps\": 5,"
      + " \"weight\": 102.5, \"rpe\": 9, \"completed\": true},"
      + "{\"type\": \"normal\", \"reps\": 0, \"weight\": 0, \"completed\": false}]},"
      + "{\"name\": \"Plank\", \"superset\": \"A\", \"sets\": [{\"type\": \"normal\", \"duration_seconds\": 86400,"
      + " \"distance_m\": 0.5, \"completed\": false}]},"
      + "{\"name\": \"Row\", \"superset\": \"A\", \"sets\": []}]}";

  @Test
  void aPatchAnswersWithTheBytesOfTheNextGet() {
    ApiHarness.Caller alex = api.caller("alex");
    String id = alex.start(alex.plan("Push"));
    for (String snapshot : new String[] {ApiHarness.LOGGED_SESSION, AWKWARD, "{\"unit\": \"kg\", \"exercises\": []}"}) {
      ApiHarness.Response patched = alex.patch("/api/sessions/" + id, "{\"session\": " + snapshot + "}");
      assertThat(patched.status()).as(patched.body()).isEqualTo(200);
      sameAsNextGet(alex, id, patched);
    }
  }

  @Test
  void aCompletionAnswersWithTheBytesOfTheNextGet() {
    ApiHarness.Caller alex = api.caller("alex");
    String withSnapshot = alex.start(alex.plan("Push"));
    ApiHarness.Response completed = alex.post("/api/sessions/" + withSnapshot + "/complete",
        "{\"session\": " + AWKWARD + "}");
    assertThat(completed.status()).as(completed.body()).isEqualTo(200);
    sameAsNextGet(alex, withSnapshot, completed);

    String asItIs = alex.start(alex.plan("Pull"));
    ApiHarness.Response patched = alex.patch("/api/sessions/" + asItIs, "{\"session\": " + AWKWARD + "}");
    assertThat(patched.status()).isEqualTo(200);
    ApiHarness.Response plain = alex.post("/api/sessions/" + asItIs + "/complete", null);
    assertThat(plain.status()).as(plain.body()).isEqualTo(200);
    sameAsNextGet(alex, asItIs, plain);
  }

  private static void sameAsNextGet(ApiHarness.Caller caller, String id, ApiHarness.Response written) {
    ApiHarness.Response read = caller.get("/api/sessions/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(written.body()).isEqualTo(read.body());
    assertThat(written.header("ETag")).isEqualTo(read.header("ETag"));
    assertThat(written.header("Content-Type")).isEqualTo(read.header("Content-Type"));
  }
}
