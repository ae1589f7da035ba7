package dev.setwise.json;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.TreeObject;
import dev.setwise.domain.ValidationException;
import dev.setwise.domain.sync.EntityCopy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans, sessions and amendments in the contract's JSON shapes (PlanResponse, SessionResponse, an
 * amendment of {@code GET …/amendments}), both ways. The sync client reads what a server answers
 * with it, and conflicts keep both versions as this JSON. Reading checks every field and the
 * structure with the same rules as any input; fields it does not know are ignored (a newer server
 * may add some). Thread-safe.
 */
public final class ResourceJson {

  /** Message of the exception for a resource that breaks the rules. */
  public static final String INVALID = "The server sent data that is not valid";

  /** Built on first use (docs/decisions/0045). */
  private final LazyCodec codec = new LazyCodec(JsonLimits.STORED);

  public static Map<String, Object> planTree(Plan plan) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", plan.id().toString());
    node.put("name", plan.name());
    node.put("structure", StructureTree.toTree(plan.structure()));
    node.put("has_sessions", plan.hasSessions());
    node.put("archived", plan.archived());
    node.put("created_at", Timestamps.format(plan.createdAt()));
    node.put("updated_at", Timestamps.format(plan.updatedAt()));
    node.put("version", plan.version());
    return node;
  }

  public static Map<String, Object> sessionTree(Session session) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", session.id().toString());
    node.put("plan_id", session.planId() == null ? null : session.planId().toString());
    node.put("date", session.date().toString());
    node.put("started_at", Timestamps.format(session.startedAt()));
    node.put("ended_at", Timestamps.format(session.endedAt()));
    node.put("status", session.status().code());
    node.put("session", StructureTree.toTree(session.structure()));
    node.put("created_at", Timestamps.format(session.createdAt()));
    node.put("updated_at", Timestamps.format(session.updatedAt()));
    node.put("version", session.version());
    node.put("amended", session.amended());
    return node;
  }

  public static Map<String, Object> amendmentTree(SessionAmendment amendment) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("version", amendment.version());
    node.put("reason", amendment.reason());
    node.put("at", Timestamps.format(amendment.at()));
    node.put("session", StructureTree.toTree(amendment.session()));
    return node;
  }

  /**
   * A PlanResponse.
   *
   * @throws ValidationException {@value #INVALID}, with the path of every problem
   */
  public static Plan readPlan(Object tree, String path) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(tree, path, problems);
    Plan plan = null;
    if (object != null) {
      UUID id = object.uuid("id", true);
      String name = object.string("name", true, 1, dev.setwise.domain.PlanRequests.MAX_PLAN_NAME);
      SessionStructure structure = StructureValidator.readPlan(object.raw("structure"), object.at("structure"),
          problems);
      Boolean hasSessions = object.bool("has_sessions", false);
      Boolean archived = object.bool("archived", false);
      Instant createdAt = object.instant("created_at", true);
      Instant updatedAt = object.instant("updated_at", true);
      Integer version = object.integer("version", true, 1, Integer.MAX_VALUE);
      if (problems.isEmpty()) {
        plan = new Plan(id, name, structure, Boolean.TRUE.equals(hasSessions), Boolean.TRUE.equals(archived),
            Timestamps.truncate(createdAt), Timestamps.truncate(updatedAt), version);
      }
    }
    problems.throwIfAny(INVALID);
    return plan;
  }

  /**
   * A SessionResponse.
   *
   * @throws ValidationException {@value #INVALID}, with the path of every problem
   */
  public static Session readSession(Object tree, String path) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(tree, path, problems);
    Session session = null;
    if (object != null) {
      UUID id = object.uuid("id", true);
      UUID planId = object.uuid("plan_id", false);
      LocalDate date = object.date("date", true);
      Instant startedAt = object.instant("started_at", true);
      Instant endedAt = object.instant("ended_at", false);
      SessionStructure structure = StructureValidator.read(object.raw("session"), object.at("session"), problems);
      Instant createdAt = object.instant("created_at", true);
      Instant updatedAt = object.instant("updated_at", true);
      Integer version = object.integer("version", true, 1, Integer.MAX_VALUE);
      Boolean amended = object.bool("amended", false);
      if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
        problems.add(object.at("ended_at"), "must not be before started_at");
      }
      if (problems.isEmpty()) {
        session = new Session(id, planId, date, Timestamps.truncate(startedAt), Timestamps.truncate(endedAt),
            structure, Timestamps.truncate(createdAt), Timestamps.truncate(updatedAt), version,
            Boolean.TRUE.equals(amended));
      }
    }
    problems.throwIfAny(INVALID);
    return session;
  }

  /**
   * One entry of {@code GET /api/sessions/{id}/amendments}.
   *
   * @throws ValidationException {@value #INVALID}, with the path of every problem
   */
  public static SessionAmendment readAmendment(Object tree, String path) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(tree, path, problems);
    SessionAmendment amendment = null;
    if (object != null) {
      Integer version = object.integer("version", true, 1, Integer.MAX_VALUE);
      String reason = object.string("reason", false, 1, dev.setwise.domain.SessionRequests.MAX_REASON);
      Instant at = object.instant("at", true);
      SessionStructure structure = StructureValidator.read(object.raw("session"), object.at("session"), problems);
      if (problems.isEmpty()) {
        amendment = new SessionAmendment(version, reason, Timestamps.truncate(at), structure);
      }
    }
    problems.throwIfAny(INVALID);
    return amendment;
  }

  /** A copy kept in a conflict, as JSON text. */
  public String writeCopy(EntityCopy copy) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("entity_type", copy.type().code());
    if (copy.plan() != null) {
      node.put("plan", planTree(copy.plan()));
    } else {
      node.put("session", sessionTree(copy.session()));
      List<Object> history = new ArrayList<>();
      copy.history().forEach(entry -> history.add(amendmentTree(entry)));
      node.put("history", history);
    }
    return codec.get().writeString(node);
  }

  /**
   * A copy that {@link #writeCopy} wrote.
   *
   * @throws IllegalStateException when the text is not such a copy (a damaged row)
   */
  public EntityCopy readCopy(String json) {
    try {
      Object tree = codec.get().read(json.getBytes(StandardCharsets.UTF_8), INVALID);
      if (!(tree instanceof Map<?, ?> node)) {
        throw new IllegalStateException("A kept copy is not an object");
      }
      if (EntityType.PLAN.code().equals(node.get("entity_type"))) {
        return EntityCopy.of(readPlan(node.get("plan"), "plan"));
      }
      Session session = readSession(node.get("session"), "session");
      List<SessionAmendment> history = new ArrayList<>();
      if (node.get("history") instanceof List<?> entries) {
        for (int i = 0; i < entries.size(); i++) {
          history.add(readAmendment(entries.get(i), "history[" + i + "]"));
        }
      }
      return EntityCopy.of(session, history);
    } catch (ValidationException e) {
      throw new IllegalStateException("A kept copy is damaged: " + e.getMessage(), e);
    }
  }
}
