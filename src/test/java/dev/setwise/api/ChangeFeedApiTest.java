package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Contract §5.1 change feed over real HTTP: {@code GET /api/changes?after&limit}. */
class ChangeFeedApiTest extends ApiTestBase {

  Caller alex;

  @BeforeEach
  void newProfile() {
    alex = api.caller("Alex");
  }

  @Test
  void aNewProfileHasAnEmptyFeedAndACursorToComeBackWith() {
    Response first = alex.get("/api/changes");

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().get("data")).isEmpty();
    assertThat(first.json().get("has_more").asBoolean()).isFalse();
    String cursor = first.json().get("next_cursor").asString();
    assertThat(cursor).isNotBlank();
    String planId = alex.plan("Strength A");
    JsonNode later = alex.get("/api/changes?after=" + cursor).json();
    assertThat(later.get("data")).singleElement().satisfies(c -> assertThat(c.get("id").asString()).isEqualTo(planId));
  }

  @Test
  void eachChangeCarriesTheEntityAsItIsNowOldestFirst() {
    String planId = alex.plan("Strength A");
    String sessionId = alex.start(planId);
    alex.patch("/api/sessions/" + sessionId, "{\"session\": " + ApiHarness.LOGGED_SESSION + "}");

    JsonNode page = alex.get("/api/changes").json();

    assertThat(page.get("data")).hasSize(2);
    JsonNode plan = page.get("data").get(0);
    assertThat(plan.get("entity_type").asString()).isEqualTo("plan");
    assertThat(plan.get("id").asString()).isEqualTo(planId);
    assertThat(plan.get("version").asLong()).isEqualTo(1);
    assertThat(plan.get("deleted").asBoolean()).isFalse();
    assertThat(plan.get("data")).isEqualTo(alex.get("/api/plans/" + planId).json());
    assertThat(plan.get("data").get("has_sessions").asBoolean()).as("as it is now").isTrue();
    JsonNode session = page.get("data").get(1);
    assertThat(session.get("entity_type").asString()).isEqualTo("session");
    assertThat(session.get("version").asLong()).isEqualTo(2);
    assertThat(session.get("data")).isEqualTo(alex.get("/api/sessions/" + sessionId).json());
    assertThat(page.get("has_more").asBoolean()).isFalse();
  }

  @Test
  void walkingPageByPageSeesEveryThingOnceAndLaterChangesAgainLater() {
    List<String> plans = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      plans.add(alex.plan("Plan " + i));
    }
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = alex.start(plans.get(i));
      alex.post("/api/sessions/" + id + "/complete", null);
      sessions.add(id);
    }
    Walk walk = walk(alex, null, 3);
    assertThat(walk.pages).isEqualTo(4);
    assertThat(walk.seen).hasSize(12).doesNotHaveDuplicates();
    assertThat(walk.seen.subList(0, 7))
        .containsExactlyElementsOf(plans.stream().map(p -> "plan " + p + " v1").toList());
    assertThat(walk.seen.subList(7, 12))
        .containsExactlyElementsOf(sessions.stream().map(s -> "session " + s + " v2").toList());

    alex.patch("/api/plans/" + plans.get(0), "{\"name\": \"Renamed\"}");
    alex.delete("/api/sessions/" + sessions.get(1));
    alex.delete("/api/plans/" + plans.get(6));
    alex.delete("/api/plans/" + plans.get(2));
    alex.patch("/api/plans/" + plans.get(0), "{\"name\": \"Renamed again\"}");

    Walk again = walk(alex, walk.cursor, 2);
    assertThat(again.seen).containsExactly("session " + sessions.get(1) + " v3 deleted",
        "plan " + plans.get(6) + " v2 deleted", "plan " + plans.get(2) + " v2", "plan " + plans.get(0) + " v3");
    assertThat(again.changes.get(2).get("data").get("archived").asBoolean()).as("archived, not removed").isTrue();
    assertThat(again.changes.get(0).get("data").isNull()).isTrue();
    assertThat(again.changes.get(3).get("data").get("name").asString()).isEqualTo("Renamed again");
    Walk nothing = walk(alex, again.cursor, 2);
    assertThat(nothing.seen).isEmpty();
    assertThat(nothing.cursor).isEqualTo(again.cursor);
  }

  @Test
  void aThingChangedWhileAReaderIsMidWayComesOnceIfNotReadYetAndAgainIfAlreadyRead() {
    List<String> plans = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      plans.add(alex.plan("Plan " + i));
    }
    JsonNode first = alex.get("/api/changes?limit=3").json();
    alex.patch("/api/plans/" + plans.get(1), "{\"name\": \"Read already\"}");
    alex.patch("/api/plans/" + plans.get(4), "{\"name\": \"Not read yet\"}");

    Walk rest = walk(alex, first.get("next_cursor").asString(), 3);

    assertThat(rest.seen).containsExactly("plan " + plans.get(3) + " v1", "plan " + plans.get(5) + " v1",
        "plan " + plans.get(1) + " v2", "plan " + plans.get(4) + " v2");
  }

  @Test
  void tombstonesAreKeptForADeviceThatWasAwayForAYear() {
    String planId = alex.plan("Old plan");
    String sessionId = alex.start(alex.plan("Used plan"));
    String cursor = alex.get("/api/changes").json().get("next_cursor").asString();
    alex.delete("/api/sessions/" + sessionId);
    alex.delete("/api/plans/" + planId);
    for (int i = 0; i < 30; i++) {
      alex.plan("Plan " + i);
    }

    Walk walk = walk(alex, cursor, 7);

    assertThat(walk.seen.subList(0, 2)).containsExactly("session " + sessionId + " v2 deleted",
        "plan " + planId + " v2 deleted");
    assertThat(walk.seen).hasSize(32);
    assertThat(walk(alex, null, 500).seen).as("from the start too").contains("session " + sessionId + " v2 deleted");
  }

  @Test
  void theIdOfADeletedThingCannotBeUsedAgain() {
    UUID planId = UUID.randomUUID();
    alex.post("/api/plans", "{\"id\": \"" + planId + "\", \"name\": \"A\", \"structure\": "
        + ApiHarness.PLAN_STRUCTURE + "}");
    String sessionId = alex.start(planId.toString());
    alex.delete("/api/sessions/" + sessionId);
    alex.delete("/api/plans/" + planId);

    Response plan = alex.post("/api/plans", "{\"id\": \"" + planId + "\", \"name\": \"A\", \"structure\": "
        + ApiHarness.PLAN_STRUCTURE + "}");
    String other = alex.plan("B");
    Response session = alex.post("/api/sessions", "{\"id\": \"" + sessionId + "\", \"plan_id\": \"" + other + "\"}");

    assertThat(plan.status()).isEqualTo(409);
    assertThat(plan.message()).isEqualTo("Plan already exists");
    assertThat(session.status()).isEqualTo(409);
    assertThat(session.message()).isEqualTo("Session already exists");
  }

  @Test
  void theFeedIsTheCallersOwn() {
    String alexPlan = alex.plan("Alex's");
    String alexSession = alex.start(alexPlan);
    alex.delete("/api/sessions/" + alexSession);
    Caller sam = api.caller("Sam");
    String samPlan = sam.plan("Sam's");

    JsonNode samsFeed = sam.get("/api/changes").json();
    JsonNode alexFeed = alex.get("/api/changes").json();

    assertThat(samsFeed.get("data")).singleElement()
        .satisfies(c -> assertThat(c.get("id").asString()).isEqualTo(samPlan));
    assertThat(alexFeed.get("data").valueStream().map(c -> c.get("id").asString()).toList())
        .containsExactly(alexPlan, alexSession);
    assertThat(sam.get("/api/changes?after=" + alexFeed.get("next_cursor").asString()).json().get("data"))
        .as("another profile's cursor is a place in one's own feed, nothing more").isEmpty();
    assertThat(api.send("GET", "/api/changes", null, null, Map.of()).status()).isEqualTo(401);
  }

  @Test
  void limitDefaultsTo100AndGoesUpTo500() {
    for (int i = 0; i < 101; i++) {
      alex.plan("Plan " + i);
    }

    JsonNode defaults = alex.get("/api/changes").json();
    JsonNode big = alex.get("/api/changes?limit=500").json();

    assertThat(defaults.get("data")).hasSize(100);
    assertThat(defaults.get("has_more").asBoolean()).isTrue();
    assertThat(big.get("data")).hasSize(101);
    assertThat(big.get("has_more").asBoolean()).isFalse();
    assertThat(alex.get("/api/changes?limit=1").json().get("data")).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"after=", "after=abc", "after=MTox%3D", "after=MToxMg==", "after=MjoxMg", "after=MTotMQ",
      "after=MTowMQ", "after=%00", "after=MToxMg&after=MToxMg", "limit=0", "limit=501", "limit=x", "limit=",
      "limit=1.5", "offset=0", "cursor=MToxMg", "sort=seq"})
  void badParametersAreA400InvalidQueryParameters(String query) {
    Response refused = alex.get("/api/changes?" + query);

    assertThat(refused.status()).as(query + ": " + refused).isEqualTo(400);
    assertThat(refused.error()).isEqualTo("ValidationError");
    assertThat(refused.message()).isEqualTo("Invalid query parameters");
    assertThat(refused.json().get("details")).isNotEmpty();
  }

  @Test
  void aMalformedCursorIsReportedAtItsPath() {
    Response refused = alex.get("/api/changes?after=not-a-cursor");

    assertThat(refused.json().get("details").get(0).get("path").asString()).isEqualTo("after");
  }

  @Test
  void aCursorIsTheOneNextCursorGave() {
    alex.plan("A");
    alex.plan("B");
    String cursor = alex.get("/api/changes?limit=1").json().get("next_cursor").asString();

    JsonNode next = alex.get("/api/changes?after=" + cursor).json();

    assertThat(cursor).matches("[A-Za-z0-9_-]+");
    assertThat(next.get("data")).singleElement()
        .satisfies(c -> assertThat(c.get("data").get("name").asString()).isEqualTo("B"));
  }

  /** Pages of one walk: each change as "type id vN [deleted]", in the order seen. */
  record Walk(List<String> seen, List<JsonNode> changes, String cursor, int pages) {}

  static Walk walk(Caller caller, String cursor, int limit) {
    List<String> seen = new ArrayList<>();
    List<JsonNode> changes = new ArrayList<>();
    int pages = 0;
    String next = cursor;
    while (true) {
      Response page = caller.get("/api/changes?limit=" + limit + (next == null ? "" : "&after=" + next));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      JsonNode body = page.json();
      pages++;
      Map<String, Boolean> onThisPage = new LinkedHashMap<>();
      for (JsonNode change : body.get("data")) {
        String key = change.get("entity_type").asString() + " " + change.get("id").asString();
        assertThat(onThisPage.put(key, true)).as("once per page: " + key).isNull();
        seen.add(key + " v" + change.get("version").asLong() + (change.get("deleted").asBoolean() ? " deleted" : ""));
        changes.add(change);
      }
      assertThat(body.get("data").size()).isLessThanOrEqualTo(limit);
      next = body.get("next_cursor").asString();
      if (!body.get("has_more").asBoolean()) {
        return new Walk(seen, changes, next, pages);
      }
      assertThat(body.get("data").size()).isEqualTo(limit);
    }
  }
}
