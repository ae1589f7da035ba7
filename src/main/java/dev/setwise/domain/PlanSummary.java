package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/** A plan as lists show it: without its structure. */
public record PlanSummary(UUID id, String name, int exerciseCount, boolean hasSessions, boolean archived,
    Instant createdAt, Instant updatedAt) {}
