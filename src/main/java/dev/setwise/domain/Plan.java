package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A named workout template. {@code hasSessions} becomes true when the first session starts from
 * it; a deleted plan with sessions is {@code archived} rather than removed.
 */
public record Plan(UUID id, String name, SessionStructure structure, boolean hasSessions, boolean archived,
    Instant createdAt, Instant updatedAt) {

  public PlanSummary summary() {
    return new PlanSummary(id, name, structure.exercises().size(), hasSessions, archived, createdAt, updatedAt);
  }
}
