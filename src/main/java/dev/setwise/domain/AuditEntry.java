package dev.setwise.domain;

import java.time.Instant;
import java.util.Map;

/** One row of a profile's append-only audit log. {@code details} is a small JSON object as a plain tree. */
public record AuditEntry(long id, String action, String entityType, String entityId, Instant at,
    Map<String, Object> details) {}
