package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/sessions}: every filter, sort and page, and every way to get them wrong. */
class SessionListApiTest extends ApiTestBase {

  Caller alex;
  String planA;
  String planB;
  /** s1..s5 in the order they were started, an hour apart. */
  final List<String> s = new ArrayList<>();

  /**
   * s1 A 2026-11-01 completed, s2 B 2026-11-03 completed, s3 A 2026-11-02 completed,
   * s4 A 2026-11-05 completed, s5 B 2026-11-04 in progress.
   */
  @BeforeEach
  void history() {
    alex = api.caller("Alex");
    planA = alex.plan("A");
    planB = alex.plan("B");
    String[][] rows = {{planA, "2026-11-01"}, {planB, "2026-11-03"}, {planA, "2026-11-02"}, {planA, "2026-11-05"},
        {planB, "2026-11-04"}};
    for (int i = 0; i < rows.length; i++) {
      Response started = alex.post("/api/sessions",
          "{\"plan_id\": \"" + rows[i][0] + "\", \"date\": \"" + rows[i][1] + "\"}");
      s.add(started.json().get("id").asString());
      api.t.clock.advance(Duration.ofMinutes(30));
      if (i < rows.length - 1) {
        alex.post("/api/sessions/" + s.get(i) + "/complete", null);
      }
      api.t.clock.advance(Duration.ofMinutes(30));
    }
  }

  private List<String> ids(String query) {
    Response list = alex.get("/api/sessions" + query);
    assertThat(list.status()).as(query + ": " + list.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    list.json().get("data").forEach(summary -> ids.add(summary.get("id").asString()));
    return ids;
  }

  private long total(String query) {
    return alex.get("/api/sessions" + query).json().get("pagination").get("total").asLong();
  }

  private List<String> sessions(int... numbers) {
    List<String> ids = new ArrayList<>();
    for (int number : numbers) {
      ids.add(s.get(number - 1));
    }
    return ids;
  }

  @Test
  void theDefaultIsNewestStartFirstTwentyAtATime() {
    Response list = alex.get("/api/sessions");

    assertThat(ids("")).isEqualTo(sessions(5, 4, 3, 2, 1));
    JsonNode pagination = list.json().get("pagination");
    assertThat(pagination.get("total").asLong()).isEqualTo(5);
    assertThat(pagination.get("limit").asInt()).isEqualTo(20);
    assertThat(pagination.get("offset").asInt()).isZero();
  }

  @Test
  void sortAndOrder() {
    assertThat(ids("?order=asc")).isEqualTo(sessions(1, 2, 3, 4, 5));
    assertThat(ids("?sort=started_at&order=desc")).isEqualTo(sessions(5, 4, 3, 2, 1));
    assertThat(ids("?sort=date&order=asc")).isEqualTo(sessions(1, 3, 2, 5, 4));
    assertThat(ids("?sort=date")).isEqualTo(sessions(4, 5, 2, 3, 1));
    assertThat(ids("?sort=ended_at")).as("in progress counts as ending last").isEqualTo(sessions(5, 4, 3, 2, 1));
    assertThat(ids("?sort=ended_at&order=asc")).isEqualTo(sessions(1, 2, 3, 4, 5));
  }

  @Test
  void filters() {
    assertThat(ids("?plan_id=" + planA)).isEqualTo(sessions(4, 3, 1));
    assertThat(ids("?plan_id=" + planB)).isEqualTo(sessions(5, 2));
    assertThat(ids("?plan_id=" + UUID.randomUUID())).isEmpty();
    assertThat(ids("?date_from=2026-11-02&date_to=2026-11-04")).isEqualTo(sessions(5, 3, 2));
    assertThat(ids("?date_from=2026-11-03&date_to=2026-11-03")).as("both ends inclusive").isEqualTo(sessions(2));
    assertThat(ids("?date_from=2026-11-04")).isEqualTo(sessions(5, 4));
    assertThat(ids("?date_to=2026-11-01")).isEqualTo(sessions(1));
    assertThat(ids("?completed=true")).isEqualTo(sessions(4, 3, 2, 1));
    assertThat(ids("?completed=false")).isEqualTo(sessions(5));
    assertThat(ids("?plan_id=" + planA + "&completed=true&sort=date&order=asc&limit=2"))
        .isEqualTo(sessions(1, 3));
    assertThat(total("?plan_id=" + planA + "&completed=true&sort=date&order=asc&limit=2")).isEqualTo(3);
  }

  @Test
  void pagesCountTheWholeMatchEveryTime() {
    assertThat(ids("?limit=2")).isEqualTo(sessions(5, 4));
    assertThat(ids("?limit=2&offset=2")).isEqualTo(sessions(3, 2));
    assertThat(ids("?limit=2&offset=4")).isEqualTo(sessions(1));
    assertThat(ids("?offset=5")).isEmpty();
    assertThat(ids("?limit=1&offset=1000000")).isEmpty();
    for (String query : new String[] {"?limit=2", "?limit=2&offset=4", "?offset=5", "?limit=100"}) {
      assertThat(total(query)).as(query).isEqualTo(5);
    }
    JsonNode pagination = alex.get("/api/sessions?limit=2&offset=4").json().get("pagination");
    assertThat(pagination.get("limit").asInt()).isEqualTo(2);
    assertThat(pagination.get("offset").asInt()).isEqualTo(4);
  }

  @Test
  void anotherProfilesSessionsAndPlansStayOutOfTheList() {
    Caller sam = api.caller("Sam");
    String samsPlan = sam.plan("Sam's plan");
    sam.start(samsPlan);

    assertThat(total("")).isEqualTo(5);
    assertThat(ids("?plan_id=" + samsPlan)).isEmpty();
    assertThat(sam.get("/api/sessions?plan_id=" + planA).json().get("data")).isEmpty();
    assertThat(sam.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "limit=0|limit", "limit=101|limit", "limit=-1|limit", "limit=abc|limit", "limit=1.5|limit", "limit=|limit",
      "limit=99999999999|limit", "offset=-1|offset", "offset=x|offset", "offset=|offset",
      "sort=name|sort", "sort=STARTED_AT|sort", "sort=|sort", "order=up|order", "order=ASC|order",
      "completed=yes|completed", "completed=1|completed", "completed=|completed",
      "plan_id=123|plan_id", "plan_id=|plan_id", "date_from=2026-13-01|date_from", "date_to=24-11-2026|date_to",
      "date_from=2026-02-30|date_from", "date_from=2026-11-05&date_to=2026-11-01|date_from",
      "unknown=1|unknown", "Limit=5|Limit", "limit=1&limit=2|limit", "completed=true&completed=false|completed"})
  void everyBadParameterIs400WithItsName(String query, String path) {
    Response refused = alex.get("/api/sessions?" + query);

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.message()).isEqualTo("Invalid query parameters");
    assertThat(refused.json().get("details").valueStream().map(d -> d.get("path").asString()).toList())
        .contains(path);
  }

  @Test
  void everyProblemOfAQueryIsReportedAtOnce() {
    Response refused = alex.get("/api/sessions?limit=0&sort=x&order=y&completed=z");

    assertThat(refused.json().get("details").valueStream().map(d -> d.get("path").asString()).toList())
        .containsExactlyInAnyOrder("limit", "sort", "order", "completed");
  }
}
