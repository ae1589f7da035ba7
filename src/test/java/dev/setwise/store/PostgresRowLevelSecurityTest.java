package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.StorageException;
import dev.setwise.service.TokenService;
import dev.setwise.support.PostgresServer;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Row-level security on PostgreSQL, seen with raw SQL as the role {@code setwise serve} connects
 * as (which owns the tables: FORCE makes the policies bind it too), and through a server context.
 */
class PostgresRowLevelSecurityTest {

  @TempDir
  static Path dir;

  static TestContext t;
  static Profile alex;
  static Profile sam;
  static Plan alexPlan;
  static TokenService.Issued alexToken;

  @BeforeAll
  static void data() {
    t = TestContext.onPostgres(dir);
    alex = t.profile("Alex");
    sam = t.profile("Sam");
    alexPlan = t.plan(alex, "Alex's plan");
    Plan samPlan = t.plan(sam, "Sam's plan");
    alexToken = t.app.tokens().create(alex.id(), "phone");
    t.app.tokens().create(sam.id(), "phone");
    var session = t.app.sessions().start(alex.id(), alexPlan.id(), null);
    t.app.sessions().complete(alex.id(), session.id(), null);
    t.app.sessions().start(sam.id(), samPlan.id(), null);
  }

  @AfterAll
  static void close() {
    t.close();
  }

  private static Connection raw() throws SQLException {
    return PostgresServer.get().connectAsSetwise(t.database);
  }

  private static List<String> tables(Connection connection) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT relname FROM pg_class WHERE relkind = 'r' "
            + "AND relnamespace = 'public'::regnamespace AND relname <> 'flyway_schema_history' ORDER BY relname")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void everyTableHasForcedRowLevelSecurityAndTheServeRoleOwnsThem() throws SQLException {
    try (Connection connection = raw(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT relname, relrowsecurity, relforcerowsecurity, "
            + "pg_get_userbyid(relowner) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
            + "AND relname <> 'flyway_schema_history'")) {
      int tables = 0;
      while (rs.next()) {
        tables++;
        assertThat(rs.getBoolean(2)).as(rs.getString(1) + " has row-level security").isTrue();
        assertThat(rs.getBoolean(3)).as(rs.getString(1) + " forces it on its owner").isTrue();
        assertThat(rs.getString(4)).isEqualTo(PostgresServer.ROLE);
      }
      assertThat(tables).isGreaterThanOrEqualTo(17);
    }
  }

  @Test
  void aQueryWithoutTheSettingSeesNoRowInAnyTable() throws SQLException {
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      List<String> tables = tables(connection);
      assertThat(tables).contains("profiles", "plans", "sessions", "changes", "audit_log", "api_tokens");
      for (String table : tables) {
        assertThat(count(statement, table)).as(table).isZero();
      }
    }
    try (Connection connection = PostgresServer.get().connectAsSuperuser(t.database);
        Statement statement = connection.createStatement()) {
      assertThat(count(statement, "plans")).as("the rows are there (the superuser is not bound)").isEqualTo(2);
      assertThat(count(statement, "audit_log")).isPositive();
    }
  }

  @Test
  void aTransactionThatDeclaresACallerSeesOnlyThatProfilesRows() throws SQLException {
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SET LOCAL setwise.user_id = '" + alex.id() + "'");
      assertThat(count(statement, "profiles")).isEqualTo(1);
      assertThat(count(statement, "plans")).isEqualTo(1);
      assertThat(count(statement, "sessions")).isEqualTo(1);
      assertThat(count(statement, "api_tokens")).isEqualTo(1);
      assertThat(count(statement, "changes")).isEqualTo(2);
      assertThat(count(statement, "session_log")).isEqualTo(1);
      try (ResultSet rs = statement.executeQuery("SELECT DISTINCT user_id FROM audit_log")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(alex.id().toString());
        assertThat(rs.next()).isFalse();
      }
      connection.rollback();
    }
  }

  @Test
  void aTransactionCannotWriteARowOfAnotherProfile() throws SQLException {
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SET LOCAL setwise.user_id = '" + alex.id() + "'");
      assertThatThrownBy(() -> statement.execute("INSERT INTO plans (id, user_id, name, exercise_count, created_at, "
          + "updated_at, structure) VALUES (gen_random_uuid(), '" + sam.id() + "', 'Planted', 0, 0, 0, '{}')"))
          .isInstanceOf(SQLException.class).hasMessageContaining("row-level security");
      connection.rollback();
      statement.execute("SET LOCAL setwise.user_id = '" + alex.id() + "'");
      assertThat(statement.executeUpdate("UPDATE plans SET archived = archived WHERE user_id = '" + sam.id() + "'"))
          .as("another profile's rows are not there to update").isZero();
      connection.rollback();
    }
  }

  @Test
  void aTokenIsVisibleBeforeAuthenticationOnlyByTheIdThatIsDeclared() throws SQLException {
    String id = alexToken.token().id();
    try (Connection connection = raw(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SELECT set_config('setwise.token_id', '" + id + "', true)");
      try (ResultSet rs = statement.executeQuery("SELECT id FROM api_tokens")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(id);
        assertThat(rs.next()).isFalse();
      }
      assertThat(count(statement, "profiles")).isZero();
      assertThat(statement.executeUpdate("UPDATE api_tokens SET revoked_at = created_at")).as("read only").isZero();
      connection.rollback();
    }
  }

  @Test
  void aServerSeesNothingForNobodyAndOnlyTheAuthenticatedCallersRows() throws Exception {
    AppContext server = t.newServer();
    List<Object> seen = new ArrayList<>();
    // a fresh thread: nothing bound yet
    Thread thread = new Thread(() -> {
      seen.add(server.plans().list(alex.id()).size());
      seen.add(server.sessions().list(alex.id(), SessionQuery.defaults()).total());
      seen.add(server.tokens().authenticate(alexToken.text()).orElseThrow());
      seen.add(server.plans().list(alex.id()).size());
      seen.add(server.plans().list(sam.id()).size());
      server.tokens().endRequest();
      seen.add(server.plans().list(alex.id()).size());
    });
    thread.start();
    thread.join();
    assertThat(seen).containsExactly(0, 0L, alex.id(), 1, 0, 0);
  }

  @Test
  void serveRefusesASuperuserAndABypassRlsRole() {
    String superuser = "postgresql://127.0.0.1:" + PostgresServer.get().port() + "/" + t.database + "?user=postgres";
    assertThatThrownBy(() -> AppContext.openPostgres(dir, t.clock, superuser, null, false))
        .isInstanceOf(StorageException.class).hasMessageContaining("superuser or bypasses row-level security");
    PostgresServer.get().superuser("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bypasser') "
        + "THEN CREATE ROLE bypasser LOGIN BYPASSRLS PASSWORD 'bypass-pw'; END IF; END $$");
    String bypasser = "postgresql://127.0.0.1:" + PostgresServer.get().port() + "/" + t.database
        + "?user=bypasser&password=bypass-pw";
    assertThatThrownBy(() -> AppContext.openPostgres(dir, t.clock, bypasser, null, false))
        .isInstanceOf(StorageException.class).hasMessageContaining("\"bypasser\"");
  }

  @Test
  void theAdministrativeCommandsSeeEveryProfile() {
    assertThat(t.app.profiles().list()).extracting(Profile::name).containsExactly("Alex", "Sam");
    assertThat(t.app.tokens().list(null)).hasSize(2);
    assertThat(t.app.plans().list(sam.id())).hasSize(1);
  }
}
