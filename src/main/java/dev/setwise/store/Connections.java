package dev.setwise.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;

/** The ways Setwise connects to a database file, each with its pragmas in one place. */
final class Connections {

  static final int BUSY_TIMEOUT_MS = 10_000;

  private Connections() {}

  static String url(Path file) {
    return "jdbc:sqlite:" + file.toAbsolutePath();
  }

  /**
   * The app's connections: WAL, {@code synchronous=FULL} (a logged set survives a power cut),
   * foreign keys on, {@code busy_timeout}; the writer begins {@code IMMEDIATE}.
   */
  static Connection normal(Path file, boolean forWriting) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTransactionMode(forWriting
        ? SQLiteConfig.TransactionMode.IMMEDIATE : SQLiteConfig.TransactionMode.DEFERRED);
    // Without this the driver matches every statement it runs (BEGIN and COMMIT too) against an
    // INSERT pattern, and runs SELECT last_insert_rowid() after each insert; nothing asks for the
    // keys (an insert that needs its id says RETURNING).
    config.setGetGeneratedKeys(false);
    return config.createConnection(url(file));
  }

  /** Opened read-only: SQLite never writes the database or its WAL through it (it may build the {@code -shm}). */
  static Connection readOnly(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.createConnection(url(file));
  }

  /**
   * For a full disk: SQLite cannot grow the {@code -shm} file a WAL reader needs, but in exclusive
   * locking mode it keeps that index in memory instead (sqlite.org/wal.html#noshm). The connection
   * then holds the database to itself, so only one is ever open, and it refuses writes
   * ({@code query_only}).
   */
  static Connection withoutSharedMemory(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
    config.enforceForeignKeys(true);
    config.setGetGeneratedKeys(false);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection connection = config.createConnection(url(file));
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA query_only = 1");
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  /** A plain connection for whole-file work on copies (backups, checks). */
  static Connection plain(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    return config.createConnection(url(file));
  }
}
