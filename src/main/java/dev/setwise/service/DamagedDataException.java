package dev.setwise.service;

/**
 * Stored data failed its checks on the way out (a snapshot that is not valid JSON or breaks the
 * structure rules, rows the database lists but cannot read): the database file is damaged. The
 * message is one line fit for a user and names the first damaged item; the cause, when any, is
 * for the log. Nothing partial was handed on.
 */
public final class DamagedDataException extends RuntimeException {

  public DamagedDataException(String message) {
    super(message);
  }

  public DamagedDataException(String message, Throwable cause) {
    super(message, cause);
  }
}
