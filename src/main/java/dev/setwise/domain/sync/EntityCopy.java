package dev.setwise.domain.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One side of a conflict, or what a sync moves: a plan, or a session with its recorded history
 * (the original first, then each amendment; just the snapshot for one in progress). Versions are
 * those of the side it comes from.
 */
public record EntityCopy(EntityType type, Plan plan, Session session, List<SessionAmendment> history) {

  public EntityCopy {
    Objects.requireNonNull(type, "type");
    history = history == null ? List.of() : List.copyOf(history);
    if (type == EntityType.PLAN ? plan == null || session != null : session == null || plan != null) {
      throw new IllegalArgumentException("a copy holds exactly the entity of its type");
    }
  }

  public static EntityCopy of(Plan plan) {
    return new EntityCopy(EntityType.PLAN, plan, null, List.of());
  }

  public static EntityCopy of(Session session, List<SessionAmendment> history) {
    return new EntityCopy(EntityType.SESSION, null, session, history);
  }

  public UUID id() {
    return plan != null ? plan.id() : session.id();
  }

  public long version() {
    return plan != null ? plan.version() : session.version();
  }

  /** The amendments after the original (empty for a session never amended, and for plans). */
  public List<SessionAmendment> amendments() {
    return history.size() <= 1 ? List.of() : history.subList(1, history.size());
  }

  /** How a person would name it: {@code plan "Strength A"}, {@code workout "Strength A" of 2026-11-24}. */
  public String title() {
    if (plan != null) {
      return "plan \"" + plan.name() + "\"";
    }
    String name = session.structure().name() == null ? "Workout" : session.structure().name();
    return "workout \"" + name + "\" of " + session.date();
  }
}
