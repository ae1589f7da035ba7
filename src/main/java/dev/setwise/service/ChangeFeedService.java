package dev.setwise.service;

import dev.setwise.domain.Change;
import dev.setwise.domain.ChangePage;
import dev.setwise.domain.ChangeQuery;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.store.ChangeRepository;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.StoreException;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The change feed of contract §5.1: every plan and session of a profile that changed after a
 * cursor, oldest change first, each at most once per page with its state now, deletions as
 * tombstones (kept forever). The feed is written by the schema's triggers in the transaction of
 * each change (docs/decisions/0021), so this service only reads it.
 *
 * <p>Following {@link ChangePage#nextCursor()} until {@link ChangePage#hasMore()} is false sees
 * every change exactly once: a thing changed again after the reader passed it comes again, later,
 * with its newer state; one changed several times before the reader got there comes once, as it is.
 */
public final class ChangeFeedService {

  private final Database database;
  private final ChangeRepository changes;
  private final PlanRepository plans;
  private final SessionRepository sessions;

  public ChangeFeedService(Database database, ChangeRepository changes, PlanRepository plans,
      SessionRepository sessions) {
    this.database = database;
    this.changes = changes;
    this.plans = plans;
    this.sessions = sessions;
  }

  /**
   * One page of the profile's own changes after {@code query}'s cursor. One read transaction, so the
   * page is one consistent moment of the data; any thread but the JavaFX application thread.
   * Memory is bounded by the page ({@link ChangeQuery#MAX_LIMIT} entries).
   *
   * @throws StoreException when the database fails
   */
  public ChangePage page(UUID profileId, ChangeQuery query) {
    return database.read(tx -> {
      List<ChangeRepository.Row> rows = changes.after(tx, profileId, query.afterSeq(), query.limit() + 1);
      boolean hasMore = rows.size() > query.limit();
      List<ChangeRepository.Row> page = hasMore ? rows.subList(0, query.limit()) : rows;
      List<Change> found = new ArrayList<>(page.size());
      for (ChangeRepository.Row row : page) {
        found.add(change(tx, profileId, row));
      }
      String next = page.isEmpty() ? query.cursor() : ChangeQuery.cursorAfter(page.get(page.size() - 1).seq());
      return new ChangePage(found, next, hasMore);
    });
  }

  private Change change(Tx tx, UUID profileId, ChangeRepository.Row row) throws SQLException {
    if (row.deleted()) {
      return Change.deletion(row.entityType(), row.id(), row.version());
    }
    // The feed row and the entity are written in one transaction and read in one: they agree.
    if (row.entityType() == EntityType.PLAN) {
      Plan plan = plans.find(tx, profileId, row.id())
          .orElseThrow(() -> new StoreException("The change feed names plan " + row.id() + ", which is missing"));
      return Change.of(plan);
    }
    Session session = sessions.find(tx, profileId, row.id())
        .orElseThrow(() -> new StoreException("The change feed names session " + row.id() + ", which is missing"));
    return Change.of(session);
  }
}
