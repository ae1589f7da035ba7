package dev.setwise.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One execution of a workout with its snapshot. {@code planId} is null only for sessions that
 * came from elsewhere (an import from another app, a workout logged on another device) without a
 * plan. {@code version} is 1 when created and one more on every change (contract §5.1).
 * {@code structure} is what the session holds now: for an {@code amended} session, its newest
 * amendment (the original stays recorded, see {@link SessionAmendment}).
 */
public record Session(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
    SessionStructure structure, Instant createdAt, Instant updatedAt, long version, boolean amended) {

  /** A session at version 1, as it is when created (imports, tests, code written before versions). */
  public Session(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
      SessionStructure structure, Instant createdAt, Instant updatedAt) {
    this(id, planId, date, startedAt, endedAt, structure, createdAt, updatedAt, 1, false);
  }

  /** A session that was never amended. */
  public Session(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
      SessionStructure structure, Instant createdAt, Instant updatedAt, long version) {
    this(id, planId, date, startedAt, endedAt, structure, createdAt, updatedAt, version, false);
  }

  public SessionStatus status() {
    return endedAt == null ? SessionStatus.IN_PROGRESS : SessionStatus.COMPLETED;
  }

  public boolean completed() {
    return endedAt != null;
  }
}
