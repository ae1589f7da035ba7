package dev.setwise.ui;

import dev.setwise.StartupException;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit once, either for a question before the window (a database that cannot
 * be opened) or for the window itself. Until the window shows, closing the last dialog must not
 * end the toolkit, so implicit exit stays off; the app turns it on with its window.
 */
final class FxToolkit {

  private static final Logger LOG = LoggerFactory.getLogger(FxToolkit.class);

  private boolean started;

  /** True once the toolkit runs. */
  synchronized boolean started() {
    return started;
  }

  /**
   * Starts the toolkit (when it does not run yet) and runs {@code work} on the FX thread.
   *
   * @throws StartupException when there is no display
   */
  synchronized void run(Runnable work) {
    if (started) {
      Platform.runLater(work);
      return;
    }
    try {
      Platform.setImplicitExit(false);
      // The work runs as a task of its own, not inside the start-up call: a dialog's nested event
      // loop there would keep the first pulse, and so every frame, from being drawn.
      Platform.startup(() -> Platform.runLater(work));
      started = true;
    } catch (RuntimeException | LinkageError e) {
      LOG.error("Could not start the desktop window", e);
      throw new StartupException("cannot open the desktop window (" + e.getMessage()
          + "); is there a display? The commands work without one: see 'setwise --help'", e);
    }
  }

  /** Ends the toolkit, if it was started. */
  synchronized void exit() {
    if (started) {
      Platform.exit();
    }
  }
}
