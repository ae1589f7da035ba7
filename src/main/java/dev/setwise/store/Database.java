package dev.setwise.store;

import dev.setwise.domain.StorageException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the SQLite file: its pragmas, its migrations and every transaction on it.
 *
 * <p>Durability first: WAL with {@code synchronous=FULL}, so a committed write survives a crash or
 * a power cut. One writer: {@link #write} runs under a fair lock on the single write connection and
 * begins {@code IMMEDIATE}, so writers in this process queue in order and another process waits on
 * {@code busy_timeout}. Writers that queue up behind each other share one commit ({@link
 * GroupCommit}, docs/decisions/0046): each runs in a savepoint of its own, and none is answered
 * before the commit that holds its change. Reads run on a small pool of separate connections and see a consistent
 * snapshot while a write is under way.
 *
 * <p>Opening checks the file first and writes nothing until it passes ({@link OpenChecks}: not a
 * database, damaged header, a leftover {@code -wal} that is not its own, missing or empty beside
 * backups, a newer schema). On a full disk, where SQLite cannot make the {@code -shm} index a WAL
 * reader needs, the database opens for reading only, on one connection that keeps that index in
 * memory, and every write fails saying the disk is full. Every read first checks that the file at
 * the path is still the one opened ({@link FileIdentity}); a write transaction checks as it begins
 * and again after its commit (once for all the units of a group), so no write into a file moved
 * aside is ever reported as saved. Failures a person can act on
 * (disk full, damaged, replaced) are {@link StorageException}s; anything else is a
 * {@link StoreException}.
 *
 * <p>On PostgreSQL ({@link #openPostgres}, {@code setwise serve --database}) every transaction goes
 * to a {@link PostgresEngine} instead, with the same contract: nothing above this class knows
 * which database it is on (docs/decisions/0037). The SQLite file's own concerns (the path, a full
 * disk, the checks of the file) do not apply there.
 */
public final class Database implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  /** As many as the REST server runs requests at once, so that a read never waits for a connection; opened when first needed. */
  private static final int READERS = 16;

  private final Path file;
  /** Null when the database is open for reading only (a full disk). */
  private final Connection writer;
  private final boolean readOnly;
  private final FileIdentity identity;
  /** This database's random id, written into page 1 ({@code user_version}) by the first write of each WAL: see {@link WalFile}. */
  private final int databaseId;
  /** The write connection's transactions (null on PostgreSQL and when open for reading only). */
  private final GroupCommit writes;
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
  /** The transaction of a {@link #writeUnit} running on this thread, which writes and reads join. */
  private final ThreadLocal<Tx> unit = new ThreadLocal<>();
  private final ReaderPool readers;
  /** Null on PostgreSQL and when open for reading only (no WAL index SQLite shares then). */
  private final CommitStamps stamps;
  /** The write connection's view of the WAL index (null on PostgreSQL and when open for reading only). */
  private final WalIndex walIndex;
  private volatile boolean closed;
  private volatile Runnable callerCheck = () -> {};
  /** Non-null on PostgreSQL: every transaction goes there, and none of the SQLite fields is used. */
  private final PostgresEngine postgres;
  private final String schemaVersion;

  private Database(Path file, boolean readOnly) throws SQLException {
    this.postgres = null;
    this.schemaVersion = null;
    this.file = file;
    this.readOnly = readOnly;
    this.readers = readOnly ? new ReaderPool(file, 1, () -> Connections.withoutSharedMemory(file))
        : new ReaderPool(file, READERS, () -> Connections.normal(file, false));
    this.writer = readOnly ? null : Connections.normal(file, true);
    this.databaseId = readOnly ? 0 : databaseId(writer);
    if (readOnly) {
      readers.openOne();
    }
    this.identity = FileIdentity.of(file);
    this.stamps = readOnly ? null : new CommitStamps(file);
    this.walIndex = readOnly ? null : new WalIndex(file);

    this.writes = readOnly ? null : new GroupCommit(file, writer, databaseId, new GroupCommit.Checks() {
      @Override
      public void beforeBegin() {
        ensureOpen();
        // one look at the file per write transaction: the check after its commit covers its units
        identity.check();
      }

      @Override
      public void beforeUnit() {
        ensureOpen();
        identity.checkKnown();
      }

      @Override
      public boolean mayStartAfresh() {
        return walIndex.mayStartAfresh();
      }

      @Override
      public void afterCommit() {
        identity.check();
      }
    });
  }

  private Database(PostgresEngine postgres, String schemaVersion) {
    this.postgres = postgres;
    this.schemaVersion = schemaVersion;
    this.file = null;
    this.readOnly = false;
    this.writer = null;
    this.databaseId = 0;
    this.identity = null;
    this.readers = null;
    this.stamps = null;
    this.walIndex = null;

    this.writes = null;
  }

  /**
   * Opens a PostgreSQL database and applies its pending migrations (an empty database gets the
   * whole schema). {@code administration} is for the administrative commands: a transaction that
   * acts for no profile then sees every profile. Without it (the server), such a transaction sees
   * nothing, and a role that row-level security does not bind is refused.
   *
   * @throws StorageException when the server cannot be reached, refuses the login, the role is
   *     refused, or a newer Setwise migrated the database
   * @throws StoreException when a migration fails
   */
  public static Database openPostgres(PostgresTarget target, boolean administration) {
    PostgresEngine engine = PostgresEngine.open(target,
        administration ? PostgresEngine.Role.ADMINISTRATION : PostgresEngine.Role.SERVER);
    try {
      String version = PostgresMigrations.migrate(target);
      LOG.info("Opened the database {} (PostgreSQL, schema version {})", target, version);
      return new Database(engine, version);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /** The SQLite file, or {@code user@host:port/db} on PostgreSQL. */
  @Override
  public String toString() {
    return postgres == null ? String.valueOf(file) : postgres.toString();
  }

  /** The SQL dialect of this database. */
  public Dialect dialect() {
    return postgres == null ? Dialect.SQLITE : Dialect.POSTGRESQL;
  }

  /** The schema version the database is at (the newest migration this build knows: opening applied the rest). */
  public String schemaVersion() {
    return postgres == null ? Migrations.newestKnown().getVersion() : schemaVersion;
  }

  /**
   * Which profile the transactions of the calling thread act for from now on (null: none). On
   * PostgreSQL, row-level security then admits only that profile's rows (see
   * {@link #openPostgres}); SQLite, a file of one person's data, needs no such binding and ignores it.
   */
  public void actFor(java.util.UUID profileId) {
    if (postgres != null) {
      postgres.actFor(profileId);
    }
  }

  /** Opens (creating if needed) and migrates the database at {@code file}, a file of its own. */
  public static Database open(Path file) {
    return open(file, OpenOptions.alone());
  }

  /** {@link #open(Path, OpenOptions)} of a file of its own, with {@code beforeMigration}. */
  public static Database open(Path file, BeforeMigration beforeMigration) {
    return open(file, OpenOptions.alone().withBeforeMigration(beforeMigration));
  }

  /**
   * Checks, then opens and migrates the database at {@code file}. Migration runs under an
   * exclusive file lock beside the database, so two processes never migrate at once;
   * {@code options.beforeMigration()} runs first when an existing database has pending migrations.
   *
   * @throws StorageException when the file is refused (see the class comment) or the disk is full
   *     and migrations are pending
   * @throws StoreException when it cannot be opened or migrated for another reason
   */
  public static Database open(Path file, OpenOptions options) {
    OpenChecks.Outcome checked = OpenChecks.run(file, options);
    Database database;
    try {
      // The checks read the schema history already: Flyway (most of a short command's start-up)
      // runs only when this build has migrations the database has not had.
      if (checked.fresh() || checked.migrationsPending()) {
        Migrations.migrate(file, options.beforeMigration());
      }
      database = new Database(file, false);
    } catch (StoreException | SQLException e) {
      if (!SqliteErrors.isDiskFull(e, file)) {
        throw classified(e, file);
      }
      if (checked.fresh() || checked.migrationsPending()) {
        throw SqliteErrors.diskFull(file, e);
      }
      LOG.warn("The disk holding {} is full: opening it for reading only", file, e);
      try {
        database = new Database(file, true);
      } catch (SQLException again) {
        again.addSuppressed(e);
        throw classified(again, file);
      }
    }
    if (checked.recovered() != null) {
      RecoveredCopies.applied(checked.recovered());
    }
    LOG.info("Opened database {}{}", file, database.readOnly ? " for reading only (the disk is full)" : "");
    return database;
  }

  /** The id kept in {@code user_version}, or a new random one (never 0) when the database has none yet. */
  private static int databaseId(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        java.sql.ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
      int id = rs.next() ? rs.getInt(1) : 0;
      while (id == 0) {
        id = java.util.concurrent.ThreadLocalRandom.current().nextInt();
      }
      return id;
    }
  }

  /** {@code failure} as a {@link StorageException} when SQLite said why, else as a store failure. */
  private static RuntimeException classified(Exception failure, Path file) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof StorageException storage) {
        return storage;
      }
      if (cause instanceof SQLException sql && SqliteErrors.classify(sql, file) != null) {
        return SqliteErrors.classify(sql, file);
      }
    }
    return failure instanceof RuntimeException runtime ? runtime
        : new StoreException("Could not open the database " + file.getFileName(), failure);
  }

  /** The SQLite file; null on PostgreSQL. */
  public Path file() {
    return file;
  }

  /** True when the database opened for reading only because the disk is full: every write fails. */
  public boolean readOnly() {
    return readOnly;
  }

  /**
   * What makes the database unusable now, or null while it is fine. On SQLite: its file was
   * replaced or removed since it was opened (one {@code stat}). On PostgreSQL: the server cannot be
   * reached or does not answer a query (one round trip on a connection of its own, a few seconds
   * at most). Any thread but the JavaFX one.
   */
  public String problem() {
    return postgres == null ? identity.problem() : postgres.problem();
  }

  /**
   * Runs {@code PRAGMA quick_check} on a read connection (a read transaction: writers go on).
   * Reads every page of the database, so call it where a pause is fine (a background thread, the
   * start of a server, before a backup or an export).
   *
   * @return null when the database passes, else the first problem found, in one line
   * @throws StorageException when the database cannot be read at all
   */
  public String quickCheck() {
    callerCheck.run();
    ensureOpen();
    if (postgres != null) {
      return null; // the server keeps its own pages; there is no file here to check
    }
    identity.check();
    ReaderPool.Reader reader = readers.borrow();
    try {
      return Integrity.quickCheckReused(reader.connection());
    } catch (SQLException e) {
      throw SqliteErrors.translate(e, file, "Could not check the database");
    } finally {
      readers.giveBack(reader);
    }
  }

  /**
   * {@link #quickCheck()}, failing when it finds a problem.
   *
   * @throws StorageException {@link StorageException.Reason#DAMAGED} naming the first problem
   */
  public void requireIntact() {
    String problem = quickCheck();
    if (problem != null) {
      throw SqliteErrors.damaged(file, problem, null);
    }
  }

  /**
   * Installs a check that runs on the calling thread before every {@link #read}, {@link #write},
   * {@link #writeUnit} and {@link #withWriteConnection}, and may throw to refuse the call: the desktop app refuses its UI thread, which must never wait
   * on the disk. The default check accepts every thread.
   */
  public void setCallerCheck(Runnable check) {
    this.callerCheck = check == null ? () -> {} : check;
  }

  /**
   * Runs {@code work} in one write transaction ({@code BEGIN IMMEDIATE}); commits when it returns,
   * rolls back when it throws. Business exceptions pass through unchanged; {@link SQLException}
   * becomes {@link StoreException}. Blocks while another write runs. Not re-entrant. On SQLite,
   * concurrent writers may share one transaction and its commit ({@link GroupCommit}): {@code work}
   * still runs on the calling thread, alone on the connection, undone alone when it throws, and
   * this method returns only once its change is committed.
   */
  public <T> T write(TxWork<T> work) {
    callerCheck.run();
    ensureOpen();
    if (postgres != null) {
      return postgres.write(work);
    }
    ensureWritableKnown();
    Tx enclosing = unit.get();
    if (enclosing != null) {
      return joined(enclosing, work);
    }
    return grouped(work);
  }

  /** A write on SQLite: one unit of a group's transaction, on this thread, answered after the commit. */
  private <T> T grouped(TxWork<T> work) {
    if (inTransaction.get()) {
      throw new IllegalStateException("Nested transaction: one use case, one transaction");
    }
    inTransaction.set(true);
    try {
      return writes.write(work);
    } finally {
      inTransaction.set(false);
    }
  }

  /**
   * Something that changes whenever anything is committed to the database, by any connection of
   * this process or of another, read without a transaction (one positional read of the WAL index,
   * no lock): two equal answers mean nothing was committed in between, so what a transaction read
   * after the first is still true. Null when that cannot be told (PostgreSQL, a database open for
   * reading only, a WAL index being written): read the database then. Checks first, as every
   * read does, that the file at the path is still the one opened.
   *
   * @throws StorageException {@link StorageException.Reason#REPLACED} when it is not
   */
  public Object commitStamp() {
    callerCheck.run();
    ensureOpen();
    if (stamps == null) {
      return null;
    }
    identity.check();
    return stamps.now();
  }

  /** Runs {@code work} in one read transaction on a snapshot of the database. */
  public <T> T read(TxWork<T> work) {
    callerCheck.run();
    ensureOpen();
    if (postgres != null) {
      return postgres.read(work);
    }
    identity.check();
    Tx enclosing = unit.get();
    if (enclosing != null) {
      return joined(enclosing, work);
    }
    if (inTransaction.get()) {
      throw new IllegalStateException("Nested transaction: one use case, one transaction");
    }
    ReaderPool.Reader reader = readers.borrow();
    try {
      return inTransaction(reader, work);
    } finally {
      readers.giveBack(reader);
    }
  }

  /**
   * Runs {@code work} as one write transaction that the {@link #write} and {@link #read} calls it
   * makes on this thread join, so several use cases commit or roll back together (a request and
   * the record of its answer, for instance). Each joined call runs inside a savepoint: when it
   * throws, its own changes are undone before the exception reaches {@code work}. Otherwise like
   * {@link #write}: blocks while another write runs, commits when {@code work} returns, rolls back
   * when it throws. Not re-entrant (see {@link #inUnit()}).
   */
  public <T> T writeUnit(TxWork<T> work) {
    callerCheck.run();
    ensureOpen();
    if (postgres != null) {
      return postgres.writeUnit(work);
    }
    ensureWritableKnown();
    return grouped(tx -> {
      unit.set(tx);
      try {
        return work.run(tx);
      } finally {
        unit.remove();
      }
    });
  }

  /**
   * True while a {@link #writeUnit} runs on this thread: a use case made of several others (a batch)
   * then joins it with {@link #write} instead of starting a unit of its own.
   */
  public boolean inUnit() {
    return postgres != null ? postgres.inUnit() : unit.get() != null;
  }

  /**
   * Runs a statement that must not run inside a transaction ({@code VACUUM INTO}, a checkpoint)
   * on the write connection, holding the write lock.
   */
  public void withWriteConnection(ConnectionWork work) {
    callerCheck.run();
    ensureOpen();
    if (postgres != null) {
      throw new UnsupportedOperationException("A raw write connection is a SQLite file's (VACUUM INTO, checkpoints)");
    }
    ensureWritable();
    try {
      writes.exclusive(work);
    } catch (SQLException e) {
      throw SqliteErrors.translate(e, file, "Database operation failed");
    }
  }

  /** How many times the file at the path was looked at since opening (tests); 0 on PostgreSQL. */
  long fileLooks() {
    return identity == null ? 0 : identity.looks();
  }

  /** How many times the write connection's WAL index was opened (tests); 0 on PostgreSQL. */
  int walIndexOpens() {
    return walIndex == null ? 0 : walIndex.opened();
  }

  /** How many writers wait for the write lock now (tests of group commit); 0 on PostgreSQL. */
  int queuedWriters() {
    return writes == null ? 0 : writes.queued();
  }

  /** How many write transactions have committed since opening (tests of group commit); 0 on PostgreSQL. */
  long commits() {
    return writes == null ? 0 : writes.commits();
  }

  /** Work on a raw connection outside any transaction. */
  @FunctionalInterface
  public interface ConnectionWork {
    void run(Connection connection) throws SQLException;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (postgres != null) {
      closed = true;
      postgres.close();
      return;
    }
    if (writes == null) {
      closed = true;
      if (stamps != null) {
        stamps.close();
      }
      readers.closeAll();
      LOG.info("Closed database {}", file);
      return;
    }
    try {
      writes.exclusive(connection -> {
        closed = true;
        if (stamps != null) {
          stamps.close();
        }
        readers.closeAll();
        writes.closeStatements();
        walIndex.close();
        if (identity.problem() == null) {
          try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA optimize");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
          } catch (SQLException e) {
            LOG.warn("Could not checkpoint the database on close", e);
          }
        }
        ReaderPool.close(connection);
      });
    } catch (SQLException e) {
      LOG.warn("Could not close the database cleanly", e);
    }
    LOG.info("Closed database {}", file);
  }

  /** A read transaction on a pooled connection ({@link ReadTransaction}), marked as this thread's one. */
  private <T> T inTransaction(ReaderPool.Reader reader, TxWork<T> work) {
    inTransaction.set(true);
    try {
      return ReadTransaction.run(reader, work, file);
    } finally {
      inTransaction.set(false);
    }
  }

  /**
   * A write or read inside a {@link #writeUnit}: a savepoint on the unit's transaction (in SQL:
   * the driver's own savepoints would take the connection out of the autocommit mode that
   * {@link GroupCommit} runs its transactions in).
   */
  private <T> T joined(Tx tx, TxWork<T> work) {
    int actionsBefore = tx.afterCommitActions().size();
    try {
      tx.run("SAVEPOINT joined");
      try {
        T result = work.run(tx);
        tx.run("RELEASE joined");
        return result;
      } catch (Throwable failure) {
        try {
          tx.run("ROLLBACK TO joined");
          tx.run("RELEASE joined");
        } catch (SQLException e) {
          failure.addSuppressed(e);
        }
        tx.afterCommitActions().subList(actionsBefore, tx.afterCommitActions().size()).clear();
        throw failure;
      }
    } catch (SQLException e) {
      throw SqliteErrors.translate(e, file, tx.writable() ? "Could not save the change" : "Could not read the data");
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The database is closed");
    }
  }

  /**
   * {@link #ensureWritable} without looking at the path: a write's transaction looks once, as it
   * begins, and once after its commit ({@link GroupCommit.Checks}), not once per unit.
   */
  private void ensureWritableKnown() {
    identity.checkKnown();
    if (readOnly) {
      throw SqliteErrors.diskFull(file, null);
    }
  }

  /** Refuses a write before it starts: the disk is full, or the file is no longer the one opened. */
  private void ensureWritable() {
    identity.check();
    if (readOnly) {
      throw SqliteErrors.diskFull(file, null);
    }
  }
}
