package dev.setwise.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite write connection and its transactions, with group commit (docs/decisions/0046).
 *
 * <p>Every write takes the fair write lock and runs its unit of work on the calling thread. The
 * first unit of a group begins the transaction ({@code BEGIN IMMEDIATE}); when the unit is done
 * and other writers are already queued for the lock, the transaction stays open and the next
 * writer's unit joins it inside a savepoint of its own. The writer that finds nobody queued (or
 * the group full) commits: one {@code COMMIT}, one fsync, for the whole group. Nobody is answered
 * before that commit: each writer waits for it, then returns its own result or throws its own
 * refusal. A unit that throws is undone alone (the first unit's by rolling back the transaction,
 * which holds nothing else; a later unit's by rolling back to its savepoint), so one caller's
 * 409 or 412 never touches its neighbours' changes; when the group's commit fails, every writer
 * of the group gets that failure, as nothing of the group was saved. A lone writer (the desktop)
 * begins, runs and commits at once, as before.
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
    void beforeBegin();

    /** True when this transaction must write page 1 (it may start the WAL afresh). */
    boolean mayStartAfresh();

    void afterCommit();
  }

  private final Path file;
  private final WriterStatements statements;
  private final Connection writer;
  private final Checks checks;
  private final String stamp;
  private final ReentrantLock lock = new ReentrantLock(true);
  /** The transaction open for a group, if any; guarded by {@link #lock}. */
  private Group open;
  /** How many transactions have committed (for the tests that prove units shared one). */
  private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();

  GroupCommit(Path file, Connection writer, int databaseId, Checks checks) {
    this.file = file;
    this.writer = writer;
    this.statements = new WriterStatements(writer);
    this.checks = checks;
    this.stamp = "PRAGMA user_version = " + databaseId;
  }

  /** The units of one transaction: how many, and how its commit went (set before {@link #done} opens). */
  private static final class Group {
    private final CountDownLatch done = new CountDownLatch(1);
    private int units;
    private Throwable failure;
  }

  /**
   * Runs {@code work} as one unit of a group's write transaction and returns only once that
   * transaction has committed; throws what {@code work} threw ({@link SQLException} as a
   * {@link StoreException} or a {@link dev.setwise.domain.StorageException}) once the others of
   * the group are safe, or the group's failure.
   */
  <T> T write(TxWork<T> work) {
    return writeClosing(unit -> {
      try {
        T done = work.run(unit);
        unit.closeStatements();
        return done;
      } catch (SQLException | RuntimeException | Error failure) {
        // the statements this unit prepared for itself end with it (Tx#statement)
        unit.closeStatements(failure);
        throw failure;
      }
    });
  }

  private <T> T writeClosing(TxWork<T> work) {
    Group group;
    Tx tx = new Tx(writer, true, Dialect.SQLITE, statements);
    T result = null;
    Throwable refused = null;
    boolean leaveOpen = false;
    lock.lock();
    try {
      checks.beforeBegin();
      if (open == null) {
        begin();
        group = new Group();
        open = group;
        try {
          result = work.run(tx);
        } catch (Throwable failure) {
          // the transaction holds this unit alone: undone as a single write always was
          open = null;
          rollback(failure);
          throw unchecked(failure);
        }
      } else {
        group = open;
        try {
          statements.run("SAVEPOINT unit");
        } catch (SQLException e) {
          group.failure = e;
          throw unchecked(e);
        }
        try {
          result = work.run(tx);
          statements.run("RELEASE unit");
        } catch (Throwable failure) {
          refused = failure;
          try {
            statements.run("ROLLBACK TO unit");
            statements.run("RELEASE unit");
          } catch (SQLException broken) {
            // SQLite rolled the whole transaction back (a full disk, an I/O error): the group is lost
            group.failure = broken;
          }
        }
      }
      group.units++;
      leaveOpen = group.failure == null && group.units < MAX_UNITS && lock.hasQueuedThreads();
    } finally {
      if (!leaveOpen && open != null) {
        finish(open);
      }
      lock.unlock();
    }
    awaitCommit(group);
    if (group.failure != null) {
      throw unchecked(group.failure);
    }
    if (refused != null) {
      throw unchecked(refused);
    }
    runAfterCommit(tx.afterCommitActions());
    return result;
  }

  /**
   * Runs {@code work} on the write connection alone, outside any transaction (a {@code VACUUM
   * INTO}, a checkpoint, closing): a group still open commits first.
   */
  void exclusive(Database.ConnectionWork work) throws SQLException {
    lock.lock();
    try {
      if (open != null) {
        finish(open);
      }
      work.run(writer);
    } finally {
      lock.unlock();
    }
  }

  /** How many writers wait for the write lock now. */
  int queued() {
    return lock.getQueueLength();
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

  /** Commits (or, after a failure, rolls back) the group and lets its writers go. */
  private void finish(Group group) {
    open = null;
    try {
      if (group.failure == null) {
        try {
          statements.run("COMMIT");
          commits.incrementAndGet();
        } catch (SQLException e) {
          group.failure = e;
          rollback(e);
        }
        if (group.failure == null) {
          // committed into the file opened; if that is no longer the one at the path, nobody hears "saved"
          checks.afterCommit();
        }
      } else {
        rollback(group.failure);
      }
    } catch (RuntimeException e) {
      group.failure = e;
    } finally {
      group.done.countDown();
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

  private static void awaitCommit(Group group) {
    boolean interrupted = false;
    while (true) {
      try {
        group.done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the answer must wait for the commit all the same
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void runAfterCommit(List<Runnable> actions) {
    for (Runnable action : actions) {
      try {
        action.run();
      } catch (RuntimeException e) {
        LOG.error("After-commit action failed", e);
      }
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
