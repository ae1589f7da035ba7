package dev.setwise.ui.workout;

import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.BackgroundTasks.Failure;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Saves the latest state of a workout as soon as the writer lane is free. Edits that arrive while
 * a save runs are coalesced: only the newest structure is written next. So every edit reaches the
 * disk one write after it was made (a few milliseconds with WAL), well within half a second, and
 * a burst of keystrokes costs a handful of writes, not one each.
 *
 * <p>Each save is made from a basis: the session as this screen loaded it or last saved it. The
 * writer gets it with the new structure, so a save can carry the version it was made from and a
 * change made elsewhere meanwhile refuses it instead of being overwritten.
 */
final class AutoSaver {

  /** Writes {@code next} over {@code basis}, the session as this screen last loaded or saved it (writer thread). */
  @FunctionalInterface
  interface Writer {
    Session save(Session basis, SessionStructure next);
  }

  private final BackgroundTasks tasks;
  private final Writer save;
  /** The session the next save is made from; only the writer lane changes it after the start. */
  private final AtomicReference<Session> basis;
  private final Consumer<Session> onSaved;
  private final Consumer<Failure> onFailed;
  private final AtomicReference<SessionStructure> pending = new AtomicReference<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  AutoSaver(BackgroundTasks tasks, Session loaded, Writer save, Consumer<Session> onSaved, Consumer<Failure> onFailed) {
    this.tasks = tasks;
    this.basis = new AtomicReference<>(loaded);
    this.save = save;
    this.onSaved = onSaved;
    this.onFailed = onFailed;
  }

  /** Queues {@code structure} as the newest state to save. Any thread. */
  void submit(SessionStructure structure) {
    pending.set(structure);
    schedule();
  }

  /** Tries the last unsaved state again (after a failure). */
  void retry() {
    if (pending.get() != null) {
      schedule();
    }
  }

  /** Forgets what is not yet saved: the session is being completed with it, or discarded. */
  void cancel() {
    pending.set(null);
  }

  boolean hasPending() {
    return pending.get() != null;
  }

  /**
   * The session as the last save left it (or as loaded). Read it on the writer lane, after the
   * saves queued before: then it carries the version a completion or a discard must name.
   */
  Session basis() {
    return basis.get();
  }

  private void schedule() {
    if (scheduled.compareAndSet(false, true)) {
      tasks.onWriter(this::drain);
    }
  }

  private void drain() {
    // Cleared before saving, so an edit made during the save schedules one more drain.
    scheduled.set(false);
    SessionStructure next = pending.getAndSet(null);
    if (next == null) {
      return;
    }
    try {
      Session saved = save.save(basis.get(), next);
      basis.set(saved);
      tasks.onFx(() -> onSaved.accept(saved));
    } catch (RuntimeException e) {
      Failure failure = Failure.of("save the workout", e);
      BackgroundTasks.log(failure);
      pending.compareAndSet(null, next);
      tasks.onFx(() -> onFailed.accept(failure));
    }
  }
}
