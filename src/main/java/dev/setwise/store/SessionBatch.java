package dev.setwise.store;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Session;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many new sessions of one owner inserted in one transaction (an import): the statements of
 * {@link SessionRepository#insert} prepared once and sent in JDBC batches of {@value #SIZE}
 * sessions. The rows are exactly those of {@code insert} called once per session, in the same
 * order: the session with the check of its snapshot (V17, SQLite only; its triggers keep the
 * totals, the name index, the change feed and the outbox) and, once completed, its progress rows
 * ({@link SetLogRepository}; a new session has none to replace).
 *
 * <p>A session queued but not yet sent is not visible to queries: {@link #isQueued} says whether
 * an id is among them, and {@link #flush} sends them (also before anything reads them back). Not
 * thread-safe; close it in the transaction that made it.
 */
public final class SessionBatch implements AutoCloseable {

  /** Sessions per batch: large enough to amortise each round trip, small enough to bound memory. */
  public static final int SIZE = 500;
  /**
   * SQLite's page cache while the batch is open, in KiB (its default is 2,000). An import writes
   * rows all over the indexes of sessions and of the progress tables; with the default cache most
   * of those pages are written out to the WAL and read back many times within the transaction.
   * A fixed bound: memory stays flat however large the file.
   */
  static final int CACHE_KIB = Integer.getInteger("setwise.import.cacheKiB", 131_072);

  private final Tx tx;
  private final UUID ownerId;
  private final PreparedStatement insert;
  private final SetLogRepository.Writer derived;
  private final Set<UUID> queued = new HashSet<>();
  /** The mapper of the stored summaries. */
  private final JsonMapper mapper;
  /** The page cache setting to restore on close, or null when it was left alone. */
  private final Long cacheBefore;

  SessionBatch(Tx tx, UUID ownerId, JsonMapper mapper) throws SQLException {
    this.tx = tx;
    this.mapper = mapper;
    this.ownerId = ownerId;
    this.insert = tx.connection().prepareStatement(SessionRepository.insertSql(tx.dialect()));
    this.derived = new SetLogRepository.Writer(tx.connection());
    this.cacheBefore = tx.dialect() == Dialect.SQLITE ? setCache(tx, -CACHE_KIB) : null;
  }

  /** Sets SQLite's page cache ({@code PRAGMA cache_size}, negative: KiB) and returns what it was. */
  private static long setCache(Tx tx, long size) throws SQLException {
    try (java.sql.Statement statement = tx.connection().createStatement()) {
      long before;
      try (java.sql.ResultSet rs = statement.executeQuery("PRAGMA cache_size")) {
        rs.next();
        before = rs.getLong(1);
      }
      statement.execute("PRAGMA cache_size = " + size);
      return before;
    }
  }

  /**
   * Queues a new session with its {@linkplain SessionRepository#prepare prepared} snapshot; sends
   * the batch once it holds {@value #SIZE}.
   *
   * @throws ConflictException as {@link SessionRepository#insert}, when the batch is sent
   */
  public void add(Session session, SessionRepository.Snapshot snapshot) throws SQLException {
    SessionRepository.bindInsert(insert, tx.dialect(), mapper, ownerId, session, snapshot);
    insert.addBatch();
    if (session.completed()) {
      derived.add(ownerId.toString(), session.id().toString(), session.date().toString(),
          session.startedAt().toEpochMilli(), session.structure());
    }
    queued.add(session.id());
    if (queued.size() >= SIZE) {
      flush();
    }
  }

  /** True when a session with this id is queued and not sent yet. */
  public boolean isQueued(UUID id) {
    return queued.contains(id);
  }

  /** Sends every queued session (the sessions first: the rows derived from them refer to them). */
  public void flush() throws SQLException {
    if (queued.isEmpty()) {
      return;
    }
    try {
      insert.executeBatch();
    } catch (SQLException e) {
      throw SessionRepository.insertFailed(tx, e);
    }
    derived.flush();
    queued.clear();
  }

  /** Closes the statements; what was not {@linkplain #flush sent} is dropped. */
  @Override
  public void close() throws SQLException {
    try (insert; derived) {
      // closing them is all
    } finally {
      if (cacheBefore != null) {
        setCache(tx, cacheBefore);
      }
    }
  }
}
