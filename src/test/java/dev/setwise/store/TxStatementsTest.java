package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Tx#statement}: prepared once per transaction, reused with fresh parameters, closed when it ends. */
class TxStatementsTest {

  static final String INSERT = "INSERT INTO notes (text) VALUES (?)";

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("statements.db"));
    database.write(tx -> {
      tx.connection().createStatement().execute("CREATE TABLE notes (text TEXT)");
      return null;
    });
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void theSameSqlInOneTransactionIsTheSameStatementWithItsParametersCleared() {
    List<PreparedStatement> seen = new ArrayList<>();
    database.write(tx -> {
      PreparedStatement first = tx.statement(INSERT);
      first.setString(1, "one");
      first.executeUpdate();
      PreparedStatement second = tx.statement(INSERT);
      seen.add(first);
      seen.add(second);
      // nothing bound this time: a parameter left from before would write "one" again
      second.executeUpdate();
      return null;
    });

    assertThat(seen.get(1)).isSameAs(seen.get(0));
    assertThat(texts()).containsExactly("one", null);
  }

  @Test
  void statementsAreClosedWhenTheTransactionCommitsOrRollsBack() {
    List<PreparedStatement> kept = new ArrayList<>();
    database.write(tx -> {
      kept.add(tx.statement(INSERT));
      return null;
    });
    assertThatThrownBy(() -> database.write(tx -> {
      PreparedStatement statement = tx.statement(INSERT);
      kept.add(statement);
      statement.setString(1, "lost");
      statement.executeUpdate();
      throw new IllegalStateException("refused");
    })).hasMessage("refused");

    assertThat(kept).allSatisfy(statement -> assertThat(statement.isClosed()).isTrue());
    assertThat(texts()).isEmpty();
  }

  @Test
  void aStatementOutlivesARolledBackSavepointOfTheUnit() {
    database.writeUnit(tx -> {
      assertThatThrownBy(() -> database.write(inner -> {
        PreparedStatement statement = inner.statement(INSERT);
        statement.setString(1, "undone");
        statement.executeUpdate();
        throw new IllegalStateException("refused");
      })).hasMessage("refused");
      PreparedStatement statement = tx.statement(INSERT);
      statement.setString(1, "kept");
      statement.executeUpdate();
      return null;
    });

    assertThat(texts()).containsExactly("kept");
  }

  @Test
  void aTransactionKeepsABoundedNumberOfStatementsClosingTheLeastRecentlyUsed() {
    List<PreparedStatement> all = new ArrayList<>();
    database.write(tx -> {
      for (int i = 0; i <= Tx.MAX_STATEMENTS; i++) {
        all.add(tx.statement("SELECT " + i));
      }
      return null;
    });

    assertThat(all).hasSize(Tx.MAX_STATEMENTS + 1);
    assertThat(all).allSatisfy(statement -> assertThat(statement.isClosed()).isTrue());
  }

  @Test
  void theLeastRecentlyUsedStatementGoesFirstWhenTheBoundIsReached() {
    database.write(tx -> {
      PreparedStatement often = tx.statement("SELECT 0");
      List<PreparedStatement> others = new ArrayList<>();
      for (int i = 1; i <= Tx.MAX_STATEMENTS; i++) {
        others.add(tx.statement("SELECT " + i));
        tx.statement("SELECT 0");
      }
      assertThat(often.isClosed()).isFalse();
      assertThat(others.get(0).isClosed()).isTrue();
      try (ResultSet rs = tx.statement("SELECT 0").executeQuery()) {
        assertThat(rs.next()).isTrue();
      }
      return null;
    });
  }

  private List<String> texts() {
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
}
