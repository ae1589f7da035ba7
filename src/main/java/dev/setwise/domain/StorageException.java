package dev.setwise.domain;

import java.util.Objects;

/**
 * The data folder's database cannot be used as asked, for a reason a person can act on: the disk
 * is full, the file is damaged, was made by a newer Setwise, was replaced behind Setwise's back…
 * Its message is one line for the person at the computer (it may name files and folders, so the
 * REST API never shows it: a client gets the contract's 500 body). Unlike the store's generic
 * failure, its text is meant to be shown.
 */
public final class StorageException extends RuntimeException {

  /** What is wrong, so a face can offer the right way out (restore a backup, free some space …). */
  public enum Reason {
    /** The file is not a SQLite database at all. */
    NOT_A_DATABASE,
    /** The operating system refuses to let Setwise read or write the file. */
    PERMISSION_DENIED,
    /** A newer Setwise migrated the database; this one does not know its schema. */
    NEWER_SCHEMA,
    /** The file is a SQLite database with damage in it (its first problem is in the message). */
    DAMAGED,
    /** The disk (or the space the user may use on it) is full. */
    DISK_FULL,
    /** The database is missing or empty while backups of it exist: no fresh one is made silently. */
    EMPTY,
    /** A leftover {@code -wal} file does not belong to the database beside it. */
    FOREIGN_WAL,
    /** The database file was replaced or removed while Setwise had it open. */
    REPLACED,
    /** Any other trouble reading or writing the file (an I/O error). */
    UNREADABLE
  }

  private final Reason reason;
  private final boolean advised;
  private final String withoutAdvice;

  public StorageException(Reason reason, String message) {
    this(reason, message, null);
  }

  public StorageException(Reason reason, String message, Throwable cause) {
    this(reason, message, cause, false, message);
  }

  private StorageException(Reason reason, String message, Throwable cause, boolean advised, String withoutAdvice) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.advised = advised;
    this.withoutAdvice = withoutAdvice;
  }

  public Reason reason() {
    return reason;
  }

  /** True when the message already says what to do about it ({@link #withAdvice}). */
  public boolean advised() {
    return advised;
  }

  /** The message without the advice {@link #withAdvice} added (for a face that offers its own way out). */
  public String withoutAdvice() {
    return withoutAdvice;
  }

  /** The same failure with {@code advice} ("Restore the newest backup: …") after its message. */
  public StorageException withAdvice(String advice) {
    if (advice == null || advice.isBlank() || advised) {
      return this;
    }
    String message = getMessage();
    String joined = message.endsWith(".") ? message + " " + advice : message + ". " + advice;
    StorageException copy = new StorageException(reason, joined, getCause(), true, message);
    copy.setStackTrace(getStackTrace());
    return copy;
  }
}
