package dev.setwise.ui.common;

import dev.setwise.domain.SetwiseException;
import dev.setwise.sync.SyncException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs service calls: off the JavaFX thread, with the result or the failure
 * handed back on it. Reads go to a small pool; writes go to a single "writer" lane so that an
 * autosave, a completion and a preference file are written in the order they were asked for, and
 * {@link #close()} can wait for the last of them. Long work on the whole file (a backup, an
 * export, an import with its backup) has a lane of its own, so a save never waits behind it; it
 * is the one kind of work that closing may stop. Threads are named daemons; every failure is
 * logged here, once, before the caller turns it into a short message.
 *
 * <p>Tests use {@link #sameThread()}: work and callbacks run at once on the caller's thread, so
 * view models are tested without the JavaFX toolkit.
 */
public final class BackgroundTasks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

  /** How long closing waits for stopped whole-file work to clean up, and between notes in the log. */
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final ExecutorService readers;
  private final ExecutorService writer;
  private final ExecutorService wholeFile;
  private final ExecutorService syncer;
  private final Executor readLane;
  private final Executor writeLane;
  private final Executor wholeFileLane;
  private final Executor syncLane;
  private final Executor fx;
  private final Duration grace;
  private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
  /** How many writes have finished (saved or failed); the sync indicator counts local changes by it. */
  private final ReadOnlyLongWrapper writesDone = new ReadOnlyLongWrapper(this, "writesDone", 0);
  /** Reads hold it shared; {@link #exclusive} holds it alone, so no read runs while the database is swapped. */
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

  private BackgroundTasks(ExecutorService readers, ExecutorService writer, ExecutorService wholeFile,
      ExecutorService syncer, Executor readLane, Executor writeLane, Executor wholeFileLane, Executor syncLane,
      Executor fx, Duration grace) {
    this.readers = readers;
    this.writer = writer;
    this.wholeFile = wholeFile;
    this.syncer = syncer;
    this.readLane = readLane;
    this.writeLane = writeLane;
    this.wholeFileLane = wholeFileLane;
    this.syncLane = syncLane;
    this.fx = fx;
    this.grace = grace;
  }

  /**
   * Two reader threads, one writer thread, one whole-file thread and one sync thread, callbacks
   * through {@link Platform#runLater}.
   */
  public static BackgroundTasks create() {
    return create(Platform::runLater, GRACE);
  }

  /**
   * The real threads with callbacks on {@code callbacks}, and {@code grace} as the time closing
   * gives stopped whole-file work to clean up (and between its notes in the log while saves finish):
   * for tests of the lanes and of closing.
   */
  public static BackgroundTasks create(Executor callbacks, Duration grace) {
    ExecutorService readers = pool("setwise-read", 2);
    ExecutorService writer = pool("setwise-write", 1);
    ExecutorService wholeFile = pool("setwise-whole-file", 1);
    ExecutorService syncer = pool("setwise-sync", 1);
    return new BackgroundTasks(readers, writer, wholeFile, syncer, readers, writer, wholeFile, syncer, callbacks,
        grace);
  }

  /** Everything on the calling thread, at once: for view-model tests without the toolkit. */
  public static BackgroundTasks sameThread() {
    return lanes(Runnable::run, Runnable::run, Runnable::run);
  }

  /**
   * Reads at once on the calling thread, writes, whole-file work, sync and callbacks on the given
   * executors: for view-model tests that need to hold the sync lane back.
   */
  public static BackgroundTasks lanes(Executor writes, Executor wholeFileWork, Executor syncWork, Executor callbacks) {
    return new BackgroundTasks(null, null, null, null, Runnable::run, writes, wholeFileWork, syncWork, callbacks,
        GRACE);
  }

  /**
   * Reads and callbacks at once on the calling thread, writes and whole-file work on the given
   * executors: for view-model tests that need to hold one lane back.
   */
  public static BackgroundTasks lanes(Executor writes, Executor wholeFileWork, Executor callbacks) {
    return lanes(writes, wholeFileWork, Runnable::run, callbacks);
  }

  /** How many tasks are under way; changes on the FX thread (drives the busy indicator). */
  public ReadOnlyIntegerProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Runs a read off the FX thread; {@code action} names it for the log ("load the plans"). */
  public <T> void read(String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    submit(readLane, action, holding(gate.readLock(), work), onSuccess, onFailure);
  }

  /** Runs a write on the writer lane, after every write asked for before it. */
  public <T> void write(String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    submit(writeLane, action, work, result -> {
      onSuccess.accept(result);
      writeDone();
    }, failure -> {
      onFailure.accept(failure);
      writeDone();
    });
  }

  private void writeDone() {
    writesDone.set(writesDone.get() + 1);
  }

  /**
   * Runs {@code work} on the writer lane with nothing else running: after every write asked for
   * before it, once the reads under way have finished, and holding later reads back until it is
   * done. For swapping the database (restoring a backup), which must close it first.
   */
  public <T> void exclusive(String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    submit(writeLane, action, holding(gate.writeLock(), work), onSuccess, onFailure);
  }

  /**
   * Runs long work on the whole file (a backup, an export, an import) on its own lane, one at a
   * time, so that no save waits behind it. Like a read it holds back {@link #exclusive} work (a
   * restore waits for it). Closing the app stops it: the thread is interrupted, and the work must
   * then stop and remove what it half wrote ({@code Cancellation.check} and the backups do).
   */
  public <T> void wholeFile(String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    submit(wholeFileLane, action, holding(gate.readLock(), work), onSuccess, onFailure);
  }

  /**
   * Runs sync work (network, then the writes of what the server sent) on a lane of its own, one
   * at a time, so the window and its saves never wait on the network. Like a read it holds back
   * {@link #exclusive} work. Closing the app stops it: the thread is interrupted, which the sync
   * client takes as a cancellation (what reached the server is recorded, the rest waits).
   */
  public <T> void sync(String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    submit(syncLane, action, holding(gate.readLock(), work), onSuccess, onFailure);
  }

  /** How many writes have finished so far (changes on the FX thread, after each write's own callback). */
  public ReadOnlyLongProperty writesDoneProperty() {
    return writesDone.getReadOnlyProperty();
  }

  /**
   * Runs {@code then} on the FX thread once every write asked for before this call has finished
   * (the window waits for it before it closes).
   */
  public void afterWrites(Runnable then) {
    writeLane.execute(guarded("finish the writes", () -> onFx(then)));
  }

  private static <T> Callable<T> holding(Lock lock, Callable<T> work) {
    return () -> {
      lock.lock();
      try {
        return work.call();
      } finally {
        lock.unlock();
      }
    };
  }

  /** Runs plain work on the writer lane (the autosaver drains its queue there). */
  public void onWriter(Runnable work) {
    writeLane.execute(guarded("background write", () -> {
      try {
        work.run();
      } finally {
        onFx(this::writeDone);
      }
    }));
  }

  /** Runs {@code work} on the FX thread (at once in tests). */
  public void onFx(Runnable work) {
    fx.execute(guarded("UI update", work));
  }

  private <T> void submit(Executor lane, String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    onFx(() -> running.set(running.get() + 1));
    try {
      execute(lane, action, work, onSuccess, onFailure);
    } catch (RejectedExecutionException closed) {
      // Asked for while the app closes (a listener reacting to the last save): nothing to start.
      LOG.info("Closing: '{}' is not started", action);
      onFx(() -> running.set(running.get() - 1));
    }
  }

  private <T> void execute(Executor lane, String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    lane.execute(guarded(action, () -> {
      T result;
      try {
        result = work.call();
      } catch (Throwable error) {
        Failure failure = Failure.of(action, error);
        log(failure);
        onFx(() -> {
          running.set(running.get() - 1);
          onFailure.accept(failure);
        });
        if (error instanceof Error fatal && !(error instanceof AssertionError)) {
          throw fatal;
        }
        return;
      }
      onFx(() -> {
        running.set(running.get() - 1);
        onSuccess.accept(result);
      });
    }));
  }

  /** Logs a failure: business outcomes and cancellations briefly, anything else with its stack trace. */
  public static void log(Failure failure) {
    if (failure.cause() instanceof CancellationException) {
      LOG.info("Cancelled: {}", failure.action());
    } else if (failure.cause() instanceof SetwiseException || failure.cause() instanceof SyncException) {
      LOG.info("Could not {}: {}", failure.action(), failure.cause().getMessage());
    } else {
      LOG.error("Could not {}", failure.action(), failure.cause());
    }
  }

  private static Runnable guarded(String action, Runnable work) {
    return () -> {
      try {
        work.run();
      } catch (RuntimeException e) {
        LOG.error("Unexpected failure in {}", action, e);
      }
    };
  }

  /**
   * Stops taking work and finishes every write already asked for, however long that takes, so no
   * save is ever dropped before the database closes. Whole-file work (a backup, an export) is
   * stopped first: its thread is interrupted and it gets a grace period to remove its half-written
   * file; after that it is abandoned. Reads still under way get the same grace. Never call it on
   * the FX thread.
   */
  @Override
  public void close() {
    boolean interrupted = false;
    if (wholeFile != null) {
      List<Runnable> dropped = wholeFile.shutdownNow();
      if (!dropped.isEmpty()) {
        LOG.info("Closing: {} whole-file task(s) not started are dropped", dropped.size());
      }
    }
    if (syncer != null) {
      // A sync stopped here loses nothing: what it did is recorded, the rest waits for the next start.
      List<Runnable> dropped = syncer.shutdownNow();
      if (!dropped.isEmpty()) {
        LOG.info("Closing: {} sync task(s) not started are dropped", dropped.size());
      }
    }
    if (writer != null) {
      writer.shutdown();
      interrupted |= awaitEvery(writer);
    }
    interrupted |= awaitOrStop(readers, "Reads");
    interrupted |= awaitOrStop(wholeFile, "Whole-file work (a backup or an export)");
    interrupted |= awaitOrStop(syncer, "A sync");
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for every queued write; never gives up (an interrupt is remembered, not obeyed). */
  private boolean awaitEvery(ExecutorService service) {
    boolean interrupted = false;
    while (true) {
      try {
        if (service.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          return interrupted;
        }
        LOG.warn("Closing: still finishing the saves asked for before the window closed");
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  private boolean awaitOrStop(ExecutorService service, String what) {
    if (service == null) {
      return false;
    }
    service.shutdown();
    try {
      if (!service.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Closing: {} did not stop within {} ms; abandoning it", what, grace.toMillis());
        service.shutdownNow();
      }
      return false;
    } catch (InterruptedException e) {
      service.shutdownNow();
      return true;
    }
  }

  private static ExecutorService pool(String name, int threads) {
    AtomicInteger counter = new AtomicInteger();
    ThreadFactory factory = work -> {
      Thread thread = new Thread(work, name + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
      return thread;
    };
    return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }

  /** A task that failed: what it was doing, why, and the short message to show. */
  public record Failure(String action, Throwable cause, String message) {

    public static Failure of(String action, Throwable cause) {
      return new Failure(action, cause, ErrorText.of(action, cause));
    }
  }
}
