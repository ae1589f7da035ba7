package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/** A local user; every other row belongs to exactly one profile. */
public record Profile(UUID id, String name, Unit unit, Instant createdAt) {}
