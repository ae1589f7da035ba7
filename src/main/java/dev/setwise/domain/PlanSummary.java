package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/** A plan as lists show it: without its structure. */
public record PlanSummary(UUID id, String name, int exerciseCount, boolean hasSessions, boolean archived,
    Instant createdAt, Instant updatedAt, long version) {

  /** A summary at version 1 (code written before versions). */
  public PlanSummary(UUID id, String name, int exerciseCount, boolean hasSessions, boolean archived,
      Instant createdAt, Instant updatedAt) {
    this(id, name, exerciseCount, hasSessions, archived, createdAt, updatedAt, 1);
  }
}
