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
import java.nio.charset.StandardCharsets;
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
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

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

  /**
   * Tables that a fair import baseline leaves alone: Setwise's own bookkeeping (the audit log, the
   * record of imports, Flyway's history). Backups are files beside the database, not tables.
   */
  private static final Set<String> SETWISE_ONLY = Set.of("audit_log", "imports", "flyway_schema_history");
  /** The trigram index's own tables: compared as FTS5 sees them (fts5vocab), not by their segments. */
  private static final Set<String> FTS_SHADOW = Set.of("session_names_data", "session_names_idx",
      "session_names_docsize", "session_names_config");

  /**
   * The fair baseline (docs/decisions/0060) writes exactly the rows a Setwise import writes, in every
   * table that holds data: the same profile, plans, sessions with their checks and versions, progress
   * rows, and what the triggers derive from them (week and month totals, session totals, the trigram
   * index, the change feed). Weights that binary doubles cannot hold, lb sessions, sessions without a
   * name, a session in progress and two spellings of one exercise in a session are all in the file.
   */
  @Test
  void rawImportWritesTheSameRowsAsSetwiseInEveryTableThatHoldsData() throws Exception {
    Path file = awkward(ExportDocuments.history(temp.resolve("history.json"), "Alex", 5, 1_200, true));
    Path setwise = Files.createDirectories(temp.resolve("setwise"));
    try (AppContext app = AppContext.open(setwise)) {
      app.imports().importData(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE, Cancellation.none());
    }
    Path raw = Files.createDirectories(temp.resolve("raw"));
    AppContext.open(raw).close();
    RawImport.main(new String[] {file.toString(), raw.resolve(AppContext.DATABASE_FILE).toString()});

    List<String> tables = tables(setwise);
    assertThat(tables(raw)).isEqualTo(tables);
    assertThat(tables).containsAll(SETWISE_ONLY).containsAll(FTS_SHADOW);
    int compared = 0;
    for (String table : tables) {
      if (SETWISE_ONLY.contains(table) || FTS_SHADOW.contains(table)) {
        continue;
      }
      String sql = table.equals("session_names") ? "SELECT rowid, name FROM session_names ORDER BY rowid"
          : "SELECT * FROM " + table + " ORDER BY " + orderByEveryColumn(setwise, table);
      assertThat(rows(raw, sql)).as(table).containsExactlyElementsOf(rows(setwise, sql));
      compared++;
    }
    String trigrams = "SELECT term, doc, col, offset FROM temp.trigrams ORDER BY term, doc, offset";
    assertThat(rowsWithTrigrams(raw, trigrams)).isEqualTo(rowsWithTrigrams(setwise, trigrams)).isNotEmpty();
    assertThat(compared).isGreaterThanOrEqualTo(20);
    for (String table : List.of("profiles", "plans", "sessions", "session_log", "exercise_log", "set_log",
        "period_totals", "exercise_period_totals", "session_totals", "changes")) {
      assertThat(rows(raw, "SELECT count(*) FROM " + table).get(0).get(0)).as(table).isNotEqualTo("0");
    }
    // the rows Setwise alone writes are there, and only there
    assertThat(rows(setwise, "SELECT count(*) FROM imports").get(0).get(0)).isEqualTo("1");
    assertThat(rows(raw, "SELECT count(*) FROM imports").get(0).get(0)).isEqualTo("0");
  }

  /**
   * The generator's export with weights and body weights that binary doubles do not hold exactly
   * (the contract's volumes are exact decimal sums), and in every fourth session a second spelling
   * of its first exercise (case and spaces differ: one exercise key, one line of exercise_log).
   */
  private static Path awkward(Path export) throws Exception {
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode document = mapper.readTree(Files.readString(export, StandardCharsets.UTF_8));
    int n = 0;
    int i = 0;
    for (JsonNode s : document.get("sessions")) {
      ObjectNode structure = (ObjectNode) s.get("session");
      if (structure.has("bodyweight")) {
        structure.put("bodyweight", structure.get("bodyweight").asDouble() + 0.1);
      }
      JsonNode exercises = structure.get("exercises");
      if (i++ % 4 == 0 && exercises.size() > 1) {
        String first = exercises.get(0).get("name").asString();
        ((ObjectNode) exercises.get(1)).put("name", first.toUpperCase(java.util.Locale.ROOT).replace(" ", "  \t "));
      }
      for (JsonNode exercise : exercises) {
        for (JsonNode set : exercise.get("sets")) {
          if (set.has("weight")) {
            ((ObjectNode) set).put("weight", set.get("weight").asDouble() + 0.1 * (1 + n++ % 9));
          }
        }
      }
    }
    Files.writeString(export, mapper.writeValueAsString(document), StandardCharsets.UTF_8);
    return export;
  }

  private static List<String> tables(Path dataDir) throws Exception {
    return rows(dataDir, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        + "ORDER BY name").stream().map(row -> row.get(0)).toList();
  }

  private static String orderByEveryColumn(Path dataDir, String table) throws Exception {
    List<List<String>> columns = rows(dataDir, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid");
    return String.join(", ", columns.stream().map(row -> row.get(0)).toList());
  }

  private static List<List<String>> rowsWithTrigrams(Path dataDir, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(AppContext.DATABASE_FILE));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE VIRTUAL TABLE temp.trigrams USING fts5vocab(main, session_names, instance)");
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          rows.add(List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
      return rows;
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
