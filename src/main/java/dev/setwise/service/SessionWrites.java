package dev.setwise.service;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StoredSession;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.Database;
import dev.setwise.store.InProgressSave;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The writes that change a session that exists, for {@link SessionService} (whose Javadoc holds
 * their contracts): a snapshot of a session in progress replaced (autosave, {@code PATCH}), its
 * completion, and an amendment of a completed one. Each is one write transaction; everything that
 * needs no database (validating, serialising, the summary columns) is done before the writer is
 * taken, so the writer is held only for the rule checks and the statements.
 */
final class SessionWrites {

  /** A session as just written, with the snapshot text stored: the text a later read hands back. */
  record Written(Session session, String text) {

    StoredSession stored() {
      return new StoredSession(session.id(), session.planId(), session.date(), session.startedAt(),
          session.endedAt(), text, session.createdAt(), session.updatedAt(), session.version(), session.amended());
    }
  }

  private final Database database;
  private final SessionRepository sessions;
  private final AuditLog audit;
  private final Clock clock;
  private final InProgressSave quickSave;

  SessionWrites(Database database, SessionRepository sessions, AuditLog audit, Clock clock) {
    this.database = database;
    this.sessions = sessions;
    this.quickSave = new InProgressSave(sessions::mapper);
    this.audit = audit;
    this.clock = clock;
  }

  /** {@link SessionService#update(UUID, UUID, SessionStructure, Long)}. */
  Written update(UUID profileId, UUID sessionId, SessionStructure structure, Long expectedVersion) {
    SessionStructure checked = StructureValidator.check(structure, "session", Messages.INVALID_SESSION_DATA);
    // Serialised and summed up before the writer is taken; only a structure without a name waits
    // for the session's own name, inside.
    SessionRepository.Snapshot prepared = checked.name() == null ? null : sessions.prepare(checked);
    return database.write(tx -> {
      if (prepared != null) {
        // the common save, one statement; when it changes nothing, the head read below says why
        Instant now = clock.instant();
        Optional<InProgressSave.Saved> saved = quickSave.overSameName(tx, profileId, sessionId, prepared, now,
            expectedVersion);
        if (saved.isPresent()) {
          InProgressSave.Saved s = saved.get();
          return new Written(new Session(sessionId, s.planId(), s.date(), s.startedAt(), null, prepared.structure(),
              s.createdAt(), now, s.version()), prepared.text());
        }
      }
      SessionRepository.Head current = SessionChecks.inProgress(
          SessionChecks.expectedHead(sessions.head(tx, profileId, sessionId), expectedVersion));
      SessionRepository.Snapshot snapshot = prepared != null ? prepared
          : sessions.prepare(checked.withName(stored(tx, profileId, sessionId).name()));
      Instant now = clock.instant();
      if (!sessions.write(tx, profileId, sessionId, snapshot, null, now, current.version(), current.summaryName())) {
        throw SessionChecks.changedElsewhere(current.version());
      }
      return new Written(new Session(sessionId, current.planId(), current.date(), current.startedAt(), null,
          snapshot.structure(), current.createdAt(), now, current.version() + 1), snapshot.text());
    });
  }

  /** {@link SessionService#complete(UUID, UUID, SessionStructure, Instant, Long)}. */
  Written complete(UUID profileId, UUID sessionId, SessionStructure finalStructure, Instant endedAt,
      Long expectedVersion) {
    SessionStructure checked = finalStructure == null ? null
        : StructureValidator.check(finalStructure, "session", Messages.INVALID_SESSION_DATA);
    SessionRepository.Snapshot prepared = checked == null || checked.name() == null ? null : sessions.prepare(checked);
    Instant givenEnd = Timestamps.truncate(endedAt);
    if (givenEnd != null) {
      SessionChecks.notInTheFuture(clock, givenEnd, "ended_at");
    }
    return database.write(tx -> {
      SessionRepository.Head current = SessionChecks.inProgress(
          SessionChecks.expectedHead(sessions.head(tx, profileId, sessionId), expectedVersion));
      SessionRepository.Snapshot snapshot;
      if (prepared != null) {
        snapshot = prepared;
      } else {
        // the structure as stored (read and checked: a damaged one stops here), or its name
        SessionStructure stored = stored(tx, profileId, sessionId);
        snapshot = sessions.prepare(checked == null ? stored : checked.withName(stored.name()));
      }
      Instant now = clock.instant();
      if (givenEnd != null && givenEnd.isBefore(current.startedAt())) {
        throw new ValidationException(Messages.INVALID_SESSION_DATA,
            List.of(new Problem("ended_at", "must not be before started_at")));
      }
      Instant ended = givenEnd != null ? givenEnd : now.isBefore(current.startedAt()) ? current.startedAt() : now;
      if (!sessions.write(tx, profileId, sessionId, snapshot, ended, now, current.version(),
          current.summaryName())) {
        throw SessionChecks.changedElsewhere(current.version());
      }
      audit.record(tx, profileId, AuditAction.SESSION_COMPLETED, "session", sessionId,
          SessionChecks.completionDetails(snapshot.structure()));
      return new Written(new Session(sessionId, current.planId(), current.date(), current.startedAt(), ended,
          snapshot.structure(), current.createdAt(), now, current.version() + 1, false), snapshot.text());
    });
  }

  /** {@link SessionService#amend(UUID, UUID, SessionStructure, String, Instant, Long)}. */
  Session amend(UUID profileId, UUID sessionId, SessionStructure structure, String reason, Instant at,
      Long expectedVersion) {
    Instant givenAt = Timestamps.truncate(at);
    Problems problems = new Problems();
    Instant latest = clock.instant().plus(Duration.ofMinutes(SessionService.MAX_FUTURE_MINUTES));
    if (givenAt != null && givenAt.isAfter(latest)) {
      problems.add("at", "must not be more than " + SessionService.MAX_FUTURE_MINUTES + " minutes in the future");
    }
    SessionStructure checked = null;
    if (structure == null) {
      problems.add("session", "is required");
    } else {
      try {
        checked = StructureValidator.check(structure, "session", Messages.INVALID_SESSION_DATA);
      } catch (ValidationException e) {
        e.problems().forEach(p -> problems.add(p.path(), p.message()));
      }
    }
    String why = reason == null ? "" : reason.strip();
    int length = why.codePointCount(0, why.length());
    if (length < 1 || length > SessionRequests.MAX_REASON) {
      problems.add("reason", "must be 1 to " + SessionRequests.MAX_REASON + " characters");
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    SessionStructure correction = checked;
    return database.write(tx -> {
      Session current = SessionChecks.expected(sessions.find(tx, profileId, sessionId), expectedVersion);
      if (!current.completed()) {
        throw new ValidationException(Messages.ONLY_COMPLETED_AMENDED);
      }
      if (sessions.amendmentCount(tx, profileId, sessionId) >= SessionService.MAX_AMENDMENTS) {
        throw new ValidationException(Messages.INVALID_SESSION_DATA, List.of(new Problem("session",
            "has been amended " + SessionService.MAX_AMENDMENTS + " times, the most a session holds")));
      }
      SessionStructure amended = correction.name() == null
          ? correction.withName(current.structure().name()) : correction;
      Instant now = givenAt != null ? givenAt : clock.instant();
      if (!sessions.amend(tx, profileId, sessionId, amended, why, now, current.version())) {
        throw SessionChecks.changedElsewhere(current.version());
      }
      Map<String, Object> details = SessionChecks.completionDetails(amended);
      details.put("reason", why);
      details.put("version", current.version() + 1);
      audit.record(tx, profileId, AuditAction.SESSION_AMENDED, "session", sessionId, details);
      return new Session(sessionId, current.planId(), current.date(), current.startedAt(), current.endedAt(),
          amended, current.createdAt(), now, current.version() + 1, true);
    });
  }

  /** The structure a session holds now, read in the caller's transaction (it exists: its head was just read). */
  private SessionStructure stored(Tx tx, UUID profileId, UUID sessionId) throws SQLException {
    return sessions.find(tx, profileId, sessionId)
        .orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND)).structure();
  }
}
