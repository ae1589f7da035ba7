package dev.setwise.api;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Change;
import dev.setwise.domain.ChangePage;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StoredSession;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.Timestamps;
import dev.setwise.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The contract's response bodies as plain JSON trees, snake_case, in a stable field order. */
final class Views {

  private Views() {}

  static Map<String, Object> session(Session session) {
    Map<String, Object> node = sessionHead(session.id(), session.planId(), session.date(), session.startedAt(),
        session.endedAt(), session.status().code());
    node.put("session", StructureTree.toTree(session.structure()));
    node.put("created_at", Timestamps.format(session.createdAt()));
    node.put("updated_at", Timestamps.format(session.updatedAt()));
    node.put("version", session.version());
    node.put("amended", session.amended());
    return node;
  }

  /**
   * {@link #session} of a session whose snapshot is JSON text the store vouches for: the text goes
   * into the answer as it is (the same bytes {@link #session} would write).
   */
  static Map<String, Object> session(StoredSession session) {
    Map<String, Object> node = sessionHead(session.id(), session.planId(), session.date(), session.startedAt(),
        session.endedAt(), session.status().code());
    node.put("session", JsonCodec.raw(session.structureJson()));
    node.put("created_at", Timestamps.format(session.createdAt()));
    node.put("updated_at", Timestamps.format(session.updatedAt()));
    node.put("version", session.version());
    node.put("amended", session.amended());
    return node;
  }

  /**
   * The bytes the codec writes for {@link #session(StoredSession)}, written without building the
   * tree: every field but the snapshot is text that needs no escaping (ids, ISO dates and times,
   * status codes), and the snapshot is copied as it is. A GET answers with these.
   */
  static byte[] sessionBytes(StoredSession session) {
    StringBuilder head = new StringBuilder(256);
    head.append("{\"id\":\"").append(session.id()).append("\",\"plan_id\":");
    if (session.planId() == null) {
      head.append("null");
    } else {
      head.append('"').append(session.planId()).append('"');
    }
    head.append(",\"date\":\"").append(session.date()).append("\",\"started_at\":");
    quotedOrNull(head, Timestamps.format(session.startedAt()));
    head.append(",\"ended_at\":");
    quotedOrNull(head, Timestamps.format(session.endedAt()));
    head.append(",\"status\":\"").append(session.status().code()).append("\",\"session\":");
    StringBuilder tail = new StringBuilder(128);
    tail.append(",\"created_at\":");
    quotedOrNull(tail, Timestamps.format(session.createdAt()));
    tail.append(",\"updated_at\":");
    quotedOrNull(tail, Timestamps.format(session.updatedAt()));
    tail.append(",\"version\":").append(session.version()).append(",\"amended\":").append(session.amended()).append('}');
    byte[] before = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] snapshot = session.structureJson().getBytes(StandardCharsets.UTF_8);
    byte[] after = tail.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[before.length + snapshot.length + after.length];
    System.arraycopy(before, 0, bytes, 0, before.length);
    System.arraycopy(snapshot, 0, bytes, before.length, snapshot.length);
    System.arraycopy(after, 0, bytes, before.length + snapshot.length, after.length);
    return bytes;
  }

  private static void quotedOrNull(StringBuilder text, String value) {
    if (value == null) {
      text.append("null");
    } else {
      text.append('"').append(value).append('"');
    }
  }

  static Map<String, Object> summary(SessionSummary summary) {
    Map<String, Object> node = sessionHead(summary.id(), summary.planId(), summary.date(), summary.startedAt(),
        summary.endedAt(), summary.status().code());
    node.put("created_at", Timestamps.format(summary.createdAt()));
    node.put("updated_at", Timestamps.format(summary.updatedAt()));
    node.put("version", summary.version());
    node.put("amended", summary.amended());
    node.put("name", summary.name());
    node.put("unit", summary.unit().code());
    node.put("exercise_count", summary.exerciseCount());
    node.put("set_count", summary.setCount());
    node.put("completed_set_count", summary.completedSetCount());
    node.put("volume", summary.volume());
    return node;
  }

  static Map<String, Object> plan(Plan plan) {
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

  static Map<String, Object> planSummary(PlanSummary plan) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", plan.id().toString());
    node.put("name", plan.name());
    node.put("exercise_count", plan.exerciseCount());
    node.put("has_sessions", plan.hasSessions());
    node.put("archived", plan.archived());
    node.put("created_at", Timestamps.format(plan.createdAt()));
    node.put("updated_at", Timestamps.format(plan.updatedAt()));
    node.put("version", plan.version());
    return node;
  }

  /** One recorded state of a session: {@code {"version", "reason", "at", "session"}}. */
  static Map<String, Object> amendment(SessionAmendment amendment) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("version", amendment.version());
    node.put("reason", amendment.reason());
    node.put("at", Timestamps.format(amendment.at()));
    node.put("session", StructureTree.toTree(amendment.session()));
    return node;
  }

  /** A change of the feed: {@code {"entity_type", "id", "version", "deleted", "data"}}. */
  static Map<String, Object> change(Change change) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("entity_type", change.entityType().code());
    node.put("id", change.id().toString());
    node.put("version", change.version());
    node.put("deleted", change.deleted());
    node.put("data", change.deleted() ? null
        : change.entityType() == EntityType.PLAN ? plan(change.plan()) : session(change.session()));
    return node;
  }

  /** {@code {"data": [Change], "next_cursor", "has_more"}}. */
  static Map<String, Object> changePage(ChangePage page) {
    Map<String, Object> node = list(page.changes(), Views::change);
    node.put("next_cursor", page.nextCursor());
    node.put("has_more", page.hasMore());
    return node;
  }

  static Map<String, Object> auditEntry(AuditEntry entry) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", entry.id());
    node.put("action", entry.action());
    node.put("entity_type", entry.entityType());
    node.put("entity_id", entry.entityId());
    node.put("at", Timestamps.format(entry.at()));
    node.put("details", entry.details());
    return node;
  }

  /** {@code {"data": [...], "pagination": {"total", "limit", "offset"}}}. */
  static <T> Map<String, Object> page(Page<T> page, Function<T, Map<String, Object>> view) {
    Map<String, Object> pagination = new LinkedHashMap<>();
    pagination.put("total", page.total());
    pagination.put("limit", page.limit());
    pagination.put("offset", page.offset());
    Map<String, Object> node = list(page.items(), view);
    node.put("pagination", pagination);
    return node;
  }

  /** {@code {"data": [...]}}. */
  static <T> Map<String, Object> list(List<T> items, Function<T, Map<String, Object>> view) {
    List<Object> data = new ArrayList<>(items.size());
    for (T item : items) {
      data.add(view.apply(item));
    }
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("data", data);
    return node;
  }

  private static Map<String, Object> sessionHead(UUID id, UUID planId, LocalDate date, java.time.Instant startedAt,
      java.time.Instant endedAt, String status) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("id", id.toString());
    node.put("plan_id", planId == null ? null : planId.toString());
    node.put("date", date.toString());
    node.put("started_at", Timestamps.format(startedAt));
    node.put("ended_at", Timestamps.format(endedAt));
    node.put("status", status);
    return node;
  }
}
