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
  /** False when the toolkit was running already: then it is not this one's to end. */
  private volatile boolean ours;
  private volatile Throwable failure;

  /** True once the toolkit could not start (no display). */
  boolean failed() {
    return failure != null;
  }

  /** True once the toolkit runs. */
  boolean started() {
    return started;
  }

  /**
   * Starts the toolkit on a thread of its own (once), then runs {@code first} on the FX thread: work
   * that needs no database (the opening window) done while the database opens. Returns at once.
   */
  synchronized void startInBackground(Runnable first) {
    if (starting) {
      return;
    }
    starting = true;
    Platform.setImplicitExit(false);
    Thread thread = new Thread(() -> startNow(first), "setwise-fx-start");
    thread.setDaemon(true);
    thread.start();
  }

  private void startNow(Runnable first) {
    Runnable guarded = () -> {
      try {
        first.run();
      } catch (RuntimeException e) {
        // Only a head start: the window builds everything it needs again when it is wanted.
        LOG.warn("Showing the window ahead failed", e);
      }
    };
    try {
      Platform.startup(guarded);
      ours = true;
      started = true;
    } catch (IllegalStateException alreadyRunning) {
      // Another part of this JVM runs the toolkit (the UI tests do): use it, and leave it running.
      started = true;
      Platform.runLater(guarded);
    } catch (RuntimeException | LinkageError e) {
      failure = e;
    } finally {
      startedOrFailed.countDown();
    }
  }

  /** From now on the toolkit ends with its last window (only a toolkit this one started). */
  void exitWithLastWindow() {
    if (ours) {
      Platform.setImplicitExit(true);
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
    if (started && ours) {
      Platform.exit();
    }
  }
}
