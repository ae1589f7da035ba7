package dev.setwise.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * The bodies of the Sessions API, read strictly from a plain JSON tree. Every reader reports
 * all problems at once as {@code Invalid session data}.
 */
public final class SessionRequests {

  /**
   * {@code POST /api/sessions}. {@code date} defaults to today; {@code session} to the plan's
   * structure; {@code id} is the client's choice (contract §5.1), or null for a new one.
   */
  public record Create(UUID id, UUID planId, LocalDate date, SessionStructure session) {

    public Create(UUID planId, LocalDate date, SessionStructure session) {
      this(null, planId, date, session);
    }
  }

  /** {@code PATCH /api/sessions/{id}}. */
  public record Update(SessionStructure session) {}

  /** {@code POST /api/sessions/{id}/complete}; {@code session} is an optional final update. */
  public record Complete(SessionStructure session) {}

  private SessionRequests() {}

  public static Create create(Object body) {
    Problems problems = new Problems();
    TreeObject object = TreeObject.of(body, "$", problems);
    Create request = null;
    if (object != null) {
      object.allowOnly(Set.of("id", "plan_id", "date", "session"));
      UUID id = object.uuid("id", false);
      UUID planId = object.uuid("plan_id", true);
      LocalDate date = object.date("date", false);
      SessionStructure session = object.has("session")
          ? StructureValidator.read(object.raw("session"), "session", problems) : null;
      request = new Create(id, planId, date, session);
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
      object.allowOnly(Set.of("session"));
      SessionStructure session = object.has("session")
          ? StructureValidator.read(object.raw("session"), "session", problems) : null;
      request = new Complete(session);
    }
    problems.throwIfAny(Messages.INVALID_SESSION_DATA);
    return request;
  }

}
