package dev.setwise.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A session as the history list shows it, read from summary columns without the snapshot. For an
 * {@code amended} session the figures are those of its newest amendment.
 */
public record SessionSummary(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
    String name, Unit unit, int exerciseCount, int setCount, int completedSetCount, double volume,
    Instant createdAt, Instant updatedAt, long version, boolean amended) {

  /** A summary at version 1 (code written before versions). */
  public SessionSummary(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
      String name, Unit unit, int exerciseCount, int setCount, int completedSetCount, double volume,
      Instant createdAt, Instant updatedAt) {
    this(id, planId, date, startedAt, endedAt, name, unit, exerciseCount, setCount, completedSetCount, volume,
        createdAt, updatedAt, 1, false);
  }

  /** A summary of a session that was never amended. */
  public SessionSummary(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
      String name, Unit unit, int exerciseCount, int setCount, int completedSetCount, double volume,
      Instant createdAt, Instant updatedAt, long version) {
    this(id, planId, date, startedAt, endedAt, name, unit, exerciseCount, setCount, completedSetCount, volume,
        createdAt, updatedAt, version, false);
  }

  public SessionStatus status() {
    return endedAt == null ? SessionStatus.IN_PROGRESS : SessionStatus.COMPLETED;
  }
}
