package dev.setwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One open transaction. Repositories take it as their first argument, so a use case that spans
 * several of them commits or rolls back as one. Valid only inside the callback that received it.
 */
public final class Tx {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Tx.class);

  private final Connection connection;
  private final boolean writable;
  private final Dialect dialect;
  private final List<Runnable> afterCommit = new ArrayList<>();
  /** Statements prepared in this transaction, by their SQL, least recently used first (see {@link #statement}). */
  private Map<String, PreparedStatement> statements;
  /** The write connection's compiled statements, kept across transactions; null elsewhere (readers, PostgreSQL). */
  private final WriterStatements writerStatements;
  /** The pooled read connection's compiled statements, kept across transactions; null elsewhere. */
  private final KeptStatements readerStatements;

  Tx(Connection connection, boolean writable) {
    this(connection, writable, Dialect.SQLITE);
  }

  Tx(Connection connection, boolean writable, Dialect dialect) {
    this(connection, writable, dialect, null);
  }

  Tx(Connection connection, boolean writable, Dialect dialect, WriterStatements writerStatements) {
    this(connection, writable, dialect, writerStatements, null);
  }

  Tx(Connection connection, boolean writable, Dialect dialect, WriterStatements writerStatements,
      KeptStatements readerStatements) {
    this.connection = connection;
    this.writable = writable;
    this.dialect = dialect;
    this.writerStatements = writerStatements;
    this.readerStatements = readerStatements;
  }

  public Connection connection() {
    return connection;
  }

  public boolean writable() {
    return writable;
  }

  /** The SQL dialect of the database, for the few statements that differ (docs/decisions/0037). */
  public Dialect dialect() {
    return dialect;
  }

  /**
   * A prepared statement for {@code sql} that stays open for the rest of the transaction: the
   * first call prepares it, later calls hand back the same statement with its parameters cleared.
   * Preparing is much of a small statement's cost (a statement on {@code sessions} compiles
   * every trigger of the table), so the statements a use case repeats, once per session of a
   * batch or of a page, are prepared once. The caller binds every parameter, closes the result
   * sets it opens, and never closes the statement (the transaction does, when it ends). Not for a
   * query whose rows are still being read while the same SQL runs again. For the few statements
   * every save runs, {@link #prepare} keeps them compiled from one transaction to the next.
   */
  public PreparedStatement statement(String sql) throws SQLException {
    if (statements == null) {
      statements = new LinkedHashMap<>(16, 0.75f, true);
    }
    PreparedStatement statement = statements.get(sql);
    if (statement != null) {
      statement.clearParameters();
      return statement;
    }
    if (statements.size() >= MAX_STATEMENTS) {
      // the least recently used goes: a long transaction of many different statements stays bounded
      var eldest = statements.entrySet().iterator();
      PreparedStatement old = eldest.next().getValue();
      eldest.remove();
      old.close();
    }
    statement = connection.prepareStatement(sql);
    statements.put(sql, statement);
    return statement;
  }

  /** How many statements one transaction keeps prepared at most. */
  static final int MAX_STATEMENTS = 64;

  /** Closes the statements of {@link #statement}; called when the transaction ends, before it commits. */
  void closeStatements() throws SQLException {
    if (statements == null) {
      return;
    }
    SQLException failure = null;
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    statements = null;
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes them after a failure, adding any problem to {@code failure}. */
  void closeStatements(Throwable failure) {
    try {
      closeStatements();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  /**
   * {@code connection().prepareStatement(sql)}, except on SQLite's write connection and its pooled
   * read connections, where the statement compiled for an earlier transaction on the same
   * connection is handed out again (compiling one that fires triggers costs more than running it:
   * docs/decisions/0046; a REST read's compile was much of its database time: 0055). Close it as
   * any statement (closing closes its result set and clears its parameters); for the statements
   * a save or a request runs every time, and never while a result set of the same SQL is open.
   */
  public PreparedStatement prepare(String sql) throws SQLException {
    if (writerStatements != null) {
      return writerStatements.prepare(sql);
    }
    return readerStatements != null ? readerStatements.prepare(sql) : connection.prepareStatement(sql);
  }

  /** Runs a statement without parameters or rows (a savepoint). */
  void run(String sql) throws SQLException {
    try (PreparedStatement statement = prepare(sql)) {
      statement.execute();
    }
  }

  /** Runs {@code action} once the transaction has committed (never if it rolls back). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }

  /** Runs this transaction's after-commit actions, once it has committed. */
  void runAfterCommitActions() {
    runAll(afterCommit);
  }

  /**
   * Runs {@code actions} in order. One that fails is logged and the others still run: the data is
   * committed, and an action (a notice to the window, say) must not turn that into an error.
   */
  static void runAll(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.error("After-commit action failed", e);
      }
    }
  }
}
