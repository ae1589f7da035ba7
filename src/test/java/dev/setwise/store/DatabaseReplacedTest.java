package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.StorageException;
import dev.setwise.domain.StorageException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database whose file is replaced or removed behind its back stops: no read, and no write reported as saved. */
class DatabaseReplacedTest {

  @TempDir
  Path dir;

  Path file;
  Database database;

  @BeforeEach
  void open() {
    file = dir.resolve("setwise.db");
    database = Database.open(file);
    database.write(tx -> {
      tx.connection().createStatement().execute("CREATE TABLE notes (text TEXT NOT NULL)");
      return null;
    });
  }

  @AfterEach
  void close() {
    database.close();
  }

  private void insert(String text) {
    database.write(tx -> {
      tx.connection().createStatement().execute("INSERT INTO notes VALUES ('" + text + "')");
      return null;
    });
  }

  private long count() {
    return database.read(tx -> {
      try (ResultSet rs = tx.connection().createStatement().executeQuery("SELECT count(*) FROM notes")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void aFileMovedAsideAndReplacedStopsEveryReadAndWrite() throws Exception {
    insert("before");
    assertThat(database.problem()).isNull();
    Path other = dir.resolve("other.db");
    Database.open(other).close();
    Files.move(file, dir.resolve("set-aside.db"));
    Files.copy(other, file);

    assertThatThrownBy(() -> insert("after")).isInstanceOfSatisfying(StorageException.class,
        e -> assertThat(e.reason()).isEqualTo(Reason.REPLACED));
    assertThatThrownBy(this::count).isInstanceOf(StorageException.class)
        .hasMessage("setwise.db in " + dir + " was replaced by another file while Setwise had it open; Setwise "
            + "stops using it: start Setwise again to open the file that is there now");
    assertThat(database.problem()).isNotNull();
  }

  @Test
  void aFileRemovedStopsEveryReadAndWrite() throws Exception {
    insert("before");
    Files.move(file, dir.resolve("elsewhere.db"));

    assertThatThrownBy(() -> insert("after")).isInstanceOf(StorageException.class).hasMessageContaining("was removed");
    assertThatThrownBy(this::count).isInstanceOf(StorageException.class);
  }

  @Test
  void aWriteCommittedWhileTheFileWasReplacedIsNotReportedAsSaved() {
    AtomicBoolean afterCommitRan = new AtomicBoolean();

    assertThatThrownBy(() -> database.write(tx -> {
      tx.connection().createStatement().execute("INSERT INTO notes VALUES ('during')");
      // The file is moved away while the transaction is open: it commits into the file set aside.
      try {
        Files.move(file, dir.resolve("set-aside.db"));
        Files.writeString(file, "a new file");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      tx.afterCommit(() -> afterCommitRan.set(true));
      return null;
    })).isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLACED));
    assertThat(afterCommitRan).as("nothing hears that it was saved").isFalse();
  }
}
