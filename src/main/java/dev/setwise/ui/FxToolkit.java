package dev.setwise.ui;

import dev.setwise.StartupException;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit once, either for a question before the window (a database that cannot
 * be opened) or for the window itself. Until the window shows, closing the last dialog must not
 * end the toolkit, so implicit exit stays off; the app turns it on with its window.
 *
 * <p>{@link #startInBackground} starts the toolkit on a thread of its own, so it comes up while the
 * starting thread opens the database (docs/decisions/0045); {@link #run} then waits for it. A
 * toolkit that could not start (no display) fails {@link #run}, as a start there would have.
 */
final class FxToolkit {

  private static final Logger LOG = LoggerFactory.getLogger(FxToolkit.class);

  private final CountDownLatch startedOrFailed = new CountDownLatch(1);
  private boolean starting;
  private volatile boolean started;
  private volatile Throwable failure;

  /** True once the toolkit runs. */
  boolean started() {
    return started;
  }

  /**
   * Starts the toolkit on a thread of its own (once), then runs {@code warmUp} on the FX thread: work
   * that needs no database (the theme, classes of the first window) done while the database opens.
   * Returns at once.
   */
  synchronized void startInBackground(Runnable warmUp) {
    if (starting) {
      return;
    }
    starting = true;
    Thread thread = new Thread(() -> startNow(warmUp), "setwise-fx-start");
    thread.setDaemon(true);
    thread.start();
  }

  private void startNow(Runnable warmUp) {
    try {
      Platform.setImplicitExit(false);
      Platform.startup(() -> Platform.runLater(() -> {
        try {
          warmUp.run();
        } catch (RuntimeException e) {
          // Only a head start: the window builds everything again when it needs it.
          LOG.warn("Preparing the window ahead failed", e);
        }
      }));
      started = true;
    } catch (RuntimeException | LinkageError e) {
      failure = e;
    } finally {
      startedOrFailed.countDown();
    }
  }

  /**
   * Starts the toolkit (when it does not run yet; when it is starting, waits for it) and runs
   * {@code work} on the FX thread.
   *
   * @throws StartupException when there is no display
   */
  void run(Runnable work) {
    startInBackground(() -> { });
    try {
      startedOrFailed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while the desktop window was starting", e);
    }
    Throwable error = failure;
    if (error != null) {
      LOG.error("Could not start the desktop window", error);
      throw new StartupException("cannot open the desktop window (" + error.getMessage()
          + "); is there a display? The commands work without one: see 'setwise --help'", error);
    }
    // The work runs as a task of its own, not inside the start-up call: a dialog's nested event
    // loop there would keep the first pulse, and so every frame, from being drawn.
    Platform.runLater(work);
  }

  /** Ends the toolkit, if it was started (waits for a start under way first). */
  void exit() {
    boolean begun;
    synchronized (this) {
      begun = starting;
    }
    if (!begun) {
      return;
    }
    try {
      startedOrFailed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (started) {
      Platform.exit();
    }
  }
}
