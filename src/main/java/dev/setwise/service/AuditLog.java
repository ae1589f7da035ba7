package dev.setwise.service;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Page;
import dev.setwise.store.AuditRepository;
import dev.setwise.store.Database;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * The profile's record of what it did. Entries are written by the services inside the
 * transaction of the change they describe, so they commit or vanish with it.
 */
public final class AuditLog {

  /** The most entries one page may hold. */
  public static final int MAX_LIMIT = 100;

  private final Database database;
  private final AuditRepository repository;
  private final Clock clock;

  public AuditLog(Database database, AuditRepository repository, Clock clock) {
    this.database = database;
    this.repository = repository;
    this.clock = clock;
  }

  /**
   * Appends an entry inside the caller's write transaction. Called by services only.
   *
   * @param details a small JSON object as a plain tree (strings, numbers, booleans)
   */
  public void record(Tx tx, UUID profileId, AuditAction action, String entityType, Object entityId,
      Map<String, Object> details) throws SQLException {
    repository.append(tx, profileId, action.code(), entityType, String.valueOf(entityId), clock.instant(), details);
  }

  /**
   * The profile's entries, newest first. One read transaction; any thread.
   *
   * @throws IllegalArgumentException when {@code limit} is not 1..{@value #MAX_LIMIT} or {@code offset} is negative
   * @throws dev.setwise.store.StoreException when the database fails
   */
  public Page<AuditEntry> list(UUID profileId, int limit, int offset) {
    if (limit < 1 || limit > MAX_LIMIT || offset < 0) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + " and offset >= 0");
    }
    return database.read(tx -> repository.list(tx, profileId, limit, offset));
  }
}
