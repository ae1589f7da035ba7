package dev.setwise.api;

import static dev.setwise.api.ApiHarness.headers;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The change feed against a brute-force model, over real HTTP. Random plan and session changes
 * (creates with and without client ids and idempotent retries, edits, stale If-Match, archiving,
 * deletions, sessions logged elsewhere, amendments) by two profiles are interleaved with random page reads by
 * several readers. The model keeps, per profile, every entity with the number of its latest change;
 * the page a reader must get is the model's entities after its cursor, in that order, cut at the
 * limit. Every page must be exactly that, and each reader that walks to the end holds every
 * entity at its latest version, having seen no (entity, version) twice.
 */
class ChangeFeedModelApiTest extends ApiTestBase {

  static final String LOGGED = "{\"session\": " + ApiHarness.LOGGED_SESSION + "}";

  /** One entity as the model knows it: where its latest change is, at which version, deleted or not. */
  record Entry(String type, String id, long seq, long version, boolean deleted) {

    String key() {
      return type + " " + id;
    }

    String seen() {
      return key() + " v" + version + (deleted ? " deleted" : "");
    }
  }

  /** What the server must hold for one profile, and the rules needed to choose valid requests. */
  static final class Model {
    final Caller caller;
    final Map<String, Entry> feed = new HashMap<>();
    final Map<String, Boolean> planHasSessions = new HashMap<>();
    final Set<String> archivedPlans = new HashSet<>();
    final Map<String, Boolean> sessionCompleted = new HashMap<>();
    final List<Reader> readers = new ArrayList<>();
    long seq;
    String inProgress;

    Model(Caller caller) {
      this.caller = caller;
    }

    void change(String type, String id, long version, boolean deleted) {
      feed.put(type + " " + id, new Entry(type, id, ++seq, version, deleted));
    }

    long version(String type, String id) {
      return feed.get(type + " " + id).version();
    }

    List<String> livePlans(boolean withArchived) {
      return planHasSessions.keySet().stream().filter(id -> withArchived || !archivedPlans.contains(id))
          .sorted().toList();
    }

    List<String> sessions(Boolean completed) {
      return sessionCompleted.entrySet().stream()
          .filter(e -> completed == null || e.getValue() == completed).map(Map.Entry::getKey).sorted().toList();
    }
  }

  /** One device reading the feed: its cursor on the server and the model's cursor beside it. */
  static final class Reader {
    String cursor;
    long modelSeq;
    final Map<String, String> replica = new HashMap<>();
    final Set<String> seen = new HashSet<>();
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 42, 20261124})
  void randomChangesAndRandomPagesMatchTheModel(long seed) {
    Random random = new Random(seed);
    List<Model> models = List.of(new Model(api.caller("Alex")), new Model(api.caller("Sam")));
    for (Model model : models) {
      for (int i = 0; i < 3; i++) {
        model.readers.add(new Reader());
      }
    }
    for (int step = 0; step < 220; step++) {
      Model model = models.get(random.nextInt(models.size()));
      if (random.nextInt(3) == 0) {
        readPage(model, model.readers.get(random.nextInt(model.readers.size())), 1 + random.nextInt(5));
      } else {
        act(model, random);
      }
    }
    for (Model model : models) {
      for (Reader reader : model.readers) {
        while (readPage(model, reader, 1 + random.nextInt(7))) {
          // to the end
        }
        Map<String, String> expected = new HashMap<>();
        model.feed.values().forEach(e -> expected.put(e.key(), e.seen()));
        assertThat(reader.replica).as("a reader at the end holds everything at its latest version")
            .isEqualTo(expected);
      }
    }
  }

  private void act(Model model, Random random) {
    Caller caller = model.caller;
    switch (random.nextInt(12)) {
      case 0, 1 -> {
        boolean clientId = random.nextBoolean();
        String id = clientId ? UUID.randomUUID().toString() : null;
        String body = "{" + (clientId ? "\"id\": \"" + id + "\", " : "") + "\"name\": \"P\", \"structure\": "
            + ApiHarness.PLAN_STRUCTURE + "}";
        String key = "plan-" + UUID.randomUUID();
        Response created = caller.post("/api/plans", body, key);
        assertThat(created.status()).isEqualTo(201);
        String planId = created.json().get("id").asString();
        model.change("plan", planId, 1, false);
        model.planHasSessions.put(planId, false);
        if (random.nextBoolean()) {
          assertThat(caller.post("/api/plans", body, key).header("Idempotent-Replayed"))
              .as("a retried create is no new change").isEqualTo("true");
        }
        if (clientId && random.nextBoolean()) {
          assertThat(caller.post("/api/plans", body).status()).isEqualTo(409);
        }
      }
      case 2 -> pick(random, model.livePlans(false)).ifPresent(planId -> {
        long version = model.version("plan", planId);
        boolean stale = random.nextInt(4) == 0 && version > 1;
        Map<String, String> ifMatch = random.nextBoolean() || stale
            ? headers("If-Match", "\"" + (stale ? version - 1 : version) + "\"") : Map.of();
        Response patched = caller.request("PATCH", "/api/plans/" + planId, "{\"name\": \"P" + random.nextInt(99)
            + "\"}", ifMatch);
        if (stale) {
          assertThat(patched.status()).isEqualTo(412);
        } else {
          assertThat(patched.status()).isEqualTo(200);
          model.change("plan", planId, version + 1, false);
        }
      });
      case 3 -> pick(random, model.livePlans(false)).ifPresent(planId -> {
        long version = model.version("plan", planId);
        assertThat(caller.delete("/api/plans/" + planId).status()).isEqualTo(204);
        if (model.planHasSessions.get(planId)) {
          model.archivedPlans.add(planId);
          model.change("plan", planId, version + 1, false);
        } else {
          model.planHasSessions.remove(planId);
          model.change("plan", planId, version + 1, true);
        }
      });
      case 4, 5 -> {
        if (model.inProgress == null) {
          pick(random, model.livePlans(false)).ifPresent(planId -> {
            Response started = caller.post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");
            assertThat(started.status()).isEqualTo(201);
            String id = started.json().get("id").asString();
            model.inProgress = id;
            model.sessionCompleted.put(id, false);
            model.planHasSessions.put(planId, true);
            model.change("session", id, 1, false);
          });
        } else {
          long version = model.version("session", model.inProgress);
          Response patched = caller.patch("/api/sessions/" + model.inProgress, LOGGED);
          assertThat(patched.status()).isEqualTo(200);
          model.change("session", model.inProgress, version + 1, false);
        }
      }
      case 6 -> {
        if (model.inProgress != null) {
          long version = model.version("session", model.inProgress);
          assertThat(caller.post("/api/sessions/" + model.inProgress + "/complete", null).status()).isEqualTo(200);
          model.sessionCompleted.put(model.inProgress, true);
          model.change("session", model.inProgress, version + 1, false);
          model.inProgress = null;
        }
      }
      case 7 -> pick(random, model.sessions(null)).ifPresent(id -> {
        long version = model.version("session", id);
        assertThat(caller.delete("/api/sessions/" + id).status()).isEqualTo(204);
        model.sessionCompleted.remove(id);
        if (id.equals(model.inProgress)) {
          model.inProgress = null;
        }
        model.change("session", id, version + 1, true);
      });
      case 8 -> {
        List<String> plans = model.livePlans(true);
        String planId = plans.isEmpty() || random.nextBoolean() ? null : plans.get(random.nextInt(plans.size()));
        Response logged = caller.post("/api/sessions", "{\"plan_id\": " + (planId == null ? "null" : "\"" + planId
            + "\"") + ", \"started_at\": \"2026-11-20T17:00:00Z\", \"ended_at\": \"2026-11-20T18:00:00Z\", "
            + "\"session\": " + ApiHarness.LOGGED_SESSION + "}");
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        String id = logged.json().get("id").asString();
        model.sessionCompleted.put(id, true);
        if (planId != null) {
          model.planHasSessions.put(planId, true);
        }
        model.change("session", id, 1, false);
      }
      case 9 -> pick(random, model.sessions(true)).ifPresent(id -> {
        long version = model.version("session", id);
        Response amended = caller.post("/api/sessions/" + id + "/amendments", "{\"session\": "
            + ApiHarness.LOGGED_SESSION + ", \"reason\": \"fix " + version + "\"}");
        assertThat(amended.status()).as(amended.toString()).isEqualTo(201);
        model.change("session", id, version + 1, false);
      });
      default -> pick(random, model.sessions(null)).ifPresent(id -> {
        // A stale write of any kind changes nothing and is no change in the feed.
        long version = model.version("session", id);
        Response stale = caller.request("DELETE", "/api/sessions/" + id, null,
            headers("If-Match", "\"" + (version + 1) + "\""));
        assertThat(stale.status()).isEqualTo(412);
      });
    }
  }

  /** Reads one page and checks it against the model; true when the server says more is waiting. */
  private static boolean readPage(Model model, Reader reader, int limit) {
    Response page = model.caller.get("/api/changes?limit=" + limit
        + (reader.cursor == null ? "" : "&after=" + reader.cursor));
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    List<Entry> waiting = model.feed.values().stream().filter(e -> e.seq() > reader.modelSeq)
        .sorted(Comparator.comparingLong(Entry::seq)).toList();
    List<Entry> expected = waiting.subList(0, Math.min(limit, waiting.size()));
    List<String> actual = new ArrayList<>();
    JsonNode body = page.json();
    for (JsonNode change : body.get("data")) {
      String seen = change.get("entity_type").asString() + " " + change.get("id").asString() + " v"
          + change.get("version").asLong() + (change.get("deleted").asBoolean() ? " deleted" : "");
      actual.add(seen);
      JsonNode data = change.get("data");
      if (change.get("deleted").asBoolean()) {
        assertThat(data.isNull()).isTrue();
      } else {
        assertThat(data.get("id").asString()).isEqualTo(change.get("id").asString());
        assertThat(data.get("version").asLong()).isEqualTo(change.get("version").asLong());
      }
    }
    assertThat(actual).as("the page after the reader's cursor").isEqualTo(expected.stream().map(Entry::seen).toList());
    assertThat(body.get("has_more").asBoolean()).isEqualTo(waiting.size() > limit);
    Map<String, String> applied = new LinkedHashMap<>();
    for (Entry entry : expected) {
      assertThat(reader.seen.add(entry.seen())).as("seen once: " + entry.seen()).isTrue();
      applied.put(entry.key(), entry.seen());
    }
    reader.replica.putAll(applied);
    if (!expected.isEmpty()) {
      reader.modelSeq = expected.get(expected.size() - 1).seq();
    }
    reader.cursor = body.get("next_cursor").asString();
    return body.get("has_more").asBoolean();
  }

  private static java.util.Optional<String> pick(Random random, List<String> from) {
    return from.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(from.get(random.nextInt(from.size())));
  }
}
