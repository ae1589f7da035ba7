package dev.setwise.service.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Session;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.OutboxEntry;
import dev.setwise.domain.sync.SentMark;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncShadow;
import dev.setwise.service.AuditLog;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.SyncConflictRepository;
import dev.setwise.store.SyncRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The sending side of sync, local half: reads the outbox with what is needed to send each entry,
 * and records what sending came to. The outbox itself is written by triggers in the transaction of
 * every local change (migration V12), so no change can be missed; this service never adds a change,
 * it only takes entries out once the server has them, or moves them to the end.
 *
 * <p>Each method is one transaction; any thread but the JavaFX application thread.
 */
public final class SyncOutboxService {

  private final Database database;
  private final SyncRepository sync;
  private final SyncConflictRepository conflicts;
  private final LocalWrites writes;
  private final SessionRepository sessions;
  private final Clock clock;

  public SyncOutboxService(Database database, PlanRepository plans, SessionRepository sessions, SyncRepository sync,
      SyncConflictRepository conflicts, AuditLog audit, Clock clock) {
    this.database = database;
    this.sync = sync;
    this.conflicts = conflicts;
    this.writes = new LocalWrites(plans, sessions, sync, audit, clock);
    this.sessions = sessions;
    this.clock = clock;
  }

  /**
   * The profile's outbox entries after {@code afterSeq}, oldest first, at most {@code limit}, each
   * with the entity as it is now and what the server last agreed on, in one read transaction.
   */
  public List<PushItem> next(UUID profileId, long afterSeq, int limit) {
    return database.read(tx -> {
      List<PushItem> items = new ArrayList<>();
      for (OutboxEntry entry : sync.outbox(tx, profileId, afterSeq, limit)) {
        items.add(item(tx, profileId, entry));
      }
      return items;
    });
  }

  /** The entry of one entity, if it is in the outbox. */
  public Optional<PushItem> item(UUID profileId, EntityType type, UUID id) {
    return database.read(tx -> {
      Optional<OutboxEntry> entry = sync.outboxEntry(tx, profileId, type, id);
      return entry.isEmpty() ? Optional.<PushItem>empty() : Optional.of(item(tx, profileId, entry.get()));
    });
  }

  /**
   * Notes, before an update is sent, what it is (see {@link SentMark}), so that its answer, if lost,
   * is recognised later. One write transaction.
   */
  public void markSent(UUID profileId, EntityType type, UUID id, SentMark mark) {
    database.write(tx -> {
      sync.markSent(tx, profileId, type, id, mark);
      return null;
    });
  }

  /** How many entries wait. */
  public long size(UUID profileId) {
    return database.read(tx -> sync.outboxSize(tx, profileId));
  }

  /**
   * Records what sending came to, in one write transaction (a batch of entries: bookkeeping is
   * cheap next to a round trip, and an outcome lost in a crash is only a request sent again, which
   * the server recognises).
   */
  public void record(UUID profileId, List<PushOutcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    database.write(tx -> {
      for (PushOutcome outcome : outcomes) {
        record(tx, profileId, outcome);
      }
      return null;
    });
  }

  private void record(Tx tx, UUID profileId, PushOutcome outcome) throws SQLException {
    EntityType type = outcome.type();
    UUID id = outcome.id();
    if (outcome instanceof PushOutcome.Agreed agreed) {
      sync.putShadow(tx, profileId, type, id, agreed.shadow());
      if (agreed.done() && !sync.removeOutbox(tx, profileId, type, id, agreed.sentVersion())) {
        sync.markFailed(tx, profileId, type, id, null);
      }
    } else if (outcome instanceof PushOutcome.Deleted deleted) {
      sync.removeShadow(tx, profileId, type, id);
      sync.removeOutbox(tx, profileId, type, id, deleted.sentVersion());
    } else if (outcome instanceof PushOutcome.Deferred deferred) {
      if (deferred.shadow() != null) {
        sync.putShadow(tx, profileId, type, id, deferred.shadow());
      }
      sync.markFailed(tx, profileId, type, id, null);
      sync.moveToEnd(tx, profileId, type, id);
    } else if (outcome instanceof PushOutcome.Settled settled) {
      settleTwoInProgress(tx, profileId, settled.conflictId());
    } else if (outcome instanceof PushOutcome.Refused refused) {
      sync.markFailed(tx, profileId, type, id, refused.message());
    } else if (outcome instanceof PushOutcome.Conflicted conflicted) {
      if (conflicted.shadow() != null) {
        sync.putShadow(tx, profileId, type, id, conflicted.shadow());
      }
      sync.markFailed(tx, profileId, type, id, null);
      Conflicts.open(tx, conflicts, profileId, conflicted.draft(), clock.instant());
    }
  }

  /**
   * Two in progress is over (the session here ended): both are kept. The server's session never
   * came here (there was one in progress already), and the change feed has passed it, so it is put
   * here now from the conflict's copy; a later change of it comes through the feed as usual.
   */
  private void settleTwoInProgress(Tx tx, UUID profileId, long conflictId) throws SQLException {
    SyncConflict conflict = conflicts.find(tx, conflictId).filter(SyncConflict::open).orElse(null);
    if (conflict == null) {
      return;
    }
    conflicts.resolve(tx, conflictId, Keep.BOTH, clock.instant());
    EntityCopy remote = conflict.remote();
    if (remote == null || conflict.remoteId() == null || remote.session() == null) {
      return;
    }
    Session theirs = remote.session();
    boolean here = writes.copy(tx, profileId, EntityType.SESSION, conflict.remoteId()) != null;
    boolean planHere = theirs.planId() == null
        || writes.copy(tx, profileId, EntityType.PLAN, theirs.planId()) != null;
    boolean otherRunning = !theirs.completed() && sessions.findInProgress(tx, profileId).isPresent();
    if (here || !planHere || otherRunning) {
      return;
    }
    writes.asServer(tx, profileId);
    long version = writes.insertSession(tx, profileId, theirs.id(), theirs.planId(), theirs, remote.history());
    sync.putShadow(tx, profileId, EntityType.SESSION, theirs.id(), new SyncShadow(theirs.version(), version,
        SyncApplyService.sessionState(theirs), null));
    writes.asLocal(tx, profileId);
  }

  private PushItem item(Tx tx, UUID profileId, OutboxEntry entry) throws SQLException {
    EntityCopy local = writes.copy(tx, profileId, entry.type(), entry.id());
    SyncShadow shadow = sync.shadow(tx, profileId, entry.type(), entry.id()).orElse(null);
    SyncConflict conflict = conflicts.openFor(tx, profileId, entry.type(), entry.id()).orElse(null);
    SentMark sent = sync.sent(tx, profileId, entry.type(), entry.id()).orElse(null);
    SyncShadow planShadow = null;
    List<UUID> notOnServer = List.of();
    if (local != null && local.session() != null && local.session().planId() != null) {
      planShadow = sync.shadow(tx, profileId, EntityType.PLAN, local.session().planId()).orElse(null);
    }
    if (local != null && local.plan() != null && local.plan().archived()) {
      notOnServer = sync.sessionsNotOnServer(tx, profileId, local.plan().id());
    }
    return new PushItem(entry, local, shadow, sent, conflict, planShadow, notOnServer);
  }
}
