package dev.setwise.store;

import dev.setwise.domain.StorageException;
import dev.setwise.domain.StorageException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Looks at a database file before Setwise opens it, writing nothing to it: whether it is a SQLite
 * database at all and whole, whether a leftover {@code -wal} belongs to it (copying both aside
 * first), whether it is missing or empty while backups exist, and whether a newer Setwise made it.
 * Every refusal is a {@link StorageException} with one line naming the file and what is wrong.
 *
 * <p>Only SQLite's side files may appear: a read-only connection builds the {@code -shm} index
 * (and an empty {@code -wal}); when the folder is Setwise's alone and the database is refused,
 * side files that were not there before are removed again.
 */
final class OpenChecks {

  /**
   * What the checks found.
   *
   * @param fresh true when there is no database yet (or an empty one and no backups): migrations create it
   * @param migrationsPending true when this build has migrations the database has not had yet
   * @param recovered the folder a leftover WAL was copied into first, or null
   */
  record Outcome(boolean fresh, boolean migrationsPending, Path recovered) {}

  private record Schema(Set<String> tables, MigrationVersion newestApplied) {}

  private OpenChecks() {}

  static Outcome run(Path file, OpenOptions options) {
    Path wal = file.resolveSibling(file.getFileName() + "-wal");
    Path shm = file.resolveSibling(file.getFileName() + "-shm");
    boolean walExisted = Files.exists(wal);
    boolean shmExisted = Files.exists(shm);
    try {
      return inspect(file, wal, options);
    } catch (StorageException refused) {
      if (options.folderToItself()) {
        removeIfNew(wal, walExisted, true);
        removeIfNew(shm, shmExisted, false);
      }
      throw refused;
    }
  }

  private static Outcome inspect(Path file, Path wal, OpenOptions options) {
    String name = file.getFileName().toString();
    Path dir = file.toAbsolutePath().getParent();
    if (Files.isDirectory(file)) {
      throw new StorageException(Reason.NOT_A_DATABASE, name + " in " + dir + " is a folder, not a database");
    }
    try {
      long size = Files.exists(file) ? Files.size(file) : -1;
      WalFile walFile = Files.exists(wal) && Files.size(wal) > 0 ? WalFile.read(wal) : WalFile.EMPTY;
      if (size <= 0 && !walFile.hasCommits()) {
        if (options.backupsExist()) {
          throw new StorageException(Reason.EMPTY, name + " in " + dir
              + (size < 0 ? " is missing" : " is empty (0 bytes)")
              + " although the folder has backups, so Setwise does not start a new database there");
        }
        return new Outcome(true, true, null);
      }
      DatabaseHeader header = size > 0 ? header(file, size) : null;
      Path recovered = null;
      if (options.folderToItself() && walFile.hasCommits()) {
        recovered = copyAside(file, options);
        checkWal(file, header, walFile, recovered);
      } else if (walFile.hasCommits()) {
        // Another Setwise has the database open and its WAL is live: only what cannot change
        // while it writes is compared (a file put there behind its back has another id).
        String mismatch = walFile.mismatchWith(header, true);
        if (mismatch != null) {
          throw new StorageException(Reason.FOREIGN_WAL, name + "-wal in " + dir + " does not belong to " + name
              + " (" + mismatch + "); nothing was changed. Another Setwise has this data folder open: close it, "
              + "then move " + name + "-wal out of the folder to open the database as it was when last closed");
        }
      }
      Schema schema = readSchema(file);
      if (schema.tables().isEmpty()) {
        if (options.backupsExist()) {
          throw new StorageException(Reason.EMPTY, name + " in " + dir + " holds no data although the folder has "
              + "backups, so Setwise does not start a new database there");
        }
        return new Outcome(true, true, recovered);
      }
      if (!schema.tables().contains(Integrity.HISTORY_TABLE)) {
        throw new StorageException(Reason.NOT_A_DATABASE, name + " in " + dir
            + " is a SQLite database, but not a Setwise one");
      }
      MigrationVersion known = Migrations.newestKnown();
      if (schema.newestApplied().compareTo(known) > 0) {
        throw new StorageException(Reason.NEWER_SCHEMA, name + " in " + dir + " was made by a newer Setwise "
            + "(database version " + schema.newestApplied() + "; this Setwise"
            + (options.appVersion() == null ? "" : ", " + options.appVersion() + ",") + " knows versions up to "
            + known + "); it was left as it is: open it with a newer Setwise");
      }
      return new Outcome(false, schema.newestApplied().compareTo(known) < 0, recovered);
    } catch (AccessDeniedException e) {
      throw SqliteErrors.permissionDenied(file, e);
    } catch (IOException e) {
      throw new StorageException(Reason.UNREADABLE, "Cannot read " + name + " in " + dir + ": "
          + (SqliteErrors.isDiskFull(e, file) ? "the disk is full" : "an I/O error"), e);
    }
  }

  private static DatabaseHeader header(Path file, long size) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(DatabaseHeader.SIZE);
    }
    try {
      return DatabaseHeader.parse(head, size);
    } catch (DatabaseHeader.Refusal refusal) {
      if (refusal.problem() == DatabaseHeader.Problem.NOT_SQLITE) {
        throw new StorageException(Reason.NOT_A_DATABASE, file.getFileName() + " in "
            + file.toAbsolutePath().getParent() + " is not a database (it is not a SQLite file)");
      }
      throw SqliteErrors.damaged(file, refusal.detail(), null);
    }
  }

  private static Path copyAside(Path file, OpenOptions options) {
    try {
      return RecoveredCopies.copy(file, options.now());
    } catch (IOException e) {
      String why = SqliteErrors.isDiskFull(e, file) ? "the disk is full" : "the copy failed";
      throw new StorageException(SqliteErrors.isDiskFull(e, file) ? Reason.DISK_FULL : Reason.UNREADABLE,
          file.getFileName() + "-wal in " + file.toAbsolutePath().getParent() + " holds changes no running Setwise "
              + "owns, and Setwise could not copy them aside before opening the database (" + why
              + "); nothing was changed", e);
    }
  }

  /**
   * Refuses a WAL that does not belong to {@code file}: first by what its frames say about the
   * database they were written for, then by trying it: a read-only connection sees the database
   * as SQLite would make it, and that must pass {@code quick_check} and still be Setwise's.
   */
  private static void checkWal(Path file, DatabaseHeader header, WalFile walFile, Path recovered) {
    String mismatch = walFile.mismatchWith(header, false);
    if (mismatch != null) {
      throw foreignWal(file, mismatch, recovered);
    }
    String withWal = tryWithWal(file);
    if (withWal == null) {
      return;
    }
    if (header == null) {
      throw foreignWal(file, "there is no database it could belong to: " + withWal, recovered);
    }
    String alone = checkWithoutWal(recovered, file);
    if (alone == null) {
      throw foreignWal(file, "with it the database fails its check: " + withWal, recovered);
    }
    throw new StorageException(Reason.DAMAGED, SqliteErrors.damaged(file, withWal, null).getMessage()
        + "; a copy of it and of its -wal is in " + recovered);
  }

  private static String tryWithWal(Path file) {
    try (Connection connection = Connections.readOnly(file)) {
      String problem = Integrity.quickCheck(connection);
      if (problem != null) {
        return problem;
      }
      return Integrity.tables(connection).containsAll(Integrity.SETWISE_TABLES) ? null : "Setwise's tables are gone";
    } catch (SQLException e) {
      return Integrity.isCorruption(e) ? "SQLite reports: the database disk image is malformed"
          : "SQLite cannot read it (" + e.getMessage() + ")";
    }
  }

  /** {@code quick_check} of the database without its WAL, on a copy; null when it passes. */
  private static String checkWithoutWal(Path recovered, Path file) {
    Path copy = recovered.resolve("check-without-wal.db");
    try {
      Files.copy(recovered.resolve(file.getFileName()), copy, StandardCopyOption.REPLACE_EXISTING);
      try (Connection connection = Connections.plain(copy)) {
        return Integrity.quickCheck(connection);
      }
    } catch (IOException | SQLException e) {
      return "it cannot be read";
    } finally {
      for (String suffix : List.of("", "-wal", "-shm", "-journal")) {
        try {
          Files.deleteIfExists(copy.resolveSibling(copy.getFileName() + suffix));
        } catch (IOException e) {
          // a leftover check copy in recovered/ harms nothing
        }
      }
    }
  }

  private static StorageException foreignWal(Path file, String why, Path recovered) {
    String name = file.getFileName().toString();
    return new StorageException(Reason.FOREIGN_WAL, name + "-wal in " + file.toAbsolutePath().getParent()
        + " does not belong to " + name + " (" + why + "); nothing was changed, and copies of both are in "
        + recovered + ". To open the database as it was when last closed, move " + name + "-wal out of the folder");
  }

  /** Tables and the newest applied migration, read without writing (without shared memory on a full disk). */
  private static Schema readSchema(Path file) {
    try (Connection connection = Connections.readOnly(file)) {
      return schema(connection);
    } catch (SQLException e) {
      if (!needsSharedMemory(e, file)) {
        throw translate(e, file);
      }
    }
    try (Connection connection = Connections.withoutSharedMemory(file)) {
      return schema(connection);
    } catch (SQLException e) {
      throw translate(e, file);
    }
  }

  /** True when SQLite failed only for want of room for its {@code -shm} index. */
  static boolean needsSharedMemory(SQLException e, Path file) {
    SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
    return code == SQLiteErrorCode.SQLITE_IOERR_SHMSIZE || code == SQLiteErrorCode.SQLITE_IOERR_SHMMAP
        || code == SQLiteErrorCode.SQLITE_FULL || SqliteErrors.isDiskFull(e, file);
  }

  private static Schema schema(Connection connection) throws SQLException {
    Set<String> tables = Integrity.tables(connection);
    MigrationVersion newest = MigrationVersion.EMPTY;
    if (tables.contains(Integrity.HISTORY_TABLE)) {
      try (Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT version FROM " + Integrity.HISTORY_TABLE
              + " WHERE success = 1 AND version IS NOT NULL")) {
        while (rs.next()) {
          MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
          if (version.compareTo(newest) > 0) {
            newest = version;
          }
        }
      }
    }
    return new Schema(tables, newest);
  }

  private static StorageException translate(SQLException e, Path file) {
    StorageException known = SqliteErrors.classify(e, file);
    return known != null ? known : new StorageException(Reason.UNREADABLE, "SQLite cannot read "
        + file.getFileName() + " in " + file.toAbsolutePath().getParent(), e);
  }

  private static void removeIfNew(Path sideFile, boolean existed, boolean onlyWhenEmpty) {
    try {
      if (!existed && Files.exists(sideFile) && (!onlyWhenEmpty || Files.size(sideFile) == 0)) {
        Files.delete(sideFile);
      }
    } catch (IOException e) {
      // SQLite's side files are harmless; leaving one is no loss
    }
  }
}
