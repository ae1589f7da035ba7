package dev.setwise.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements of one pooled SQLite read connection, kept from one transaction to the
 * next and closed with the connection (docs/decisions/0055).
 *
 * <p>SQLite compiles a statement on every {@code prepareStatement}; for a REST read that compile
 * (parsing, name resolution, planning of a query whose view joins the newest amendment) is much of
 * the request's database time. {@link #prepare} hands out the statement compiled the first time,
 * behind a view whose {@code close()} closes the result set it opened (so the statement holds no
 * snapshot of the database past its use) and sets its parameters to NULL (so nothing bound for
 * one profile reaches the next query), and repositories keep their try-with-resources. A statement
 * compiled before another connection changed the schema is compiled again by SQLite itself when
 * it next runs ({@code sqlite3_prepare_v2}). Used only by the thread that borrowed the connection.
 */
final class KeptStatements {

  private static final Logger LOG = LoggerFactory.getLogger(KeptStatements.class);
  /** How many one connection keeps; the least recently used goes first (the list's SQL varies with its filters). */
  static final int MAX = 64;

  private final Connection connection;
  /** Each statement's view (what callers get), least recently used first. */
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
    this.connection = connection;
  }

  /** The statement for {@code sql}, compiled the first time; its {@code close()} keeps it for the next use. */
  PreparedStatement prepare(String sql) throws SQLException {
    Kept statement = kept.get(sql);
    if (statement == null) {
      statement = new Kept(connection.prepareStatement(sql));
      compiled++;
      kept.put(sql, statement);
    }
    return statement.view;
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

  /** One compiled statement, the view callers get, and the result set it last opened. */
  private static final class Kept {

    final PreparedStatement statement;
    final PreparedStatement view;
    final int parameters;
    ResultSet results;

    Kept(PreparedStatement statement) throws SQLException {
      this.statement = statement;
      this.parameters = statement.getParameterMetaData().getParameterCount();
      InvocationHandler handler = (proxy, method, arguments) -> {
        String name = method.getName();
        if (method.getParameterCount() == 0 && name.equals("close")) {
          closeResults();
          unbind();
          return null;
        }
        try {
          Object answer = method.invoke(statement, arguments);
          if (answer instanceof ResultSet opened) {
            results = opened;
          }
          return answer;
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      };
      this.view = (PreparedStatement) Proxy.newProxyInstance(KeptStatements.class.getClassLoader(),
          new Class<?>[] {PreparedStatement.class}, handler);
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
        statement.setNull(i, Types.NULL);
      }
    }

    void closeForGood() {
      closeResults();
      try {
        statement.close();
      } catch (SQLException e) {
        LOG.debug("Could not close a kept statement", e);
      }
    }
  }
}
