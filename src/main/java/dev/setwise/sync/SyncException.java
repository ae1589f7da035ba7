package dev.setwise.sync;

/**
 * Sync could not go on; the message is one line fit for a user (it never holds the token). The
 * kinds say why: {@link Kind#UNREACHABLE} (offline, a normal state), {@link Kind#REFUSED} (the
 * token), {@link Kind#NOT_SET_UP}, {@link Kind#BUSY} (another sync of the profile runs),
 * {@link Kind#SERVER} (the server failed or answered something a Setwise server never does),
 * {@link Kind#UNSAFE} (the JDK's HTTP client is set to log headers, which would log the token).
 */
public final class SyncException extends RuntimeException {

  /** Why sync stopped. */
  public enum Kind { UNREACHABLE, REFUSED, NOT_SET_UP, BUSY, SERVER, UNSAFE }

  private final Kind kind;

  public SyncException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public SyncException(Kind kind, String message, Throwable cause) {
    super(message, cause, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
