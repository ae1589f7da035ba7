package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A named workout template. {@code hasSessions} becomes true when the first session starts from
 * it; a deleted plan with sessions is {@code archived} rather than removed. {@code version} is 1
 * when created and one more on every change of name, structure or archiving (contract §5.1);
 * {@code hasSessions} turning true is not a change of the plan (docs/decisions/0020).
 */
public record Plan(UUID id, String name, SessionStructure structure, boolean hasSessions, boolean archived,
    Instant createdAt, Instant updatedAt, long version) {

  /** A plan at version 1, as it is when created (imports, tests, code written before versions). */
  public Plan(UUID id, String name, SessionStructure structure, boolean hasSessions, boolean archived,
      Instant createdAt, Instant updatedAt) {
    this(id, name, structure, hasSessions, archived, createdAt, updatedAt, 1);
  }

  public PlanSummary summary() {
    return new PlanSummary(id, name, structure.exercises().size(), hasSessions, archived, createdAt, updatedAt,
        version);
  }
}
