package dev.setwise.service.sync;

import dev.setwise.domain.EntityType;
import java.util.UUID;

/** Which entity a change of the feed is about, and at which version of the server. */
public record ChangeKey(EntityType type, UUID id, long version) {}
