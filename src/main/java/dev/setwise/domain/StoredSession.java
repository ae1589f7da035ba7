package dev.setwise.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A session with its snapshot as JSON text, as an answer carries it: {@code structureJson} is a
 * valid SessionStructure in the contract's shape (the text Setwise validated and stored, or, for a
 * row it cannot vouch for, that row validated and written again). For an {@code amended} session
 * it is the newest amendment, as in {@link Session}.
 */
public record StoredSession(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
    String structureJson, Instant createdAt, Instant updatedAt, long version, boolean amended) {

  public SessionStatus status() {
    return endedAt == null ? SessionStatus.IN_PROGRESS : SessionStatus.COMPLETED;
  }
}
