package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.StructureJson;
import dev.setwise.json.SummaryJson;
import dev.setwise.store.SummaryBackfill;
import dev.setwise.support.PostgresServer;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary text each session row keeps (docs/decisions/0066): every write path leaves it fresh
 * and exactly the text the REST list would write from the row's columns; a text a change left
 * behind is never sent; the backfill writes the same texts and nothing else. On SQLite and on
 * PostgreSQL.
 */
class StoredSummaryTest {

  /** The REST API's own mapper: the stored texts must be its bytes. */
  private static final JsonMapper API = JsonCodec.forRequests().mapper();
  private static final List<SessionQuery> QUERIES = List.of(SessionQuery.defaults(),
      query("completed", "true", "sort", "ended_at", "order", "asc"), named("leg"), named("üb"),
      query("plan_id", UUID.randomUUID().toString()));

  /** A name search (the desktop's; the REST list has no such parameter). */
  private static SessionQuery named(String text) {
    return new SessionQuery(null, null, null, null, text, 50, 0, null, null);
  }

  private static SessionQuery query(String... pairs) {
    Map<String, List<String>> parameters = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      parameters.put(pairs[i], List.of(pairs[i + 1]));
    }
    return SessionQuery.parse(parameters);
  }

  @TempDir
  Path dir;
  TestContext t;
  Profile alex;
  Plan plan;
  SessionService sessions;

  private void open(boolean postgres) {
    t = postgres ? TestContext.onPostgres(dir) : new TestContext(dir);
    alex = t.profile("Alex");
    plan = t.plan(alex, "Legs");
    sessions = t.app.sessions();
  }

  @AfterEach
  void close() {
    if (t != null) {
      t.close();
    }
  }

  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void everyWritePathLeavesTheTextOfItsVersion(boolean postgres) throws SQLException {
    open(postgres);
    Session started = sessions.start(alex.id(), plan.id(), null);
    assertEveryTextFreshAndExact("started (insert)");

    t.clock.advance(Duration.ofMillis(61_250));
    SessionStructure logged = Structures.done(started.structure(), 0, 0, 3, 22.7, TestContext.START);
    Session saved = sessions.update(alex.id(), started.id(), logged, 1L);
    assertEveryTextFreshAndExact("saved under the same name (one statement), milliseconds in the instant");
    sessions.update(alex.id(), started.id(), logged, null);
    assertEveryTextFreshAndExact("saved without a version");

    t.clock.advance(Duration.ofMinutes(2));
    sessions.update(alex.id(), started.id(), logged.withName("Beinübung \"schwer\" / 🏋\t"), saved.version() + 1);
    assertEveryTextFreshAndExact("renamed: the general path, a name the mapper escapes");
    sessions.update(alex.id(), started.id(), logged.withName(null), null);
    assertEveryTextFreshAndExact("no name: the stored one kept");

    t.clock.advance(Duration.ofMinutes(40));
    Session completed = sessions.complete(alex.id(), started.id(), null, null);
    assertEveryTextFreshAndExact("completed: a new end");
    assertThat(text(completed.id())).contains("\"status\":\"completed\"").contains("\"amended\":false");

    t.clock.advance(Duration.ofHours(1));
    SessionStructure corrected = Structures.done(completed.structure(), 0, 1, 5, 0.1, TestContext.START);
    sessions.amend(alex.id(), completed.id(), corrected.withName("Legs"), "typo");
    assertEveryTextFreshAndExact("amended: renamed back, a volume of binary fractions");
    assertThat(text(completed.id())).contains("\"amended\":true").contains("\"status\":\"completed\"");

    Session logged2 = sessions.create(alex.id(), new SessionRequests.Create(null, null, null,
        Structures.plan().withName("Push"), TestContext.START.minus(Duration.ofDays(3)),
        TestContext.START.minus(Duration.ofDays(3)).plusSeconds(3600)));
    assertEveryTextFreshAndExact("logged afterwards: inserted completed, no plan");
    assertThat(text(logged2.id())).contains("\"plan_id\":null");
    sessions.startWithoutPlan(alex.id(), null, dev.setwise.domain.Unit.LB);
    assertEveryTextFreshAndExact("a second start, without a plan, in pounds");
  }

  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void aTextThatAChangeLeftBehindIsNeverSent(boolean postgres) throws SQLException {
    open(postgres);
    Session started = sessions.start(alex.id(), plan.id(), null);
    sql("UPDATE sessions SET volume = 1234.5, version = version + 1 WHERE id = '" + started.id() + "'");
    assertThat(value("SELECT summary_version < version FROM sessions")).isIn("1", "t", "true");
    assertListsAgree("a change of plain SQL");
    assertThat(new String(sessions.listTexts(alex.id(), SessionQuery.defaults()).items().get(0),
        StandardCharsets.UTF_8)).contains("\"volume\":1234.5").contains("\"version\":2");

    // a save over a text left behind leaves none, not a text spliced from a stale one
    sessions.update(alex.id(), started.id(), started.structure(), 2L);
    assertThat(value("SELECT coalesce(summary, 'none') || ' ' || coalesce(CAST(summary_version AS TEXT), 'none') "
        + "FROM sessions"))
        .isEqualTo("none none");
    assertListsAgree("after a save over it");
    sessions.complete(alex.id(), started.id(), null, 3L);
    assertListsAgree("completed without a text");

    try (Connection c = connection()) {
      assertThat(SummaryBackfill.fill(c, new StructureJson().mapper())).isEqualTo(1);
      assertThat(SummaryBackfill.fill(c, new StructureJson().mapper())).as("nothing left").isZero();
    }
    assertEveryTextFreshAndExact("filled by the backfill");
  }

  /**
   * A page reads the stored texts first and only the rows without a fresh one from their columns
   * (docs/decisions/0066): those come back in their places, in every order and in a name search.
   */
  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void stalePagesAreReadFromTheirColumnsInTheirPlaces(boolean postgres) throws SQLException {
    open(postgres);
    List<UUID> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      Session started = sessions.start(alex.id(), plan.id(), null);
      t.clock.advance(Duration.ofMinutes(50));
      sessions.complete(alex.id(), started.id(), null, null);
      t.clock.advance(Duration.ofHours(20));
      ids.add(started.id());
    }
    // the 2nd and 5th lose their text, as rows written before the column have none
    sql("UPDATE sessions SET summary = NULL, summary_version = NULL WHERE id IN ('" + ids.get(1) + "', '"
        + ids.get(4) + "')");
    assertListsAgree("two rows without a text among four with one");
    for (SessionQuery query : List.of(query("limit", "3", "offset", "1"), query("sort", "ended_at", "order", "asc",
        "limit", "4"))) {
      assertThat(sessions.listTexts(alex.id(), query).items().stream().map(b -> new String(b, StandardCharsets.UTF_8))
          .toList()).as("%s", query).containsExactlyElementsOf(sessions.list(alex.id(), query).items().stream()
              .map(summary -> new String(SummaryJson.of(API, summary), StandardCharsets.UTF_8)).toList());
    }
  }

  @ParameterizedTest(name = "postgres={0}")
  @ValueSource(booleans = {false, true})
  void aCompletedSessionTakesItsTextAndNothingElse(boolean postgres) throws SQLException {
    open(postgres);
    Session started = sessions.start(alex.id(), plan.id(), null);
    sessions.complete(alex.id(), started.id(), null, 1L);
    String id = started.id().toString();
    sql("UPDATE sessions SET summary = NULL, summary_version = NULL WHERE id = '" + id + "'");
    List<String> changes = new java.util.ArrayList<>(List.of("name = 'x'", "volume = 1", "updated_at = 1",
        "session = '{}'", "version = version + 1", "date = '2020-01-01'"));
    if (!postgres) {
      changes.add("snapshot_check = 0"); // PostgreSQL keeps no check of the snapshot
    }
    for (String change : changes) {
      assertThatThrownBy(() -> sql("UPDATE sessions SET summary = '{}', summary_version = version, " + change
          + " WHERE id = '" + id + "'")).as(change).isInstanceOf(SQLException.class)
          .hasMessageContaining("completed session is immutable");
    }
    assertListsAgree("read from its columns");
    try (Connection c = connection()) {
      assertThat(SummaryBackfill.fill(c, new StructureJson().mapper())).isEqualTo(1);
    }
    assertEveryTextFreshAndExact("filled");
  }

  /**
   * PostgreSQL's V25 gives the rows written before V23 their text (V24 lets the completed ones
   * take it): run here on rows whose text is gone, as those rows have none.
   */
  @Test
  void thePostgresMigrationFillsRowsWrittenBeforeTheColumn() throws Exception {
    open(true);
    Session done = sessions.start(alex.id(), plan.id(), null);
    sessions.complete(alex.id(), done.id(), null, 1L);
    sessions.amend(alex.id(), done.id(), Structures.done(done.structure(), 0, 0, 4, 40, TestContext.START), "late");
    sessions.start(alex.id(), plan.id(), null);
    Profile sam = t.profile("Sam");
    sessions.start(sam.id(), t.plan(sam, "Arms").id(), null);
    sql("UPDATE sessions SET summary = NULL, summary_version = NULL");
    String feed = value("SELECT string_agg(entity_id || ':' || seq || ':' || version, ',' ORDER BY entity_id) FROM changes");
    try (Connection c = connection()) {
      c.setAutoCommit(false);
      new db.migration.postgresql.V25__Session_summaries().migrate(new org.flywaydb.core.api.migration.Context() {
        @Override
        public org.flywaydb.core.api.configuration.Configuration getConfiguration() {
          return null;
        }

        @Override
        public Connection getConnection() {
          return c;
        }
      });
      c.commit();
    }
    assertThat(value("SELECT count(*) FROM sessions WHERE summary_version = version")).isEqualTo("3");
    assertThat(value("SELECT string_agg(entity_id || ':' || seq || ':' || version, ',' ORDER BY entity_id) FROM changes"))
        .as("the change feed does not see it").isEqualTo(feed);
    assertEveryTextFreshAndExact("migrated");
  }

  /** Every row's text is that of its version and the text of its columns; the lists agree. */
  private void assertEveryTextFreshAndExact(String after) throws SQLException {
    Map<String, String> expected = new TreeMap<>();
    for (SessionSummary summary : sessions.list(alex.id(), query("limit", "100")).items()) {
      expected.put(summary.id().toString(), new String(SummaryJson.of(API, summary), StandardCharsets.UTF_8));
    }
    Map<String, String> stored = new TreeMap<>();
    for (String id : expected.keySet()) {
      assertThat(value("SELECT summary_version = version FROM sessions WHERE id = '" + id + "'"))
          .as(after + ": fresh").isIn("1", "t", "true");
      stored.put(id, text(UUID.fromString(id)));
    }
    assertThat(stored).as(after).isEqualTo(expected);
    assertListsAgree(after);
  }

  /** Every query's texts are, item by item and with the same total, those of its summaries. */
  private void assertListsAgree(String after) {
    for (SessionQuery query : QUERIES) {
      Page<SessionSummary> page = sessions.list(alex.id(), query);
      Page<byte[]> texts = sessions.listTexts(alex.id(), query);
      assertThat(texts.total()).as(after).isEqualTo(page.total());
      assertThat(texts.items().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList()).as(after)
          .containsExactlyElementsOf(page.items().stream()
              .map(s -> new String(SummaryJson.of(API, s), StandardCharsets.UTF_8)).toList());
    }
  }

  private String text(UUID id) throws SQLException {
    return value("SELECT summary FROM sessions WHERE id = '" + id + "'");
  }

  private String value(String sql) throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private void sql(String sql) throws SQLException {
    try (Connection c = connection(); Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  /** A raw connection that sees every row (on PostgreSQL the superuser: Setwise's role is bound by row-level security). */
  private Connection connection() throws SQLException {
    return t.onPostgres() ? PostgresServer.get().connectAsSuperuser(t.database) : sqlite();
  }

  private Connection sqlite() throws SQLException {
    return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AppContext.DATABASE_FILE));
  }
}
