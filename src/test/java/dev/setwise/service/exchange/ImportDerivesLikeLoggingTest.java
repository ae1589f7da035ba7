package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.StructureJson;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An import derives exactly what logging the same sessions one by one through {@code SessionService}
 * derives: the progress tables, the week and month totals, the session totals, the trigram name index, the snapshot checks, the change
 * feed and the versions. And a file refused late, after batches were sent, leaves none of it behind.
 */
class ImportDerivesLikeLoggingTest {

  /** More than two batches of {@code SessionBatch.SIZE}. */
  private static final int SESSIONS = 1_200;
  /** Sessions of the refused file logged before, in the test of a late refusal. */
  private static final int LOGGED_BEFORE = 333;

  /** Every table derived from sessions, in key order, without the times of writing (which differ by path). */
  private static final Map<String, String> DERIVED = new LinkedHashMap<>();

  static {
    DERIVED.put("sessions", "SELECT id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count, "
        + "set_count, completed_set_count, volume, version, snapshot_check, session FROM sessions ORDER BY id");
    DERIVED.put("plans", "SELECT id, has_sessions, archived FROM plans ORDER BY id");
    DERIVED.put("session_log", "SELECT * FROM session_log ORDER BY session_id");
    DERIVED.put("exercise_log", "SELECT * FROM exercise_log ORDER BY session_id, exercise_key");
    DERIVED.put("set_log", "SELECT * FROM set_log ORDER BY session_id, exercise_index, set_index");
    DERIVED.put("period_totals", "SELECT * FROM period_totals ORDER BY user_id, period, start_day, unit");
    DERIVED.put("exercise_period_totals", "SELECT * FROM exercise_period_totals "
        + "ORDER BY user_id, exercise_key, period, start_day, unit");
    DERIVED.put("session_totals", "SELECT * FROM session_totals ORDER BY id");
    DERIVED.put("session_names", "SELECT rowid, name FROM session_names ORDER BY rowid");
    DERIVED.put("session_names_trigrams", "SELECT term, doc, col, offset FROM temp.trigrams ORDER BY term, doc, offset");
    DERIVED.put("changes", "SELECT user_id, entity_type, entity_id, seq, version, deleted FROM changes "
        + "ORDER BY user_id, seq");
  }

  @TempDir
  Path dir;

  @Test
  void importingDerivesExactlyWhatLoggingEachSessionDerives() throws Exception {
    // all completed (the generator's session in progress would be on the archived plan, which only an import takes)
    Path history = named(ExportDocuments.history(dir.resolve("history.json"), "Alex", 3, SESSIONS, false));
    List<SessionRequests.Create> sessions = sessionsOf(history);

    // every third session logged first, so that the import adds to weeks and months that have totals already
    List<SessionRequests.Create> before = new ArrayList<>();
    List<SessionRequests.Create> rest = new ArrayList<>();
    for (int i = 0; i < sessions.size(); i++) {
      (i % 3 == 0 ? before : rest).add(sessions.get(i));
    }

    Path imported = dir.resolve("imported");
    try (TestContext t = new TestContext(imported)) {
      logged(t, profileAndPlans(t), before);
      ImportResult result = t.app.imports().importData(ImportSource.of(history), ImportOptions.defaults(),
          Progress.NONE, Cancellation.none());
      assertThat(result.summary().sessionsNew()).isEqualTo(rest.size());
      assertThat(result.summary().sessionsDuplicate()).isEqualTo(before.size());
    }
    Path logged = dir.resolve("logged");
    try (TestContext t = new TestContext(logged)) {
      UUID alex = profileAndPlans(t);
      logged(t, alex, before);
      logged(t, alex, rest);
    }

    for (Map.Entry<String, String> table : DERIVED.entrySet()) {
      assertThat(rows(imported, table.getValue())).as(table.getKey()).isEqualTo(rows(logged, table.getValue()));
    }
    assertThat(rows(imported, DERIVED.get("exercise_period_totals"))).hasSizeGreaterThan(100);
    assertThat(rows(imported, DERIVED.get("session_names_trigrams"))).isNotEmpty();
  }

  @Test
  void aFileRefusedLateLeavesNoDerivedRowBehind() throws Exception {
    Path history = ExportDocuments.history(dir.resolve("history.json"), "Alex", 3, SESSIONS, true);
    List<SessionRequests.Create> sessions = sessionsOf(history);
    // a day that does not exist, in the 50th session from the end: after two batches were sent
    String text = Files.readString(history, StandardCharsets.UTF_8);
    Matcher starts = Pattern.compile("\"started_at\":\"[^\"]+\"").matcher(text);
    List<int[]> spans = starts.results().map(m -> new int[] {m.start(), m.end()}).toList();
    int[] late = spans.get(SESSIONS - 50);
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, text.substring(0, late[0]) + "\"started_at\":\"2025-02-29T07:00:00Z\""
        + text.substring(late[1]), StandardCharsets.UTF_8);

    // into a new profile: nothing at all
    Path fresh = dir.resolve("fresh");
    try (TestContext t = new TestContext(fresh)) {
      refused(t, broken);
      assertThat(t.app.profiles().findByName("Alex")).isEmpty();
    }
    for (Map.Entry<String, String> table : DERIVED.entrySet()) {
      assertThat(rows(fresh, table.getValue())).as(table.getKey()).isEmpty();
    }

    // into a profile with a history: exactly what it held before
    Path existing = dir.resolve("existing");
    Map<String, List<List<Object>>> before = new LinkedHashMap<>();
    try (TestContext t = new TestContext(existing)) {
      logged(t, profileAndPlans(t), sessions.subList(0, LOGGED_BEFORE));
    }
    for (Map.Entry<String, String> table : DERIVED.entrySet()) {
      before.put(table.getKey(), rows(existing, table.getValue()));
    }
    try (TestContext t = new TestContext(existing)) {
      refused(t, broken);
    }
    for (Map.Entry<String, String> table : DERIVED.entrySet()) {
      assertThat(rows(existing, table.getValue())).as(table.getKey()).isEqualTo(before.get(table.getKey()));
    }
    assertThat(before.get("set_log")).isNotEmpty();
  }

  private static void refused(TestContext t, Path broken) {
    ValidationException refused = catchThrowableOfType(() -> t.app.imports().importData(ImportSource.of(broken),
        ImportOptions.defaults(), Progress.NONE, Cancellation.none()), ValidationException.class);
    assertThat(refused.getMessage()).isEqualTo(ImportService.INVALID_FILE);
    assertThat(refused.problems()).singleElement()
        .satisfies(p -> assertThat(p.path()).startsWith("sessions[" + (SESSIONS - 50) + "]"));
  }

  /** The file's profile and plans, imported from an export of the same history without sessions. */
  private UUID profileAndPlans(TestContext t) throws IOException {
    Path plans = ExportDocuments.history(dir.resolve("plans-" + UUID.randomUUID() + ".json"), "Alex", 3, 0, false);
    t.app.imports().importData(ImportSource.of(plans), ImportOptions.defaults(), Progress.NONE, Cancellation.none());
    return t.app.profiles().findByName("Alex").orElseThrow().id();
  }

  /** Logs each session through {@code SessionService.create}, as a device or the REST API does. */
  private static void logged(TestContext t, UUID profile, List<SessionRequests.Create> sessions) {
    for (SessionRequests.Create session : sessions) {
      t.app.sessions().create(profile, session);
    }
  }

  /**
   * The export with a name in every session (logging a session without one names it after its plan,
   * contract §3, on start; an import keeps the file's structure as it is, "Workout" in lists), and
   * weights and body weights that binary doubles do not hold exactly (the generator's are halves),
   * so that totals summed in another order would differ in their last bits.
   */
  private static Path named(Path export) throws IOException {
    JsonMapper mapper = JsonMapper.builder().build();
    JsonNode document = mapper.readTree(Files.readString(export, StandardCharsets.UTF_8));
    int n = 0;
    for (JsonNode s : document.get("sessions")) {
      ObjectNode structure = (ObjectNode) s.get("session");
      if (!structure.has("name")) {
        structure.put("name", "Workout");
      }
      if (structure.has("bodyweight")) {
        structure.put("bodyweight", structure.get("bodyweight").asDouble() + 0.1);
      }
      for (JsonNode exercise : structure.get("exercises")) {
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

  /** The file's sessions as requests to log them: same ids, plans, dates, times and structures. */
  private static List<SessionRequests.Create> sessionsOf(Path export) throws IOException {
    StructureJson json = new StructureJson();
    JsonMapper mapper = JsonMapper.builder().build();
    List<SessionRequests.Create> list = new ArrayList<>();
    for (JsonNode s : mapper.readTree(Files.readString(export, StandardCharsets.UTF_8)).get("sessions")) {
      list.add(new SessionRequests.Create(UUID.fromString(s.get("id").asString()),
          s.get("plan_id").isNull() ? null : UUID.fromString(s.get("plan_id").asString()),
          LocalDate.parse(s.get("date").asString()), json.read(mapper.writeValueAsString(s.get("session"))),
          Instant.parse(s.get("started_at").asString()),
          s.get("ended_at").isNull() ? null : Instant.parse(s.get("ended_at").asString())));
    }
    return list;
  }

  private static List<List<Object>> rows(Path dataDir, String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("setwise.db"));
        Statement statement = connection.createStatement()) {
      // the trigram index as FTS5 sees it (its segments may be laid out differently by path)
      statement.execute("CREATE VIRTUAL TABLE temp.trigrams USING fts5vocab(main, session_names, instance)");
      try (ResultSet rs = statement.executeQuery(sql)) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          List<Object> row = new ArrayList<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            row.add(rs.getObject(c));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
