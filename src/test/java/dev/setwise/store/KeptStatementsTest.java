package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Tx#prepare} on a pooled read connection ({@link KeptStatements}, docs/decisions/0055):
 * compiled once per connection, handed out again with nothing of the last use left, closed with
 * the connection, and right after the schema or the file changed.
 */
class KeptStatementsTest {

  static final String BY_OWNER = "SELECT text FROM notes WHERE owner = ? ORDER BY text";

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("kept.db"));
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.execute("CREATE TABLE notes (owner TEXT NOT NULL, text TEXT NOT NULL)");
        statement.execute("INSERT INTO notes VALUES ('a', 'a1'), ('a', 'a2'), ('b', 'b1')");
      }
      return null;
    });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aReadConnectionCompilesAStatementOnceAndHandsItOutInLaterTransactions() {
    List<PreparedStatement> seen = new ArrayList<>();
    assertThat(texts("a", seen)).containsExactly("a1", "a2");
    assertThat(texts("b", seen)).containsExactly("b1");
    assertThat(texts("a", seen)).containsExactly("a1", "a2");

    // reads one after another share the one connection opened, and with it the statement
    assertThat(seen).hasSize(3);
    assertThat(seen.get(1)).isSameAs(seen.get(0));
    assertThat(seen.get(2)).isSameAs(seen.get(0));
  }

  @Test
  void nothingBoundForOneOwnerReachesTheNextUse() {
    texts("a", new ArrayList<>());
    List<String> unbound = database.read(tx -> {
      try (PreparedStatement statement = tx.prepare(BY_OWNER)) {
        return rows(statement); // no owner bound this time: NULL, never the last owner's
      }
    });
    assertThat(unbound).isEmpty();
  }

  @Test
  void aResultSetLeftOpenDoesNotKeepTheNextTransactionOnAnOldSnapshot() {
    database.read(tx -> {
      PreparedStatement statement = tx.prepare(BY_OWNER);
      statement.setString(1, "a");
      ResultSet open = statement.executeQuery();
      open.next(); // neither the result set nor the statement is closed
      return null;
    });
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.execute("INSERT INTO notes VALUES ('a', 'a3')");
      }
      return null;
    });

    assertThat(texts("a", new ArrayList<>())).containsExactly("a1", "a2", "a3");
  }

  @Test
  void aStatementCompiledBeforeAnotherConnectionChangedTheSchemaReadsTheNewTable() throws Exception {
    texts("a", new ArrayList<>());
    try (Connection other = DriverManager.getConnection(Connections.url(dir.resolve("kept.db")));
        Statement statement = other.createStatement()) {
      statement.execute("DROP TABLE notes");
      statement.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL, owner TEXT NOT NULL)");
      statement.execute("INSERT INTO notes (text, owner) VALUES ('new', 'a')");
    }

    assertThat(texts("a", new ArrayList<>())).containsExactly("new");
  }

  @Test
  void closingTheDatabaseClosesTheKeptStatementsAndAReopenedFileIsReadAnew() throws Exception {
    List<PreparedStatement> seen = new ArrayList<>();
    texts("a", seen);
    Path copy = dir.resolve("copy.db");
    database.write(tx -> {
      try (Statement statement = tx.connection().createStatement()) {
        statement.execute("DELETE FROM notes WHERE owner = 'a'");
      }
      return null;
    });
    database.withWriteConnection(connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("VACUUM INTO '" + copy + "'");
      }
    });
    database.close();

    assertThat(seen.get(0).unwrap(PreparedStatement.class).isClosed()).isTrue();

    // a restore: the file replaced by another while closed, then opened again
    Files.move(copy, dir.resolve("kept.db"), StandardCopyOption.REPLACE_EXISTING);
    Files.deleteIfExists(dir.resolve("kept.db-wal"));
    Files.deleteIfExists(dir.resolve("kept.db-shm"));
    database = Database.open(dir.resolve("kept.db"));
    List<PreparedStatement> after = new ArrayList<>();
    assertThat(texts("a", after)).isEmpty();
    assertThat(texts("b", after)).containsExactly("b1");
    assertThat(after.get(0)).isNotSameAs(seen.get(0));
  }

  @Test
  void aConnectionKeepsAtMostItsLimitOfStatements() throws Exception {
    try (Connection connection = DriverManager.getConnection(Connections.url(dir.resolve("kept.db")))) {
      KeptStatements kept = new KeptStatements(connection);
      PreparedStatement first = kept.prepare("SELECT 0");
      for (int i = 1; i <= KeptStatements.MAX; i++) {
        kept.prepare("SELECT " + i);
      }
      assertThat(kept.size()).isEqualTo(KeptStatements.MAX);
      assertThat(kept.compiled()).isEqualTo(KeptStatements.MAX + 1);
      assertThat(first.unwrap(PreparedStatement.class).isClosed()).isTrue();
      kept.closeAll();
      assertThat(kept.size()).isZero();
    }
  }

  private List<String> texts(String owner, List<PreparedStatement> seen) {
    return database.read(tx -> {
      try (PreparedStatement statement = tx.prepare(BY_OWNER)) {
        seen.add(statement);
        statement.setString(1, owner);
        return rows(statement);
      }
    });
  }

  private static List<String> rows(PreparedStatement statement) throws java.sql.SQLException {
    List<String> texts = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        texts.add(rs.getString(1));
      }
    }
    return texts;
  }
}
