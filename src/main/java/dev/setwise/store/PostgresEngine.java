package dev.setwise.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.setwise.domain.StorageException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transactions of a {@link Database} on PostgreSQL (docs/decisions/0037): a HikariCP pool, one
 * pooled connection per transaction, no lock in this process (PostgreSQL orders concurrent writers
 * itself, across every instance that shares the database).
 *
 * <p>Each transaction first declares who it acts for, in the same round trip as its first
 * statement: the profile bound to the calling thread ({@code SET LOCAL setwise.user_id}), so
 * row-level security admits only that profile's rows; with no profile bound, an administrative
 * engine (the {@code profile}, {@code token} and {@code migrate} commands) declares
 * {@code setwise.all_profiles}, and a server's declares nothing and sees nothing. A write of a
 * profile takes the row lock of its feed head before anything else: a profile's writes run one
 * at a time (across instances), so two retries of one idempotent request meet in order, the
 * change feed's positions commit in order, and no two writes of one profile can deadlock. Writes
 * of different profiles never wait for each other. Reads are {@code REPEATABLE READ}: a list and
 * its total, a feed page and the entities in it, come from one snapshot, as on SQLite.
 */
final class PostgresEngine implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PostgresEngine.class);
  static final int POOL_SIZE = 16;

  /** Who the engine serves. */
  enum Role {
    /** {@code setwise serve}: only the bound profile's rows; refuses a role that bypasses row-level security. */
    SERVER,
    /** The administrative commands: every profile's rows when no profile is bound. */
    ADMINISTRATION
  }

  private final HikariDataSource pool;
  private final Role role;
  private final String name;
  private final ThreadLocal<UUID> caller = new ThreadLocal<>();
  private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
  private final ThreadLocal<Tx> unit = new ThreadLocal<>();
  private final HealthProbe health;

  private PostgresEngine(HikariDataSource pool, Role role, String name, HealthProbe health) {
    this.pool = pool;
    this.role = role;
    this.name = name;
    this.health = health;
  }

  /**
   * Connects, checks the role and starts the pool.
   *
   * @throws StorageException when the server cannot be reached or refuses the login, or (for a
   *     server) the role would bypass row-level security
   */
  static PostgresEngine open(PostgresTarget target, Role role) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("setwise-postgresql");
    config.setDataSource(target.dataSource());
    config.setAutoCommit(false);
    config.setMaximumPoolSize(role == Role.SERVER ? POOL_SIZE : 2);
    config.setMinimumIdle(role == Role.SERVER ? 4 : 1);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(1);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw unreachable(target, e);
    }
    try {
      if (role == Role.SERVER) {
        refuseUnboundRole(pool, target);
      }
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new PostgresEngine(pool, role, target.toString(), new HealthProbe(target));
  }

  private static StorageException unreachable(PostgresTarget target, Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && !(cause instanceof SQLException)) {
      cause = cause.getCause();
    }
    String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
    return new StorageException(StorageException.Reason.UNREADABLE,
        "Could not connect to the database " + target + ": " + why, e);
  }

  /** A superuser or a BYPASSRLS role sees every profile's rows whatever it declares: never served. */
  private static void refuseUnboundRole(HikariDataSource pool, PostgresTarget target) {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
      boolean unbound = !rs.next() || rs.getBoolean(1) || rs.getBoolean(2);
      connection.rollback();
      if (unbound) {
        throw new StorageException(StorageException.Reason.PERMISSION_DENIED, "Setwise does not serve as the "
            + "PostgreSQL role \"" + target.user() + "\": it is a superuser or bypasses row-level security, so "
            + "one profile could see another's rows. Connect as a role without SUPERUSER and BYPASSRLS");
      }
    } catch (SQLException e) {
      throw unreachable(target, e);
    }
  }

  /** Which profile this thread's transactions act for from now on; null for none. */
  void actFor(UUID profileId) {
    if (profileId == null) {
      caller.remove();
    } else {
      caller.set(profileId);
    }
  }

  <T> T write(TxWork<T> work) {
    Tx enclosing = unit.get();
    if (enclosing != null) {
      return joined(enclosing, work);
    }
    refuseNested();
    return inTransaction(true, work);
  }

  <T> T read(TxWork<T> work) {
    Tx enclosing = unit.get();
    if (enclosing != null) {
      return joined(enclosing, work);
    }
    refuseNested();
    return inTransaction(false, work);
  }

  <T> T writeUnit(TxWork<T> work) {
    refuseNested();
    return inTransaction(true, tx -> {
      unit.set(tx);
      try {
        return work.run(tx);
      } finally {
        unit.remove();
      }
    });
  }

  /** True while a {@link #writeUnit} runs on this thread (see {@link Database#inUnit()}). */
  boolean inUnit() {
    return unit.get() != null;
  }

  private void refuseNested() {
    if (inTransaction.get()) {
      throw new IllegalStateException("Nested transaction: one use case, one transaction");
    }
  }

  private <T> T inTransaction(boolean writable, TxWork<T> work) {
    inTransaction.set(true);
    try (Connection connection = pool.getConnection()) {
      Tx tx = new Tx(connection, writable, Dialect.POSTGRESQL);
      T result;
      try {
        begin(connection, writable);
        result = work.run(tx);
        tx.closeStatements();
        connection.commit();
      } catch (Throwable failure) {
        tx.closeStatements(failure);
        try {
          connection.rollback();
        } catch (SQLException e) {
          failure.addSuppressed(e);
        }
        throw failure;
      }
      tx.runAfterCommitActions();
      return result;
    } catch (SQLException e) {
      throw new StoreException(writable ? "Could not save the change" : "Could not read the data", e);
    } finally {
      inTransaction.set(false);
    }
  }

  /**
   * The transaction's first statements, sent in one round trip with the driver's BEGIN: the
   * isolation of a read, who the transaction acts for, and a write's lock on its profile.
   */
  private void begin(Connection connection, boolean writable) throws SQLException {
    UUID who = caller.get();
    StringBuilder sql = new StringBuilder(160);
    if (!writable) {
      sql.append("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;");
    }
    if (who != null) {
      // a UUID's text is hex digits and hyphens: nothing to quote
      sql.append("SET LOCAL setwise.user_id = '").append(who).append("';");
      if (writable) {
        sql.append("SELECT 1 FROM feed_heads WHERE user_id = '").append(who).append("' FOR UPDATE;");
      }
    } else if (role == Role.ADMINISTRATION) {
      sql.append("SET LOCAL setwise.all_profiles = 'on';");
    }
    if (sql.length() > 0) {
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql.toString());
      }
    }
  }

  /** A write or read inside a {@link #writeUnit}: a savepoint on the unit's transaction. */
  private <T> T joined(Tx tx, TxWork<T> work) {
    Connection connection = tx.connection();
    int actionsBefore = tx.afterCommitActions().size();
    try {
      Savepoint savepoint = connection.setSavepoint();
      try {
        T result = work.run(tx);
        connection.releaseSavepoint(savepoint);
        return result;
      } catch (Throwable failure) {
        try {
          connection.rollback(savepoint);
          connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
          failure.addSuppressed(e);
        }
        tx.afterCommitActions().subList(actionsBefore, tx.afterCommitActions().size()).clear();
        throw failure;
      }
    } catch (SQLException e) {
      throw new StoreException(tx.writable() ? "Could not save the change" : "Could not read the data", e);
    }
  }

  /**
   * Whether the database answers a query now: null when it does, else why not, in one line. Asks
   * on a connection of its own (never waits for the pool), within {@value HealthProbe#SECONDS} s.
   */
  String problem() {
    return health.problem();
  }

  @Override
  public void close() {
    health.close();
    pool.close();
    LOG.info("Closed the connections to the database {}", name);
  }

  @Override
  public String toString() {
    return name;
  }
}
