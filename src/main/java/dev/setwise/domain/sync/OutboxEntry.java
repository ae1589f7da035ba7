package dev.setwise.domain.sync;

import dev.setwise.domain.EntityType;
import java.time.Instant;
import java.util.UUID;

/**
 * A plan or session changed on this device and not yet on the server, at the place of its first
 * change not yet sent. {@code localVersion} is its latest local version (for a deletion, the
 * version of its tombstone); {@code lastError} why the server refused it last time, or null.
 */
public record OutboxEntry(long seq, EntityType type, UUID id, long localVersion, boolean deleted, Instant queuedAt,
    String lastError) {}
