package dev.setwise.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session as the history list shows it, read from summary columns without the snapshot. */
public record SessionSummary(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
    String name, Unit unit, int exerciseCount, int setCount, int completedSetCount, double volume,
    Instant createdAt, Instant updatedAt, long version) {

  /** A summary at version 1 (code written before versions). */
  public SessionSummary(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
      String name, Unit unit, int exerciseCount, int setCount, int completedSetCount, double volume,
      Instant createdAt, Instant updatedAt) {
    this(id, planId, date, startedAt, endedAt, name, unit, exerciseCount, setCount, completedSetCount, volume,
        createdAt, updatedAt, 1);
  }

  public SessionStatus status() {
    return endedAt == null ? SessionStatus.IN_PROGRESS : SessionStatus.COMPLETED;
  }
}
