package dev.setwise.store;

import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.Unit;
import dev.setwise.json.SummaryJson;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/**
 * The summary text each session row keeps beside its columns ({@code sessions.summary}, V18 on
 * SQLite, V23 on PostgreSQL), so that the REST list copies one text a row instead of reading
 * fifteen columns and writing them out again (docs/decisions/0066).
 *
 * <p>{@code summary_version} says which version of the row the text describes. Every change of a
 * session raises its version (the schema's triggers refuse anything else), so a text whose
 * version is not the row's is never sent: the row is read from its columns instead. An insert
 * writes the whole text; an update writes it in SQL from the parts of the old text that cannot
 * have changed (cut at {@link SummaryJson}'s keys) and the parts the update knows, so the save
 * stays one statement that needs nothing read first. An update over a text that is not fresh
 * leaves none ({@code NULL}).
 */
final class StoredSummary {

  /** True on a row of {@code sessions s} whose stored text is that of its version (and not NULL). */
  static final String FRESH = "s.summary_version = s.version";

  private StoredSummary() {}

  /**
   * The assignments of an update that keeps the head, the end and the creation (a save that does
   * not complete the session, an amendment). Parameters: the {@linkplain SummaryJson#updated last
   * change}, the {@linkplain SummaryJson#tail figures}. To be placed before {@code version} is
   * assigned, or anywhere: SQL reads the old row on the right of every assignment.
   */
  static String keepingEnd(Dialect dialect) {
    String find = find(dialect);
    return ", summary = CASE WHEN summary_version = version THEN substr(summary, 1, "
        + find + "(summary, '" + SummaryJson.UPDATED_KEY + "') - 1) || ? || (version + 1) || ? END"
        + ", summary_version = CASE WHEN summary_version = version THEN version + 1 END";
  }

  /**
   * The same for an update that completes the session, with the new {@linkplain SummaryJson#ended
   * end} as the first parameter.
   */
  static String withEnd(Dialect dialect) {
    String find = find(dialect);
    String ended = find + "(summary, '" + SummaryJson.ENDED_KEY + "')";
    String created = find + "(summary, '" + SummaryJson.CREATED_KEY + "')";
    String updated = find + "(summary, '" + SummaryJson.UPDATED_KEY + "')";
    return ", summary = CASE WHEN summary_version = version THEN substr(summary, 1, " + ended + " - 1) || ? || "
        + "substr(summary, " + created + ", " + updated + " - " + created + ") || ? || (version + 1) || ? END"
        + ", summary_version = CASE WHEN summary_version = version THEN version + 1 END";
  }

  private static String find(Dialect dialect) {
    return dialect == Dialect.SQLITE ? "instr" : "strpos";
  }

  /**
   * Binds the parameters of {@link #keepingEnd} (endedAt null) or {@link #withEnd}, from
   * {@code index}.
   *
   * @return the next parameter's index
   */
  static int bind(PreparedStatement statement, int index, JsonMapper mapper, Instant endedAt, Instant updatedAt,
      boolean amended, String name, Unit unit, StructureStats stats) throws SQLException {
    int i = index;
    if (endedAt != null) {
      statement.setString(i++, SummaryJson.ended(mapper, endedAt));
    }
    statement.setString(i++, SummaryJson.updated(mapper, updatedAt));
    statement.setString(i++, SummaryJson.tail(mapper, amended, name, unit, stats.exerciseCount(),
        stats.setCount(), stats.completedSetCount(), stats.volume()));
    return i;
  }

  /** The whole text of a new row. */
  static String of(JsonMapper mapper, SessionSummary summary) {
    return new String(SummaryJson.of(mapper, summary), java.nio.charset.StandardCharsets.UTF_8);
  }
}
