package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.StorageException;
import dev.setwise.domain.StorageException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The check that the database file is still the one opened, in a group commit: one look at the
 * path as the write transaction begins and one after its commit, not one per unit; a file replaced
 * while the group is open still fails every unit of it, and none hears that it was saved.
 */
class DatabaseReplacedGroupTest extends NotesWritersFixture {

  @Test
  void aGroupLooksAtTheFileOnceAsItBeginsAndOnceAfterItsCommit() throws Exception {
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    long looksBefore = database.fileLooks();
    long commitsBefore = database.commits();
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> database.write(tx -> {
      insert(tx, "a");
      firstRunning.countDown();
      awaitQuietly(release);
      return "a";
    }), threads);
    firstRunning.await();
    List<CompletableFuture<String>> others = new java.util.ArrayList<>();
    for (String text : new String[] {"b", "c", "d", "e"}) {
      others.add(queued(() -> database.write(tx -> {
        insert(tx, text);
        return text;
      })));
    }
    release.countDown();

    assertThat(first.get()).isEqualTo("a");
    for (CompletableFuture<String> other : others) {
      other.get();
    }
    assertThat(database.commits() - commitsBefore).isEqualTo(1);
    assertThat(database.fileLooks() - looksBefore).as("before the begin and after the commit").isEqualTo(2);
    assertThat(notes()).containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void aFileReplacedWhileAGroupIsOpenFailsEveryUnitOfIt() throws Exception {
    Path file = dir.resolve("notes.db");
    CountDownLatch firstRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger told = new AtomicInteger();
    CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> database.write(tx -> {
      insert(tx, "a");
      tx.afterCommit(told::incrementAndGet);
      firstRunning.countDown();
      awaitQuietly(release);
      return "a";
    }), threads);
    firstRunning.await();
    List<CompletableFuture<String>> others = new java.util.ArrayList<>();
    for (String text : new String[] {"b", "c"}) {
      others.add(queued(() -> database.write(tx -> {
        insert(tx, text);
        tx.afterCommit(told::incrementAndGet);
        return text;
      })));
    }
    // The file goes while the group is open: every unit commits into the file set aside.
    Files.move(file, dir.resolve("set-aside.db"));
    Files.writeString(file, "a new file");
    release.countDown();

    for (CompletableFuture<String> unit : List.of(first, others.get(0), others.get(1))) {
      assertThat(failure(unit)).isInstanceOfSatisfying(StorageException.class,
          e -> assertThat(e.reason()).isEqualTo(Reason.REPLACED));
    }
    assertThat(told).as("nobody hears that it was saved").hasValue(0);
    CompletableFuture<String> later = CompletableFuture.supplyAsync(() -> database.write(tx -> "later"), threads);
    assertThat(failure(later)).isInstanceOf(StorageException.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Throwable failure(CompletableFuture<?> future) {
    try {
      future.join();
      return null;
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
