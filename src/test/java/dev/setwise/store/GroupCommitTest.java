package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Group commit on SQLite (docs/decisions/0046): writers queued behind each other share one
 * commit, each unit undone alone when it fails, and nobody hears back before the commit.
 */
class GroupCommitTest extends NotesWritersFixture {

  @Test
  void writersQueuedBehindEachOtherShareOneCommitAndAFailingUnitIsUndoneAlone() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    long commitsBefore = database.commits();
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> database.write(tx -> {
      insert(tx, "a");
      firstRunning.countDown();
      awaitQuietly(release);
      return "a saved";
    }), threads);
    firstRunning.await();
    CompletableFuture<String> second = queued(() -> database.write(tx -> {
      insert(tx, "b");
      return "b saved";
    }));
    CompletableFuture<String> refused = queued(() -> database.write(tx -> {
      insert(tx, "c");
      throw new IllegalStateException("c refused");
    }));
    CompletableFuture<String> duplicate = queued(() -> database.write(tx -> {
      insert(tx, "d");
      insert(tx, "a"); // the first unit's row, not committed yet: the UNIQUE rule sees it all the same
      return "never";
    }));
    CompletableFuture<String> fourth = queued(() -> database.writeUnit(tx -> {
      insert(tx, "e");
      return "e saved";
    }));
    assertThat(notes()).as("nothing is visible before the group commits").isEmpty();

    release.countDown();

    assertThat(first.get()).isEqualTo("a saved");
    assertThat(second.get()).isEqualTo("b saved");
    assertThat(fourth.get()).isEqualTo("e saved");
    assertThat(failure(refused)).isInstanceOf(IllegalStateException.class).hasMessage("c refused");
    assertThat(failure(duplicate)).isInstanceOf(StoreException.class);
    assertThat(notes()).containsExactly("a", "b", "e");
    assertThat(database.commits() - commitsBefore).as("one commit for the five writers").isEqualTo(1);
  }

  @Test
  void aLoneWriterCommitsAtOnceAndAFailedFirstUnitLeavesTheNextWriterAFreshTransaction() {
    long commitsBefore = database.commits();
    database.write(tx -> {
      insert(tx, "a");
      return null;
    });
    assertThat(database.commits() - commitsBefore).isEqualTo(1);

    CompletableFuture<Object> failed = CompletableFuture.supplyAsync(() -> database.write(tx -> {
      insert(tx, "b");
      throw new IllegalStateException("refused");
    }), threads);
    assertThat(failure(failed)).hasMessage("refused");
    database.write(tx -> {
      insert(tx, "c");
      return null;
    });

    assertThat(notes()).containsExactly("a", "c");
    assertThat(database.commits() - commitsBefore).isEqualTo(2);
  }

  @Test
  void aCheckpointAskedForWhileAGroupIsOpenCommitsTheGroupFirst() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> database.write(tx -> {
      insert(tx, "a");
      firstRunning.countDown();
      awaitQuietly(release);
      return "a saved";
    }), threads);
    firstRunning.await();
    CompletableFuture<Void> checkpoint = queued(() -> {
      database.withWriteConnection(connection -> {
        try (java.sql.Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
      });
      return null;
    });
    release.countDown();

    assertThat(first.get()).isEqualTo("a saved");
    checkpoint.get();
    assertThat(notes()).containsExactly("a");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.join();
      throw new AssertionError("expected a failure, got " + future.join());
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
