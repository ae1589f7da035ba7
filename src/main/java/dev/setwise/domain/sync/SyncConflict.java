package dev.setwise.domain.sync;

import dev.setwise.domain.EntityType;
import java.time.Instant;
import java.util.UUID;

/**
 * A plan or session that sync could not settle alone: both versions are kept here until the user
 * chooses one. {@code local} is this device's version (null when it was deleted here),
 * {@code remote} the server's (null when it was deleted there); {@code remoteId} names the server's
 * copy when it is another entity (the other session in progress). {@code about} says in one line
 * what it is about. Open while {@code resolvedAt} is null; then {@code kept} says which side won.
 */
public record SyncConflict(long id, UUID profileId, EntityType entityType, UUID entityId, ConflictKind kind,
    String about, EntityCopy local, EntityCopy remote, UUID remoteId, Long remoteVersion, Instant createdAt,
    Instant updatedAt, Instant resolvedAt, Keep kept) {

  public boolean open() {
    return resolvedAt == null;
  }
}
