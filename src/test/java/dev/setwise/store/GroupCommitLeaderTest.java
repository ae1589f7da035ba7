package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The leader of group commit (docs/decisions/0054): the writer holding the lock runs the units
 * queued behind it on its own thread, commits once and answers each writer with its own outcome.
 */
class GroupCommitLeaderTest extends NotesWritersFixture {

  @Test
  void aLeaderWhoseOwnUnitFailsStillRunsAndCommitsTheUnitsQueuedBehindIt() throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Thread> leader = new AtomicReference<>();
    Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
    long commitsBefore = database.commits();
    CompletableFuture<String> own = CompletableFuture.supplyAsync(() -> database.write(tx -> {
      leader.set(Thread.currentThread());
      insert(tx, "leader's");
      leading.countDown();
      await(release);
      throw new IllegalStateException("the leader's own unit is refused");
    }), threads);
    leading.await();
    CompletableFuture<String> b = queued(() -> database.write(tx -> {
      ranOn.add(Thread.currentThread());
      insert(tx, "b");
      return "b saved";
    }));
    CompletableFuture<String> refused = queued(() -> database.write(tx -> {
      ranOn.add(Thread.currentThread());
      insert(tx, "c");
      throw new IllegalArgumentException("c refused");
    }));
    CompletableFuture<String> d = queued(() -> database.write(tx -> {
      ranOn.add(Thread.currentThread());
      insert(tx, "d");
      return "d saved";
    }));

    release.countDown();

    assertThat(failure(own)).isInstanceOf(IllegalStateException.class).hasMessage("the leader's own unit is refused");
    assertThat(b.get()).isEqualTo("b saved");
    assertThat(d.get()).isEqualTo("d saved");
    assertThat(failure(refused)).isInstanceOf(IllegalArgumentException.class).hasMessage("c refused");
    assertThat(notes()).containsExactly("b", "d");
    assertThat(ranOn).as("the queued units ran on the leader's thread: no hand-off").containsExactly(leader.get());
    assertThat(database.commits() - commitsBefore).as("the leader's refusal, then one commit for the rest")
        .isEqualTo(1);
  }

  @Test
  void anInterruptedFollowerStillGetsItsAnswerAfterTheCommitAndKeepsItsInterrupt() throws Exception {
    CountDownLatch leading = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Boolean> leaderInterruptedAfter = CompletableFuture.supplyAsync(() -> {
      database.write(tx -> {
        insert(tx, "a");
        leading.countDown();
        await(release);
        return null;
      });
      return Thread.currentThread().isInterrupted();
    }, threads);
    leading.await();
    AtomicReference<Thread> follower = new AtomicReference<>();
    AtomicReference<Boolean> workSawInterrupt = new AtomicReference<>();
    CompletableFuture<Boolean> followerInterruptedAfter = queued(() -> {
      follower.set(Thread.currentThread());
      String saved = database.write(tx -> {
        workSawInterrupt.set(Thread.currentThread().isInterrupted());
        insert(tx, "b");
        return "b saved";
      });
      assertThat(saved).isEqualTo("b saved");
      return Thread.currentThread().isInterrupted();
    });
    follower.get().interrupt();
    // the follower wakes, takes its interrupt (the flag is cleared) and goes back to wait for its answer
    Thread waiting = follower.get();
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while ((waiting.isInterrupted() || (waiting.getState() != Thread.State.WAITING
        && waiting.getState() != Thread.State.TIMED_WAITING)) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(waiting.isInterrupted()).as("the follower took its interrupt").isFalse();
    assertThat(followerInterruptedAfter).isNotDone();

    release.countDown();

    assertThat(followerInterruptedAfter.get()).as("the follower's interrupt is kept").isTrue();
    assertThat(workSawInterrupt.get()).as("its work ran interrupted, as on its own thread").isTrue();
    assertThat(leaderInterruptedAfter.get()).as("the interrupt does not leak into the leader's thread").isFalse();
    assertThat(notes()).containsExactly("a", "b");
  }

  @Test
  void manyWritersAtOnceAreEachAnsweredWithTheirOwnOutcomeAndNoneIsLeftWaiting() {
    int writers = 24;
    int writesEach = 150;
    assertTimeoutPreemptively(Duration.ofSeconds(90), () -> {
      CyclicBarrier start = new CyclicBarrier(writers);
      List<CompletableFuture<Set<String>>> done = new ArrayList<>();
      long commitsBefore = database.commits();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(CompletableFuture.supplyAsync(() -> {
          Set<String> saved = new HashSet<>();
          await(start);
          for (int i = 0; i < writesEach; i++) {
            String text = writer + "-" + i;
            boolean refuse = i % 7 == writer % 7;
            try {
              String answer = database.write(tx -> {
                insert(tx, text);
                if (refuse) {
                  throw new IllegalStateException("refused " + text);
                }
                return text;
              });
              assertThat(answer).isEqualTo(text);
              assertThat(refuse).as("a refused unit is never answered as saved").isFalse();
              saved.add(text);
            } catch (IllegalStateException e) {
              assertThat(e).hasMessage("refused " + text);
            }
          }
          return saved;
        }, threads));
      }
      Set<String> saved = new HashSet<>();
      for (CompletableFuture<Set<String>> one : done) {
        saved.addAll(one.join());
      }
      assertThat(new HashSet<>(notes())).isEqualTo(saved);
      assertThat(saved).hasSizeLessThan(writers * writesEach).hasSizeGreaterThan(writers * writesEach * 5 / 7);
      assertThat(database.queuedWriters()).isZero();
      assertThat(database.commits() - commitsBefore).isLessThanOrEqualTo(saved.size());
    });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.join();
      throw new AssertionError("expected a failure, got " + future.join());
    } catch (java.util.concurrent.CompletionException e) {
      return e.getCause();
    }
  }
}
