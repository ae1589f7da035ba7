package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.Unit;
import dev.setwise.json.StructureJson;
import dev.setwise.support.ExportDocuments;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import's batches ({@link SessionBatch}) write exactly the rows that {@link SessionRepository#insert}
 * writes one session at a time: the sessions, their checks, the progress tables and the totals their
 * triggers keep, the session totals, the name index and the change feed.
 */
class SessionBatchTest {

  @TempDir
  Path dir;

  private final SessionRepository sessions = new SessionRepository(new StructureJson());

  /** What each table holds, in its key order: the tables an insert of a session writes to. */
  private static final Map<String, String> TABLES = Map.of(
      "sessions", "SELECT * FROM sessions ORDER BY id",
      "session_log", "SELECT * FROM session_log ORDER BY session_id",
      "exercise_log", "SELECT * FROM exercise_log ORDER BY session_id, exercise_key",
      "set_log", "SELECT * FROM set_log ORDER BY session_id, exercise_index, set_index",
      "period_totals", "SELECT * FROM period_totals ORDER BY user_id, period, start_day, unit",
      "exercise_period_totals", "SELECT * FROM exercise_period_totals ORDER BY user_id, exercise_key, period, "
          + "start_day, unit",
      "session_totals", "SELECT * FROM session_totals ORDER BY id",
      "session_names", "SELECT rowid, name FROM session_names ORDER BY rowid",
      "changes", "SELECT * FROM changes ORDER BY user_id, seq");

  @Test
  void batchesWriteTheSameRowsAsInsertingOneSessionAtATime() throws Exception {
    Profile alex = new Profile(UUID.fromString("6a4f1c9e-2b1d-4e8f-9a7b-3c5d7e9f1a2b"), "Alex", Unit.KG,
        Instant.parse("2024-01-01T00:00:00Z"));
    // more than two batches, the last one partly full, and one session still in progress
    List<Session> history = history(2 * SessionBatch.SIZE + 137);

    Path batched = dir.resolve("batched.db");
    try (Database database = Database.open(batched)) {
      database.write(tx -> {
        new ProfileRepository().insert(tx, alex);
        try (SessionBatch batch = sessions.batch(tx, alex.id())) {
          for (Session session : history) {
            batch.add(session, sessions.prepare(session.structure()));
          }
          batch.flush();
        }
        return null;
      });
    }
    Path oneByOne = dir.resolve("one-by-one.db");
    try (Database database = Database.open(oneByOne)) {
      database.write(tx -> {
        new ProfileRepository().insert(tx, alex);
        for (Session session : history) {
          sessions.insert(tx, alex.id(), session);
        }
        return null;
      });
    }

    for (Map.Entry<String, String> table : TABLES.entrySet()) {
      List<List<Object>> expected = rows(oneByOne, table.getValue());
      assertThat(rows(batched, table.getValue())).as(table.getKey()).isEqualTo(expected);
    }
    assertThat(rows(batched, TABLES.get("set_log"))).hasSizeGreaterThan(history.size());
    assertThat(rows(batched, TABLES.get("exercise_period_totals"))).isNotEmpty();
  }

  @Test
  void aSecondSessionInProgressIsRefusedAsByTheSingleInsert() throws Exception {
    Profile alex = new Profile(UUID.randomUUID(), "Alex", Unit.KG, Instant.parse("2024-01-01T00:00:00Z"));
    List<Session> two = new ArrayList<>(history(3));
    Session inProgress = two.get(2);
    two.add(new Session(UUID.randomUUID(), null, inProgress.date(), inProgress.startedAt().plusSeconds(60), null,
        inProgress.structure(), inProgress.createdAt(), inProgress.updatedAt()));
    try (Database database = Database.open(dir.resolve("refused.db"))) {
      assertThatThrownBy(() -> database.write(tx -> {
        new ProfileRepository().insert(tx, alex);
        try (SessionBatch batch = sessions.batch(tx, alex.id())) {
          for (Session session : two) {
            batch.add(session, sessions.prepare(session.structure()));
          }
          batch.flush();
        }
        return null;
      })).isInstanceOf(ConflictException.class);
    }
  }

  /** Completed sessions of every kind of set, a day apart, the last one still in progress. */
  private static List<Session> history(int count) {
    Random random = new Random(5);
    List<Session> list = new ArrayList<>();
    Instant start = Instant.parse("2024-02-01T07:00:00Z");
    for (int i = 0; i < count; i++) {
      boolean done = i < count - 1;
      SessionStructure structure = ExportDocuments.structure(random, i, done);
      Instant startedAt = start.plus(Duration.ofHours(20L * i));
      Instant endedAt = done ? startedAt.plus(Duration.ofMinutes(55)) : null;
      list.add(new Session(new UUID(random.nextLong(), random.nextLong()), null,
          startedAt.atZone(ZoneOffset.UTC).toLocalDate(), startedAt, endedAt, structure, startedAt,
          done ? endedAt : startedAt));
    }
    return list;
  }

  private static List<List<Object>> rows(Path db, String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.add(rs.getObject(c));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
