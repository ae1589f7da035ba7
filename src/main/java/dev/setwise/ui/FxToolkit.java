package dev.setwise.ui;

import dev.setwise.StartupException;
import dev.setwise.WarmUp;
import java.util.ArrayList;
import java.util.List;
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


  private final CountDownLatch startedOrFailed = new CountDownLatch(1);
  /**
   * Held while the toolkit runs, so the level set on it stays in force. Asked for when the toolkit
   * starts, not when this is made: every command makes one, and the first JUL logger starts JUL's
   * LogManager, whose backend search reads every jar of the manifest's Class-Path
   * (docs/decisions/0059).
   */
  private java.util.logging.Logger javafxLog;
  /** Asked for before the toolkit was up; run on the FX thread once it is ({@link #runFirsts}). */
  private final List<Runnable> firsts = new ArrayList<>();
  private boolean firstsRun;
  private boolean starting;
  private volatile boolean started;
  /** False when the toolkit was running already: then it is not this one's to end. */
  private volatile boolean ours;
  private volatile Throwable failure;

  /**
   * Asked for only when something failed: the toolkit may start before SLF4J is initialised, and
   * a logger asked for on another thread during that would be a stand-in (docs/decisions/0052).
   */
  private static Logger log() {
    return LoggerFactory.getLogger(FxToolkit.class);
  }

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
  void startInBackground(Runnable first) {
    startInBackground();
    whenStarted(first);
  }

  /** Starts the toolkit on a thread of its own, once; returns at once. */
  void startInBackground() {
    startOnce(() -> { });
  }

  /**
   * Starts the toolkit on a thread of its own, once, as soon as the arguments name the desktop app
   * and before the command line is read (docs/decisions/0062): the toolkit's own start then runs
   * beside that, and nothing shows until a window is asked for. Once it is up, that thread runs
   * {@code besideFx}: work that needs the toolkit but not the FX thread (loading a font), done
   * while the FX thread is busy elsewhere. Returns at once.
   */
  void startAhead(Runnable besideFx) {
    startOnce(besideFx);
  }

  private synchronized void startOnce(Runnable thenHere) {
    if (starting) {
      return;
    }
    starting = true;
    // JavaFX warns on stderr when its jars are on the class path, which is how the jar runs.
    javafxLog = java.util.logging.Logger.getLogger("javafx");
    javafxLog.setLevel(java.util.logging.Level.SEVERE);
    Platform.setImplicitExit(false);
    Thread thread = new Thread(() -> startNow(thenHere), "setwise-fx-start");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Runs {@code first} on the FX thread as soon as the toolkit is up (at once when it is); never
   * when it cannot start. A failure in it is logged: it is only a head start.
   */
  void whenStarted(Runnable first) {
    Runnable guarded = () -> {
      try {
        first.run();
      } catch (RuntimeException e) {
        // Only a head start: the window builds everything it needs again when it is wanted.
        log().warn("Showing the window ahead failed", e);
      }
    };
    synchronized (this) {
      if (!firstsRun) {
        firsts.add(guarded);
        return;
      }
    }
    Platform.runLater(guarded);
  }

  /** On the FX thread, once: what was asked for before the toolkit was up, in order. */
  private void runFirsts() {
    List<Runnable> now;
    synchronized (this) {
      firstsRun = true;
      now = List.copyOf(firsts);
      firsts.clear();
    }
    now.forEach(Runnable::run);
  }

  private void startNow(Runnable thenHere) {
    try {
      Platform.startup(this::runFirsts);
      ours = true;
      started = true;
    } catch (IllegalStateException alreadyRunning) {
      // Another part of this JVM runs the toolkit (the UI tests do): use it, and leave it running.
      started = true;
      Platform.runLater(this::runFirsts);
    } catch (RuntimeException | LinkageError e) {
      failure = e;
    } finally {
      startedOrFailed.countDown();
    }
    if (started) {
      WarmUp.run(thenHere);
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
    startInBackground();
    try {
      startedOrFailed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StartupException("interrupted while the desktop window was starting", e);
    }
    Throwable error = failure;
    if (error != null) {
      log().error("Could not start the desktop window", error);
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
