package dev.setwise.service.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.EntityCopy;
import java.util.UUID;

/**
 * A conflict found while syncing, before it is recorded: the entity (this device's, for two
 * sessions in progress), what kind it is, both versions ({@code null} for a side that deleted it),
 * and the server's entity and version when known.
 */
public record ConflictDraft(EntityType type, UUID entityId, ConflictKind kind, EntityCopy local, EntityCopy remote,
    UUID remoteId, Long remoteVersion) {}
