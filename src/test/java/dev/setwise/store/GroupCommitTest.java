package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on SQLite (docs/decisions/0046): writers queued behind each other share one
 * commit, each unit undone alone when it fails, and nobody hears back before the commit.
 */
class GroupCommitTest {

  @TempDir
  Path dir;

  Database database;
  final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("group.db"));
    database.write(tx -> {
      tx.connection().createStatement().execute("CREATE TABLE notes (text TEXT NOT NULL UNIQUE)");
      return null;
    });
  }

  @AfterEach
  void close() {
    threads.shutdownNow();
    database.close();
  }

  private static void insert(Tx tx, String text) throws java.sql.SQLException {
    try (PreparedStatement statement = tx.prepare("INSERT INTO notes VALUES (?)")) {
      statement.setString(1, text);
      statement.executeUpdate();
    }
  }

  private List<String> notes() {
    return database.read(tx -> {
      List<String> texts = new ArrayList<>();
      try (ResultSet rs = tx.connection().createStatement().executeQuery("SELECT text FROM notes ORDER BY rowid")) {
        while (rs.next()) {
          texts.add(rs.getString(1));
        }
      }
      return texts;
    });
  }

  /** Starts {@code write} on another thread and returns once it waits for the write lock. */
  private <T> CompletableFuture<T> queued(Supplier<T> write) {
    int before = database.queuedWriters();
    CompletableFuture<T> future = CompletableFuture.supplyAsync(write, threads);
    while (database.queuedWriters() == before && !future.isDone()) {
      Thread.onSpinWait();
    }
    return future;
  }

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
