package dev.setwise.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.bench.raw.RawImport;
import dev.setwise.domain.Page;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StructureStats;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.support.ExportDocuments;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark suite compares like with like: the rows its generators and raw baselines write
 * are the rows Setwise itself would write, so a ratio never rewards skipping work.
 */
class BaselineDataTest {

  @TempDir
  Path temp;

  @Test
  void generatedHistoryHoldsSnapshotsSetwiseReadsWithTheSummariesItComputes() throws Exception {
    Path dir = temp.resolve("history");
    HistoryData.generate(dir, 400);
    Properties facts = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve("history.properties"))) {
      facts.load(in);
    }
    UUID owner = UUID.fromString(facts.getProperty("profile"));
    UUID plan = UUID.fromString(facts.getProperty("plan"));
    try (AppContext app = AppContext.open(dir)) {
      List<String[]> rows = query(dir.resolve(AppContext.DATABASE_FILE), "SELECT id, user_id, name, unit, "
          + "exercise_count, set_count, completed_set_count, volume FROM sessions");
      assertThat(rows).hasSize(400 + 4);
      for (String[] row : rows) {
        var session = app.sessions().get(UUID.fromString(row[1]), UUID.fromString(row[0]));
        StructureStats stats = session.structure().stats();
        assertThat(row[2]).isEqualTo(session.structure().name());
        assertThat(row[3]).isEqualTo(session.structure().unit().code());
        assertThat(Integer.parseInt(row[4])).isEqualTo(stats.exerciseCount());
        assertThat(Integer.parseInt(row[5])).isEqualTo(stats.setCount());
        assertThat(Integer.parseInt(row[6])).isEqualTo(stats.completedSetCount());
        assertThat(Double.parseDouble(row[7])).isEqualTo(stats.volume());
      }
      Page<SessionSummary> all = app.sessions().list(owner, SessionQuery.defaults());
      Page<SessionSummary> planCompleted = app.sessions().list(owner,
          new SessionQuery(plan, null, null, true, null, 50, 0, null, null));
      Page<SessionSummary> search = app.sessions().list(owner,
          new SessionQuery(null, null, null, null, HistoryData.SEARCH, 50, 0, null, null));
      assertThat(all.total()).isEqualTo(400);
      assertThat(planCompleted.total()).isEqualTo(Long.parseLong(facts.getProperty("planCompleted"))).isPositive();
      assertThat(search.total()).isEqualTo(Long.parseLong(facts.getProperty("searchMatches"))).isPositive();
      assertThat(app.sessions().findInProgress(owner)).isPresent();
    }
  }

  @Test
  void rawImportStoresTheRowsAndSummariesSetwiseImportStores() throws Exception {
    Path file = ExportDocuments.history(temp.resolve("history.json"), "Alex", 5, 300, true);
    Path setwise = Files.createDirectories(temp.resolve("setwise"));
    try (AppContext app = AppContext.open(setwise)) {
      app.imports().importData(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE, Cancellation.none());
    }
    Path raw = Files.createDirectories(temp.resolve("raw"));
    AppContext.open(raw).close();
    RawImport.main(new String[] {file.toString(), raw.resolve(AppContext.DATABASE_FILE).toString()});

    String sessions = "SELECT id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count, "
        + "set_count, completed_set_count, volume, created_at, updated_at, json_valid(session) FROM sessions ORDER BY id";
    String plans = "SELECT id, user_id, name, exercise_count, has_sessions, archived, created_at, updated_at, "
        + "json_valid(structure) FROM plans ORDER BY id";
    String profiles = "SELECT id, name, unit, created_at FROM profiles";
    for (String sql : List.of(sessions, plans, profiles)) {
      List<List<String>> expected = rows(setwise, sql);
      assertThat(expected).isNotEmpty();
      assertThat(rows(raw, sql)).as(sql).containsExactlyElementsOf(expected);
    }
    try (AppContext app = AppContext.open(raw)) {
      Profile alex = app.profiles().list().get(0);
      assertThat(app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(300);
    }
  }

  private static List<List<String>> rows(Path dataDir, String sql) throws Exception {
    return query(dataDir.resolve(AppContext.DATABASE_FILE), sql).stream().map(Arrays::asList).toList();
  }

  private static List<String[]> query(Path db, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String[]> rows = new ArrayList<>();
      while (rs.next()) {
        String[] row = new String[meta.getColumnCount()];
        for (int c = 0; c < row.length; c++) {
          row[c] = rs.getString(c + 1);
        }
        rows.add(row);
      }
      return rows;
    }
  }
}
