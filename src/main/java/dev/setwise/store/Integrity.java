package dev.setwise.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's own checks of a database, with the first problem they find in one line. */
final class Integrity {

  static final Set<String> SETWISE_TABLES = Set.of("profiles", "plans", "sessions", "audit_log");
  static final String HISTORY_TABLE = "flyway_schema_history";

  private Integrity() {}

  /**
   * Runs {@code PRAGMA quick_check} (every page and b-tree, without cross-checking indexes against
   * their tables, which {@code integrity_check} adds at many times the cost).
   *
   * @return null when it passes, else the first problem it reports
   * @throws SQLException when the database cannot be read at all (not a database, I/O, permission)
   */
  static String quickCheck(Connection connection) throws SQLException {
    return check(connection, "PRAGMA quick_check");
  }

  /**
   * {@link #quickCheck} on a connection that is used again and again (a pooled reader), in one
   * read transaction that first opens a cursor on each FTS5 table.
   *
   * <p>Why: an FTS5 table keeps its index's structure record cached in the connection and checks
   * it against {@code PRAGMA data_version} only when a cursor opens or a write begins. The
   * integrity check of the table ({@code xIntegrity}, run by the pragma) opens no cursor, so on a
   * connection that read the index before other connections merged its segments it reads
   * segments that are gone and reports "fts5: corruption found reading blob …" for an intact
   * file (SQLite 3.54.1). Opening a cursor in the same snapshot refreshes the record first.
   */
  static String quickCheckReused(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("BEGIN");
      try {
        for (String table : fullTextTables(statement)) {
          statement.executeQuery("SELECT rowid FROM \"" + table.replace("\"", "\"\"") + "\" WHERE rowid = 0").close();
        }
        return check(connection, "PRAGMA quick_check");
      } catch (SQLiteException e) {
        if (e.getResultCode() != null && e.getResultCode().name().startsWith("SQLITE_CORRUPT")) {
          return "SQLite reports: the database disk image is malformed";
        }
        throw e;
      } finally {
        endRead(statement);
      }
    }
  }

  private static Set<String> fullTextTables(Statement statement) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table' "
        + "AND sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%USING fts5%'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** Ends the read transaction; SQLite may have ended it already when it met damage. */
  private static void endRead(Statement statement) throws SQLException {
    try {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
        throw e;
      }
    }
  }

  /** {@code PRAGMA integrity_check}: like {@link #quickCheck}, plus every index against its table. */
  static String integrityCheck(Connection connection) throws SQLException {
    return check(connection, "PRAGMA integrity_check");
  }

  private static String check(Connection connection, String pragma) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(pragma)) {
      while (rs.next()) {
        String row = rs.getString(1);
        if ("ok".equals(row)) {
          return null;
        }
        if (row != null && !row.startsWith("***")) {
          return oneLine(row);
        }
      }
      return null;
    } catch (SQLiteException e) {
      // Damage deep enough to stop the check is its first problem; a file that is no database at
      // all (SQLITE_NOTADB) is not "damaged" and is left to the caller.
      if (e.getResultCode() != null && e.getResultCode().name().startsWith("SQLITE_CORRUPT")) {
        return "SQLite reports: the database disk image is malformed";
      }
      throw e;
    }
  }

  /** The names of the tables in the database. */
  static Set<String> tables(Connection connection) throws SQLException {
    Set<String> tables = new HashSet<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  static boolean isCorruption(SQLException e) {
    if (!(e instanceof SQLiteException sqlite) || sqlite.getResultCode() == null) {
      return false;
    }
    SQLiteErrorCode code = sqlite.getResultCode();
    return code.name().startsWith("SQLITE_CORRUPT") || code == SQLiteErrorCode.SQLITE_NOTADB;
  }

  private static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s*\\R\\s*", "; ");
    return line.length() > 200 ? line.substring(0, 197) + "…" : line;
  }
}
