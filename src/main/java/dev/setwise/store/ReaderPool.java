package dev.setwise.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read connections of a {@link Database}: opened when first needed, up to a limit, then
 * shared; a reader waits (up to the busy timeout) for one to come back. Each connection keeps its
 * compiled statements ({@link KeptStatements}), closed with it. Thread-safe; a borrowed
 * {@link Reader} belongs to the borrowing thread until it is given back.
 */
final class ReaderPool {

  private static final Logger LOG = LoggerFactory.getLogger(ReaderPool.class);

  /** Opens a read connection. */
  @FunctionalInterface
  interface Opener {
    Connection open() throws SQLException;
  }

  private final Path file;
  private final int size;
  private final Opener opener;
  private final BlockingQueue<Reader> idle;
  private final List<Reader> all = new ArrayList<>();
  /** Borrows that found no connection free and waited for one (a wait inflates a request's p99). */
  private final java.util.concurrent.atomic.AtomicLong waits = new java.util.concurrent.atomic.AtomicLong();

  /** One read connection and the statements it compiled. */
  static final class Reader {

    private final Connection connection;
    private final KeptStatements statements;
    /** Set when a transaction could not be ended: the connection is closed instead of shared again. */
    private boolean broken;

    Reader(Connection connection) {
      this.connection = connection;
      this.statements = new KeptStatements(connection);
    }

    Connection connection() {
      return connection;
    }

    KeptStatements statements() {
      return statements;
    }

    void markBroken() {
      broken = true;
    }

    void close() {
      statements.closeAll();
      ReaderPool.close(connection);
    }
  }

  ReaderPool(Path file, int size, Opener opener) {
    this.file = file;
    this.size = size;
    this.opener = opener;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /** Opens the first connection now, so that a file that cannot be read fails at once. */
  void openOne() throws SQLException {
    Reader first = new Reader(opener.open());
    synchronized (all) {
      all.add(first);
    }
    idle.add(first);
  }

  Reader borrow() {
    Reader reader = idle.poll();
    if (reader != null) {
      return reader;
    }
    synchronized (all) {
      if (all.size() < size) {
        try {
          Reader created = new Reader(opener.open());
          all.add(created);
          return created;
        } catch (SQLException e) {
          throw SqliteErrors.translate(e, file, "Could not open a read connection");
        }
      }
    }
    waits.incrementAndGet();
    try {
      Reader waited = idle.poll(Connections.BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (waited == null) {
        throw new StoreException("No read connection became free");
      }
      return waited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for a read connection", e);
    }
  }

  void giveBack(Reader reader) {
    if (reader.broken) {
      synchronized (all) {
        all.remove(reader);
      }
      reader.close();
      return;
    }
    if (!idle.offer(reader)) {
      reader.close();
    }
  }

  /** How many borrows had to wait for a connection since opening. */
  long waits() {
    return waits.get();
  }

  void closeAll() {
    synchronized (all) {
      all.forEach(Reader::close);
      all.clear();
    }
    idle.clear();
    if (waits.get() > 0) {
      LOG.info("{} reads of {} waited for a free read connection", waits.get(), file);
    }
  }

  static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not close a connection", e);
    }
  }
}
