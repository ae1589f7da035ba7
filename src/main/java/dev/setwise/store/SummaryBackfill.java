package dev.setwise.store;

import dev.setwise.domain.SessionSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the stored summary of every session row that has none for its version, from the row's
 * columns ({@link StoredSummary}, docs/decisions/0066): the migrations that follow the summary
 * column (SQLite V19, PostgreSQL V25) for rows written before it, and a bench's history generated
 * with plain SQL. Changes nothing else of a row (the schema refuses anything more on a completed
 * session) and nothing the change feed follows (the version stays). In the caller's transaction,
 * on a SQLite or a PostgreSQL connection that sees every profile's rows.
 */
public final class SummaryBackfill {

  /** Rows read and written per round: bounded memory on a history of millions. */
  private static final int ROUND = 5_000;

  /**
   * How one dialect walks the table: in the order of a key (column 16 of the select), from after
   * the last one read, bound {@code keyParameters} times.
   */
  private record Walk(String select, String update, Object first, int keyParameters) {}

  private static final Walk SQLITE = new Walk("SELECT " + SessionList.SUMMARIES.columns()
      + ", s.rowid FROM sessions s WHERE s.rowid > ? AND s.summary_version IS NOT s.version "
      + "ORDER BY s.rowid LIMIT " + ROUND,
      "UPDATE sessions SET summary = ?, summary_version = version WHERE rowid = ? AND version = ?", Long.MIN_VALUE, 1);
  /** The first round has no key yet (null): any UUID, the nil one too, can be a session's id. */
  private static final Walk POSTGRESQL = new Walk("SELECT " + SessionList.SUMMARIES.columns()
      + ", CAST(s.id AS text) FROM sessions s WHERE (CAST(? AS text) IS NULL OR s.id > CAST(CAST(? AS text) AS uuid)) "
      + "AND s.summary_version IS DISTINCT FROM s.version ORDER BY s.id LIMIT " + ROUND,
      "UPDATE sessions SET summary = ?, summary_version = version WHERE id = CAST(? AS uuid) AND version = ?", null, 2);

  private SummaryBackfill() {}

  /**
   * @return how many rows were given their summary
   * @throws SQLException when a read or write fails (the caller's transaction then changes nothing)
   */
  public static long fill(Connection connection, JsonMapper mapper) throws SQLException {
    Walk walk = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("sqlite")
        ? SQLITE : POSTGRESQL;
    long filled = 0;
    Object after = walk.first();
    try (PreparedStatement select = connection.prepareStatement(walk.select());
        PreparedStatement update = connection.prepareStatement(walk.update())) {
      while (true) {
        for (int k = 1; k <= walk.keyParameters(); k++) {
          select.setObject(k, after);
        }
        List<SessionSummary> summaries = new ArrayList<>(ROUND);
        List<Object> keys = new ArrayList<>(ROUND);
        int read = 0;
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getObject(16);
            try {
              summaries.add(SessionList.SUMMARIES.reader().read(rs));
              keys.add(after);
            } catch (RuntimeException unreadable) {
              // not a row Setwise wrote (an id that is no UUID, say): it keeps no text and is read as before
            }
          }
        }
        if (read == 0) {
          return filled;
        }
        for (int i = 0; i < summaries.size(); i++) {
          update.setString(1, StoredSummary.of(mapper, summaries.get(i)));
          update.setObject(2, keys.get(i));
          update.setLong(3, summaries.get(i).version());
          update.addBatch();
        }
        update.executeBatch();
        filled += summaries.size();
      }
    }
  }
}
