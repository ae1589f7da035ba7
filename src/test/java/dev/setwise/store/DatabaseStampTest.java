package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database id in page 1 (the check that a {@code -wal} belongs to its database): every WAL the
 * database leaves holds a copy of page 1 with its id, also after a checkpoint started the WAL
 * afresh, while commits that append to a WAL that has one already do not write page 1 again.
 */
class DatabaseStampTest {

  @TempDir
  Path dir;
  Path file;
  Database database;

  @BeforeEach
  void open() {
    file = dir.resolve("stamp.db");
    database = Database.open(file);
    database.write(tx -> {
      tx.connection().createStatement().execute("CREATE TABLE notes (text TEXT NOT NULL)");
      return null;
    });
    // one page of notes, so that the small inserts below change no page but the table's
    insert("x".repeat(100));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void commitsThatAppendToAWalWithTheIdDoNotWritePage1Again() throws Exception {
    int before = walPage1Copies();
    assertThat(before).isPositive();
    for (int i = 0; i < 20; i++) {
      insert("note " + i);
    }
    assertThat(walPage1Copies()).isEqualTo(before);
  }

  @Test
  void aWalStartedAfreshAfterACheckpointHoldsPage1WithTheId() throws Exception {
    int id = idInFile();
    for (String mode : new String[] {"TRUNCATE", "PASSIVE", "RESTART"}) {
      database.withWriteConnection(connection -> {
        try (Statement statement = connection.createStatement()) {
          statement.execute("PRAGMA wal_checkpoint(" + mode + ")");
        }
      });
      insert("after a " + mode + " checkpoint");
      WalFile wal = WalFile.read(walFile());
      assertThat(wal.page1()).as(mode).isNotEmpty();
      assertThat(wal.page1()).as(mode).allSatisfy(copy -> assertThat(copy.databaseId()).isEqualTo(id));
    }
  }

  @Test
  void theWriterOpensTheWalIndexOnceNotOncePerWrite() {
    for (int i = 0; i < 20; i++) {
      insert("note " + i);
    }
    assertThat(database.walIndexOpens()).isEqualTo(1);
  }

  @Test
  void anIndexFileRemovedAtItsPathChangesNothingTheWriterReads() throws Exception {
    int id = idInFile();
    int before = walPage1Copies();
    Files.delete(shmFile());
    for (int i = 0; i < 20; i++) {
      insert("note " + i);
    }
    assertThat(walPage1Copies()).as("appends still seen as appends").isEqualTo(before);
    checkpoint("TRUNCATE");
    insert("after the checkpoint");
    assertThat(WalFile.read(walFile()).page1()).isNotEmpty()
        .allSatisfy(copy -> assertThat(copy.databaseId()).isEqualTo(id));
  }

  @Test
  void anIndexFileReplacedAtItsPathIsNotWhatTheWriterReads() throws Exception {
    int id = idInFile();
    insert("one more frame");
    // an index that says "frames not yet copied": a writer reading it would not write page 1
    Path stale = dir.resolve("stale-shm");
    Files.copy(shmFile(), stale);
    checkpoint("TRUNCATE");
    Path replacement = dir.resolve("replacement-shm");
    Files.copy(stale, replacement);
    Files.move(replacement, shmFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

    insert("after the checkpoint");
    assertThat(WalFile.read(walFile()).page1()).as("the new WAL starts with page 1").isNotEmpty()
        .allSatisfy(copy -> assertThat(copy.databaseId()).isEqualTo(id));
  }

  private void checkpoint(String mode) {
    database.withWriteConnection(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA wal_checkpoint(" + mode + ")");
      }
    });
  }

  private Path shmFile() {
    return file.resolveSibling(file.getFileName() + "-shm");
  }

  private void insert(String text) {
    database.write(tx -> {
      try (PreparedStatement statement = tx.connection().prepareStatement("INSERT INTO notes VALUES (?)")) {
        statement.setString(1, text);
        statement.executeUpdate();
      }
      return null;
    });
  }

  private int walPage1Copies() throws Exception {
    return WalFile.read(walFile()).page1().size();
  }

  private Path walFile() {
    return file.resolveSibling(file.getFileName() + "-wal");
  }

  private int idInFile() throws Exception {
    return database.read(tx -> {
      try (var rs = tx.connection().createStatement().executeQuery("PRAGMA user_version")) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

}
