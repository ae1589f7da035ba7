package dev.setwise.domain;

import java.util.Set;
import java.util.UUID;

/** The bodies of the Plans API, read strictly; problems are reported as {@code Invalid plan data}. */
public final class PlanRequests {

  public static final int MAX_PLAN_NAME = 120;

  /** {@code POST /api/plans}. {@code id} is the client's choice (contract §5.1), or null for a new one. */
  public record Create(UUID id, String name, SessionStructure structure) {

    public Create(String name, SessionStructure structure) {
      this(null, name, structure);
    }
  }

  /** {@code PATCH /api/plans/{id}}: each part optional; what is absent stays as it is. */
  public record Update(String name, SessionStructure structure) {}

  private PlanRequests() {}

  public static Create create(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Create request = null;
    if (object != null) {
      object.allowOnly(Set.of("id", "name", "structure"));
      UUID id = object.uuid("id", false);
      String name = object.string("name", true, 1, MAX_PLAN_NAME);
      SessionStructure structure = StructureValidator.readPlan(object.raw("structure"), "structure", problems);
      request = new Create(id, name, structure);
    }
    problems.throwIfAny(Messages.INVALID_PLAN_DATA);
    return request;
  }

  public static Update update(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Update request = null;
    if (object != null) {
      object.allowOnly(Set.of("name", "structure"));
      String name = object.string("name", false, 1, MAX_PLAN_NAME);
      SessionStructure structure = object.has("structure")
          ? StructureValidator.readPlan(object.raw("structure"), "structure", problems) : null;
      request = new Update(name, structure);
    }
    problems.throwIfAny(Messages.INVALID_PLAN_DATA);
    return request;
  }
}
