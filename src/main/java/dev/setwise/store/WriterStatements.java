package dev.setwise.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The prepared statements of the SQLite write connection, kept from one transaction to the next.
 *
 * <p>Compiling a statement that changes {@code sessions} compiles every trigger on the table into
 * it: the profile of a set edit saved showed that compile costing more CPU than running the
 * statement (docs/decisions/0046). The writer compiles each statement of the save path once.
 * {@link #prepare} hands out the cached statement behind a view whose {@code close()} only clears
 * its parameters, so repositories keep their try-with-resources. Used only by the thread holding
 * the write lock; {@link #closeAll} before the connection closes.
 */
final class WriterStatements {

  private static final Logger LOG = LoggerFactory.getLogger(WriterStatements.class);
  private static final int MAX = 64;

  private final Connection connection;
  /** Each statement's view (what callers get), least recently used first. */
  private final Map<String, PreparedStatement> cached = new LinkedHashMap<>(32, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
      if (size() <= MAX) {
        return false;
      }
      quietlyClose(eldest.getValue());
      return true;
    }
  };

  WriterStatements(Connection connection) {
    this.connection = connection;
  }

  /** The statement for {@code sql}, compiled the first time; its {@code close()} keeps it for the next use. */
  PreparedStatement prepare(String sql) throws SQLException {
    PreparedStatement view = cached.get(sql);
    if (view == null) {
      view = view(connection.prepareStatement(sql));
      cached.put(sql, view);
    }
    return view;
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
   * {@code statement} with a {@code close()} that sets its parameters to NULL; {@code closeForGood()}
   * closes it. Not {@code clearParameters()}: SQLite's {@code sqlite3_clear_bindings} expires a
   * statement whose plan looked at its parameters, and the next use compiles it again (0055).
   */
  private static PreparedStatement view(PreparedStatement statement) throws SQLException {
    int parameters = statement.getParameterMetaData().getParameterCount();
    InvocationHandler handler = (proxy, method, arguments) -> {
      if (method.getParameterCount() == 0 && method.getName().equals("close")) {
        for (int i = 1; i <= parameters; i++) {
          statement.setNull(i, java.sql.Types.NULL);
        }
        return null;
      }
      try {
        return method.invoke(statement, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return (PreparedStatement) Proxy.newProxyInstance(WriterStatements.class.getClassLoader(),
        new Class<?>[] {PreparedStatement.class}, handler);
  }

  private static void quietlyClose(PreparedStatement view) {
    try {
      view.unwrap(PreparedStatement.class).close();
    } catch (SQLException e) {
      LOG.debug("Could not close a cached statement", e);
    }
  }
}
