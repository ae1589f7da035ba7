package dev.setwise.api;

import dev.setwise.domain.Messages;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.StoredSession;
import dev.setwise.service.SessionService;
import io.javalin.http.Context;
import java.util.UUID;

/** {@code /api/sessions}: start, update, complete, list, get and delete sessions. */
final class SessionEndpoints {

  private final SessionService sessions;
  private final Exchanges exchanges;
  private final Bodies bodies;

  SessionEndpoints(SessionService sessions, Exchanges exchanges, Bodies bodies) {
    this.sessions = sessions;
    this.exchanges = exchanges;
    this.bodies = bodies;
  }

  /** {@code POST /api/sessions}: 201 with the new session and its {@code Location}. */
  void start(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    Object body = bodies.json(ctx, Messages.INVALID_SESSION_DATA);
    SessionRequests.Create request = SessionRequests.create(body);
    exchanges.idempotent(ctx, caller, "POST /api/sessions", body, () -> {
      Session session = sessions.create(caller, request);
      return exchanges.resource(201, "/api/sessions/" + session.id(), Views.session(session), session.version());
    });
  }

  /**
   * {@code POST /api/sessions/batch}: {@code {"sessions": [create, …]}} (1..100), each created as
   * {@code POST /api/sessions} would, in one transaction; 200 with {@code {"data": [result, …]}} in
   * order, each {@code {"status": 201, "session": …}} or {@code {"status": 4xx, "error", "message"}};
   * with {@code Prefer: return=minimal}, a created one is {@code {"status": 201, "id", "version"}}.
   */
  void batch(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    Object body = bodies.json(ctx, Messages.INVALID_SESSION_DATA);
    java.util.List<?> items = SessionRequests.batch(body);
    boolean minimal = prefersMinimal(ctx.header("Prefer"));
    // The answer differs with the preference, so a key reused across the two is another request.
    String resource = minimal ? "POST /api/sessions/batch return=minimal" : "POST /api/sessions/batch";
    exchanges.idempotent(ctx, caller, resource, body, () -> {
      java.util.List<Object> results = new java.util.ArrayList<>(items.size());
      java.util.List<SessionRequests.Create> valid = new java.util.ArrayList<>();
      java.util.List<Integer> at = new java.util.ArrayList<>();
      for (Object item : items) {
        try {
          valid.add(SessionRequests.create(item));
          at.add(results.size());
          results.add(null);
        } catch (dev.setwise.domain.ValidationException invalid) {
          results.add(failure(invalid));
        }
      }
      java.util.List<SessionService.Created> created = sessions.createAll(caller, valid);
      for (int i = 0; i < created.size(); i++) {
        SessionService.Created one = created.get(i);
        java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
        if (one.session() != null) {
          result.put("status", 201);
          if (minimal) {
            result.put("id", one.session().id().toString());
            result.put("version", one.session().version());
          } else {
            result.put("session", Views.session(one.session()));
          }
        } else {
          result = failure(one.failure());
        }
        results.set(at.get(i), result);
      }
      java.util.Map<String, Object> answer = new java.util.LinkedHashMap<>();
      answer.put("data", results);
      return exchanges.answer(200, null, answer);
    });
  }

  /**
   * True when a {@code Prefer} header asks for {@code return=minimal} (RFC 7240): a created session
   * is then answered {@code {"status": 201, "id", "version"}} instead of the whole SessionResponse
   * (a sync client sent the session and needs only its version; the answer, also kept for
   * {@code Idempotency-Key}, is then a few bytes instead of the snapshots again).
   */
  static boolean prefersMinimal(String prefer) {
    if (prefer == null) {
      return false;
    }
    for (String preference : prefer.split(",")) {
      String token = preference.split(";", 2)[0].replace(" ", "").replace("\t", "");
      if (token.equalsIgnoreCase("return=minimal") || token.equalsIgnoreCase("return=\"minimal\"")) {
        return true;
      }
    }
    return false;
  }

  private static java.util.Map<String, Object> failure(Exception refused) {
    ErrorAnswers.ErrorAnswer error = ErrorAnswers.of(refused);
    java.util.Map<String, Object> result = new java.util.LinkedHashMap<>();
    result.put("status", error.status());
    result.putAll(error.body());
    return result;
  }

  /** {@code PATCH /api/sessions/{id}}: replaces the snapshot of a session in progress; If-Match optional. */
  void update(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.SESSION_NOT_FOUND);
    Long expected = IfMatch.expectedVersion(ctx);
    SessionRequests.Update request = SessionRequests.update(bodies.json(ctx, Messages.INVALID_SESSION_DATA));
    // answered with the text just stored: the bytes a GET returns, not the snapshot serialised again
    StoredSession session = sessions.updateStored(caller, id, request.session(), expected);
    Exchanges.sendResource(ctx, 200, Views.sessionBytes(session), session.version());
  }

  /**
   * {@code POST /api/sessions/{id}/complete}: no body, {@code {}} or {@code {"session": …}}, optionally with
   * {@code "ended_at"} (when it ended, if not now); If-Match optional.
   */
  void complete(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.SESSION_NOT_FOUND);
    Long expected = IfMatch.expectedVersion(ctx);
    Object body = bodies.json(ctx, Messages.INVALID_SESSION_DATA);
    SessionRequests.Complete request = SessionRequests.complete(body);
    exchanges.idempotent(ctx, caller, "POST /api/sessions/" + id + "/complete", body, () -> {
      StoredSession session = sessions.completeStored(caller, id, request.session(), request.endedAt(), expected);
      return Exchanges.resource(200, Views.sessionBytes(session), session.version());
    });
  }

  /**
   * {@code POST /api/sessions/{id}/amendments}: 201 with the session as amended; {@code If-Match}
   * and {@code Idempotency-Key} optional.
   */
  void amend(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.SESSION_NOT_FOUND);
    Long expected = IfMatch.expectedVersion(ctx);
    Object body = bodies.json(ctx, Messages.INVALID_SESSION_DATA);
    SessionRequests.Amend request = SessionRequests.amend(body);
    exchanges.idempotent(ctx, caller, "POST /api/sessions/" + id + "/amendments", body, () -> {
      Session session = sessions.amend(caller, id, request.session(), request.reason(), request.at(), expected);
      return exchanges.resource(201, null, Views.session(session), session.version());
    });
  }

  /** {@code GET /api/sessions/{id}/amendments}: the original first, then every amendment. */
  void amendments(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.SESSION_NOT_FOUND);
    exchanges.send(ctx, 200, Views.list(sessions.amendments(caller, id), Views::amendment));
  }

  /** {@code GET /api/sessions}: one page of summaries (never the snapshots) and the total. */
  void list(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    SessionQuery query = SessionQuery.parse(Queries.parse(ctx.queryString()));
    // The items' texts as stored with their rows (0066): the bytes of Views.page(page, Views::summary).
    Exchanges.sendBytes(ctx, 200, SummaryPageWriter.writeTexts(exchanges.mapper(), sessions.listTexts(caller, query)));
  }

  /** {@code GET /api/sessions/{id}}. */
  void get(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.SESSION_NOT_FOUND);
    StoredSession session = sessions.getStored(caller, id);
    Exchanges.sendResource(ctx, 200, Views.sessionBytes(session), session.version());
  }

  /** {@code DELETE /api/sessions/{id}}: 204; discards one in progress or removes a completed one; If-Match optional. */
  void delete(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.SESSION_NOT_FOUND);
    Long expected = IfMatch.expectedVersion(ctx);
    sessions.delete(caller, id, expected);
    Exchanges.noContent(ctx);
  }
}
