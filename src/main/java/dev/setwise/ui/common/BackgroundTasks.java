package dev.setwise.ui.common;

import dev.setwise.domain.SetwiseException;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs service calls: off the JavaFX thread, with the result or the failure
 * handed back on it. Reads go to a small pool; writes go to a single "writer" lane so that an
 * autosave, a completion and a preference file are written in the order they were asked for, and
 * {@link #close()} can wait for the last of them. Threads are named daemons; every failure is
 * logged here, once, before the caller turns it into a short message.
 *
 * <p>Tests use {@link #sameThread()}: work and callbacks run at once on the caller's thread, so
 * view models are tested without the JavaFX toolkit.
 */
public final class BackgroundTasks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

  private final ExecutorService readers;
  private final ExecutorService writer;
  private final Executor readLane;
  private final Executor writeLane;
  private final Executor fx;
  private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(this, "running", 0);
  /** Reads hold it shared; {@link #exclusive} holds it alone, so no read runs while the database is swapped. */
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();

  private BackgroundTasks(ExecutorService readers, ExecutorService writer, Executor readLane, Executor writeLane,
      Executor fx) {
    this.readers = readers;
    this.writer = writer;
    this.readLane = readLane;
    this.writeLane = writeLane;
    this.fx = fx;
  }

  /** Two reader threads and one writer thread, callbacks through {@link Platform#runLater}. */
  public static BackgroundTasks create() {
    ExecutorService readers = pool("setwise-read", 2);
    ExecutorService writer = pool("setwise-write", 1);
    return new BackgroundTasks(readers, writer, readers, writer, Platform::runLater);
  }

  /** Everything on the calling thread, at once: for view-model tests without the toolkit. */
  public static BackgroundTasks sameThread() {
    return new BackgroundTasks(null, null, Runnable::run, Runnable::run, Runnable::run);
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
    submit(writeLane, action, work, onSuccess, onFailure);
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
    writeLane.execute(guarded("background write", work));
  }

  /** Runs {@code work} on the FX thread (at once in tests). */
  public void onFx(Runnable work) {
    fx.execute(guarded("UI update", work));
  }

  private <T> void submit(Executor lane, String action, Callable<T> work, Consumer<? super T> onSuccess,
      Consumer<? super Failure> onFailure) {
    onFx(() -> running.set(running.get() + 1));
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
    } else if (failure.cause() instanceof SetwiseException) {
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
   * Stops taking work and waits (up to ten seconds) for what is queued, so the last autosave
   * reaches the disk before the database closes. Never call it on the FX thread.
   */
  @Override
  public void close() {
    for (ExecutorService service : new ExecutorService[] {writer, readers}) {
      if (service == null) {
        continue;
      }
      service.shutdown();
      try {
        if (!service.awaitTermination(10, TimeUnit.SECONDS)) {
          LOG.warn("Background work did not finish within 10 s; stopping it");
          service.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        service.shutdownNow();
      }
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
