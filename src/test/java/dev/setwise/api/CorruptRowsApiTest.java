package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import dev.setwise.support.DamagedRows;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * A stored row that cannot be read (a damaged file, written here with raw SQL) is the server's
 * failure: 500 with the contract's body, logged with its cause; never a 400 that blames the client.
 * On PostgreSQL the same damage is written as the superuser; what the column's type refuses to
 * hold (bytes that are not UTF-8, jsonb that is not a JSON object) cannot be there to be read, and
 * the test then checks that it was refused.
 */
class CorruptRowsApiTest extends ApiTestBase {

  private static final String INTERNAL = "{\"error\":\"InternalServerError\",\"message\":\"Failed to process request\"}";

  Caller alex;
  String planId;
  ListAppender<ILoggingEvent> log;
  Logger logger;

  @BeforeEach
  void setUp() {
    alex = api.caller("Alex");
    planId = alex.plan("Strength A");
    logger = (Logger) LoggerFactory.getLogger(ApiServer.class);
    log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void detachLog() {
    logger.detachAppender(log);
  }

  /**
   * Writes {@code hex} (the bytes a damaged file could hold) into a column, past the schema's
   * CHECKs; false when the database refuses to hold them at all (PostgreSQL's types).
   */
  private boolean damaged(String table, String column, String id, String hex) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex);
    try {
      DamagedRows.of(api.t).column(table, column, id, bytes);
      return true;
    } catch (DamagedRows.Refused refused) {
      assertThat(api.onPostgres()).as("only PostgreSQL's types refuse damage").isTrue();
      return false;
    }
  }

  private static String hex(String text) {
    StringBuilder hex = new StringBuilder();
    for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      hex.append(String.format("%02X", b));
    }
    return hex.toString();
  }

  private void assertInternalErrorLogged(Response answer, String path) {
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.body()).isEqualTo(INTERNAL);
    assertThat(log.list).anySatisfy(event -> {
      assertThat(event.getFormattedMessage()).contains(path);
      assertThat(event.getThrowableProxy()).isNotNull();
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"unit\": \"kg\", \"exercises\": 5}",
      "{\"unit\": \"st\", \"exercises\": []}",
      "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": -3}]}]}",
      "{\"unit\": \"kg\", \"exercises\": [], \"extra\": true}",
      "null",
      "[]",
      "{\"unit\": \"kg\", \"exercises\": [], \"notes\": \"\\ud800\"}",
      "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"weight\": 1e2147483648}]}]}",
      "{\"unit\": \"kg\", \"exerc",
      "not json at all"})
  void aSnapshotThatBreaksTheStructureRulesIs500(String stored) {
    String sessionId = alex.start(planId);
    if (!damaged("sessions", "session", sessionId, hex(stored))) {
      return;
    }

    Response answer = alex.get("/api/sessions/" + sessionId);

    assertInternalErrorLogged(answer, "GET /api/sessions/" + sessionId);
    assertThat(alex.get("/api/sessions").status()).as("the list never reads snapshots").isEqualTo(200);
  }

  @Test
  void aSnapshotWhoseBytesAreNotUtf8Is500NotReadWithReplacementCharacters() {
    String sessionId = alex.start(planId);
    // a bit flipped in "Squat": 0x61 ('a') became 0xE1, which starts a sequence that never ends
    if (!damaged("sessions", "session", sessionId,
        hex("{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squ").concat("E1").concat(hex("t\", \"sets\": []}]}")))) {
      return;
    }

    assertInternalErrorLogged(alex.get("/api/sessions/" + sessionId), "GET /api/sessions/" + sessionId);
  }

  @Test
  void completingASessionWithADamagedSnapshotIs500() {
    String sessionId = alex.start(planId);
    assertThat(damaged("sessions", "session", sessionId, hex("{\"unit\": \"kg\"}"))).isTrue();

    assertInternalErrorLogged(alex.post("/api/sessions/" + sessionId + "/complete", null),
        "POST /api/sessions/" + sessionId + "/complete");
  }

  @Test
  void aPlanWithADamagedStructureIs500() {
    assertThat(damaged("plans", "structure", planId, hex("{\"unit\": \"kg\", \"exercises\": [{\"sets\": []}]}")))
        .isTrue();

    assertInternalErrorLogged(alex.get("/api/plans/" + planId), "GET /api/plans/" + planId);
    assertThat(alex.get("/api/plans").status()).isEqualTo(200);
  }

  @Test
  void aDamagedRecordedAnswerIsNotReplayedAsASuccess() throws SQLException {
    String body = "{\"plan_id\": \"" + planId + "\"}";
    Response first = alex.post("/api/sessions", body, "start-once");
    assertThat(first.status()).isEqualTo(201);
    // the first bytes of the recorded body flipped: no longer JSON
    assertThat(api.sql("UPDATE idempotency_keys SET body = CAST(X'00FF' || substr(body, 3) AS BLOB) "
        + "WHERE key = 'start-once'",
        "UPDATE idempotency_keys SET body = '\\x00ff'::bytea || substring(body from 3) WHERE key = 'start-once'"))
        .isEqualTo(1);

    Response replay = alex.post("/api/sessions", body, "start-once");

    assertInternalErrorLogged(replay, "POST /api/sessions");
    assertThat(replay.header(Exchanges.REPLAYED)).isNull();
  }

  @Test
  void damagedAuditDetailsAre500() throws SQLException {
    if (api.onPostgres()) {
      String insert = "INSERT INTO audit_log (user_id, action, entity_type, entity_id, at, details) VALUES ('"
          + alex.profile.id() + "', 'plan_created', 'plan', '" + planId + "', 0, convert_from('\\x"
          + hex("{\"name\": \"") + "C0AF" + hex("\"}") + "'::bytea, 'UTF8')::jsonb)";
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.sql(null, insert))
          .as("jsonb holds only UTF-8 text").isInstanceOf(SQLException.class).hasMessageContaining("UTF8");
      return;
    }
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + api.t.dataDir.resolve("setwise.db"));
        Statement statement = raw.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 10000");
      statement.execute("PRAGMA ignore_check_constraints = ON");
      statement.execute("INSERT INTO audit_log (user_id, action, entity_type, entity_id, at, details) VALUES ('"
          + alex.profile.id() + "', 'plan_created', 'plan', '" + planId + "', 0, CAST(X'" + hex("{\"name\": \"")
          + "C0AF" + hex("\"}") + "' AS TEXT))");
    }

    assertInternalErrorLogged(alex.get("/api/audit-log"), "GET /api/audit-log");
  }
}
