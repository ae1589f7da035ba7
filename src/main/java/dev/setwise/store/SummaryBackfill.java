package dev.setwise.store;

import dev.setwise.domain.SessionSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the stored summary of every session row that has none for its version, from the row's
 * columns ({@link StoredSummary}, docs/decisions/0066): SQLite's migration V19 for rows written
 * before V18, and a bench's history generated with plain SQL. Changes nothing else of a row (the
 * schema refuses anything more on a completed session). In the caller's transaction, on a
 * SQLite connection.
 */
public final class SummaryBackfill {

  /** Rows read and written per round: bounded memory on a history of millions. */
  private static final int ROUND = 5_000;

  private SummaryBackfill() {}

  /**
   * @return how many rows were given their summary
   * @throws SQLException when a read or write fails (the caller's transaction then changes nothing)
   */
  public static long fill(Connection connection, JsonMapper mapper) throws SQLException {
    long filled = 0;
    long after = Long.MIN_VALUE;
    try (PreparedStatement select = connection.prepareStatement("SELECT " + SessionList.SUMMARIES.columns()
        + ", s.rowid FROM sessions s WHERE s.rowid > ? AND s.summary_version IS NOT s.version "
        + "ORDER BY s.rowid LIMIT " + ROUND);
        PreparedStatement update = connection.prepareStatement(
            "UPDATE sessions SET summary = ?, summary_version = version WHERE rowid = ? AND version = ?")) {
      while (true) {
        select.setLong(1, after);
        List<SessionSummary> summaries = new ArrayList<>(ROUND);
        List<Long> rowids = new ArrayList<>(ROUND);
        int read = 0;
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            read++;
            after = rs.getLong(16);
            try {
              summaries.add(SessionList.SUMMARIES.reader().read(rs));
              rowids.add(after);
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
          update.setLong(2, rowids.get(i));
          update.setLong(3, summaries.get(i).version());
          update.addBatch();
        }
        update.executeBatch();
        filled += summaries.size();
      }
    }
  }
}
