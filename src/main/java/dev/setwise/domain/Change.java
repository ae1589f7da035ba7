package dev.setwise.domain;

import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the change feed (contract §5.1): a plan or session as it is now, at
 * {@code version}, or its tombstone ({@code deleted}, with neither plan nor session).
 */
public record Change(EntityType entityType, UUID id, long version, boolean deleted, Plan plan, Session session) {

  public Change {
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(id, "id");
    if (deleted ? plan != null || session != null
        : (entityType == EntityType.PLAN ? plan == null || session != null : session == null || plan != null)) {
      throw new IllegalArgumentException("a change carries its entity unless it is a deletion");
    }
  }

  public static Change of(Plan plan) {
    return new Change(EntityType.PLAN, plan.id(), plan.version(), false, plan, null);
  }

  public static Change of(Session session) {
    return new Change(EntityType.SESSION, session.id(), session.version(), false, null, session);
  }

  public static Change deletion(EntityType type, UUID id, long version) {
    return new Change(type, id, version, true, null, null);
  }
}
