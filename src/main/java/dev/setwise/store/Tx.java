package dev.setwise.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One open transaction. Repositories take it as their first argument, so a use case that spans
 * several of them commits or rolls back as one. Valid only inside the callback that received it.
 */
public final class Tx {

  private final Connection connection;
  private final boolean writable;
  private final Dialect dialect;
  private final List<Runnable> afterCommit = new ArrayList<>();
  /** The write connection's compiled statements; null elsewhere (readers, PostgreSQL). */
  private final WriterStatements statements;

  Tx(Connection connection, boolean writable) {
    this(connection, writable, Dialect.SQLITE);
  }

  Tx(Connection connection, boolean writable, Dialect dialect) {
    this(connection, writable, dialect, null);
  }

  Tx(Connection connection, boolean writable, Dialect dialect, WriterStatements statements) {
    this.connection = connection;
    this.writable = writable;
    this.dialect = dialect;
    this.statements = statements;
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
   * {@code connection().prepareStatement(sql)}, except on SQLite's write connection, where the
   * statement compiled for an earlier transaction is handed out again (compiling one that fires
   * triggers costs more than running it: docs/decisions/0046). Close it as any statement; for the
   * statements a write runs on every save.
   */
  public PreparedStatement prepare(String sql) throws SQLException {
    return statements != null ? statements.prepare(sql) : connection.prepareStatement(sql);
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
}
