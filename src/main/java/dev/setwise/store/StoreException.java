package dev.setwise.store;

/**
 * The database failed (I/O, corruption, a lock held too long, a broken rule that code should have
 * caught first). Unchecked; the edge logs it and shows a generic message, never its text.
 */
public final class StoreException extends RuntimeException {

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }

  public StoreException(String message) {
    super(message);
  }
}
