package dev.setwise.store;

import dev.setwise.domain.StorageException;
import dev.setwise.domain.StorageException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's result codes into the few failures a person can act on (disk full, damaged file,
 * permission denied, not a database), each with a one-line message naming the file. Anything else
 * stays a generic {@link StoreException}: its text is for the log, not for people.
 */
final class SqliteErrors {

  /** Below this much free space an I/O error while growing a file is taken to be a full disk. */
  private static final long NEARLY_FULL_BYTES = 1 << 20;

  private SqliteErrors() {}

  /** The failure {@code e} stands for on {@code file}, or null when it is not one a person can act on. */
  static StorageException classify(SQLException e, Path file) {
    SQLiteErrorCode code = e instanceof SQLiteException sqlite ? sqlite.getResultCode() : null;
    if (code == null) {
      return null;
    }
    String name = file.getFileName().toString();
    if (code == SQLiteErrorCode.SQLITE_READONLY_DBMOVED) {
      return new StorageException(Reason.REPLACED, name + " in " + file.getParent()
          + " was moved or removed while Setwise had it open; start Setwise again", e);
    }
    String primary = code.name().replaceFirst("^(SQLITE_[A-Z]+)_.*$", "$1");
    switch (primary) {
      case "SQLITE_FULL":
        return diskFull(file, e);
      case "SQLITE_CORRUPT":
        return damaged(file, "SQLite reports: " + plain(code), e);
      case "SQLITE_NOTADB":
        return damaged(file, "SQLite does not recognise it as a database", e);
      case "SQLITE_PERM":
      case "SQLITE_AUTH":
        return permissionDenied(file, e);
      case "SQLITE_CANTOPEN":
        return Files.isReadable(file) || !Files.exists(file)
            ? new StorageException(Reason.UNREADABLE, "Cannot open " + name + " in " + file.getParent()
                + " (or the files SQLite keeps beside it)", e)
            : permissionDenied(file, e);
      case "SQLITE_READONLY":
        return permissionDenied(file, e);
      case "SQLITE_IOERR":
        return nearlyFull(file) ? diskFull(file, e)
            : new StorageException(Reason.UNREADABLE, "The disk holding " + name + " in " + file.getParent()
                + " reports an I/O error", e);
      default:
        return null;
    }
  }

  /** {@code e} as the failure a person can act on, else as a {@link StoreException} saying {@code what} failed. */
  static RuntimeException translate(SQLException e, Path file, String what) {
    StorageException known = classify(e, file);
    return known != null ? known : new StoreException(what, e);
  }

  /** True when {@code e} (or a cause) is SQLite or the system saying the disk is full. */
  static boolean isDiskFull(Throwable e, Path file) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StorageException storage && storage.reason() == Reason.DISK_FULL) {
        return true;
      }
      if (cause instanceof SQLException sql) {
        StorageException known = classify(sql, file);
        if (known != null && known.reason() == Reason.DISK_FULL) {
          return true;
        }
      }
      if (cause instanceof IOException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT)
          .contains("no space left")) {
        return true;
      }
    }
    return false;
  }

  static StorageException diskFull(Path file, Throwable cause) {
    return new StorageException(Reason.DISK_FULL, "The disk holding " + file.getParent()
        + " is full: Setwise cannot write to " + file.getFileName() + "; free some space and try again", cause);
  }

  static StorageException damaged(Path file, String firstProblem, Throwable cause) {
    return new StorageException(Reason.DAMAGED, file.getFileName() + " in " + file.getParent() + " is damaged ("
        + firstProblem + ")", cause);
  }

  static StorageException permissionDenied(Path file, Throwable cause) {
    return new StorageException(Reason.PERMISSION_DENIED, "Permission denied: Setwise may not read and write "
        + file.getFileName() + " in " + file.getParent(), cause);
  }

  /** True when the disk holding {@code file} has (next to) no space left for this user. */
  static boolean nearlyFull(Path file) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      return Files.getFileStore(dir).getUsableSpace() < NEARLY_FULL_BYTES;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** "the database disk image is malformed": SQLite's words for a code, without its bracketed name. */
  private static String plain(SQLiteErrorCode code) {
    String message = code.message == null ? code.name() : code.message;
    return message.isEmpty() ? code.name() : Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }
}
