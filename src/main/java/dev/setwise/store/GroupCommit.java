package dev.setwise.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite write connection and its transactions, with group commit (docs/decisions/0046) run
 * by a leader (docs/decisions/0054).
 *
 * <p>A writer queues its unit of work, then tries to become the leader (the holder of the write
 * lock). The leader runs the queued units one after the other on its own thread, in one
 * transaction: the first unit of a group begins it ({@code BEGIN IMMEDIATE}), every later unit
 * joins it inside a savepoint of its own, and when the queue is empty (or the group full) the
 * leader commits: one {@code COMMIT}, one fsync, for the whole group. Only then does it answer
 * each writer of the group and wake it; a writer that could not lead sleeps until it is answered,
 * or until the lock comes free with its unit still queued (then it leads). So a lone writer (the
 * desktop) begins, runs and commits on its own thread at once, and under load a unit costs no
 * hand-off of the connection from thread to thread: the threads sleep once, for their answer.
 *
 * <p>Nobody is answered before the commit that holds their change. A unit that throws is undone
 * alone (the first unit's by rolling back the transaction, which holds nothing else; a later
 * unit's by rolling back to its savepoint), so one caller's 409 or 412 never touches its
 * neighbours' changes, and it throws on its own thread; when the group's commit fails, every
 * writer of the group gets that failure, as nothing of the group was saved.
 *
 * <p>Other processes meet the group as they met a single write: {@code BEGIN IMMEDIATE} waits
 * for them on {@code busy_timeout}, and a group holds the database no longer than its few units.
 */
final class GroupCommit {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
  /** The most units one commit carries: bounds how long the first waits for its answer. */
  static final int MAX_UNITS = 32;

  /** Whatever must hold before and after a transaction: the database open, the file the one opened. */
  interface Checks {
    /** Before a transaction begins: may look at the file (once per transaction). */
    void beforeBegin();

    /** Before a unit joins an open transaction: cheap, looks at nothing on disk. */
    void beforeUnit();

    /** True when this transaction must write page 1 (it may start the WAL afresh). */
    boolean mayStartAfresh();

    void afterCommit();
  }

  private final Path file;
  private final WriterStatements statements;
  private final Connection writer;
  private final Checks checks;
  private final String stamp;
  /** Held by the leader while it runs a group, and by {@link #exclusive} work. */
  private final ReentrantLock lock = new ReentrantLock();
  /** Units not yet taken by a leader, oldest first. */
  private final ConcurrentLinkedQueue<QueuedUnit<?>> waiting = new ConcurrentLinkedQueue<>();
  /** How many transactions have committed (for the tests that prove units shared one). */
  private final AtomicLong commits = new AtomicLong();
  /** Whether the last group had company (more than one unit, or writers queued behind it); the leader's alone. */
  private boolean concurrent;

  GroupCommit(Path file, Connection writer, int databaseId, Checks checks) {
    this.file = file;
    this.writer = writer;
    this.statements = new WriterStatements(writer);
    this.checks = checks;
    this.stamp = "PRAGMA user_version = " + databaseId;
  }

  /**
   * Runs {@code work} as one unit of a group's write transaction, on this thread or on the
   * leader's, and returns only once that transaction has committed; throws what {@code work}
   * threw ({@link SQLException} as a {@link StoreException} or a
   * {@link dev.setwise.domain.StorageException}) once the others of the group are safe, or the
   * group's failure. An interrupt does not cut the wait short (the answer must wait for the
   * commit all the same): {@code work} runs interrupted, and the flag is set again on return.
   */
  <T> T write(TxWork<T> work) {
    QueuedUnit<T> unit = new QueuedUnit<>(closing(work), new Tx(writer, true, Dialect.SQLITE, statements));
    if (Thread.interrupted()) {
      unit.markInterrupted(); // carried by the unit, so that no other writer's work runs interrupted here
    }
    waiting.add(unit);
    while (!unit.answered()) {
      if (lock.tryLock()) {
        try {
          // every unit a leader took is answered before it lets go, so this one is still queued
          while (!unit.answered() && !waiting.isEmpty()) {
            runGroup(unit);
          }
        } finally {
          lock.unlock();
        }
        wakeNextLeader();
      } else {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          unit.markInterrupted();
        }
      }
    }
    if (unit.interrupted()) {
      Thread.currentThread().interrupt();
    }
    Throwable failure = unit.failure();
    if (failure != null) {
      throw unchecked(failure);
    }
    Tx.runAll(unit.tx().afterCommitActions());
    return unit.result();
  }

  /** {@code work}, closing the statements it prepared for itself when it ends (Tx#statement). */
  private static <T> TxWork<T> closing(TxWork<T> work) {
    return tx -> {
      try {
        T done = work.run(tx);
        tx.closeStatements();
        return done;
      } catch (SQLException | RuntimeException | Error failure) {
        tx.closeStatements(failure);
        throw failure;
      }
    };
  }

  /**
   * Runs one group: takes queued units until the queue is empty, the group is full or the
   * transaction is lost, then commits and answers them. Called by the leader, holding the lock.
   */
  private void runGroup(QueuedUnit<?> leader) {
    List<QueuedUnit<?>> group = new ArrayList<>();
    boolean open = false;
    Throwable lost = null;
    QueuedUnit<?> next = null;
    try {
      // A writer alone (the desktop's autosave, a quiet server) gives its processor to nobody:
      // the yield is for writers that come in a stream, as the last group showed.
      boolean yielded = !concurrent;
      while (lost == null && group.size() < MAX_UNITS) {
        next = waiting.poll();
        if (next == null && open && !yielded) {
          // Before the fsync, once: request threads that are runnable (their bodies parsed) get
          // the processor and queue, and share this commit instead of waiting for the next one.
          // Measured under load: 11 units a commit instead of 6.5, and the fsyncs were the limit.
          yielded = true;
          Thread.yield();
          next = waiting.poll();
        }
        if (next == null) {
          break;
        }
        if (!open) {
          open = first(next, leader);
          if (open) {
            group.add(next);
          }
        } else {
          group.add(next);
          lost = joined(next, leader);
        }
      }
      if (open) {
        open = false;
        lost = finish(lost);
      }
      concurrent = group.size() > 1 || !waiting.isEmpty();
    } catch (RuntimeException | Error unexpected) {
      lost = unexpected;
      if (open) {
        rollback(unexpected);
      }
      if (next != null && !next.answered() && !group.contains(next)) {
        next.lose(unexpected);
        next.answer();
      }
    } finally {
      for (QueuedUnit<?> unit : group) {
        if (lost != null) {
          unit.lose(lost);
        }
        unit.answer();
      }
    }
  }

  /**
   * Begins the transaction and runs its first unit in it. When the unit is refused (or the
   * transaction cannot begin), it is answered at once: nothing else depends on it.
   *
   * @return true when the transaction is open, holding the unit's change
   */
  private boolean first(QueuedUnit<?> unit, QueuedUnit<?> leader) {
    try {
      checks.beforeBegin();
      begin();
    } catch (RuntimeException refused) {
      unit.refuse(refused);
      unit.answer();
      return false;
    }
    if (unit.run(leader)) {
      return true;
    }
    // the transaction holds this unit alone: undone as a single write always was
    rollback(unit.failure());
    unit.answer();
    return false;
  }

  /**
   * Runs a later unit of the group inside a savepoint of its own.
   *
   * @return the failure that lost the whole transaction, or null
   */
  private Throwable joined(QueuedUnit<?> unit, QueuedUnit<?> leader) {
    try {
      checks.beforeUnit();
    } catch (RuntimeException refused) {
      unit.refuse(refused);
      return null;
    }
    try {
      statements.run("SAVEPOINT unit");
    } catch (SQLException e) {
      return e;
    }
    if (unit.run(leader)) {
      try {
        statements.run("RELEASE unit");
        return null;
      } catch (SQLException e) {
        return e;
      }
    }
    try {
      statements.run("ROLLBACK TO unit");
      statements.run("RELEASE unit");
      return null;
    } catch (SQLException broken) {
      // SQLite rolled the whole transaction back (a full disk, an I/O error): the group is lost
      return broken;
    }
  }

  /** Wakes the writer of the oldest unit still queued, if any, to lead the next group. */
  private void wakeNextLeader() {
    QueuedUnit<?> next = waiting.peek();
    if (next != null) {
      LockSupport.unpark(next.owner());
    }
  }

  /**
   * Runs {@code work} on the write connection alone, outside any transaction (a {@code VACUUM
   * INTO}, a checkpoint, closing), once the group running now has committed.
   */
  void exclusive(Database.ConnectionWork work) throws SQLException {
    lock.lock();
    try {
      work.run(writer);
    } finally {
      lock.unlock();
      wakeNextLeader();
    }
  }

  /** How many writers wait for the write lock now: units not yet taken, and exclusive work. */
  int queued() {
    return waiting.size() + lock.getQueueLength();
  }

  long commits() {
    return commits.get();
  }

  /** Closes the compiled statements (the connection closes after). Call inside {@link #exclusive}. */
  void closeStatements() {
    statements.closeAll();
  }

  private void begin() {
    try {
      statements.run("BEGIN IMMEDIATE");
    } catch (SQLException e) {
      throw unchecked(e);
    }
    try {
      // the writer's lock is held now, so the WAL index says whether this transaction may start
      // a new WAL; if so, page 1 goes first (see WalFile)
      if (checks.mayStartAfresh()) {
        statements.run(stamp);
      }
    } catch (SQLException | RuntimeException e) {
      rollback(e);
      throw unchecked(e);
    }
  }

  /**
   * Commits the group's transaction or, after {@code lost}, rolls it back.
   *
   * @return why nothing of the group was saved, or null when it committed
   */
  private Throwable finish(Throwable lost) {
    if (lost != null) {
      rollback(lost);
      return lost;
    }
    try {
      statements.run("COMMIT");
      commits.incrementAndGet();
    } catch (SQLException e) {
      rollback(e);
      return e;
    }
    try {
      // committed into the file opened; if that is no longer the one at the path, nobody hears "saved"
      checks.afterCommit();
      return null;
    } catch (RuntimeException e) {
      return e;
    }
  }

  private void rollback(Throwable failure) {
    try {
      statements.run("ROLLBACK");
    } catch (SQLException e) {
      // SQLite may have rolled back already (a full disk); nothing is left open either way
      LOG.debug("Rollback after {} found nothing to roll back", failure.toString(), e);
    }
  }

  private RuntimeException unchecked(Throwable failure) {
    if (failure instanceof SQLException sql) {
      return SqliteErrors.translate(sql, file, "Could not save the change");
    }
    if (failure instanceof RuntimeException runtime) {
      return runtime;
    }
    if (failure instanceof Error error) {
      throw error;
    }
    return new StoreException("Could not save the change", failure);
  }
}
