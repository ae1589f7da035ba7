package dev.setwise.service;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Sessions rules of the seed: at most one in-progress session per profile, a plan must belong
 * to whoever starts from it, a completed session never changes, start/complete/delete are audited,
 * and every read and write is scoped to the calling profile (another profile's session id behaves
 * exactly like a missing one).
 *
 * <p>Each public method is one use case in one transaction, audit row included. Call from any
 * thread but the JavaFX application thread: writes wait for the single writer and for the disk.
 * Business outcomes are {@link ValidationException}, {@link NotFoundException} and
 * {@link ConflictException} with the contract's messages; database failures are
 * {@link dev.setwise.store.StoreException}.
 */
public final class SessionService {

  /** The name of a workout started without a plan. */
  public static final String WITHOUT_PLAN_NAME = "Workout";

  private final Database database;
  private final SessionRepository sessions;
  private final PlanRepository plans;
  private final AuditLog audit;
  private final Clock clock;

  public SessionService(Database database, SessionRepository sessions, PlanRepository plans, AuditLog audit,
      Clock clock) {
    this.database = database;
    this.sessions = sessions;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Starts a session from a plan: the snapshot is the plan's structure with its targets, named
   * after the plan unless the structure names itself. {@code date} defaults to today.
   *
   * @throws ValidationException {@code Plan not found or access denied} for a missing, archived or foreign plan
   * @throws ConflictException {@code An in-progress session already exists}
   */
  public Session start(UUID profileId, UUID planId, LocalDate date) {
    return startChecked(profileId, planId, date, null);
  }

  /**
   * Starts a session with a given snapshot, as {@code POST /api/sessions} does; a {@code null}
   * structure copies the plan's. A structure without a name takes the plan's name.
   *
   * @throws ValidationException {@code Invalid session data} (with paths under {@code session}),
   *     or {@code Plan not found or access denied}
   * @throws ConflictException {@code An in-progress session already exists}
   */
  public Session start(UUID profileId, UUID planId, LocalDate date, SessionStructure structure) {
    SessionStructure checked = structure == null ? null
        : StructureValidator.check(structure, "session", Messages.INVALID_SESSION_DATA);
    return startChecked(profileId, planId, date, checked);
  }

  private Session startChecked(UUID profileId, UUID planId, LocalDate date, SessionStructure structure) {
    return database.write(tx -> {
      Plan plan = (planId == null ? Optional.<Plan>empty() : plans.find(tx, profileId, planId))
          .filter(p -> !p.archived())
          .orElseThrow(() -> new ValidationException(Messages.PLAN_NOT_FOUND_OR_DENIED));
      if (sessions.findInProgress(tx, profileId).isPresent()) {
        throw new ConflictException(Messages.SESSION_IN_PROGRESS);
      }
      SessionStructure snapshot = structure != null ? structure : plan.structure().targetsOnly();
      if (snapshot.name() == null) {
        snapshot = snapshot.withName(plan.name());
      }
      Instant now = clock.instant();
      LocalDate day = date != null ? date : LocalDate.now(clock);
      Session session = new Session(Ids.newId(), plan.id(), day, now, null, snapshot, now, now);
      sessions.insert(tx, profileId, session);
      plans.markHasSessions(tx, profileId, plan.id());
      audit.record(tx, profileId, AuditAction.SESSION_STARTED, "session", session.id(),
          Map.of("plan_id", plan.id().toString(), "date", day.toString(), "name", snapshot.name()));
      return session;
    });
  }

  /**
   * Starts a workout without a plan (the desktop app's "Start empty workout"): no exercises yet,
   * named {@value #WITHOUT_PLAN_NAME}, in {@code unit}; exercises are added as they are done. The
   * rules of a start from a plan hold: at most one session in progress per profile, audited as
   * {@code session_started} (its {@code plan_id} null). {@code date} defaults to today. One
   * transaction; not on the JavaFX thread.
   *
   * @throws ConflictException {@code An in-progress session already exists}
   */
  public Session startWithoutPlan(UUID profileId, LocalDate date, Unit unit) {
    SessionStructure snapshot = new SessionStructure(WITHOUT_PLAN_NAME, unit == null ? Unit.KG : unit, null, null,
        List.of());
    return database.write(tx -> {
      if (sessions.findInProgress(tx, profileId).isPresent()) {
        throw new ConflictException(Messages.SESSION_IN_PROGRESS);
      }
      Instant now = clock.instant();
      LocalDate day = date != null ? date : LocalDate.now(clock);
      Session session = new Session(Ids.newId(), null, day, now, null, snapshot, now, now);
      sessions.insert(tx, profileId, session);
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("plan_id", null);
      details.put("date", day.toString());
      details.put("name", snapshot.name());
      audit.record(tx, profileId, AuditAction.SESSION_STARTED, "session", session.id(), details);
      return session;
    });
  }

  /**
   * Replaces the snapshot of an in-progress session (the desktop app's autosave and
   * {@code PATCH /api/sessions/{id}}). A structure without a name keeps the current name.
   *
   * @throws ValidationException {@code Invalid session data}, or {@code Cannot update completed session}
   * @throws NotFoundException {@code Session not found}
   */
  public Session update(UUID profileId, UUID sessionId, SessionStructure structure) {
    SessionStructure checked = StructureValidator.check(structure, "session", Messages.INVALID_SESSION_DATA);
    return database.write(tx -> {
      Session current = inProgress(sessions.find(tx, profileId, sessionId));
      SessionStructure snapshot = checked.name() == null ? checked.withName(current.structure().name()) : checked;
      Instant now = clock.instant();
      sessions.write(tx, profileId, sessionId, snapshot, null, now);
      return new Session(sessionId, current.planId(), current.date(), current.startedAt(), null, snapshot,
          current.createdAt(), now);
    });
  }

  /**
   * Completes a session, optionally with a final snapshot; from then on it never changes.
   * {@code ended_at} is now. Audited as {@code session_completed}.
   *
   * @throws ValidationException {@code Invalid session data}, or {@code Cannot update completed session}
   * @throws NotFoundException {@code Session not found}
   */
  public Session complete(UUID profileId, UUID sessionId, SessionStructure finalStructure) {
    SessionStructure checked = finalStructure == null ? null
        : StructureValidator.check(finalStructure, "session", Messages.INVALID_SESSION_DATA);
    return database.write(tx -> {
      Session current = inProgress(sessions.find(tx, profileId, sessionId));
      SessionStructure snapshot = checked == null ? current.structure()
          : checked.name() == null ? checked.withName(current.structure().name()) : checked;
      Instant now = clock.instant();
      Instant endedAt = now.isBefore(current.startedAt()) ? current.startedAt() : now;
      sessions.write(tx, profileId, sessionId, snapshot, endedAt, now);
      StructureStats stats = snapshot.stats();
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("name", snapshot.name());
      details.put("completed_set_count", stats.completedSetCount());
      details.put("set_count", stats.setCount());
      details.put("volume", stats.volume());
      details.put("unit", snapshot.unit().code());
      audit.record(tx, profileId, AuditAction.SESSION_COMPLETED, "session", sessionId, details);
      return new Session(sessionId, current.planId(), current.date(), current.startedAt(), endedAt, snapshot,
          current.createdAt(), now);
    });
  }

  /**
   * Deletes a session: discards one in progress, or removes a completed one from history.
   * Audited as {@code session_deleted}.
   *
   * @throws NotFoundException {@code Session not found}
   */
  public void delete(UUID profileId, UUID sessionId) {
    database.write(tx -> {
      Session current = sessions.find(tx, profileId, sessionId)
          .orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
      sessions.delete(tx, profileId, sessionId);
      audit.record(tx, profileId, AuditAction.SESSION_DELETED, "session", sessionId,
          Map.of("status", current.status().code(), "date", current.date().toString(),
              "name", String.valueOf(current.structure().name())));
      return null;
    });
  }

  /**
   * A session with its snapshot.
   *
   * @throws NotFoundException {@code Session not found}, also for another profile's session
   */
  public Session get(UUID profileId, UUID sessionId) {
    return database.read(tx -> sessions.find(tx, profileId, sessionId))
        .orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
  }

  /** The profile's in-progress session, if any. One read transaction. */
  public Optional<Session> findInProgress(UUID profileId) {
    return database.read(tx -> sessions.findInProgress(tx, profileId));
  }

  /**
   * One page of session summaries with the total that match, read in one transaction so the two
   * agree. Never reads a snapshot.
   */
  public Page<SessionSummary> list(UUID profileId, SessionQuery query) {
    return database.read(tx -> sessions.list(tx, profileId, query));
  }

  private static Session inProgress(Optional<Session> found) {
    Session session = found.orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
    if (session.completed()) {
      throw new ValidationException(Messages.SESSION_COMPLETED);
    }
    return session;
  }
}
