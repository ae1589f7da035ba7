package dev.setwise.service;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.SessionRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks a session's writes make before they change anything, apart from the use cases in
 * {@link SessionService}: times of a session logged elsewhere, the version a caller expects, that a
 * session is still in progress; and what a started or completed session records (its name, the
 * details of its audit row). Plain functions: no transaction of their own, any thread.
 */
final class SessionChecks {

  private SessionChecks() {}

  /**
   * Times of a session logged elsewhere: never more than a few minutes ahead of this clock, an end
   * only with a start and not before it (the request readers check the latter too, with the same
   * paths; callers in process get the same answers).
   */
  static void checkTimes(Clock clock, Instant startedAt, Instant endedAt, boolean nothingToCopy) {
    Instant latest = clock.instant().plus(Duration.ofMinutes(SessionService.MAX_FUTURE_MINUTES));
    Problems problems = new Problems();
    if (endedAt != null && startedAt == null) {
      problems.add("started_at", "is required");
    }
    if (endedAt != null && startedAt != null && endedAt.isBefore(startedAt)) {
      problems.add("ended_at", "must not be before started_at");
    }
    if (endedAt != null && nothingToCopy) {
      problems.add("session", "is required when there is no plan_id");
    }
    if (startedAt != null && startedAt.isAfter(latest)) {
      problems.add("started_at", "must not be more than " + SessionService.MAX_FUTURE_MINUTES + " minutes in the future");
    }
    if (endedAt != null && endedAt.isAfter(latest)) {
      problems.add("ended_at", "must not be more than " + SessionService.MAX_FUTURE_MINUTES + " minutes in the future");
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
  }

  static void notInTheFuture(Clock clock, Instant time, String path) {
    if (time.isAfter(clock.instant().plus(Duration.ofMinutes(SessionService.MAX_FUTURE_MINUTES)))) {
      throw new ValidationException(Messages.INVALID_SESSION_DATA, List.of(new Problem(path,
          "must not be more than " + SessionService.MAX_FUTURE_MINUTES + " minutes in the future")));
    }
  }

  static SessionStructure named(SessionStructure snapshot, Plan plan) {
    return snapshot.name() == null ? snapshot.withName(plan.name()) : snapshot;
  }

  static Map<String, Object> completionDetails(SessionStructure snapshot) {
    StructureStats stats = snapshot.stats();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("name", snapshot.name());
    details.put("completed_set_count", stats.completedSetCount());
    details.put("set_count", stats.setCount());
    details.put("volume", stats.volume());
    details.put("unit", snapshot.unit().code());
    return details;
  }

  /** The session found, checked against the version the caller expects (a stale one is a 412, before anything else). */
  static Session expected(Optional<Session> found, Long expectedVersion) {
    Session session = found.orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
    if (expectedVersion != null && expectedVersion != session.version()) {
      throw changedElsewhere(session.version());
    }
    return session;
  }

  /** {@link #expected} for the head of a session (its summary, without the snapshot). */
  static SessionRepository.Head expectedHead(Optional<SessionRepository.Head> found, Long expectedVersion) {
    SessionRepository.Head head = found.orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
    if (expectedVersion != null && expectedVersion != head.version()) {
      throw changedElsewhere(head.version());
    }
    return head;
  }

  static SessionRepository.Head inProgress(SessionRepository.Head head) {
    if (head.completed()) {
      throw new ValidationException(Messages.SESSION_COMPLETED);
    }
    return head;
  }

  static PreconditionFailedException changedElsewhere(long storedVersion) {
    return new PreconditionFailedException(Messages.SESSION_CHANGED, storedVersion);
  }
}
