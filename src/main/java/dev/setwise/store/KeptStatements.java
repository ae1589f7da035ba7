package dev.setwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConnection;
import org.sqlite.jdbc4.JDBC4PreparedStatement;

/**
 * The prepared statements of one pooled SQLite read connection, kept from one transaction to the
 * next and closed with the connection (docs/decisions/0055).
 *
 * <p>SQLite compiles a statement on every {@code prepareStatement}; for a REST read that compile
 * (parsing, name resolution, planning of a query whose view joins the newest amendment) is much of
 * the request's database time. {@link #prepare} hands out the statement compiled the first time,
 * whose {@code close()} closes the result set it opened (so the statement holds no
 * snapshot of the database past its use) and sets its parameters to NULL (so nothing bound for
 * one profile reaches the next query), and repositories keep their try-with-resources. A statement
 * compiled before another connection changed the schema is compiled again by SQLite itself when
 * it next runs ({@code sqlite3_prepare_v2}). Used only by the thread that borrowed the connection.
 */
final class KeptStatements {

  private static final Logger LOG = LoggerFactory.getLogger(KeptStatements.class);
  /** How many one connection keeps; the least recently used goes first (the list's SQL varies with its filters). */
  static final int MAX = 64;

  private final SQLiteConnection connection;
  /** Each statement (what callers get), least recently used first. */
  private final Map<String, Kept> kept = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
      if (size() <= MAX) {
        return false;
      }
      eldest.getValue().closeForGood();
      return true;
    }
  };
  private long compiled;

  KeptStatements(Connection connection) {
    try {
      this.connection = connection.unwrap(SQLiteConnection.class);
    } catch (SQLException e) {
      throw new IllegalArgumentException("not a SQLite connection", e);
    }
  }

  /** The statement for {@code sql}, compiled the first time; its {@code close()} keeps it for the next use. */
  PreparedStatement prepare(String sql) throws SQLException {
    Kept statement = kept.get(sql);
    if (statement == null) {
      statement = new Kept(connection, sql);
      compiled++;
      kept.put(sql, statement);
    }
    return statement;
  }

  /** Runs a statement that takes no parameters and returns no rows ({@code BEGIN}, {@code COMMIT}). */
  void run(String sql) throws SQLException {
    prepare(sql).execute();
  }

  /** Closes every result set still open, so the connection's next transaction reads a new snapshot. */
  void release() {
    for (Kept statement : kept.values()) {
      statement.closeResults();
    }
  }

  /** How many statements this connection compiled (tests). */
  long compiled() {
    return compiled;
  }

  /** How many it keeps now (tests). */
  int size() {
    return kept.size();
  }

  /** Closes every statement; before the connection closes. */
  void closeAll() {
    kept.values().forEach(Kept::closeForGood);
    kept.clear();
  }

  /**
   * One compiled statement, handed out itself: the driver's own statement class with {@code
   * close()} changed (closes the result set it opened, unbinds), not a reflective proxy, whose
   * every call went through {@code Method.invoke} (docs/decisions/0065).
   */
  private static final class Kept extends JDBC4PreparedStatement {

    private final int parameters;
    private ResultSet results;

    Kept(SQLiteConnection connection, String sql) throws SQLException {
      super(connection, sql);
      this.parameters = getParameterMetaData().getParameterCount();
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
      ResultSet opened = super.executeQuery();
      results = opened;
      return opened;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
      ResultSet opened = super.getResultSet();
      if (opened != null) {
        results = opened;
      }
      return opened;
    }

    @Override
    public void close() throws SQLException {
      closeResults();
      unbind();
    }

    void closeResults() {
      ResultSet open = results;
      if (open == null) {
        return;
      }
      results = null;
      try {
        open.close();
      } catch (SQLException e) {
        LOG.debug("Could not close a kept statement's result set", e);
      }
    }

    /**
     * Sets every parameter to NULL, so a value bound for one use never reaches the next. Not
     * {@code clearParameters()}: SQLite's {@code sqlite3_clear_bindings} marks a statement whose
     * plan looked at its parameters as expired, and the next run compiles it again (measured:
     * 25 to 50 µs a GET, the whole cost this class saves); the driver binds every parameter
     * anew at each run from what was set, so NULLs set here are what an unbound one reads.
     */
    void unbind() throws SQLException {
      for (int i = 1; i <= parameters; i++) {
        setNull(i, Types.NULL);
      }
    }

    void closeForGood() {
      closeResults();
      try {
        super.close();
      } catch (SQLException e) {
        LOG.debug("Could not close a kept statement", e);
      }
    }
  }
}
