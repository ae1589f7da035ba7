package dev.setwise.service.sync;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.service.AuditLog;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.SyncRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The writes a sync makes to this device's plans and sessions, inside the caller's transaction and
 * through the same repositories and schema rules as every other write: the owner's rows only, one
 * session in progress, a completed session never changed (it only takes amendments), each write
 * audited with {@code "via": "sync"}. Whether a write is the server's (not echoed to the outbox) or
 * a new local change (sent next time) is the caller's choice: {@link #asServer} and {@link #asLocal}
 * set the guard row the outbox triggers look at.
 */
final class LocalWrites {

  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final SyncRepository sync;
  private final AuditLog audit;
  private final Clock clock;

  LocalWrites(PlanRepository plans, SessionRepository sessions, SyncRepository sync, AuditLog audit, Clock clock) {
    this.plans = plans;
    this.sessions = sessions;
    this.sync = sync;
    this.audit = audit;
    this.clock = clock;
  }

  /** From here on in this transaction, writes of the profile are the server's: the outbox ignores them. */
  void asServer(Tx tx, UUID profileId) throws SQLException {
    sync.beginApplying(tx, profileId);
  }

  /** From here on in this transaction, writes of the profile are local changes: the outbox records them. */
  void asLocal(Tx tx, UUID profileId) throws SQLException {
    sync.endApplying(tx, profileId);
  }

  /** The plan or session as it is here now, with a session's history; {@code null} when there is none. */
  EntityCopy copy(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    if (type == EntityType.PLAN) {
      return plans.find(tx, profileId, id).map(EntityCopy::of).orElse(null);
    }
    Session session = sessions.find(tx, profileId, id).orElse(null);
    return session == null ? null : EntityCopy.of(session, history(tx, profileId, session));
  }

  /** Original first, then each amendment; just the snapshot of one in progress or never amended. */
  List<SessionAmendment> history(Tx tx, UUID profileId, Session session) throws SQLException {
    if (!session.amended()) {
      Instant at = session.completed() ? session.endedAt() : session.updatedAt();
      return List.of(new SessionAmendment(session.version(), null, at, session.structure()));
    }
    return sessions.amendments(tx, profileId, session.id());
  }

  // ---- plans

  /**
   * Inserts the server's plan (its id, name, structure, flags and times). A plan deleted here
   * before comes back one version above its tombstone; otherwise it starts at version 1.
   *
   * @return its local version
   */
  long insertPlan(Tx tx, UUID profileId, Plan remote) throws SQLException {
    long version = sync.tombstoneVersion(tx, profileId, EntityType.PLAN, remote.id()).map(v -> v + 1).orElse(1L);
    plans.insert(tx, profileId, new Plan(remote.id(), remote.name(), remote.structure(), remote.hasSessions(),
        remote.archived(), remote.createdAt(), remote.updatedAt(), version));
    audit.record(tx, profileId, AuditAction.PLAN_CREATED, "plan", remote.id(), details("name", remote.name()));
    if (remote.archived()) {
      audit.record(tx, profileId, AuditAction.PLAN_ARCHIVED, "plan", remote.id(), details("name", remote.name()));
    }
    return version;
  }

  /**
   * Makes the local plan hold what the server's holds: name and structure, archiving (a plan is
   * never un-archived), and {@code has_sessions}.
   *
   * @return the local version now
   */
  long updatePlan(Tx tx, UUID profileId, Plan local, Plan remote) throws SQLException {
    long version = local.version();
    Instant now = clock.instant();
    if (!SyncCompare.samePlanContent(local, remote)) {
      Plan updated = new Plan(local.id(), remote.name(), remote.structure(), local.hasSessions(), local.archived(),
          local.createdAt(), now, version + 1);
      if (!plans.update(tx, profileId, updated)) {
        throw new SQLException("the plan changed during its own transaction");
      }
      version++;
      Map<String, Object> details = details("name", remote.name());
      details.put("structure_changed", !local.structure().equals(remote.structure()));
      audit.record(tx, profileId, AuditAction.PLAN_UPDATED, "plan", local.id(), details);
    }
    if (remote.archived() && !local.archived()) {
      if (!plans.archive(tx, profileId, local.id(), version, now)) {
        throw new SQLException("the plan changed during its own transaction");
      }
      version++;
      audit.record(tx, profileId, AuditAction.PLAN_ARCHIVED, "plan", local.id(), details("name", remote.name()));
    }
    if (remote.hasSessions() && !local.hasSessions()) {
      plans.markHasSessions(tx, profileId, local.id());
    }
    return version;
  }

  /** Removes a plan here, or archives it while sessions here still use it. */
  void removePlan(Tx tx, UUID profileId, Plan local) throws SQLException {
    if (plans.isReferenced(tx, profileId, local.id())) {
      if (!local.archived()) {
        plans.archive(tx, profileId, local.id(), local.version(), clock.instant());
        audit.record(tx, profileId, AuditAction.PLAN_ARCHIVED, "plan", local.id(), details("name", local.name()));
      }
      return;
    }
    plans.delete(tx, profileId, local.id(), local.version());
    audit.record(tx, profileId, AuditAction.PLAN_DELETED, "plan", local.id(), details("name", local.name()));
  }

  /** A copy of a plan under a new id (a plan kept here that the server deleted, whose id it will never take again). */
  Plan copyPlan(Tx tx, UUID profileId, Plan local) throws SQLException {
    Instant now = clock.instant();
    Plan copy = new Plan(Ids.newId(), local.name(), local.structure(), false, false, now, now);
    plans.insert(tx, profileId, copy);
    audit.record(tx, profileId, AuditAction.PLAN_CREATED, "plan", copy.id(), details("name", copy.name()));
    return copy;
  }

  // ---- sessions

  /**
   * Inserts the server's session under {@code id} with {@code planId}: its date, times, original
   * snapshot, then each amendment of {@code history} (original first). A session deleted here before
   * comes back one version above its tombstone.
   *
   * @return its local version
   * @throws dev.setwise.domain.ConflictException when another session is in progress here
   */
  long insertSession(Tx tx, UUID profileId, UUID id, UUID planId, Session remote, List<SessionAmendment> history)
      throws SQLException {
    long version = sync.tombstoneVersion(tx, profileId, EntityType.SESSION, id).map(v -> v + 1).orElse(1L);
    SessionStructure original = remote.completed() && !history.isEmpty() ? history.get(0).session()
        : remote.structure();
    Instant updatedAt = remote.completed() && !history.isEmpty() ? history.get(0).at() : remote.updatedAt();
    Session row = new Session(id, planId, remote.date(), remote.startedAt(), remote.endedAt(), original,
        remote.createdAt(), updatedAt, version);
    sessions.insert(tx, profileId, row);
    if (planId != null) {
      plans.markHasSessions(tx, profileId, planId);
    }
    Map<String, Object> started = details("date", remote.date().toString());
    started.put("name", String.valueOf(original.name()));
    if (planId != null) {
      started.put("plan_id", planId.toString());
    }
    audit.record(tx, profileId, AuditAction.SESSION_STARTED, "session", id, started);
    if (remote.completed()) {
      audit.record(tx, profileId, AuditAction.SESSION_COMPLETED, "session", id, completion(original));
    }
    return amendFrom(tx, profileId, id, version, history.size() <= 1 ? List.of() : history.subList(1, history.size()));
  }

  /**
   * Makes the local session hold what the server's holds: the snapshot of one in progress, its
   * completion (at the server's {@code ended_at}, with the original it completed with) and the
   * amendments the server has beyond the local ones.
   *
   * @return the local version now, or {@code -1} when the two cannot be joined (the local one is
   *     completed and the server's is not, or their recorded histories differ): a conflict
   */
  long updateSession(Tx tx, UUID profileId, EntityCopy local, Session remote, List<SessionAmendment> remoteHistory)
      throws SQLException {
    Session here = local.session();
    Instant now = clock.instant();
    if (!here.completed()) {
      if (!remote.completed()) {
        if (!sessions.write(tx, profileId, here.id(), remote.structure(), null, now, here.version())) {
          throw new SQLException("the session changed during its own transaction");
        }
        return here.version() + 1;
      }
      SessionStructure original = remoteHistory.isEmpty() ? remote.structure() : remoteHistory.get(0).session();
      if (!sessions.write(tx, profileId, here.id(), original, remote.endedAt(), now, here.version())) {
        throw new SQLException("the session changed during its own transaction");
      }
      audit.record(tx, profileId, AuditAction.SESSION_COMPLETED, "session", here.id(), completion(original));
      List<SessionAmendment> amendments = remoteHistory.size() <= 1 ? List.of()
          : remoteHistory.subList(1, remoteHistory.size());
      return amendFrom(tx, profileId, here.id(), here.version() + 1, amendments);
    }
    if (!remote.completed() || !SyncCompare.sameHead(here, remote)) {
      return -1;
    }
    SessionStructure theirOriginal = remoteHistory.isEmpty() ? remote.structure() : remoteHistory.get(0).session();
    if (!SyncCompare.sameRecorded(local.history().get(0).session(), theirOriginal)) {
      return -1;
    }
    List<SessionAmendment> ours = local.amendments();
    List<SessionAmendment> theirs = remoteHistory.size() <= 1 ? List.of()
        : remoteHistory.subList(1, remoteHistory.size());
    if (ours.size() > theirs.size()) {
      return -1;
    }
    for (int i = 0; i < ours.size(); i++) {
      if (!SyncCompare.sameAmendment(ours.get(i), theirs.get(i))) {
        return -1;
      }
    }
    return amendFrom(tx, profileId, here.id(), here.version(), theirs.subList(ours.size(), theirs.size()));
  }

  /** Adds one amendment to a completed session here (a resolution that keeps the other side's structure). */
  long amend(Tx tx, UUID profileId, Session here, SessionStructure structure, String reason) throws SQLException {
    return amendFrom(tx, profileId, here.id(), here.version(),
        List.of(new SessionAmendment(here.version() + 1, reason, clock.instant(), structure)));
  }

  /** Completes a session in progress here with the server's end and original, then its amendments. */
  long completeLike(Tx tx, UUID profileId, Session here, Session remote, List<SessionAmendment> remoteHistory)
      throws SQLException {
    return updateSession(tx, profileId, EntityCopy.of(here, List.of()), remote, remoteHistory);
  }

  void removeSession(Tx tx, UUID profileId, Session local) throws SQLException {
    sessions.delete(tx, profileId, local.id(), local.version());
    Map<String, Object> details = details("status", local.status().code());
    details.put("date", local.date().toString());
    details.put("name", String.valueOf(local.structure().name()));
    audit.record(tx, profileId, AuditAction.SESSION_DELETED, "session", local.id(), details);
  }

  /**
   * A copy of a session under a new id with {@code planId}, its original and amendments as they
   * are; the old one is removed first (there is one in progress at most). For a session whose id the
   * server will never take again (it deleted it), or whose plan has to change.
   *
   * @return the new id
   */
  UUID copySession(Tx tx, UUID profileId, EntityCopy local, UUID planId) throws SQLException {
    Session old = local.session();
    UUID id = Ids.newId();
    asServer(tx, profileId);
    removeSession(tx, profileId, old);
    sync.removeOutbox(tx, profileId, EntityType.SESSION, old.id());
    sync.removeShadow(tx, profileId, EntityType.SESSION, old.id());
    asLocal(tx, profileId);
    Instant now = clock.instant();
    Session moved = new Session(id, planId, old.date(), old.startedAt(), old.endedAt(), old.structure(), now, now,
        1, old.amended());
    insertSession(tx, profileId, id, planId, moved, local.history());
    return id;
  }

  private long amendFrom(Tx tx, UUID profileId, UUID id, long fromVersion, List<SessionAmendment> amendments)
      throws SQLException {
    long version = fromVersion;
    for (SessionAmendment amendment : amendments) {
      if (!sessions.amend(tx, profileId, id, amendment.session(), amendment.reason(), amendment.at(), version)) {
        throw new SQLException("the session did not take its amendment");
      }
      version++;
      Map<String, Object> details = completion(amendment.session());
      details.put("reason", amendment.reason());
      details.put("version", version);
      audit.record(tx, profileId, AuditAction.SESSION_AMENDED, "session", id, details);
    }
    return version;
  }

  private static Map<String, Object> completion(SessionStructure structure) {
    StructureStats stats = structure.stats();
    Map<String, Object> details = details("name", String.valueOf(structure.name()));
    details.put("completed_set_count", stats.completedSetCount());
    details.put("set_count", stats.setCount());
    details.put("volume", stats.volume());
    details.put("unit", structure.unit().code());
    return details;
  }

  private static Map<String, Object> details(String key, Object value) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put(key, value);
    details.put("via", "sync");
    return details;
  }
}
