package dev.setwise.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The bodies of the Sessions API, read strictly from a plain JSON tree. Every reader reports
 * all problems at once as {@code Invalid session data}.
 */
public final class SessionRequests {

  /**
   * {@code POST /api/sessions}. {@code date} defaults to the day it started; {@code session} to the
   * plan's structure; {@code id} is the client's choice (contract §5.1), or null for a new one.
   * {@code startedAt} defaults to now; with {@code endedAt} the session was done elsewhere and is
   * recorded completed, and {@code planId} may be null.
   */
  public record Create(UUID id, UUID planId, LocalDate date, SessionStructure session, Instant startedAt,
      Instant endedAt) {

    public Create(UUID planId, LocalDate date, SessionStructure session) {
      this(null, planId, date, session, null, null);
    }

    public Create(UUID id, UUID planId, LocalDate date, SessionStructure session) {
      this(id, planId, date, session, null, null);
    }
  }

  /** {@code PATCH /api/sessions/{id}}. */
  public record Update(SessionStructure session) {}

  /**
   * {@code POST /api/sessions/{id}/complete}; {@code session} is an optional final update,
   * {@code endedAt} when it ended, if not now (a workout completed on another device, sent by sync).
   */
  public record Complete(SessionStructure session, Instant endedAt) {

    public Complete(SessionStructure session) {
      this(session, null);
    }
  }

  /**
   * {@code POST /api/sessions/{id}/amendments}: the corrected structure and why (1..{@value #MAX_REASON}
   * chars); {@code at} when it was made, if not now (an amendment made on another device, sent by sync).
   */
  public record Amend(SessionStructure session, String reason, Instant at) {

    public Amend(SessionStructure session, String reason) {
      this(session, reason, null);
    }
  }

  /** The most sessions one {@code POST /api/sessions/batch} creates. */
  public static final int MAX_BATCH = 100;

  /**
   * The items of {@code POST /api/sessions/batch}: {@code {"sessions": [create, …]}}, 1 to
   * {@value #MAX_BATCH} of them, each read later on its own with {@link #create(Object)}.
   *
   * @throws ValidationException {@code Invalid session data} when the body is not such an object
   */
  public static List<?> batch(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    List<?> items = null;
    if (object != null) {
      object.allowOnly(Set.of("sessions"));
      items = object.array("sessions", true, MAX_BATCH);
      if (items != null && items.isEmpty()) {
        problems.add("sessions", "must have at least 1 item");
      }
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    return items;
  }

  /** The longest reason of an amendment, in characters. */
  public static final int MAX_REASON = 500;

  private SessionRequests() {}

  /** Reads an amendment: {@code session} and {@code reason} are both required. */
  public static Amend amend(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Amend request = null;
    if (object != null) {
      object.allowOnly(Set.of("session", "reason", "at"));
      SessionStructure session = StructureValidator.read(object.raw("session"), "session", problems);
      String reason = object.string("reason", true, 1, MAX_REASON);
      request = new Amend(session, reason, object.instant("at", false));
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    return request;
  }

  public static Create create(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Create request = null;
    if (object != null) {
      object.allowOnly(Set.of("id", "plan_id", "date", "session", "started_at", "ended_at"));
      UUID id = object.uuid("id", false);
      boolean logged = object.has("ended_at");
      UUID planId = object.uuid("plan_id", !logged);
      LocalDate date = object.date("date", false);
      SessionStructure session = object.has("session")
          ? StructureValidator.read(object.raw("session"), "session", problems) : null;
      Instant startedAt = object.instant("started_at", logged);
      Instant endedAt = object.instant("ended_at", false);
      if (startedAt != null && endedAt != null && endedAt.isBefore(startedAt)) {
        problems.add("ended_at", "must not be before started_at");
      }
      if (logged && !object.has("plan_id") && !object.has("session")) {
        problems.add("session", "is required when there is no plan_id");
      }
      request = new Create(id, planId, date, session, startedAt, endedAt);
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    return request;
  }

  public static Update update(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Update request = null;
    if (object != null) {
      object.allowOnly(Set.of("session"));
      SessionStructure session = StructureValidator.read(object.raw("session"), "session", problems);
      request = new Update(session);
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    return request;
  }

  /** Reads a completion body; {@code null} (no body) and {@code {}} both mean "complete as it is". */
  public static Complete complete(Object body) {
    if (body == null) {
      return new Complete(null);
    }
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Complete request = null;
    if (object != null) {
      object.allowOnly(Set.of("session", "ended_at"));
      SessionStructure session = object.has("session")
          ? StructureValidator.read(object.raw("session"), "session", problems) : null;
      request = new Complete(session, object.instant("ended_at", false));
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    return request;
  }

}
