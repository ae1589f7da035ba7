package dev.setwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * Owns the SQLite file: its pragmas, its migrations and every transaction on it.
 *
 * <p>Durability first: WAL with {@code synchronous=FULL}, so a committed write survives a crash or
 * a power cut. One writer: {@link #write} runs under a fair lock on the single write connection and
 * begins {@code IMMEDIATE}, so writers in this process queue in order and another process waits on
 * {@code busy_timeout}. Reads run on a small pool of separate connections and see a consistent
 * snapshot while a write is under way.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final int READERS = 4;
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final Path file;
  private final String url;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock(true);
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
  /** The transaction of a {@link #writeUnit} running on this thread, which writes and reads join. */
  private final ThreadLocal<Tx> unit = new ThreadLocal<>();
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(READERS);
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile boolean closed;
  private volatile Runnable callerCheck = () -> {};

  private Database(Path file) throws SQLException {
    this.file = file;
    this.url = "jdbc:sqlite:" + file.toAbsolutePath();
    this.writer = connect(true);
  }

  /** Opens (creating if needed) and migrates the database at {@code file}. */
  public static Database open(Path file) {
    return open(file, BeforeMigration.NOTHING);
  }

  /**
   * Opens and migrates the database at {@code file}. Migration runs under an exclusive file lock
   * beside the database, so two processes never migrate at once; {@code beforeMigration} runs first
   * when an existing database has pending migrations.
   *
   * @throws StoreException when the file cannot be opened, is not a database, or cannot be migrated
   */
  public static Database open(Path file, BeforeMigration beforeMigration) {
    migrate(file, beforeMigration);
    try {
      Database database = new Database(file);
      LOG.info("Opened database {}", file);
      return database;
    } catch (SQLException e) {
      throw new StoreException("Could not open the database " + file.getFileName(), e);
    }
  }

  public Path file() {
    return file;
  }

  /**
   * Installs a check that runs on the calling thread before every {@link #read}, {@link #write},
   * {@link #writeUnit} and {@link #withWriteConnection}, and may throw to refuse the call: the desktop app refuses its UI thread, which must never wait
   * on the disk. The default check accepts every thread.
   */
  public void setCallerCheck(Runnable check) {
    this.callerCheck = check == null ? () -> {} : check;
  }

  /**
   * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}); commits when it returns,
   * rolls back when it throws. Business exceptions pass through unchanged; {@link SQLException}
   * becomes {@link StoreException}. Blocks while another write runs. Not re-entrant.
   */
  public <T> T write(TxWork<T> work) {
    callerCheck.run();
    ensureOpen();
    Tx enclosing = unit.get();
    if (enclosing != null) {
      return joined(enclosing, work);
    }
    if (inTransaction.get()) {
      throw new IllegalStateException("Nested transaction: one use case, one transaction");
    }
    writeLock.lock();
    try {
      ensureOpen();
      return inTransaction(writer, true, work);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} in one read transaction on a snapshot of the database. */
  public <T> T read(TxWork<T> work) {
    callerCheck.run();
    ensureOpen();
    Tx enclosing = unit.get();
    if (enclosing != null) {
      return joined(enclosing, work);
    }
    if (inTransaction.get()) {
      throw new IllegalStateException("Nested transaction: one use case, one transaction");
    }
    Connection connection = borrowReader();
    try {
      return inTransaction(connection, false, work);
    } finally {
      if (!idleReaders.offer(connection)) {
        closeQuietly(connection);
      }
    }
  }

  /**
   * Runs {@code work} as one write transaction that the {@link #write} and {@link #read} calls it
   * makes on this thread join, so several use cases commit or roll back together (a request and
   * the record of its answer, for instance). Each joined call runs inside a savepoint: when it
   * throws, its own changes are undone before the exception reaches {@code work}. Otherwise like
   * {@link #write}: blocks while another write runs, commits when {@code work} returns, rolls back
   * when it throws. Not re-entrant (see {@link #inUnit()}).
   */
  public <T> T writeUnit(TxWork<T> work) {
    callerCheck.run();
    ensureOpen();
    if (inTransaction.get()) {
      throw new IllegalStateException("Nested transaction: one use case, one transaction");
    }
    writeLock.lock();
    try {
      ensureOpen();
      return inTransaction(writer, true, tx -> {
        unit.set(tx);
        try {
          return work.run(tx);
        } finally {
          unit.remove();
        }
      });
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * True while a {@link #writeUnit} runs on this thread: a use case made of several others (a batch)
   * then joins it with {@link #write} instead of starting a unit of its own.
   */
  public boolean inUnit() {
    return unit.get() != null;
  }

  /**
   * Runs a statement that must not run inside a transaction ({@code VACUUM INTO}, a checkpoint)
   * on the write connection, holding the write lock.
   */
  public void withWriteConnection(ConnectionWork work) {
    callerCheck.run();
    ensureOpen();
    writeLock.lock();
    try {
      work.run(writer);
    } catch (SQLException e) {
      throw new StoreException("Database operation failed", e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Work on a raw connection outside any transaction. */
  @FunctionalInterface
  public interface ConnectionWork {
    void run(Connection connection) throws SQLException;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    writeLock.lock();
    try {
      closed = true;
      synchronized (allReaders) {
        allReaders.forEach(Database::closeQuietly);
        allReaders.clear();
      }
      try (Statement statement = writer.createStatement()) {
        statement.execute("PRAGMA optimize");
        statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      } catch (SQLException e) {
        LOG.warn("Could not checkpoint the database on close", e);
      }
      closeQuietly(writer);
      LOG.info("Closed database {}", file);
    } finally {
      writeLock.unlock();
    }
  }

  private <T> T inTransaction(Connection connection, boolean writable, TxWork<T> work) {
    Tx tx = new Tx(connection, writable);
    inTransaction.set(true);
    try {
      connection.setAutoCommit(false);
      T result;
      try {
        result = work.run(tx);
        connection.commit();
      } catch (Throwable failure) {
        rollback(connection, failure);
        throw failure;
      } finally {
        connection.setAutoCommit(true);
      }
      for (Runnable action : tx.afterCommitActions()) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.error("After-commit action failed", e);
        }
      }
      return result;
    } catch (SQLException e) {
      throw new StoreException(writable ? "Could not save the change" : "Could not read the data", e);
    } finally {
      inTransaction.set(false);
    }
  }

  /** A write or read inside a {@link #writeUnit}: a savepoint on the unit's transaction. */
  private static <T> T joined(Tx tx, TxWork<T> work) {
    Connection connection = tx.connection();
    int actionsBefore = tx.afterCommitActions().size();
    try {
      Savepoint savepoint = connection.setSavepoint();
      try {
        T result = work.run(tx);
        connection.releaseSavepoint(savepoint);
        return result;
      } catch (Throwable failure) {
        try {
          connection.rollback(savepoint);
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          failure.addSuppressed(e);
        }
        tx.afterCommitActions().subList(actionsBefore, tx.afterCommitActions().size()).clear();
        throw failure;
      }
    } catch (SQLException e) {
      throw new StoreException(tx.writable() ? "Could not save the change" : "Could not read the data", e);
    }
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private Connection borrowReader() {
    Connection connection = idleReaders.poll();
    if (connection != null) {
      return connection;
    }
    synchronized (allReaders) {
      if (allReaders.size() < READERS) {
        try {
          Connection created = connect(false);
          allReaders.add(created);
          return created;
        } catch (SQLException e) {
          throw new StoreException("Could not open a read connection", e);
        }
      }
    }
    try {
      Connection waited = idleReaders.poll(BUSY_TIMEOUT_MS, TimeUnit.MILLISECONDS);
      if (waited == null) {
        throw new StoreException("No read connection became free");
      }
      return waited;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("Interrupted while waiting for a read connection", e);
    }
  }

  private Connection connect(boolean forWriting) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(forWriting
        ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
    return config.createConnection(url);
  }

  @SuppressWarnings("try") // the lock is held for the block, never read
  private static void migrate(Path file, BeforeMigration beforeMigration) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".migration-lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      Flyway flyway = Flyway.configure()
          .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
          .locations("classpath:db/migration")
          .validateMigrationNaming(true)
          .cleanDisabled(true)
          .load();
      MigrationInfoService info = flyway.info();
      if (info.pending().length > 0 && info.applied().length > 0 && Files.size(file) > 0) {
        beforeMigration.run(file);
      }
      flyway.migrate();
    } catch (StoreException e) {
      throw e;
    } catch (IOException e) {
      throw new StoreException("Could not lock the data folder for migration", e);
    } catch (Exception e) {
      throw new StoreException("Could not prepare the database " + file.getFileName(), e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The database is closed");
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.warn("Could not close a connection", e);
    }
  }
}
