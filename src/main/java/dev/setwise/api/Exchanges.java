package dev.setwise.api;

import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.TreeObject;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.IdempotencyService;
import dev.setwise.service.IdempotencyService.Answer;
import dev.setwise.service.IdempotencyService.Outcome;
import dev.setwise.service.TokenService;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/** What every endpoint does around its use case: who is calling, ids from the path, answers, retries. */
final class Exchanges {

  static final String JSON = "application/json";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  /** Set on an answer that repeats the first answer to an idempotent request. */
  static final String REPLAYED = "Idempotent-Replayed";

  private final TokenService tokens;
  private final IdempotencyService idempotency;
  private final JsonCodec codec;
  /** Answers can be larger than a request (a snapshot plus the session's fields). */
  private final JsonCodec storedAnswers = new JsonCodec(JsonLimits.STORED);

  Exchanges(TokenService tokens, IdempotencyService idempotency, JsonCodec codec) {
    this.tokens = tokens;
    this.idempotency = idempotency;
    this.codec = codec;
  }

  /**
   * The profile of the bearer token in {@code Authorization}.
   *
   * @throws HttpError 401 for no token, another scheme, or an unknown, revoked or wrong token
   */
  UUID caller(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null) {
      throw HttpError.unauthorized();
    }
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      throw HttpError.unauthorized();
    }
    return tokens.authenticate(value.substring(space + 1).strip()).orElseThrow(HttpError::unauthorized);
  }

  /** The {@code {id}} of the path; text that is not a UUID names nothing, so it is {@code notFound}. */
  static UUID id(Context ctx, String notFoundMessage) {
    UUID id = TreeObject.parseUuid(ctx.pathParam("id"));
    if (id == null) {
      throw new NotFoundException(notFoundMessage);
    }
    return id;
  }

  /** An answer with a JSON body, ready to send or to record. */
  Answer answer(int status, String location, Object tree) {
    return new Answer(status, location, codec.writeBytes(tree));
  }

  /** An answer with one plan or session at {@code version}: it carries {@code ETag: "<version>"}. */
  Answer resource(int status, String location, Object tree, long version) {
    return new Answer(status, location, IfMatch.etag(version), codec.writeBytes(tree));
  }

  /** {@link #resource} of a body already written ({@link Views#sessionBytes}). */
  static Answer resource(int status, byte[] body, long version) {
    return new Answer(status, null, IfMatch.etag(version), body);
  }

  /** The codec's mapper, for answers written with a streaming generator (same settings as the trees). */
  JsonMapper mapper() {
    return codec.mapper();
  }

  void send(Context ctx, int status, Object tree) {
    send(ctx, answer(status, null, tree));
  }

  /** Sends one plan or session at {@code version}, with its {@code ETag}. */
  void sendResource(Context ctx, int status, Object tree, long version) {
    send(ctx, resource(status, null, tree, version));
  }

  /** Sends one plan or session at {@code version} whose JSON is written already, with its {@code ETag}. */
  static void sendResource(Context ctx, int status, byte[] body, long version) {
    send(ctx, new Answer(status, null, IfMatch.etag(version), body));
  }

  /** Sends a JSON body that is written already (no ETag). */
  static void sendBytes(Context ctx, int status, byte[] body) {
    send(ctx, new Answer(status, null, body));
  }

  static void send(Context ctx, Answer answer) {
    ctx.status(answer.status());
    if (answer.location() != null) {
      ctx.header("Location", answer.location());
    }
    if (answer.etag() != null) {
      ctx.header("ETag", answer.etag());
    }
    ctx.contentType(JSON);
    ctx.result(answer.body());
  }

  static void noContent(Context ctx) {
    ctx.status(204);
  }

  /**
   * Runs a POST's use case, once per {@code Idempotency-Key} when the request carries one: a
   * retry with the same key and body gets the first answer (marked {@value #REPLAYED}) and
   * changes nothing; the same key with another request is a 422.
   *
   * @param resource the method and normalised path, e.g. {@code POST /api/sessions}
   * @param body the request body as read (its JSON value counts, not its spelling)
   */
  void idempotent(Context ctx, UUID caller, String resource, Object body, Supplier<Answer> action) {
    String key = ctx.header(IDEMPOTENCY_KEY);
    if (key == null) {
      send(ctx, action.get());
      return;
    }
    if (!IdempotencyService.isValidKey(key)) {
      throw new ValidationException("Invalid Idempotency-Key header", List.of(new Problem(IDEMPOTENCY_KEY,
          "must be 1 to " + IdempotencyService.MAX_KEY_LENGTH + " visible ASCII characters")));
    }
    Outcome outcome = idempotency.execute(caller, key, fingerprint(resource, body), action);
    switch (outcome.kind()) {
      case KEY_REUSED -> throw HttpError.idempotencyKeyReused();
      case REPLAYED -> {
        requireReadable(outcome.answer());
        ctx.header(REPLAYED, "true");
        send(ctx, outcome.answer());
      }
      case EXECUTED -> send(ctx, outcome.answer());
    }
  }

  /**
   * A recorded answer is sent again only if it is still the JSON it was: a damaged row is the
   * server's failure (500), never a 2xx with garbage.
   */
  private void requireReadable(Answer answer) {
    try {
      storedAnswers.read(answer.body(), "Stored answer is corrupt");
    } catch (ValidationException e) {
      throw new IllegalStateException("Stored idempotent answer is corrupt: " + e.problems(), e);
    }
  }

  private byte[] fingerprint(String resource, Object body) {
    String canonical = body == null ? "" : codec.writeString(sorted(body));
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(resource.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      return digest.digest(canonical.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The same JSON value with every object's keys in order, so key order and spacing do not count. */
  private static Object sorted(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> ordered = new TreeMap<>();
      map.forEach((key, value) -> ordered.put(String.valueOf(key), sorted(value)));
      return ordered;
    }
    if (node instanceof List<?> list) {
      List<Object> items = new ArrayList<>(list.size());
      list.forEach(item -> items.add(sorted(item)));
      return items;
    }
    return node;
  }
}
