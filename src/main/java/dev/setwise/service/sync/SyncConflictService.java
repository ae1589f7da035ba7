package dev.setwise.service.sync;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.RemoteState;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncShadow;
import dev.setwise.service.AuditLog;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.SyncConflictRepository;
import dev.setwise.store.SyncRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sync conflicts: listing them with both versions, and settling one ({@code sync resolve ID --keep
 * local|remote}). Settling is local: it makes this device hold the version kept and records what the
 * server must be told, which the next sync sends (with {@code If-Match} on the server's version the
 * conflict saw, so a change made there since is a new conflict, never overwritten).
 *
 * <p>Nothing is deleted without a backup: every settlement first makes a backup of the data folder
 * ({@code before-sync-resolve}), then changes everything in one transaction. Something deleted on
 * the server can never come back there under its old id (decision 0021), so keeping this device's
 * version of it gives it a new id (and moves the workouts here that use a plan kept that way).
 *
 * <p>Each method is one transaction; any thread but the JavaFX application thread.
 */
public final class SyncConflictService {

  /** The reason of an amendment that a settlement adds to a completed session. */
  public static final String KEPT_LOCAL = "Kept this device's version when syncing";
  public static final String KEPT_REMOTE = "Kept the server's version when syncing";
  private static final String PLAN_FIRST =
      "The plan of this workout is not on this device: settle the conflict about its plan first";

  private final Database database;
  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final SyncRepository sync;
  private final SyncConflictRepository conflicts;
  private final LocalWrites writes;
  private final BackupService backups;
  private final Clock clock;

  public SyncConflictService(Database database, PlanRepository plans, SessionRepository sessions, SyncRepository sync,
      SyncConflictRepository conflicts, AuditLog audit, BackupService backups, Clock clock) {
    this.database = database;
    this.plans = plans;
    this.sessions = sessions;
    this.sync = sync;
    this.conflicts = conflicts;
    this.writes = new LocalWrites(plans, sessions, sync, audit, clock);
    this.backups = backups;
    this.clock = clock;
  }

  /** The profile's open conflicts, oldest first, each with both versions. One read transaction. */
  public List<SyncConflict> open(UUID profileId) {
    return database.read(tx -> conflicts.open(tx, profileId));
  }

  /** A conflict, open or settled. */
  public Optional<SyncConflict> find(long conflictId) {
    return database.read(tx -> conflicts.find(tx, conflictId));
  }

  /**
   * Settles an open conflict: a backup first, then in one transaction this device takes the
   * version kept, the server's next sync is prepared, and the conflict is closed with the side kept.
   *
   * @param keep {@link Keep#LOCAL} or {@link Keep#REMOTE}
   * @return the conflict as settled
   * @throws NotFoundException {@code No open conflict N} for an id that is unknown or settled
   * @throws ConflictException when keeping the server's session in progress while another one is in
   *     progress here that the conflict is not about
   * @throws dev.setwise.service.backup.BackupException when the backup fails (nothing changed)
   */
  public SyncConflict resolve(long conflictId, Keep keep) {
    if (keep == Keep.BOTH) {
      throw new IllegalArgumentException("keep local or remote");
    }
    SyncConflict found = find(conflictId).filter(SyncConflict::open)
        .orElseThrow(() -> new NotFoundException("No open conflict " + conflictId));
    backups.create(BackupReason.BEFORE_SYNC_RESOLVE);
    return database.write(tx -> {
      SyncConflict conflict = conflicts.find(tx, conflictId).filter(SyncConflict::open)
          .orElseThrow(() -> new NotFoundException("No open conflict " + conflictId));
      UUID profileId = conflict.profileId();
      switch (conflict.kind()) {
        case CHANGED_BOTH -> changedBoth(tx, profileId, conflict, keep);
        case DELETED_REMOTELY -> deletedRemotely(tx, profileId, conflict, keep);
        case DELETED_LOCALLY -> deletedLocally(tx, profileId, conflict, keep);
        case TWO_IN_PROGRESS -> twoInProgress(tx, profileId, conflict, keep);
      }
      writes.asLocal(tx, profileId);
      conflicts.resolve(tx, conflictId, keep, clock.instant());
      return conflicts.find(tx, conflictId).orElseThrow();
    });
  }

  private void changedBoth(Tx tx, UUID profileId, SyncConflict conflict, Keep keep) throws SQLException {
    EntityType type = conflict.entityType();
    UUID id = conflict.entityId();
    EntityCopy local = writes.copy(tx, profileId, type, id);
    EntityCopy remote = conflict.remote();
    if (local == null || remote == null) {
      // Deleted on one side since: settle it as that kind of conflict.
      if (local == null) {
        deletedLocally(tx, profileId, conflict, keep);
      } else {
        deletedRemotely(tx, profileId, conflict, keep);
      }
      return;
    }
    long remoteVersion = remote.version();
    if (type == EntityType.PLAN) {
      Plan theirs = remote.plan();
      if (keep == Keep.LOCAL) {
        sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, local.version(),
            SyncApplyService.planState(theirs), SyncCompare.planHash(theirs)));
        ensureQueued(tx, profileId, type, id, local.version(), false);
      } else {
        writes.asServer(tx, profileId);
        long version = writes.updatePlan(tx, profileId, local.plan(), theirs);
        Plan now = plans.find(tx, profileId, id).orElseThrow();
        sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, version,
            SyncApplyService.planState(theirs), SyncCompare.planHash(now)));
        sync.removeOutbox(tx, profileId, type, id);
      }
      return;
    }
    Session here = local.session();
    Session theirs = remote.session();
    if (keep == Keep.LOCAL) {
      if (!theirs.completed()) {
        // In progress there: the next sync writes ours over it (update, or completion with amendments).
        long base = here.completed() ? Math.max(1, local.history().get(0).version() - 1) : here.version();
        sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, base, RemoteState.IN_PROGRESS, null));
        ensureQueued(tx, profileId, type, id, here.version(), false);
        return;
      }
      // Completed there, so it is completed here too: ours travels as an amendment on top of theirs.
      long version = here.version();
      if (!here.completed()) {
        writes.asServer(tx, profileId);
        version = writes.completeLike(tx, profileId, here, theirs, remote.history());
        if (version < 0) {
          throw new IllegalStateException("a session in progress always takes a completion");
        }
        here = sessions.find(tx, profileId, id).orElseThrow();
      }
      writes.asServer(tx, profileId);
      sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, version, RemoteState.COMPLETED, null));
      writes.asLocal(tx, profileId);
      writes.amend(tx, profileId, here, local.session().structure(), KEPT_LOCAL);
      return;
    }
    writes.asServer(tx, profileId);
    if (!here.completed()) {
      long version = writes.updateSession(tx, profileId, local, theirs, remote.history());
      sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, version,
          SyncApplyService.sessionState(theirs), null));
      sync.removeOutbox(tx, profileId, type, id);
      return;
    }
    if (!theirs.completed()) {
      // Completed here, in progress there: it stays completed, holding their structure as an amendment.
      sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion,
          Math.max(1, local.history().get(0).version() - 1), RemoteState.IN_PROGRESS, null));
      writes.asLocal(tx, profileId);
      writes.amend(tx, profileId, here, theirs.structure(), KEPT_REMOTE);
      return;
    }
    long version = writes.updateSession(tx, profileId, local, theirs, remote.history());
    if (version < 0) {
      version = writes.amend(tx, profileId, here, theirs.structure(), KEPT_REMOTE);
    }
    sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, version, RemoteState.COMPLETED, null));
    sync.removeOutbox(tx, profileId, type, id);
  }

  private void deletedRemotely(Tx tx, UUID profileId, SyncConflict conflict, Keep keep) throws SQLException {
    EntityType type = conflict.entityType();
    UUID id = conflict.entityId();
    EntityCopy local = writes.copy(tx, profileId, type, id);
    if (local == null) {
      // Gone on both sides now.
      sync.removeOutbox(tx, profileId, type, id);
      sync.removeShadow(tx, profileId, type, id);
      return;
    }
    if (type == EntityType.PLAN) {
      Plan kept = keep == Keep.LOCAL ? writes.copyPlan(tx, profileId, local.plan()) : null;
      for (UUID sessionId : sync.sessionsNotOnServer(tx, profileId, id)) {
        EntityCopy session = writes.copy(tx, profileId, EntityType.SESSION, sessionId);
        writes.copySession(tx, profileId, session, kept == null ? null : kept.id());
      }
      writes.asServer(tx, profileId);
      writes.removePlan(tx, profileId, plans.find(tx, profileId, id).orElseThrow());
    } else if (keep == Keep.LOCAL) {
      writes.copySession(tx, profileId, local, local.session().planId());
      writes.asServer(tx, profileId);
    } else {
      writes.asServer(tx, profileId);
      writes.removeSession(tx, profileId, local.session());
    }
    sync.removeOutbox(tx, profileId, type, id);
    sync.removeShadow(tx, profileId, type, id);
  }

  private void deletedLocally(Tx tx, UUID profileId, SyncConflict conflict, Keep keep) throws SQLException {
    EntityType type = conflict.entityType();
    UUID id = conflict.entityId();
    EntityCopy remote = conflict.remote();
    if (remote == null) {
      sync.removeOutbox(tx, profileId, type, id);
      sync.removeShadow(tx, profileId, type, id);
      return;
    }
    RemoteState state = type == EntityType.PLAN ? SyncApplyService.planState(remote.plan())
        : SyncApplyService.sessionState(remote.session());
    if (keep == Keep.LOCAL) {
      long tombstone = sync.tombstoneVersion(tx, profileId, type, id).orElse(1L);
      sync.putShadow(tx, profileId, type, id, new SyncShadow(remote.version(), tombstone, state,
          type == EntityType.PLAN ? SyncCompare.planHash(remote.plan()) : null));
      ensureQueued(tx, profileId, type, id, tombstone, true);
      return;
    }
    writes.asServer(tx, profileId);
    long version;
    if (type == EntityType.PLAN) {
      version = writes.insertPlan(tx, profileId, remote.plan());
    } else {
      Session theirs = remote.session();
      if (!theirs.completed() && sessions.findInProgress(tx, profileId).isPresent()) {
        throw new ConflictException("Another workout is in progress here: complete or discard it first");
      }
      if (theirs.planId() != null && plans.find(tx, profileId, theirs.planId()).isEmpty()) {
        throw new ConflictException(PLAN_FIRST);
      }
      version = writes.insertSession(tx, profileId, id, theirs.planId(), theirs, remote.history());
    }
    EntityCopy now = writes.copy(tx, profileId, type, id);
    sync.putShadow(tx, profileId, type, id, new SyncShadow(remote.version(), version, state,
        type == EntityType.PLAN ? SyncCompare.planHash(now.plan()) : null));
    sync.removeOutbox(tx, profileId, type, id);
  }

  private void twoInProgress(Tx tx, UUID profileId, SyncConflict conflict, Keep keep) throws SQLException {
    UUID ours = conflict.entityId();
    EntityCopy remote = conflict.remote();
    UUID theirsId = conflict.remoteId();
    if (keep == Keep.LOCAL) {
      if (theirsId != null && remote != null) {
        // Theirs is discarded on the server first, then ours is started there.
        sync.putShadow(tx, profileId, EntityType.SESSION, theirsId,
            new SyncShadow(remote.version(), 1, RemoteState.IN_PROGRESS, null));
        sync.enqueueAtEnd(tx, profileId, EntityType.SESSION, theirsId, 1, true, clock.instant());
      }
      EntityCopy local = writes.copy(tx, profileId, EntityType.SESSION, ours);
      if (local != null) {
        sync.enqueueAtEnd(tx, profileId, EntityType.SESSION, ours, local.version(), false, clock.instant());
      }
      return;
    }
    EntityCopy local = writes.copy(tx, profileId, EntityType.SESSION, ours);
    if (local != null) {
      boolean onServer = sync.shadow(tx, profileId, EntityType.SESSION, ours).isPresent();
      if (onServer) {
        writes.removeSession(tx, profileId, local.session());
      } else {
        writes.asServer(tx, profileId);
        writes.removeSession(tx, profileId, local.session());
        sync.removeOutbox(tx, profileId, EntityType.SESSION, ours);
      }
    }
    if (remote == null || theirsId == null) {
      return;
    }
    writes.asServer(tx, profileId);
    Session theirs = remote.session();
    if (theirs.planId() != null && plans.find(tx, profileId, theirs.planId()).isEmpty()) {
      throw new ConflictException(PLAN_FIRST);
    }
    if (sessions.find(tx, profileId, theirsId).isEmpty()) {
      long version = writes.insertSession(tx, profileId, theirsId, theirs.planId(), theirs, remote.history());
      sync.putShadow(tx, profileId, EntityType.SESSION, theirsId, new SyncShadow(remote.version(), version,
          SyncApplyService.sessionState(theirs), null));
    }
  }

  /** Makes sure the entity waits in the outbox (where it is, or at the end). */
  private void ensureQueued(Tx tx, UUID profileId, EntityType type, UUID id, long localVersion, boolean deleted)
      throws SQLException {
    if (sync.outboxEntry(tx, profileId, type, id).isEmpty()) {
      sync.enqueueAtEnd(tx, profileId, type, id, localVersion, deleted, clock.instant());
    } else {
      sync.markFailed(tx, profileId, type, id, null);
    }
  }
}
