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
  private final List<Runnable> afterCommit = new ArrayList<>();

  Tx(Connection connection, boolean writable) {
    this.connection = connection;
    this.writable = writable;
  }

  public Connection connection() {
    return connection;
  }

  public boolean writable() {
    return writable;
  }

  /** Runs {@code action} once the transaction has committed (never if it rolls back). */
  public void afterCommit(Runnable action) {
    afterCommit.add(action);
  }

  List<Runnable> afterCommitActions() {
    return afterCommit;
  }
}
