package dev.setwise.service.exchange;

import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanRequests;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.TreeObject;
import dev.setwise.domain.Unit;
import dev.setwise.service.ProfileService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the items of an export document (plain trees) strictly, with the same validators as the
 * REST API, reporting every problem with its path ({@code sessions[3].session.exercises[0].name}).
 * A method returns {@code null} when the item has problems.
 */
final class ExportItems {

  private static final Set<String> PROFILE_FIELDS = Set.of("id", "name", "unit", "created_at");
  private static final Set<String> PLAN_FIELDS =
      Set.of("id", "name", "structure", "has_sessions", "archived", "created_at", "updated_at");
  private static final Set<String> SESSION_FIELDS = Set.of("id", "plan_id", "date", "started_at", "ended_at",
      "status", "session", "created_at", "updated_at");
  /** Version 2 adds the version of the snapshot and whether amendments follow. */
  private static final Set<String> SESSION_FIELDS_V2 = Set.of("id", "plan_id", "date", "started_at", "ended_at",
      "status", "session", "created_at", "updated_at", "version", "amended");
  private static final Set<String> AMENDMENT_FIELDS = Set.of("session_id", "version", "reason", "at", "session");

  /**
   * One amendment of the file's {@code amendments} (version 2): the session it corrects, the version
   * it made, why (trimmed), when, and the structure.
   */
  record Amendment(UUID sessionId, long version, String reason, Instant at, SessionStructure structure) {}
  private static final Map<String, Unit> UNITS = ordered("kg", Unit.KG, "lb", Unit.LB);
  private static final Map<String, String> STATUSES =
      ordered("in_progress", "in_progress", "completed", "completed");

  private ExportItems() {}

  static Profile profile(Object tree, String path, Problems problems) {
    Problems own = new Problems();
    TreeObject object = TreeObject.of(tree, path, own);
    Profile profile = null;
    if (object != null) {
      object.allowOnly(PROFILE_FIELDS);
      UUID id = object.uuid("id", true);
      String name = object.string("name", true, 1, ProfileService.MAX_NAME);
      if (name != null && name.codePoints().anyMatch(Character::isISOControl)) {
        own.add(object.at("name"), "must not contain control characters");
      }
      Unit unit = object.oneOf("unit", true, UNITS);
      Instant createdAt = instant(object, "created_at", true, own);
      profile = new Profile(id, name, unit, createdAt);
    }
    return merge(own, problems) ? profile : null;
  }

  static Plan plan(Object tree, String path, Problems problems) {
    Problems own = new Problems();
    TreeObject object = TreeObject.of(tree, path, own);
    Plan plan = null;
    if (object != null) {
      object.allowOnly(PLAN_FIELDS);
      UUID id = object.uuid("id", true);
      String name = object.string("name", true, 1, PlanRequests.MAX_PLAN_NAME);
      SessionStructure structure = StructureValidator.readPlan(object.raw("structure"), object.at("structure"), own);
      Boolean hasSessions = object.bool("has_sessions", true);
      Boolean archived = object.bool("archived", true);
      Instant createdAt = instant(object, "created_at", true, own);
      Instant updatedAt = instant(object, "updated_at", true, own);
      if (createdAt != null && updatedAt != null && updatedAt.isBefore(createdAt)) {
        own.add(object.at("updated_at"), "must not be before created_at");
      }
      plan = new Plan(id, name, structure, Boolean.TRUE.equals(hasSessions), Boolean.TRUE.equals(archived),
          createdAt, updatedAt);
    }
    return merge(own, problems) ? plan : null;
  }

  /** A session of a version 1 file. */
  static Session session(Object tree, String path, Problems problems) {
    return session(tree, path, problems, 1);
  }

  /**
   * A session of a file of {@code formatVersion}. From version 2 it carries {@code version} (of its
   * snapshot, the original; default 1) and {@code amended} (default false), which only a completed
   * session may be.
   */
  static Session session(Object tree, String path, Problems problems, int formatVersion) {
    Problems own = new Problems();
    TreeObject object = TreeObject.of(tree, path, own);
    Session session = null;
    if (object != null) {
      object.allowOnly(formatVersion >= 2 ? SESSION_FIELDS_V2 : SESSION_FIELDS);
      UUID id = object.uuid("id", true);
      UUID planId = object.uuid("plan_id", false);
      LocalDate date = object.date("date", true);
      Instant startedAt = instant(object, "started_at", true, own);
      Instant endedAt = instant(object, "ended_at", false, own);
      String status = object.oneOf("status", true, STATUSES);
      SessionStructure structure = StructureValidator.read(object.raw("session"), object.at("session"), own);
      Instant createdAt = instant(object, "created_at", true, own);
      Instant updatedAt = instant(object, "updated_at", true, own);
      if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
        own.add(object.at("ended_at"), "must not be before started_at");
      }
      if (status != null && status.equals("completed") != (endedAt != null)) {
        own.add(object.at("status"), endedAt == null
            ? "is completed, but ended_at is missing" : "is in_progress, but ended_at is set");
      }
      if (createdAt != null && updatedAt != null && updatedAt.isBefore(createdAt)) {
        own.add(object.at("updated_at"), "must not be before created_at");
      }
      long version = 1;
      boolean amended = false;
      if (formatVersion >= 2) {
        Integer given = object.integer("version", false, 1, Integer.MAX_VALUE);
        version = given == null ? 1 : given;
        amended = Boolean.TRUE.equals(object.bool("amended", false));
        if (amended && status != null && endedAt == null) {
          own.add(object.at("amended"), "is true, but the session is in progress: only completed sessions are amended");
        }
      }
      session = new Session(id, planId, date, startedAt, endedAt, structure, createdAt, updatedAt, version, amended);
    }
    return merge(own, problems) ? session : null;
  }

  /** An item of {@code amendments}, checked as {@code POST /api/sessions/{id}/amendments} checks its body. */
  static Amendment amendment(Object tree, String path, Problems problems) {
    Problems own = new Problems();
    TreeObject object = TreeObject.of(tree, path, own);
    Amendment amendment = null;
    if (object != null) {
      object.allowOnly(AMENDMENT_FIELDS);
      UUID sessionId = object.uuid("session_id", true);
      Integer version = object.integer("version", true, 2, Integer.MAX_VALUE);
      String reason = object.string("reason", true, 1, SessionRequests.MAX_REASON);
      Instant at = instant(object, "at", true, own);
      SessionStructure structure = StructureValidator.read(object.raw("session"), object.at("session"), own);
      amendment = new Amendment(sessionId, version == null ? 0 : version, reason, at, structure);
    }
    return merge(own, problems) ? amendment : null;
  }

  /** Instants a person's history can hold; also keeps epoch milliseconds far from overflow. */
  private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

  private static Instant instant(TreeObject object, String key, boolean required, Problems problems) {
    Instant value = Timestamps.truncate(object.instant(key, required));
    if (value != null && (value.isBefore(EARLIEST) || value.isAfter(LATEST))) {
      problems.add(object.at(key), "must be between the years 1900 and 9999");
      return null;
    }
    return value;
  }

  /** Choices in a fixed order, so messages list them the same way every time. */
  private static <V> Map<String, V> ordered(String k1, V v1, String k2, V v2) {
    Map<String, V> map = new java.util.LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return java.util.Collections.unmodifiableMap(map);
  }

  private static boolean merge(Problems own, Problems problems) {
    for (var problem : own.list()) {
      problems.add(problem.path(), problem.message());
    }
    return own.isEmpty();
  }
}
