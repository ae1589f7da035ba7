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
 * shared; a reader waits (up to the busy timeout) for one to come back. Thread-safe.
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
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  ReaderPool(Path file, int size, Opener opener) {
    this.file = file;
    this.size = size;
    this.opener = opener;
    this.idle = new ArrayBlockingQueue<>(size);
  }

  /** Opens the first connection now, so that a file that cannot be read fails at once. */
  void openOne() throws SQLException {
    Connection first = opener.open();
    synchronized (all) {
      all.add(first);
    }
    idle.add(first);
  }

  Connection borrow() {
    Connection connection = idle.poll();
    if (connection != null) {
      return connection;
    }
    synchronized (all) {
      if (all.size() < size) {
        try {
          Connection created = opener.open();
          all.add(created);
          return created;
        } catch (SQLException e) {
          throw SqliteErrors.translate(e, file, "Could not open a read connection");
        }
      }
    }
    try {
      Connection waited = idle.poll(Connections.BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (waited == null) {
        throw new StoreException("No read connection became free");
      }
      return waited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for a read connection", e);
    }
  }

  void giveBack(Connection connection) {
    if (!idle.offer(connection)) {
      close(connection);
    }
  }

  void closeAll() {
    synchronized (all) {
      all.forEach(ReaderPool::close);
      all.clear();
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
