package dev.setwise.sync;

import dev.setwise.domain.Change;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.TreeObject;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.ResourceJson;
import dev.setwise.service.sync.ChangeKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The request bodies sync sends and the answers it reads, in the contract's JSON shapes. */
final class Wire {

  private Wire() {}

  /**
   * One page of {@code GET /api/changes}, each change as read so far: which entity at which version,
   * its data not read yet ({@link #change} reads it), so known changes cost nothing more.
   */
  record FeedPage(List<RawChange> changes, String nextCursor, boolean hasMore) {}

  /** A change of the feed before its data is read and checked. */
  record RawChange(ChangeKey key, boolean deleted, Object data, String path) {}

  static Map<String, Object> planCreate(Plan plan) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", plan.id().toString());
    body.put("name", plan.name());
    body.put("structure", StructureTree.toTree(plan.structure()));
    return body;
  }

  static Map<String, Object> planUpdate(Plan plan) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", plan.name());
    body.put("structure", StructureTree.toTree(plan.structure()));
    return body;
  }

  /** A start (no {@code ended_at}) or, for a completed session, a session logged elsewhere. */
  static Map<String, Object> sessionCreate(Session session, SessionStructure original) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", session.id().toString());
    body.put("plan_id", session.planId() == null ? null : session.planId().toString());
    body.put("date", session.date().toString());
    body.put("started_at", Timestamps.format(session.startedAt()));
    if (session.completed()) {
      body.put("ended_at", Timestamps.format(session.endedAt()));
    }
    body.put("session", StructureTree.toTree(original));
    return body;
  }

  static Map<String, Object> sessionUpdate(SessionStructure structure) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", StructureTree.toTree(structure));
    return body;
  }

  static Map<String, Object> sessionComplete(SessionStructure original, Session session) {
    Map<String, Object> body = sessionUpdate(original);
    body.put("ended_at", Timestamps.format(session.endedAt()));
    return body;
  }

  static Map<String, Object> amendment(SessionAmendment amendment) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session", StructureTree.toTree(amendment.session()));
    body.put("reason", amendment.reason());
    body.put("at", Timestamps.format(amendment.at()));
    return body;
  }

  static Plan plan(HttpTransport.Answer answer) {
    return ResourceJson.readPlan(answer.body(), "$");
  }

  static Session session(HttpTransport.Answer answer) {
    return ResourceJson.readSession(answer.body(), "$");
  }

  /**
   * The version of a session just created as {@code id}: from a whole SessionResponse (read and
   * checked as {@link #session} does), or from a minimal answer {@code {"id", "version"}}
   * ({@code Prefer: return=minimal}), whose id must be the one sent.
   *
   * @throws ValidationException when the answer is neither, or names another session
   */
  static long createdVersion(HttpTransport.Answer answer, UUID id) {
    if (answer.body() instanceof Map<?, ?> map && !map.containsKey("session")) {
      if (map.get("id") instanceof String text && id.equals(TreeObject.parseUuid(text))
          && map.get("version") instanceof Number number && number.longValue() >= 1
          && number.doubleValue() == number.longValue()) {
        return number.longValue();
      }
      throw new ValidationException(ResourceJson.INVALID,
          List.of(new dev.setwise.domain.Problem("$", "is not the session just created")));
    }
    Session created = session(answer);
    if (!created.id().equals(id)) {
      throw new ValidationException(ResourceJson.INVALID,
          List.of(new dev.setwise.domain.Problem("$.id", "is not the session just created")));
    }
    return created.version();
  }

  /** {@code {"data": [amendment]}}, the original first. */
  static List<SessionAmendment> amendments(HttpTransport.Answer answer) {
    List<SessionAmendment> history = new ArrayList<>();
    for (Object entry : data(answer.body())) {
      history.add(ResourceJson.readAmendment(entry, "data[" + history.size() + "]"));
    }
    return history;
  }

  /** The ids in {@code {"data": [{"id": …}]}} (a list of summaries). */
  static List<UUID> ids(HttpTransport.Answer answer) {
    List<UUID> ids = new ArrayList<>();
    for (Object entry : data(answer.body())) {
      if (entry instanceof Map<?, ?> map && map.get("id") instanceof String text && TreeObject.parseUuid(text) != null) {
        ids.add(TreeObject.parseUuid(text));
      }
    }
    return ids;
  }

  static FeedPage feed(HttpTransport.Answer answer) {
    if (!(answer.body() instanceof Map<?, ?> root) || !(root.get("next_cursor") instanceof String cursor)
        || !(root.get("has_more") instanceof Boolean hasMore)) {
      throw invalid("the change feed page lacks next_cursor or has_more");
    }
    List<RawChange> changes = new ArrayList<>();
    for (Object entry : data(root)) {
      String path = "data[" + changes.size() + "]";
      if (!(entry instanceof Map<?, ?> node)) {
        throw invalid(path + " is not an object");
      }
      EntityType type = node.get("entity_type") instanceof String code ? EntityType.fromCode(code) : null;
      UUID id = node.get("id") instanceof String text ? TreeObject.parseUuid(text) : null;
      Object deleted = node.get("deleted");
      if (type == null || id == null || !(deleted instanceof Boolean gone)
          || !(node.get("version") instanceof Number v)) {
        throw invalid(path + " lacks entity_type, id, version or deleted");
      }
      changes.add(new RawChange(new ChangeKey(type, id, v.longValue()), gone, node.get("data"), path));
    }
    return new FeedPage(changes, cursor, hasMore);
  }

  /** The change with its data read and checked. */
  static Change change(RawChange raw) {
    ChangeKey key = raw.key();
    if (raw.deleted()) {
      return Change.deletion(key.type(), key.id(), key.version());
    }
    if (key.type() == EntityType.PLAN) {
      Plan plan = ResourceJson.readPlan(raw.data(), raw.path() + ".data");
      return same(Change.of(plan), key.id(), raw.path());
    }
    Session session = ResourceJson.readSession(raw.data(), raw.path() + ".data");
    return same(Change.of(session), key.id(), raw.path());
  }

  private static Change same(Change change, UUID id, String path) {
    if (!change.id().equals(id)) {
      throw invalid(path + ".data is another entity than " + path + ".id");
    }
    return change;
  }

  private static List<?> data(Object body) {
    if (body instanceof Map<?, ?> root && root.get("data") instanceof List<?> list) {
      return list;
    }
    throw invalid("the answer has no data list");
  }

  private static ValidationException invalid(String why) {
    return new ValidationException(ResourceJson.INVALID, List.of(new Problem("$", why)));
  }
}
