package dev.setwise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.ProgressHandler;

/**
 * Whole-file operations on SQLite databases: consistent copies and checks. Each runs on a
 * connection of its own, never the app's writer, so a backup does not hold up a set being logged.
 * Stateless; any thread.
 */
public final class SqliteFiles {

  /** How many virtual-machine steps SQLite runs between two looks at the thread's interrupt flag. */
  private static final int PROGRESS_STEPS = 10_000;

  /** What {@link #check} found. {@code problem} is null when the file is a sound Setwise database. */
  public record Check(String problem, String schemaVersion, long profiles, long sessions) {

    public boolean ok() {
      return problem == null;
    }
  }

  private SqliteFiles() {}

  /**
   * Writes a consistent snapshot of {@code source} into {@code target} with {@code VACUUM INTO}
   * (a read transaction: writers carry on meanwhile), then switches the copy to a single-file
   * rollback journal so it is one self-contained file.
   *
   * <p>Interrupting the calling thread stops the copy within a moment (closing the app does).
   *
   * @throws StoreException when the copy cannot be made; {@code target} may then exist half-written
   * @throws CancellationException when the thread was interrupted; {@code target} may then exist
   *     half-written
   */
  public static void vacuumInto(Path source, Path target) {
    try (Connection connection = open(source); Statement statement = connection.createStatement()) {
      statement.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
    } catch (SQLException e) {
      throwIfInterrupted(e);
      throw new StoreException("Could not copy the database", e);
    }
    try (Connection connection = open(target); Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=DELETE");
    } catch (SQLException e) {
      throw new StoreException("Could not finish the database copy", e);
    }
  }

  /**
   * Checks that {@code file} is a SQLite database that passes {@code PRAGMA integrity_check}, holds
   * Setwise's tables and was migrated by no newer Setwise than this one. Opens the file read-write
   * (SQLite may need to), so call it on a copy of anything the user handed over.
   *
   * @throws CancellationException when the calling thread is interrupted during the check
   */
  public static Check check(Path file) {
    if (!Files.isRegularFile(file)) {
      return new Check("the file does not exist", null, 0, 0);
    }
    try (Connection connection = open(file); Statement statement = connection.createStatement()) {
      String integrity = Integrity.integrityCheck(connection);
      if (integrity != null) {
        return new Check("the integrity check failed (" + integrity + ")", null, 0, 0);
      }
      Set<String> tables = Integrity.tables(connection);
      if (!tables.containsAll(Integrity.SETWISE_TABLES) || !tables.contains(Integrity.HISTORY_TABLE)) {
        return new Check("it is not a Setwise database", null, 0, 0);
      }
      long profiles = single(statement, "SELECT count(*) FROM profiles");
      long sessions = single(statement, "SELECT count(*) FROM sessions");
      String version = newestMigration(file);
      return new Check(null, version, profiles, sessions);
    } catch (SQLException e) {
      throwIfInterrupted(e);
      return new Check("it is not a readable SQLite database", null, 0, 0);
    } catch (NewerSchemaException e) {
      return new Check(e.getMessage(), null, 0, 0);
    }
  }

  private static String newestMigration(Path file) throws NewerSchemaException {
    String newest = null;
    for (MigrationInfo info : Migrations.flyway(Connections.url(file)).info().all()) {
      if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
        throw new NewerSchemaException("it was written by a newer Setwise (schema version " + info.getVersion() + ")");
      }
      if (info.getState().isApplied() && info.getVersion() != null) {
        newest = info.getVersion().getVersion();
      }
    }
    return newest;
  }

  private static long single(Statement statement, String sql) throws SQLException {
    try (ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /**
   * Runs {@code PRAGMA quick_check} on the database at {@code file} on a connection of its own (a
   * read transaction: the app's writers go on). Reads every page: for a background thread.
   *
   * @return null when it passes, else the first problem, in one line (naming the file)
   * @throws dev.setwise.domain.StorageException when the file cannot be read at all
   * @throws CancellationException when the calling thread is interrupted during the check
   */
  public static String quickCheck(Path file) {
    try (Connection connection = open(file)) {
      String problem = Integrity.quickCheck(connection);
      return problem == null ? null : SqliteErrors.damaged(file, problem, null).getMessage();
    } catch (SQLException e) {
      throwIfInterrupted(e);
      if (Integrity.isCorruption(e)) {
        return SqliteErrors.damaged(file, "SQLite reports: the database disk image is malformed", e).getMessage();
      }
      throw SqliteErrors.translate(e, file, "Could not check the database");
    }
  }

  /** A connection whose statements stop (SQLITE_INTERRUPT) soon after the calling thread is interrupted. */
  private static Connection open(Path file) throws SQLException {
    Connection connection = Connections.plain(file);
    try {
      ProgressHandler.setHandler(connection, PROGRESS_STEPS, new ProgressHandler() {
        @Override
        protected int progress() {
          return Thread.currentThread().isInterrupted() ? 1 : 0;
        }
      });
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    return connection;
  }

  private static void throwIfInterrupted(SQLException cause) {
    if (Thread.currentThread().isInterrupted()) {
      CancellationException stopped = new CancellationException("Stopped: the thread was interrupted");
      stopped.initCause(cause);
      throw stopped;
    }
  }

  private static final class NewerSchemaException extends Exception {

    NewerSchemaException(String message) {
      super(message, null, false, false);
    }
  }
}
