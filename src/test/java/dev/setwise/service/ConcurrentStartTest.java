package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two racers for one profile: exactly one session starts, the other gets the conflict. */
class ConcurrentStartTest {

  @TempDir
  Path dir;

  @RepeatedTest(5)
  void twoThreadsRacingToStartEndWithOneSessionAndOneConflict() throws Exception {
    try (TestContext t = new TestContext(dir.resolve("run-" + System.nanoTime()))) {
      Profile alex = t.profile("Alex");
      Plan plan = t.plan(alex, "A");

      List<String> outcomes = race(2, () -> {
        t.app.sessions().start(alex.id(), plan.id(), null);
        return "started";
      });

      assertThat(outcomes).containsExactlyInAnyOrder("started", Messages.SESSION_IN_PROGRESS);
      assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(1);
    }
  }

  @Test
  void twoProcessesWorthOfConnectionsStillStartOnlyOne() throws Exception {
    // Two independent AppContexts on one file behave like two processes (separate connections and
    // locks): only SQLite's own locking and the partial unique index keep the rule.
    Path data = dir.resolve("shared");
    java.nio.file.Files.createDirectories(data);
    try (TestContext first = new TestContext(data); AppContext second = AppContext.open(data)) {
      Profile alex = first.profile("Alex");
      Plan plan = first.plan(alex, "A");

      List<String> outcomes = race(2, new Callable<>() {
        private final java.util.concurrent.atomic.AtomicInteger turn = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public String call() {
          AppContext app = turn.getAndIncrement() == 0 ? first.app : second;
          app.sessions().start(alex.id(), plan.id(), null);
          return "started";
        }
      });

      assertThat(outcomes).containsExactlyInAnyOrder("started", Messages.SESSION_IN_PROGRESS);
    }
  }

  private static List<String> race(int racers, Callable<String> action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      CountDownLatch ready = new CountDownLatch(racers);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          try {
            return action.call();
          } catch (ConflictException e) {
            return e.getMessage();
          }
        }));
      }
      ready.await();
      go.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
