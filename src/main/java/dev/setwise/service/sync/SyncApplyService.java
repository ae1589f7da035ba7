package dev.setwise.service.sync;

import dev.setwise.domain.Change;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.service.PlanService;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.ValidationException;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.RemoteState;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The receiving side of sync, local half: applies a page of the server's change feed to this
 * device, with the rules of an import (contract §5.2): the profile's own rows only, one session in
 * progress, a completed session never changed (it takes the server's amendments), every write
 * audited, all of a page in one transaction together with the cursor after it, so a crash applies
 * a page whole or not at all. What it writes is marked as the server's, so it is never sent back.
 *
 * <p>A change meets one of these here: nothing (it is inserted), the same thing (device and server
 * now agree), an unchanged older version (it is updated), or a change not yet sent: then it becomes a
 * conflict with both versions kept, unless the server's version is one this device already built on.
 *
 * <p>Each method is one transaction; any thread but the JavaFX application thread.
 */
public final class SyncApplyService {

  private final Database database;
  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final SyncRepository sync;
  private final SyncConflictRepository conflicts;
  private final LocalWrites writes;
  private final Clock clock;

  public SyncApplyService(Database database, PlanRepository plans, SessionRepository sessions, SyncRepository sync,
      SyncConflictRepository conflicts, AuditLog audit, Clock clock) {
    this.database = database;
    this.plans = plans;
    this.sessions = sessions;
    this.sync = sync;
    this.conflicts = conflicts;
    this.writes = new LocalWrites(plans, sessions, sync, audit, clock);
    this.clock = clock;
  }

  /**
   * The changes of a page that this device already agreed on with the server, at that version or a
   * later one, and has not changed since (no outbox entry, no conflict): applying them would change
   * nothing, so the puller need not even read their data (a first sync reads back everything it sent).
   * One read transaction.
   */
  public Set<UUID> agreed(UUID profileId, List<ChangeKey> keys) {
    return database.read(tx -> {
      Set<UUID> known = new HashSet<>();
      for (ChangeKey key : keys) {
        Optional<SyncShadow> shadow = sync.shadow(tx, profileId, key.type(), key.id());
        if (shadow.isPresent() && shadow.get().remoteVersion() >= key.version()
            && shadow.get().state() != RemoteState.DELETED
            && sync.outboxEntry(tx, profileId, key.type(), key.id()).isEmpty()
            && conflicts.openFor(tx, profileId, key.type(), key.id()).isEmpty()
            && (key.type() == EntityType.PLAN || conflicts.openWithRemote(tx, profileId, key.id()).isEmpty())) {
          known.add(key.id());
        }
      }
      return known;
    });
  }

  /** What the page needs fetched before {@link #apply} (see {@link PageNeeds}). One read transaction. */
  public PageNeeds needs(UUID profileId, List<Change> changes) {
    return database.read(tx -> {
      Set<UUID> livePlans = new HashSet<>();
      Set<UUID> inPage = new HashSet<>();
      for (Change change : changes) {
        inPage.add(change.id());
        if (change.entityType() == EntityType.PLAN && !change.deleted()) {
          livePlans.add(change.id());
        }
      }
      Set<UUID> planIds = new HashSet<>();
      Set<UUID> histories = new HashSet<>();
      Set<UUID> refresh = new HashSet<>();
      boolean deletes = false;
      Optional<Session> inProgressHere = sessions.findInProgress(tx, profileId);
      for (Change change : changes) {
        if (change.deleted()) {
          boolean exists = change.entityType() == EntityType.PLAN
              ? plans.find(tx, profileId, change.id()).isPresent()
              : sessions.find(tx, profileId, change.id()).isPresent();
          deletes |= exists;
          continue;
        }
        if (change.entityType() != EntityType.SESSION) {
          continue;
        }
        Session remote = change.session();
        if (remote.planId() != null && !livePlans.contains(remote.planId())
            && plans.find(tx, profileId, remote.planId()).isEmpty()) {
          planIds.add(remote.planId());
        }
        if (remote.completed() && remote.amended()) {
          Optional<Session> here = sessions.find(tx, profileId, remote.id());
          if (here.isEmpty() || !SyncCompare.sameSession(here.get(), remote)) {
            histories.add(remote.id());
          }
        }
        if (!remote.completed() && inProgressHere.isPresent()) {
          Session here = inProgressHere.get();
          if (!here.id().equals(remote.id()) && !inPage.contains(here.id())
              && sync.outboxEntry(tx, profileId, EntityType.SESSION, here.id()).isEmpty()
              && sync.shadow(tx, profileId, EntityType.SESSION, here.id()).isPresent()) {
            refresh.add(here.id());
          }
        }
      }
      return new PageNeeds(planIds, histories, refresh, deletes);
    });
  }

  /**
   * Applies a page and saves its cursor, in one write transaction. Order inside the page: the
   * refreshed sessions, the fetched plans, then plans, ended and deleted sessions, sessions in
   * progress, deleted plans (a plan before its sessions, a session ended before another starts).
   *
   * @throws ValidationException {@code The server sent data that is not valid} for a plan whose
   *     name breaks the rules (nothing of the page is applied)
   */
  public AppliedPage apply(UUID profileId, RemotePage page) {
    return database.write(tx -> {
      int[] counts = new int[2];
      writes.asServer(tx, profileId);
      for (Change change : ordered(page)) {
        Outcome outcome = change.entityType() == EntityType.PLAN
            ? applyPlan(tx, profileId, change)
            : applySession(tx, profileId, change, page.histories());
        if (outcome == Outcome.APPLIED) {
          counts[0]++;
        } else if (outcome == Outcome.CONFLICT) {
          counts[1]++;
        }
      }
      sync.saveCursor(tx, profileId, page.nextCursor());
      writes.asLocal(tx, profileId);
      return new AppliedPage(counts[0], counts[1]);
    });
  }

  private enum Outcome { APPLIED, AGREED, SKIPPED, CONFLICT }

  private static List<Change> ordered(RemotePage page) {
    List<Change> order = new ArrayList<>(page.refreshed());
    order.addAll(page.plans());
    List<Change> ended = new ArrayList<>();
    List<Change> running = new ArrayList<>();
    List<Change> deletedPlans = new ArrayList<>();
    for (Change change : page.changes()) {
      if (change.entityType() == EntityType.PLAN) {
        (change.deleted() ? deletedPlans : order).add(change);
      } else if (!change.deleted() && !change.session().completed()) {
        running.add(change);
      } else {
        ended.add(change);
      }
    }
    order.addAll(ended);
    order.addAll(running);
    order.addAll(deletedPlans);
    return order;
  }

  // ---- plans

  private Outcome applyPlan(Tx tx, UUID profileId, Change change) throws SQLException {
    UUID id = change.id();
    Plan remote = change.plan();
    if (remote != null) {
      checkName(remote);
    }
    Plan local = plans.find(tx, profileId, id).orElse(null);
    Optional<SyncConflict> open = conflicts.openFor(tx, profileId, EntityType.PLAN, id);
    if (open.isPresent()) {
      if (local != null && remote != null && SyncCompare.samePlan(local, remote)) {
        conflicts.resolve(tx, open.get().id(), Keep.BOTH, clock.instant());
        agree(tx, profileId, EntityType.PLAN, id, remote.version(), local.version(), planState(remote),
            SyncCompare.planHash(local));
        return Outcome.AGREED;
      }
      refresh(tx, profileId, open.get(), remote == null ? null : EntityCopy.of(remote), change.version());
      return Outcome.CONFLICT;
    }
    boolean dirty = sync.outboxEntry(tx, profileId, EntityType.PLAN, id).isPresent();
    SyncShadow shadow = sync.shadow(tx, profileId, EntityType.PLAN, id).orElse(null);
    if (change.deleted()) {
      if (local == null) {
        sync.removeShadow(tx, profileId, EntityType.PLAN, id);
        sync.removeOutbox(tx, profileId, EntityType.PLAN, id);
        return Outcome.AGREED;
      }
      if (dirty) {
        conflict(tx, profileId, new ConflictDraft(EntityType.PLAN, id, ConflictKind.DELETED_REMOTELY,
            EntityCopy.of(local), null, null, change.version()));
        return Outcome.CONFLICT;
      }
      List<UUID> waiting = sync.sessionsNotOnServer(tx, profileId, id);
      if (!waiting.isEmpty()) {
        ConflictDraft draft = new ConflictDraft(EntityType.PLAN, id, ConflictKind.DELETED_REMOTELY,
            EntityCopy.of(local), null, null, change.version());
        Conflicts.open(tx, conflicts, profileId, draft, ConflictText.planInUse(EntityCopy.of(local), waiting.size()),
            clock.instant());
        return Outcome.CONFLICT;
      }
      writes.removePlan(tx, profileId, local);
      sync.removeShadow(tx, profileId, EntityType.PLAN, id);
      return Outcome.APPLIED;
    }
    if (local != null && SyncCompare.samePlan(local, remote)) {
      agree(tx, profileId, EntityType.PLAN, id, remote.version(), local.version(), planState(remote),
          SyncCompare.planHash(local));
      sync.removeOutbox(tx, profileId, EntityType.PLAN, id, local.version());
      if (remote.hasSessions() && !local.hasSessions()) {
        plans.markHasSessions(tx, profileId, id);
      }
      return Outcome.AGREED;
    }
    if (dirty) {
      if (shadow != null && remote.version() <= shadow.remoteVersion()) {
        return Outcome.SKIPPED;
      }
      conflict(tx, profileId, new ConflictDraft(EntityType.PLAN, id,
          local == null ? ConflictKind.DELETED_LOCALLY : ConflictKind.CHANGED_BOTH,
          local == null ? null : EntityCopy.of(local), EntityCopy.of(remote), null, remote.version()));
      return Outcome.CONFLICT;
    }
    long version = local == null ? writes.insertPlan(tx, profileId, remote)
        : writes.updatePlan(tx, profileId, local, remote);
    Plan now = plans.find(tx, profileId, id).orElseThrow();
    agree(tx, profileId, EntityType.PLAN, id, remote.version(), version, planState(remote), SyncCompare.planHash(now));
    return Outcome.APPLIED;
  }

  // ---- sessions

  private Outcome applySession(Tx tx, UUID profileId, Change change, Map<UUID, List<SessionAmendment>> histories)
      throws SQLException {
    UUID id = change.id();
    Session remote = change.session();
    List<SessionAmendment> remoteHistory = remote == null ? List.of() : histories.getOrDefault(id, List.of());
    EntityCopy remoteCopy = remote == null ? null : EntityCopy.of(remote, remoteHistory);
    Optional<SyncConflict> blocking = conflicts.openWithRemote(tx, profileId, id);
    if (blocking.isPresent() && blocking.get().kind() == ConflictKind.TWO_IN_PROGRESS) {
      if (remote != null && !remote.completed()) {
        refresh(tx, profileId, blocking.get(), remoteCopy, remote.version());
        return Outcome.CONFLICT;
      }
      // The other session ended (or went): two in progress is over by itself, and both are kept.
      conflicts.resolve(tx, blocking.get().id(), Keep.BOTH, clock.instant());
    }
    EntityCopy local = writes.copy(tx, profileId, EntityType.SESSION, id);
    Optional<SyncConflict> open = conflicts.openFor(tx, profileId, EntityType.SESSION, id);
    if (open.isPresent()) {
      if (local != null && remote != null && open.get().kind() != ConflictKind.TWO_IN_PROGRESS
          && SyncCompare.sameSession(local.session(), remote)) {
        conflicts.resolve(tx, open.get().id(), Keep.BOTH, clock.instant());
        agree(tx, profileId, EntityType.SESSION, id, remote.version(), local.version(), sessionState(remote), null);
        return Outcome.AGREED;
      }
      if (open.get().kind() != ConflictKind.TWO_IN_PROGRESS) {
        refresh(tx, profileId, open.get(), remoteCopy, change.version());
        return Outcome.CONFLICT;
      }
    }
    boolean dirty = sync.outboxEntry(tx, profileId, EntityType.SESSION, id).isPresent();
    SyncShadow shadow = sync.shadow(tx, profileId, EntityType.SESSION, id).orElse(null);
    if (change.deleted()) {
      if (local == null) {
        sync.removeShadow(tx, profileId, EntityType.SESSION, id);
        sync.removeOutbox(tx, profileId, EntityType.SESSION, id);
        return Outcome.AGREED;
      }
      if (dirty) {
        conflict(tx, profileId, new ConflictDraft(EntityType.SESSION, id, ConflictKind.DELETED_REMOTELY, local, null,
            null, change.version()));
        return Outcome.CONFLICT;
      }
      writes.removeSession(tx, profileId, local.session());
      sync.removeShadow(tx, profileId, EntityType.SESSION, id);
      return Outcome.APPLIED;
    }
    if (local != null && SyncCompare.sameSession(local.session(), remote)) {
      agree(tx, profileId, EntityType.SESSION, id, remote.version(), local.version(), sessionState(remote), null);
      sync.removeOutbox(tx, profileId, EntityType.SESSION, id, local.version());
      return Outcome.AGREED;
    }
    if (dirty) {
      if (shadow != null && remote.version() <= shadow.remoteVersion()) {
        return Outcome.SKIPPED;
      }
      conflict(tx, profileId, new ConflictDraft(EntityType.SESSION, id,
          local == null ? ConflictKind.DELETED_LOCALLY : ConflictKind.CHANGED_BOTH, local, remoteCopy, null,
          remote.version()));
      return Outcome.CONFLICT;
    }
    if (remote.amended() && remoteHistory.isEmpty()) {
      throw invalid("the history of amended session " + id + " is missing");
    }
    if (local == null) {
      if (!remote.completed()) {
        Optional<Session> other = sessions.findInProgress(tx, profileId);
        if (other.isPresent()) {
          EntityCopy here = writes.copy(tx, profileId, EntityType.SESSION, other.get().id());
          conflict(tx, profileId, new ConflictDraft(EntityType.SESSION, other.get().id(), ConflictKind.TWO_IN_PROGRESS,
              here, remoteCopy, id, remote.version()));
          return Outcome.CONFLICT;
        }
      }
      if (remote.planId() != null && plans.find(tx, profileId, remote.planId()).isEmpty()) {
        // Its plan cannot be here (deleted here, and that is in conflict): the workout waits in a
        // conflict of its own, kept whole, rather than holding up everything after it.
        ConflictDraft draft = new ConflictDraft(EntityType.SESSION, id, ConflictKind.DELETED_LOCALLY, null,
            remoteCopy, null, remote.version());
        Conflicts.open(tx, conflicts, profileId, draft, ConflictText.planGoneHere(remoteCopy), clock.instant());
        return Outcome.CONFLICT;
      }
      long version = writes.insertSession(tx, profileId, id, remote.planId(), remote, remoteHistory);
      agree(tx, profileId, EntityType.SESSION, id, remote.version(), version, sessionState(remote), null);
      return Outcome.APPLIED;
    }
    long version = writes.updateSession(tx, profileId, local, remote, remoteHistory);
    if (version < 0) {
      conflict(tx, profileId, new ConflictDraft(EntityType.SESSION, id, ConflictKind.CHANGED_BOTH, local, remoteCopy,
          null, remote.version()));
      return Outcome.CONFLICT;
    }
    agree(tx, profileId, EntityType.SESSION, id, remote.version(), version, sessionState(remote), null);
    return version == local.version() ? Outcome.AGREED : Outcome.APPLIED;
  }

  // ---- helpers

  private void agree(Tx tx, UUID profileId, EntityType type, UUID id, long remoteVersion, long localVersion,
      RemoteState state, String hash) throws SQLException {
    sync.putShadow(tx, profileId, type, id, new SyncShadow(remoteVersion, localVersion, state, hash));
  }

  private void conflict(Tx tx, UUID profileId, ConflictDraft draft) throws SQLException {
    Conflicts.open(tx, conflicts, profileId, draft, clock.instant());
  }

  /** A newer server version of something in conflict: the conflict keeps it (or learns it was deleted there). */
  private void refresh(Tx tx, UUID profileId, SyncConflict open, EntityCopy remote, long remoteVersion)
      throws SQLException {
    ConflictKind kind = open.kind();
    if (kind != ConflictKind.TWO_IN_PROGRESS) {
      kind = remote == null ? (open.local() == null ? ConflictKind.DELETED_LOCALLY : ConflictKind.DELETED_REMOTELY)
          : open.local() == null ? ConflictKind.DELETED_LOCALLY : ConflictKind.CHANGED_BOTH;
    }
    EntityCopy local = writes.copy(tx, profileId, open.entityType(), open.entityId());
    ConflictDraft draft = new ConflictDraft(open.entityType(), open.entityId(), kind,
        local != null ? local : open.local(), remote, open.remoteId(), remoteVersion);
    conflicts.update(tx, open.id(), kind, ConflictText.about(draft), draft.local(), remote, open.remoteId(),
        remoteVersion, clock.instant());
  }

  static RemoteState planState(Plan plan) {
    return plan.archived() ? RemoteState.ARCHIVED : RemoteState.ACTIVE;
  }

  static RemoteState sessionState(Session session) {
    return session.completed() ? RemoteState.COMPLETED : RemoteState.IN_PROGRESS;
  }

  private static void checkName(Plan plan) {
    List<Problem> problems = PlanService.problemsOf(plan.name(), plan.structure());
    if (!problems.isEmpty()) {
      throw new ValidationException(dev.setwise.json.ResourceJson.INVALID, problems);
    }
  }

  private static ValidationException invalid(String why) {
    return new ValidationException(dev.setwise.json.ResourceJson.INVALID, List.of(new Problem("$", why)));
  }
}
