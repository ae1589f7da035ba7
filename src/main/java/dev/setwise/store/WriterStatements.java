package dev.setwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * The prepared statements of the SQLite write connection, kept from one transaction to the next.
 *
 * <p>Compiling a statement that changes {@code sessions} compiles every trigger on the table into
 * it: the profile of a set edit saved showed that compile costing more CPU than running the
 * statement (docs/decisions/0046). The writer compiles each statement of the save path once.
 * {@link #prepare} hands out the cached statement, whose {@code close()} only unbinds its
 * parameters, so repositories keep their try-with-resources: the driver's own statement class with
 * that one method changed, not a reflective proxy (whose calls were a tenth of a save's Java time).
 * Used only by the thread holding the write lock; {@link #closeAll} before the connection closes.
 */
final class WriterStatements {

  private static final Logger LOG = LoggerFactory.getLogger(WriterStatements.class);
  private static final int MAX = 64;

  private final SQLiteConnection connection;
  /** Each statement (what callers get), least recently used first. */
  private final Map<String, Kept> cached = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      if (size() <= MAX) {
        return false;
      }
      quietlyClose(eldest.getValue());
      return true;
    }
  };

  WriterStatements(Connection connection) {
    try {
      this.connection = connection.unwrap(SQLiteConnection.class);
    } catch (SQLException e) {
      throw new IllegalArgumentException("not a SQLite connection", e);
    }
  }

  /** The statement for {@code sql}, compiled the first time; its {@code close()} keeps it for the next use. */
  PreparedStatement prepare(String sql) throws SQLException {
    Kept statement = cached.get(sql);
    if (statement == null) {
      statement = new Kept(connection, sql);
      cached.put(sql, statement);
    }
    return statement;
  }

  /** Runs a statement that takes no parameters and returns no rows (BEGIN, COMMIT, a savepoint). */
  void run(String sql) throws SQLException {
    prepare(sql).execute();
  }

  void closeAll() {
    cached.values().forEach(WriterStatements::quietlyClose);
    cached.clear();
  }

  /**
   * A statement whose {@code close()} sets its parameters to NULL; {@link #closeForGood} closes it.
   * Not {@code clearParameters()}: SQLite's {@code sqlite3_clear_bindings} expires a statement
   * whose plan looked at its parameters, and the next use compiles it again (0055).
   */
  private static final class Kept extends JDBC4PreparedStatement {

    private final int parameters;

    Kept(SQLiteConnection connection, String sql) throws SQLException {
      super(connection, sql);
      this.parameters = getParameterMetaData().getParameterCount();
    }

    @Override
    public void close() throws SQLException {
      for (int i = 1; i <= parameters; i++) {
        setNull(i, Types.NULL);
      }
    }

    void closeForGood() throws SQLException {
      super.close();
    }
  }

  private static void quietlyClose(Kept statement) {
    try {
      statement.closeForGood();
    } catch (SQLException e) {
      LOG.debug("Could not close a cached statement", e);
    }
  }
}
