package dev.setwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.sqlite.SQLiteConfig;

/** SQLite's native library, which sqlite-jdbc extracts from its jar and loads on the first connection. */
public final class SqliteLibrary {

  private SqliteLibrary() {}

  /** Loads it now (see {@link dev.setwise.AppContext#loadSqlite()}); a failure is left for the first connection. */
  public static void load() {
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception ignored) {
      // the first connection tries again and says why it cannot
    }
  }

  /**
   * Loads it, then runs once what opening a database file runs for the first time in a process
   * (docs/decisions/0059), on a database in memory: the driver's configuration (its date formats
   * among it), a connection, a kept statement (its proxy class) and a query, and the list of the
   * migrations this build has. No file is opened; a failure is left for the real work to report.
   */
  public static void warmUp() {
    load();
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(Connections.BUSY_TIMEOUT_MS);
    try (Connection connection = config.createConnection("jdbc:sqlite::memory:")) {
      KeptStatements statements = new KeptStatements(connection);
      try (PreparedStatement statement = statements.prepare("SELECT ?");
          ResultSet rows = bound(statement).executeQuery()) {
        rows.next();
        rows.getString(1);
      } finally {
        statements.closeAll();
      }
    } catch (Exception ignored) {
      // the real connection meets it again and says what it is
    }
    Migrations.newestKnown();
  }

  private static PreparedStatement bound(PreparedStatement statement) throws java.sql.SQLException {
    statement.setString(1, "warm");
    return statement;
  }
}
