package dev.setwise.service.backup;

/**
 * A backup or a restore failed. The message is one line fit for a user (what failed and why, the
 * file named by its name); the cause, when any, is for the log.
 */
public final class BackupException extends RuntimeException {

  public BackupException(String message) {
    super(message);
  }

  public BackupException(String message, Throwable cause) {
    super(message, cause);
  }
}
