package dev.setwise.store;

import java.sql.SQLException;

/** The body of a transaction. */
@FunctionalInterface
public interface TxWork<T> {

  T run(Tx tx) throws SQLException;
}
