package dev.setwise.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One execution of a workout with its snapshot. {@code planId} is null only for sessions that
 * came from elsewhere (an import from another app) without a plan.
 */
public record Session(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
    SessionStructure structure, Instant createdAt, Instant updatedAt) {

  public SessionStatus status() {
    return endedAt == null ? SessionStatus.IN_PROGRESS : SessionStatus.COMPLETED;
  }

  public boolean completed() {
    return endedAt != null;
  }
}
