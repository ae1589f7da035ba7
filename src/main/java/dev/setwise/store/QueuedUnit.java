package dev.setwise.store;

import java.util.concurrent.locks.LockSupport;

/**
 * One writer's unit of work while it waits in {@link GroupCommit}: what to run, on which
 * transaction object, and, once the group that held it has committed or failed, its answer.
 * The leader that runs the unit writes the answer and then {@link #answer}s; the owner reads it
 * only after seeing {@link #answered()} (a volatile write and read: everything the leader wrote
 * before is visible to the owner).
 */
final class QueuedUnit<T> {

  private final TxWork<T> work;
  private final Tx tx;
  private final Thread owner;
  private T result;
  /** The unit's own failure (it threw, or was refused before it ran). */
  private Throwable refused;
  /** The group's failure: nothing of the group was saved. Wins over {@link #refused}. */
  private Throwable lost;
  private volatile boolean answered;
  /** The owner was interrupted (before it wrote, or while it waited): its work runs interrupted. */
  private volatile boolean interrupted;

  QueuedUnit(TxWork<T> work, Tx tx) {
    this.work = work;
    this.tx = tx;
    this.owner = Thread.currentThread();
  }

  Tx tx() {
    return tx;
  }

  Thread owner() {
    return owner;
  }

  /**
   * Runs the work on the calling thread (the leader's, whose own unit is {@code leader}),
   * interrupted exactly when its owner was, so a task that stops when its thread is interrupted
   * (an import) still does; a throw is kept as this unit's refusal. An interrupt that reaches the
   * leader's thread meanwhile is the leader's: it goes to {@code leader}, and the thread's flag is
   * clear again on return.
   */
  boolean run(QueuedUnit<?> leader) {
    boolean ownerInterrupted = interrupted;
    if (ownerInterrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      result = work.run(tx);
      return true;
    } catch (Throwable failure) {
      refused = failure;
      return false;
    } finally {
      if (Thread.interrupted() && !ownerInterrupted) {
        leader.markInterrupted();
      }
    }
  }

  void markInterrupted() {
    interrupted = true;
  }

  boolean interrupted() {
    return interrupted;
  }

  void refuse(Throwable failure) {
    refused = failure;
  }

  void lose(Throwable failure) {
    lost = failure;
  }

  boolean answered() {
    return answered;
  }

  /** Publishes the answer and wakes the owner (unless the owner is the caller, the leader itself). */
  void answer() {
    answered = true;
    if (owner != Thread.currentThread()) {
      LockSupport.unpark(owner);
    }
  }

  T result() {
    return result;
  }

  /** What the owner must throw: the group's failure first, else its own refusal; null when saved. */
  Throwable failure() {
    return lost != null ? lost : refused;
  }
}
