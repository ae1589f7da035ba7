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

/** {@link Database#writeUnit}: writes and reads inside it join one transaction, each in a savepoint. */
class DatabaseUnitTest {

  @TempDir
  Path dir;

  Database database;

  @BeforeEach
  void open() {
    database = Database.open(dir.resolve("unit.db"));
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
      try (PreparedStatement statement = tx.connection().prepareStatement("INSERT INTO notes VALUES (?)")) {
        statement.setString(1, text);
        statement.executeUpdate();
      }
      return null;
    });
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

  @Test
  void joinedWritesCommitTogetherAndJoinedReadsSeeThem() {
    List<String> seenInside = database.writeUnit(tx -> {
      insert("first");
      insert("second");
      return notes();
    });

    assertThat(seenInside).containsExactly("first", "second");
    assertThat(notes()).containsExactly("first", "second");
  }

  @Test
  void aFailureOfTheUnitRollsBackEveryJoinedWrite() {
    assertThatThrownBy(() -> database.writeUnit(tx -> {
      insert("first");
      throw new IllegalStateException("boom");
    })).hasMessage("boom");

    assertThat(notes()).isEmpty();
  }

  @Test
  void aJoinedWriteThatFailsUndoesItsOwnChangesOnly() {
    database.writeUnit(tx -> {
      insert("kept");
      try {
        database.write(inner -> {
          inner.connection().createStatement().execute("INSERT INTO notes VALUES ('undone')");
          throw new IllegalArgumentException("rule broken");
        });
      } catch (IllegalArgumentException expected) {
        // the unit decides to carry on
      }
      insert("also kept");
      return null;
    });

    assertThat(notes()).containsExactly("kept", "also kept");
  }

  @Test
  void anSqlFailureInAJoinedWriteIsAStoreException() {
    assertThatThrownBy(() -> database.writeUnit(tx -> database.write(inner -> {
      inner.connection().createStatement().execute("INSERT INTO missing VALUES (1)");
      return null;
    }))).isInstanceOf(StoreException.class);
  }

  @Test
  void afterCommitActionsOfAnUndoneJoinedWriteNeverRun() {
    List<String> ran = new ArrayList<>();
    database.writeUnit(tx -> {
      database.write(inner -> {
        inner.afterCommit(() -> ran.add("kept"));
        return null;
      });
      try {
        database.write(inner -> {
          inner.afterCommit(() -> ran.add("undone"));
          throw new IllegalStateException("no");
        });
      } catch (IllegalStateException expected) {
        // carry on
      }
      return null;
    });

    assertThat(ran).containsExactly("kept");
  }

  @Test
  void aFailingAfterCommitActionNeitherUndoesTheWriteNorStopsTheOthers() {
    List<String> ran = new ArrayList<>();
    String written = database.write(tx -> {
      tx.afterCommit(() -> ran.add("first"));
      tx.afterCommit(() -> {
        throw new IllegalStateException("a listener failed");
      });
      tx.afterCommit(() -> ran.add("third"));
      return "saved";
    });
    String read = database.read(tx -> {
      tx.afterCommit(() -> {
        throw new IllegalStateException("a listener failed");
      });
      tx.afterCommit(() -> ran.add("after the read"));
      return "read";
    });

    assertThat(written).isEqualTo("saved");
    assertThat(read).isEqualTo("read");
    assertThat(ran).containsExactly("first", "third", "after the read");
  }

  @Test
  void writesOutsideAUnitStayUnnestable() {
    assertThatThrownBy(() -> database.write(tx -> database.write(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> database.writeUnit(tx -> database.writeUnit(inner -> null)))
        .isInstanceOf(IllegalStateException.class);
  }
}
