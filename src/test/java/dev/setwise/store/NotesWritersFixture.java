package dev.setwise.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the group-commit tests share: a SQLite database with one table of unique notes, threads to
 * write from, and a way to start a write and return once it is queued behind the writer.
 */
abstract class NotesWritersFixture {

  @TempDir
  Path dir;

  Database database;
  final ExecutorService threads = Executors.newCachedThreadPool();

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("notes.db"));
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

  static void insert(Tx tx, String text) throws java.sql.SQLException {
    try (PreparedStatement statement = tx.prepare("INSERT INTO notes VALUES (?)")) {
      statement.setString(1, text);
      statement.executeUpdate();
    }
  }

  List<String> notes() {
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

  /** Starts {@code write} on another thread and returns once its unit is queued. */
  <T> CompletableFuture<T> queued(Supplier<T> write) {
    int before = database.queuedWriters();
    CompletableFuture<T> future = CompletableFuture.supplyAsync(write, threads);
    while (database.queuedWriters() == before && !future.isDone()) {
      Thread.onSpinWait();
    }
    return future;
  }
}
