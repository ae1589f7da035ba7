package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two {@code setwise serve} instances on one PostgreSQL database, each with its own context and
 * pool as two processes have, and requests spread over both: the rules hold across instances.
 */
class TwoInstancesApiTest {

  @TempDir
  static Path dir;

  static ApiHarness api;
  static URI first;
  static URI second;

  @BeforeAll
  static void start() {
    api = ApiHarness.start(dir, ApiHarness.Backend.POSTGRESQL);
    first = api.base;
    second = api.secondInstance();
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Runs every task at once (they wait for each other to be ready) and returns their results in order. */
  private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      CountDownLatch ready = new CountDownLatch(tasks.size());
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static URI instance(int i) {
    return i % 2 == 0 ? first : second;
  }

  @Test
  void fiftyParallelStartsOverTwoInstancesEndWithExactlyOne201() throws Exception {
    Caller alex = api.caller("Alex");
    String planId = alex.plan("Strength A");
    List<Callable<Response>> starts = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      URI to = instance(i);
      starts.add(() -> api.send(to, "POST", "/api/sessions", alex.token, "{\"plan_id\": \"" + planId + "\"}",
          Map.of()));
    }

    List<Response> answers = atOnce(starts);

    assertThat(answers).filteredOn(r -> r.status() == 201).hasSize(1);
    assertThat(answers).filteredOn(r -> r.status() == 409)
        .hasSize(49).allSatisfy(r -> assertThat(r.message()).isEqualTo("An in-progress session already exists"));
    assertThat(alex.get("/api/sessions").json().get("pagination").get("total").asLong()).isEqualTo(1);
    assertThat(api.send(second, "GET", "/api/audit-log", alex.token, null, Map.of()).json().get("data"))
        .filteredOn(entry -> entry.get("action").asString().equals("session_started")).hasSize(1);
  }

  @Test
  void anIdempotencyKeyAnsweredByOneInstanceIsReplayedByTheOther() {
    Caller alex = api.caller("Alex");
    String body = "{\"name\": \"Push\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";
    Response once = api.send(first, "POST", "/api/plans", alex.token, body, Map.of("Idempotency-Key", "push-1"));
    Response again = api.send(second, "POST", "/api/plans", alex.token, body, Map.of("Idempotency-Key", "push-1"));
    Response other = api.send(second, "POST", "/api/plans", alex.token, body.replace("Push", "Pull"),
        Map.of("Idempotency-Key", "push-1"));

    assertThat(once.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.header(Exchanges.REPLAYED)).isEqualTo("true");
    assertThat(again.body()).isEqualTo(once.body());
    assertThat(again.header("ETag")).isEqualTo(once.header("ETag"));
    assertThat(other.status()).isEqualTo(422);
    assertThat(alex.get("/api/plans").json().get("data")).hasSize(1);
  }

  @Test
  void oneKeySentToBothInstancesAtOnceDoesTheWorkOnce() throws Exception {
    Caller alex = api.caller("Alex");
    String body = "{\"name\": \"Legs\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";
    List<Callable<Response>> posts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      URI to = instance(i);
      posts.add(() -> api.send(to, "POST", "/api/plans", alex.token, body, Map.of("Idempotency-Key", "legs-1")));
    }

    List<Response> answers = atOnce(posts);

    assertThat(answers).allSatisfy(r -> assertThat(r.status()).isEqualTo(201));
    assertThat(answers).extracting(Response::body).containsOnly(answers.get(0).body());
    assertThat(answers).filteredOn(r -> r.header(Exchanges.REPLAYED) == null).hasSize(1);
    assertThat(alex.get("/api/plans").json().get("data")).hasSize(1);
  }

  /**
   * Writers on both instances change plans of one profile while a reader follows the feed (on
   * either instance, in turn). Numbers given out by concurrent transactions could commit out of
   * order; a reader that passed a number committed later would never see that change. At the end
   * the reader has seen every plan at its final version and never the same position twice.
   */
  @Test
  void aFeedReaderFollowingBothInstancesMissesNoChangeCommittedByEither() throws Exception {
    Caller alex = api.caller("Alex");
    List<String> plans = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      plans.add(alex.plan("Plan " + i));
    }
    AtomicBoolean writing = new AtomicBoolean(true);
    Map<String, Long> seen = new HashMap<>();
    List<Long> positions = new ArrayList<>();
    String[] cursor = {null};
    int[] reads = {0};
    Runnable readPage = () -> {
      String path = "/api/changes?limit=3" + (cursor[0] == null ? "" : "&after=" + cursor[0]);
      Response page = api.send(instance(reads[0]++), "GET", path, alex.token, null, Map.of());
      assertThat(page.status()).isEqualTo(200);
      JsonNode json = page.json();
      for (JsonNode change : json.get("data")) {
        seen.put(change.get("id").asString(), change.get("version").asLong());
      }
      cursor[0] = json.get("next_cursor").asString();
      positions.add((long) json.get("data").size());
    };
    List<Callable<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 6; w++) {
      URI to = instance(w);
      writers.add(() -> {
        int done = 0;
        for (int i = 0; i < 15; i++) {
          String planId = plans.get(ThreadLocalRandom.current().nextInt(plans.size()));
          Response changed = api.send(to, "PATCH", "/api/plans/" + planId, alex.token,
              "{\"name\": \"Plan " + planId.substring(0, 8) + " " + i + "\"}", Map.of());
          assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
          done++;
        }
        return done;
      });
    }
    ExecutorService background = Executors.newFixedThreadPool(writers.size());
    try {
      List<Future<Integer>> running = new ArrayList<>();
      for (Callable<Integer> writer : writers) {
        running.add(background.submit(writer));
      }
      while (running.stream().anyMatch(f -> !f.isDone())) {
        readPage.run();
      }
      writing.set(false);
      for (Future<Integer> writer : running) {
        assertThat(writer.get(120, TimeUnit.SECONDS)).isEqualTo(15);
      }
    } finally {
      background.shutdownNow();
    }
    // catch up: pages until an empty one
    long before;
    do {
      before = positions.size();
      readPage.run();
    } while (positions.get(positions.size() - 1) > 0 || positions.size() == before);

    JsonNode now = alex.get("/api/plans").json().get("data");
    assertThat(now).hasSize(plans.size());
    assertThat(reads[0]).isGreaterThan(2);
    for (JsonNode plan : now) {
      assertThat(seen.get(plan.get("id").asString())).as("the reader's last view of plan " + plan.get("id"))
          .isEqualTo(plan.get("version").asLong());
    }
    assertThat(writing).isFalse();
  }
}
