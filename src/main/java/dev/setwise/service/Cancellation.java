package dev.setwise.service;

import java.util.concurrent.CancellationException;

/**
 * Lets one thread ask a long task running on another to stop. A task checks it between items and
 * stops with {@link CancellationException}, leaving nothing half-done: an import rolls back, an
 * export removes its temporary file. Interrupting the task's thread has the same effect.
 * Thread-safe.
 */
public final class Cancellation {

  private volatile boolean requested;

  /** A token nobody cancels (the task still stops when its thread is interrupted). */
  public static Cancellation none() {
    return new Cancellation();
  }

  /** Asks the task to stop at its next check. Safe to call from any thread, any number of times. */
  public void cancel() {
    requested = true;
  }

  public boolean isCancelled() {
    return requested;
  }

  /**
   * Throws when cancellation was asked for or the current thread was interrupted (the interrupt
   * flag is kept set, so callers further up still see it).
   *
   * @throws CancellationException to stop the task
   */
  public void check() {
    if (requested) {
      throw new CancellationException("Cancelled");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("Interrupted");
    }
  }
}
