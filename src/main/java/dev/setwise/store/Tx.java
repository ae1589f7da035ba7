package dev.setwise.store;

import java.sql.Connection;
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

  Tx(Connection connection, boolean writable) {
    this(connection, writable, Dialect.SQLITE);
  }

  Tx(Connection connection, boolean writable, Dialect dialect) {
    this.connection = connection;
    this.writable = writable;
    this.dialect = dialect;
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

  /** Runs {@code action} once the transaction has committed (never if it rolls back). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }
}
