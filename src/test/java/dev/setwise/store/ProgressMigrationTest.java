package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.RecordKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database with history from before the progress tables gets them filled by the migration. */
class ProgressMigrationTest {

  private static final String PROFILE = "11111111-1111-4111-8111-111111111111";

  @TempDir
  Path dir;

  @Test
  void theMigrationDerivesEveryCompletedSessionAndSkipsTheOneInProgress() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Path file = data.resolve(AppContext.DATABASE_FILE);
    Flyway.configure().dataSource("jdbc:sqlite:" + file, null, null).locations("classpath:db/migration/sqlite")
        .target("3").load().migrate();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + PROFILE + "', 'Alex', 'kg', 0)");
      }
      insert(c, "22222222-2222-4222-8222-222222222221", "2026-10-01", 1000L,
          "{\"unit\":\"kg\",\"exercises\":[{\"name\":\"Squat\",\"sets\":[{\"type\":\"warmup\",\"reps\":5,\"weight\":60,"
              + "\"completed\":true},{\"reps\":5,\"weight\":100,\"completed\":true}]}]}");
      insert(c, "22222222-2222-4222-8222-222222222222", "2026-10-08", 2000L,
          "{\"unit\":\"lb\",\"exercises\":[{\"name\":\"SQUAT\",\"sets\":[{\"reps\":3,\"weight\":250,\"completed\":true}]}]}");
      insert(c, "22222222-2222-4222-8222-222222222223", "2026-10-09", null,
          "{\"unit\":\"kg\",\"exercises\":[{\"name\":\"Squat\",\"sets\":[{\"reps\":1,\"weight\":300,\"completed\":true}]}]}");
    }

    try (AppContext app = AppContext.open(data)) {
      Profile alex = app.profiles().findByName("Alex").orElseThrow();
      ExerciseHistory squat = app.progress().stats().history(alex.id(), "squat", 0);

      assertThat(squat.sessions()).hasSize(2);
      assertThat(squat.records().get(RecordKind.HEAVIEST_WEIGHT).value()).isEqualTo(250 * 0.45359237);
      assertThat(squat.records().get(RecordKind.BEST_SESSION_VOLUME).value()).isEqualTo(500);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM set_log")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(3);
    }
  }

  private static void insert(Connection c, String id, String date, Long endedAt, String json) throws Exception {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO sessions (id, user_id, plan_id, date, started_at, "
        + "ended_at, name, unit, exercise_count, set_count, completed_set_count, volume, created_at, updated_at, "
        + "session) VALUES (?, ?, NULL, ?, 500, ?, 'Workout', 'kg', 1, 1, 1, 0, 0, 0, ?)")) {
      p.setString(1, id);
      p.setString(2, PROFILE);
      p.setString(3, date);
      if (endedAt == null) {
        p.setNull(4, java.sql.Types.BIGINT);
      } else {
        p.setLong(4, endedAt);
      }
      p.setString(5, json);
      p.executeUpdate();
    }
  }
}
