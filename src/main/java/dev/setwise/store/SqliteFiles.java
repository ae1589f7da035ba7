package dev.setwise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;

/**
 * Whole-file operations on SQLite databases: consistent copies and checks. Each runs on a
 * connection of its own, never the app's writer, so a backup does not hold up a set being logged.
 * Stateless; any thread.
 */
public final class SqliteFiles {

  private static final int BUSY_TIMEOUT_MS = 10_000;
  /** How many virtual-machine steps SQLite runs between two looks at the thread's interrupt flag. */
  private static final int PROGRESS_STEPS = 10_000;
  private static final Set<String> SETWISE_TABLES = Set.of("profiles", "plans", "sessions", "audit_log");

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
      List<String> integrity = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
        while (rs.next() && integrity.size() < 5) {
          integrity.add(rs.getString(1));
        }
      }
      if (!integrity.equals(List.of("ok"))) {
        return new Check("the integrity check failed (" + String.join("; ", integrity) + ")", null, 0, 0);
      }
      Set<String> tables = new java.util.HashSet<>();
      try (ResultSet rs = statement.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      if (!tables.containsAll(SETWISE_TABLES) || !tables.contains("flyway_schema_history")) {
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
    Flyway flyway = Flyway.configure()
        .dataSource("jdbc:sqlite:" + file.toAbsolutePath(), null, null)
        .locations("classpath:db/migration")
        .cleanDisabled(true)
        .load();
    String newest = null;
    for (MigrationInfo info : flyway.info().all()) {
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

  /** A connection whose statements stop (SQLITE_INTERRUPT) soon after the calling thread is interrupted. */
  private static Connection open(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
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
