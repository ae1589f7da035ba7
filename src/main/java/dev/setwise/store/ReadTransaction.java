package dev.setwise.store;

import java.nio.file.Path;
import java.sql.SQLException;

/** The read transactions of {@link Database} on SQLite: one on a pooled connection, from BEGIN to COMMIT. */
final class ReadTransaction {

  private ReadTransaction() {}

  /**
   * A read transaction on a pooled connection (writes go through {@link GroupCommit}): its own
   * kept {@code BEGIN} and {@code COMMIT} (the driver's {@code setAutoCommit} compiles both, and
   * a {@code BEGIN} again, every time), and {@link Tx#prepare} hands out the connection's kept
   * statements. Every result set is closed before the commit, so no statement pins the snapshot.
   */
  static <T> T run(ReaderPool.Reader reader, TxWork<T> work, Path file) {
    KeptStatements statements = reader.statements();
    Tx tx = new Tx(reader.connection(), false, Dialect.SQLITE, null, statements);
    try {
      statements.run("BEGIN");
      T result;
      try {
        result = work.run(tx);
        tx.closeStatements();
        statements.release();
        statements.run("COMMIT");
      } catch (Throwable failure) {
        tx.closeStatements(failure);
        statements.release();
        try {
          statements.run("ROLLBACK");
        } catch (SQLException e) {
          // still in a transaction, or not: either way the connection is not shared again
          reader.markBroken();
          failure.addSuppressed(e);
        }
        throw failure;
      }
      tx.runAfterCommitActions();
      return result;
    } catch (SQLException e) {
      throw SqliteErrors.translate(e, file, "Could not read the data");
    }
  }
}
