package dev.setwise.service;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.DoneAsTargets;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StoredSession;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
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
 * to whoever starts from it, a completed session never changes what it recorded (corrections are
 * amendments beside it, contract §5.1a), start/complete/amend/delete are audited,
 * and every read and write is scoped to the calling profile (another profile's session id behaves
 * exactly like a missing one).
 *
 * <p>Each public method is one use case in one transaction, audit row included. Call from any
 * thread but the JavaFX application thread: writes wait for the single writer and for the disk.
 * Business outcomes are {@link ValidationException}, {@link NotFoundException},
 * {@link ConflictException} and {@link PreconditionFailedException} with the contract's messages;
 * database failures are {@link dev.setwise.store.StoreException}.
 *
 * <p>Versions (contract §5.1): a session is at version 1 when created and one more after every
 * change (update, completion). The writes that change a session take an optional
 * {@code expectedVersion}, the version the caller's change was made from: when it is not the
 * stored one, nothing changes and {@code Session was changed elsewhere} is thrown. {@code null}
 * means "whatever the version" (the last write wins).
 */
public final class SessionService {

  /** How far ahead of the clock the times of a session logged elsewhere may be. */
  public static final int MAX_FUTURE_MINUTES = 5;
  /** How many amendments one session holds: corrections, not a second log (an export carries them all). */
  public static final int MAX_AMENDMENTS = 1000;

  /** The name of a workout started without a plan. */
  public static final String WITHOUT_PLAN_NAME = "Workout";

  private final Database database;
  private final SessionRepository sessions;
  private final PlanRepository plans;
  private final AuditLog audit;
  private final Clock clock;
  /** The writes of a session in progress: its snapshot replaced, its completion. */
  private final SessionWrites writes;

  public SessionService(Database database, SessionRepository sessions, PlanRepository plans, AuditLog audit,
      Clock clock) {
    this.database = database;
    this.sessions = sessions;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
    this.writes = new SessionWrites(database, sessions, audit, clock);
  }

  /**
   * Starts a session from a plan: the snapshot is the plan's structure with its targets, named
   * after the plan unless the structure names itself. {@code date} defaults to today.
   *
   * @throws ValidationException {@code Plan not found or access denied} for a missing, archived or foreign plan
   * @throws ConflictException {@code An in-progress session already exists}
   */
  public Session start(UUID profileId, UUID planId, LocalDate date) {
    return create(profileId, new SessionRequests.Create(planId, date, null));
  }

  /**
   * Starts a session with a given snapshot; a {@code null} structure copies the plan's. A
   * structure without a name takes the plan's name.
   *
   * @throws ValidationException {@code Invalid session data} (with paths under {@code session}),
   *     or {@code Plan not found or access denied}
   * @throws ConflictException {@code An in-progress session already exists}
   */
  public Session start(UUID profileId, UUID planId, LocalDate date, SessionStructure structure) {
    return create(profileId, new SessionRequests.Create(planId, date, structure));
  }

  /**
   * "Repeat this workout": starts a session in progress whose snapshot is what was done in the
   * completed session {@code sourceId} (its newest amendment), as targets ({@link DoneAsTargets}),
   * named as it was. It is started from the session's plan when that plan still exists and is not
   * archived, else without a plan. The same rules as {@link #start(UUID, UUID, LocalDate)}: one
   * session in progress per profile, audited {@code session_started} (with {@code repeated_from}).
   * {@code date} defaults to today. One write transaction; any thread but the JavaFX application
   * thread.
   *
   * @throws NotFoundException {@code Session not found}, also for another profile's session
   * @throws ValidationException {@code Only completed sessions can be repeated}
   * @throws ConflictException {@code An in-progress session already exists}
   */
  public Session startFromSession(UUID profileId, UUID sourceId, LocalDate date) {
    return database.write(tx -> {
      Session source = sessions.find(tx, profileId, sourceId)
          .orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
      if (!source.completed()) {
        throw new ValidationException(Messages.ONLY_COMPLETED_REPEATED);
      }
      if (sessions.findInProgress(tx, profileId).isPresent()) {
        throw new ConflictException(Messages.SESSION_IN_PROGRESS);
      }
      Optional<Plan> plan = source.planId() == null ? Optional.empty()
          : plans.find(tx, profileId, source.planId()).filter(p -> !p.archived());
      SessionStructure snapshot = StructureValidator.check(DoneAsTargets.session(source.structure()), "session",
          Messages.INVALID_SESSION_DATA);
      Instant now = clock.instant();
      LocalDate day = date != null ? date : LocalDate.ofInstant(now, clock.getZone());
      UUID planId = plan.map(Plan::id).orElse(null);
      Session session = new Session(Ids.newId(), planId, day, now, null, snapshot, now, now);
      sessions.insert(tx, profileId, session);
      Map<String, Object> details = new LinkedHashMap<>();
      if (planId != null) {
        plans.markHasSessions(tx, profileId, planId);
        details.put("plan_id", planId.toString());
      }
      details.put("date", day.toString());
      details.put("name", String.valueOf(snapshot.name()));
      details.put("repeated_from", sourceId.toString());
      audit.record(tx, profileId, AuditAction.SESSION_STARTED, "session", session.id(), details);
      return session;
    });
  }

  /**
   * {@code POST /api/sessions}, in one transaction:
   * <ul>
   *   <li>without {@code endedAt}, starts a session in progress as {@link #start(UUID, UUID, LocalDate,
   *       SessionStructure)} does (a plan of the caller that is not archived; one in progress per
   *       profile), at {@code startedAt} when given, else now; audited {@code session_started};</li>
   *   <li>with {@code endedAt}, records a session done elsewhere (another device, another app):
   *       created completed, audited {@code session_started} and {@code session_completed}; it is
   *       not in progress, so another session in progress does not stop it, and its plan may be
   *       none or an archived plan of the caller.</li>
   * </ul>
   * Neither time may be more than {@value #MAX_FUTURE_MINUTES} minutes ahead of the clock. The date
   * defaults to the day of {@code startedAt} (today without it) in the clock's zone. The session gets
   * the id the client chose, or a new id; an id used by any session of any profile (now, or before it
   * was deleted) is refused before any rule but the request's own validity, so a create sent again
   * (its answer lost) changes nothing.
   *
   * @throws ValidationException {@code Invalid session data} (with paths), or {@code Plan not found or access denied}
   * @throws ConflictException {@code Session already exists}, or {@code An in-progress session already exists}
   */
  public Session create(UUID profileId, SessionRequests.Create request) {
    SessionStructure checked = request.session() == null ? null
        : StructureValidator.check(request.session(), "session", Messages.INVALID_SESSION_DATA);
    Instant startedAt = Timestamps.truncate(request.startedAt());
    Instant endedAt = Timestamps.truncate(request.endedAt());
    SessionChecks.checkTimes(clock, startedAt, endedAt, request.planId() == null && checked == null);
    return database.write(tx -> {
      if (request.id() != null && sessions.idTaken(tx, request.id())) {
        throw new ConflictException(Messages.SESSION_EXISTS);
      }
      UUID id = request.id() != null ? request.id() : Ids.newId();
      return endedAt == null
          ? startInProgress(tx, profileId, id, request.planId(), request.date(), startedAt, checked)
          : recordCompleted(tx, profileId, id, request, startedAt, endedAt, checked);
    });
  }

  /** One result of {@link #createAll}: the session created, or why it was not. */
  public record Created(Session session, dev.setwise.domain.SetwiseException failure) {}

  /**
   * {@code POST /api/sessions/batch}: creates each session as {@link #create} does, all in one write
   * transaction (one commit for many sessions: a first sync sends thousands), each in a savepoint of
   * its own, so one that is refused ({@code Session already exists}, a missing plan, an invalid
   * time) changes nothing and the others are still created. Results are in the order of the
   * requests. Any thread but the JavaFX application thread.
   *
   * @throws dev.setwise.store.StoreException when the database fails (nothing is created)
   */
  public List<Created> createAll(UUID profileId, List<SessionRequests.Create> requests) {
    dev.setwise.store.TxWork<List<Created>> all = tx -> {
      List<Created> results = new java.util.ArrayList<>(requests.size());
      for (SessionRequests.Create request : requests) {
        try {
          results.add(new Created(create(profileId, request), null));
        } catch (dev.setwise.domain.SetwiseException refused) {
          results.add(new Created(null, refused));
        }
      }
      return results;
    };
    // Inside an idempotent request (a unit already) it joins that unit; each create is a savepoint.
    return database.inUnit() ? database.write(all) : database.writeUnit(all);
  }

  private Session startInProgress(Tx tx, UUID profileId, UUID id, UUID planId, LocalDate date, Instant startedAt,
      SessionStructure structure) throws SQLException {
    Plan plan = (planId == null ? Optional.<Plan>empty() : plans.find(tx, profileId, planId))
        .filter(p -> !p.archived())
        .orElseThrow(() -> new ValidationException(Messages.PLAN_NOT_FOUND_OR_DENIED));
    if (sessions.findInProgress(tx, profileId).isPresent()) {
      throw new ConflictException(Messages.SESSION_IN_PROGRESS);
    }
    SessionStructure snapshot = SessionChecks.named(structure != null ? structure : plan.structure().targetsOnly(), plan);
    Instant now = clock.instant();
    Instant started = startedAt != null ? startedAt : now;
    LocalDate day = date != null ? date : LocalDate.ofInstant(started, clock.getZone());
    Session session = new Session(id, plan.id(), day, started, null, snapshot, now, now);
    sessions.insert(tx, profileId, session);
    plans.markHasSessions(tx, profileId, plan.id());
    audit.record(tx, profileId, AuditAction.SESSION_STARTED, "session", session.id(),
        Map.of("plan_id", plan.id().toString(), "date", day.toString(), "name", snapshot.name()));
    return session;
  }

  private Session recordCompleted(Tx tx, UUID profileId, UUID id, SessionRequests.Create request, Instant startedAt,
      Instant endedAt, SessionStructure structure) throws SQLException {
    SessionStructure snapshot = structure;
    if (request.planId() != null) {
      // a session that brings its snapshot needs only the plan's name: its structure is not read
      String planName;
      if (structure != null) {
        planName = plans.findSummary(tx, profileId, request.planId())
            .orElseThrow(() -> new ValidationException(Messages.PLAN_NOT_FOUND_OR_DENIED)).name();
      } else {
        Plan plan = plans.find(tx, profileId, request.planId())
            .orElseThrow(() -> new ValidationException(Messages.PLAN_NOT_FOUND_OR_DENIED));
        snapshot = plan.structure().targetsOnly();
        planName = plan.name();
      }
      snapshot = snapshot.name() == null ? snapshot.withName(planName) : snapshot;
    }
    Instant now = clock.instant();
    LocalDate day = request.date() != null ? request.date() : LocalDate.ofInstant(startedAt, clock.getZone());
    Session session = new Session(id, request.planId(), day, startedAt, endedAt, snapshot, now, now);
    sessions.insert(tx, profileId, session);
    Map<String, Object> started = new LinkedHashMap<>();
    if (request.planId() != null) {
      plans.markHasSessions(tx, profileId, request.planId());
      started.put("plan_id", request.planId().toString());
    }
    started.put("date", day.toString());
    started.put("name", String.valueOf(snapshot.name()));
    started.put("logged", true);
    audit.record(tx, profileId, AuditAction.SESSION_STARTED, "session", id, started);
    audit.record(tx, profileId, AuditAction.SESSION_COMPLETED, "session", id, SessionChecks.completionDetails(snapshot));
    return session;
  }

  /**
   * Replaces the snapshot of an in-progress session whatever its version (the last write wins).
   *
   * @see #update(UUID, UUID, SessionStructure, Long)
   */
  public Session update(UUID profileId, UUID sessionId, SessionStructure structure) {
    return update(profileId, sessionId, structure, null);
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
   * {@code PATCH /api/sessions/{id}}) as its next version. A structure without a name keeps the
   * current name.
   *
   * @param expectedVersion the version the change was made from, or {@code null} for any
   * @throws ValidationException {@code Invalid session data}, or {@code Cannot update completed session}
   * @throws NotFoundException {@code Session not found}
   * @throws PreconditionFailedException {@code Session was changed elsewhere}: another version is stored
   */
  public Session update(UUID profileId, UUID sessionId, SessionStructure structure, Long expectedVersion) {
    return writes.update(profileId, sessionId, structure, expectedVersion).session();
  }

  /**
   * {@link #update(UUID, UUID, SessionStructure, Long)}, answering with the session as stored: its
   * snapshot is the JSON text just written, the same text a later {@link #getStored} hands back
   * ({@code PATCH /api/sessions/{id}} answers with it, instead of serialising the snapshot again).
   * Same transaction, thread and error contract.
   */
  public StoredSession updateStored(UUID profileId, UUID sessionId, SessionStructure structure,
      Long expectedVersion) {
    return writes.update(profileId, sessionId, structure, expectedVersion).stored();
  }

  /**
   * Completes a session whatever its version.
   *
   * @see #complete(UUID, UUID, SessionStructure, Long)
   */
  public Session complete(UUID profileId, UUID sessionId, SessionStructure finalStructure) {
    return complete(profileId, sessionId, finalStructure, null);
  }

  /**
   * Completes a session, optionally with a final snapshot, as its next version; from then on its
   * recorded content never changes. {@code ended_at} is now. Audited as {@code session_completed}.
   *
   * @param expectedVersion the version the completion was made from, or {@code null} for any
   * @throws ValidationException {@code Invalid session data}, or {@code Cannot update completed session}
   * @throws NotFoundException {@code Session not found}
   * @throws PreconditionFailedException {@code Session was changed elsewhere}: another version is stored
   */
  public Session complete(UUID profileId, UUID sessionId, SessionStructure finalStructure, Long expectedVersion) {
    return complete(profileId, sessionId, finalStructure, null, expectedVersion);
  }

  /**
   * Completes a session as {@link #complete(UUID, UUID, SessionStructure, Long)} does, at
   * {@code endedAt} when given (a workout completed on another device: sync sends when it really
   * ended), else now. {@code endedAt} may not be before the session started nor more than
   * {@value #MAX_FUTURE_MINUTES} minutes ahead of the clock.
   *
   * @param endedAt when the session ended, or {@code null} for now
   * @throws ValidationException {@code Invalid session data} (also for a bad {@code ended_at}),
   *     or {@code Cannot update completed session}
   * @throws NotFoundException {@code Session not found}
   * @throws PreconditionFailedException {@code Session was changed elsewhere}: another version is stored
   */
  public Session complete(UUID profileId, UUID sessionId, SessionStructure finalStructure, Instant endedAt,
      Long expectedVersion) {
    return writes.complete(profileId, sessionId, finalStructure, endedAt, expectedVersion).session();
  }

  /**
   * {@link #complete(UUID, UUID, SessionStructure, Instant, Long)}, answering with the session as
   * stored: its snapshot is the JSON text just written, the same text a later {@link #getStored}
   * hands back ({@code POST /api/sessions/{id}/complete} answers with it). Same transaction, thread
   * and error contract.
   */
  public StoredSession completeStored(UUID profileId, UUID sessionId, SessionStructure finalStructure,
      Instant endedAt, Long expectedVersion) {
    return writes.complete(profileId, sessionId, finalStructure, endedAt, expectedVersion).stored();
  }

  /**
   * Deletes a session whatever its version.
   *
   * @see #delete(UUID, UUID, Long)
   */
  public void delete(UUID profileId, UUID sessionId) {
    delete(profileId, sessionId, null);
  }

  /**
   * Deletes a session: discards one in progress, or removes a completed one from history.
   * Audited as {@code session_deleted}.
   *
   * @param expectedVersion the version the deletion was decided on, or {@code null} for any
   * @throws NotFoundException {@code Session not found}
   * @throws PreconditionFailedException {@code Session was changed elsewhere}: another version is stored
   */
  public void delete(UUID profileId, UUID sessionId, Long expectedVersion) {
    database.write(tx -> {
      Session current = SessionChecks.expected(sessions.find(tx, profileId, sessionId), expectedVersion);
      if (!sessions.delete(tx, profileId, sessionId, current.version())) {
        throw SessionChecks.changedElsewhere(current.version());
      }
      audit.record(tx, profileId, AuditAction.SESSION_DELETED, "session", sessionId,
          Map.of("status", current.status().code(), "date", current.date().toString(),
              "name", String.valueOf(current.structure().name())));
      return null;
    });
  }

  /**
   * Amends a completed session, whatever its version.
   *
   * @see #amend(UUID, UUID, SessionStructure, String, Long)
   */
  public Session amend(UUID profileId, UUID sessionId, SessionStructure structure, String reason) {
    return amend(profileId, sessionId, structure, reason, null);
  }

  /**
   * Corrects a completed session (contract §5.1a): {@code structure} becomes what the session
   * holds, as its next version, with {@code reason} (1..{@value SessionRequests#MAX_REASON}
   * characters, trimmed) recorded beside it. The original snapshot and every earlier amendment stay
   * exactly as they were (the schema refuses any change to them); summaries, lists and volume use
   * the newest amendment from then on, and the change feed reports it as a change of the session.
   * A structure without a name keeps the session's name. Audited as {@code session_amended} with
   * the reason, in the same transaction. One write transaction; any thread but the JavaFX
   * application thread.
   *
   * @param expectedVersion the version the correction was made from, or {@code null} for any
   * @return the session as it is now: amended, one version on
   * @throws ValidationException {@code Invalid session data} (paths under {@code session}, and
   *     {@code reason}; {@code session} once it holds {@value #MAX_AMENDMENTS} amendments), or
   *     {@code Only completed sessions can be amended} for one in progress
   * @throws NotFoundException {@code Session not found}, also for another profile's session
   * @throws PreconditionFailedException {@code Session was changed elsewhere}: another version is stored
   */
  public Session amend(UUID profileId, UUID sessionId, SessionStructure structure, String reason,
      Long expectedVersion) {
    return amend(profileId, sessionId, structure, reason, null, expectedVersion);
  }

  /**
   * Amends a completed session as {@link #amend(UUID, UUID, SessionStructure, String, Long)} does,
   * recorded at {@code at} when given (an amendment made on another device, sent by sync), else now;
   * {@code at} may not be more than {@value #MAX_FUTURE_MINUTES} minutes ahead of the clock.
   *
   * @param at when the amendment was made, or {@code null} for now
   */
  public Session amend(UUID profileId, UUID sessionId, SessionStructure structure, String reason, Instant at,
      Long expectedVersion) {
    return writes.amend(profileId, sessionId, structure, reason, at, expectedVersion);
  }

  /**
   * Every recorded state of a session, oldest first: the original as it was completed (reason
   * null), then each amendment with its reason (contract §5.1a). A session never amended has just
   * its original; one in progress, just its snapshot so far. One read transaction; any thread but
   * the JavaFX application thread.
   *
   * @throws NotFoundException {@code Session not found}, also for another profile's session
   */
  public List<SessionAmendment> amendments(UUID profileId, UUID sessionId) {
    List<SessionAmendment> found = database.read(tx -> sessions.amendments(tx, profileId, sessionId));
    if (found.isEmpty()) {
      throw new NotFoundException(Messages.SESSION_NOT_FOUND);
    }
    return found;
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

  /**
   * A session with its snapshot as JSON text, for answers that carry it as it is ({@code GET
   * /api/sessions/{id}}): a snapshot Setwise wrote itself is copied, not parsed. One read
   * transaction; any thread but the JavaFX application thread.
   *
   * @throws NotFoundException {@code Session not found}, also for another profile's session
   */
  public StoredSession getStored(UUID profileId, UUID sessionId) {
    return database.read(tx -> sessions.findStored(tx, profileId, sessionId))
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

  /**
   * {@link #list} as the JSON texts of its items, each the bytes the REST list sends for one
   * session (the same as writing its summary; docs/decisions/0066): stored with the row when they
   * are those of its version, else written from its columns. One read transaction; any thread
   * but the JavaFX application thread; owner-only as {@link #list}.
   */
  public Page<byte[]> listTexts(UUID profileId, SessionQuery query) {
    return database.read(tx -> sessions.listTexts(tx, profileId, query));
  }

  /**
   * One page of session summaries without counting them: its {@code total} is -1. For the next or
   * previous page of filters whose total the caller already has (the desktop's History counts once
   * per change of filters). One read transaction; any thread but the JavaFX application thread.
   */
  public Page<SessionSummary> listPage(UUID profileId, SessionQuery query) {
    return database.read(tx -> sessions.listPage(tx, profileId, query));
  }

}
