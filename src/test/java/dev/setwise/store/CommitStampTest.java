package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Database#commitStamp}: equal answers mean nothing was committed in between, by this
 * database or by any other connection to the file (another process, as {@code setwise token
 * revoke} is); what the authentication of the REST API relies on to skip reading a token row.
 */
class CommitStampTest {

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

  private long count() {
    return database.read(tx -> {
      try (ResultSet rs = tx.connection().createStatement().executeQuery("SELECT count(*) FROM notes")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Test
  void theStampStaysTheSameWhileOnlyReadsHappen() {
    Object before = database.commitStamp();
    count();
    count();

    assertThat(before).isNotNull();
    assertThat(database.commitStamp()).isEqualTo(before);
  }

  @Test
  void everyCommitOfThisDatabaseChangesTheStamp() {
    Object first = database.commitStamp();
    database.write(tx -> tx.connection().createStatement().executeUpdate("INSERT INTO notes VALUES ('a')"));
    Object second = database.commitStamp();
    database.write(tx -> tx.connection().createStatement().executeUpdate("INSERT INTO notes VALUES ('b')"));

    assertThat(second).isNotEqualTo(first);
    assertThat(database.commitStamp()).isNotEqualTo(second).isNotEqualTo(first);
  }

  @Test
  void aCommitThroughAnotherConnectionToTheFileChangesTheStamp() throws Exception {
    count();
    Object before = database.commitStamp();

    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = other.createStatement()) {
      statement.executeUpdate("INSERT INTO notes VALUES ('from elsewhere')");
      assertThat(database.commitStamp()).as("committed by another connection").isNotEqualTo(before);
    }
    assertThat(count()).isEqualTo(1);
  }

  @Test
  void aCheckpointThatStartsTheWalOverStillChangesTheStampOfTheNextCommit() {
    database.write(tx -> tx.connection().createStatement().executeUpdate("INSERT INTO notes VALUES ('a')"));
    database.withWriteConnection(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    });
    Object afterCheckpoint = database.commitStamp();
    database.write(tx -> tx.connection().createStatement().executeUpdate("INSERT INTO notes VALUES ('b')"));

    assertThat(database.commitStamp()).isNotEqualTo(afterCheckpoint);
  }

  @Test
  void aReplacedFileIsNoticedAsEveryReadNoticesIt() throws Exception {
    database.commitStamp();
    Files.move(file, dir.resolve("aside.db"));
    Files.writeString(file, "not the database");

    assertThatThrownBy(database::commitStamp).isInstanceOf(StorageException.class)
        .extracting(e -> ((StorageException) e).reason()).isEqualTo(StorageException.Reason.REPLACED);
  }
}
