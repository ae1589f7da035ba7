package dev.setwise.api;

import java.util.Map;

/**
 * An answer of the HTTP layer itself (not a business outcome): no token, no such path, wrong
 * method, body too large or not JSON, a reused idempotency key. Thrown by handlers and turned into
 * the contract's error body by {@link ErrorAnswers}.
 */
final class HttpError extends RuntimeException {

  static final String AUTHENTICATION_REQUIRED = "Authentication required";
  static final String BODY_TOO_LARGE = "Request body too large";

  private final int status;
  private final String type;
  private final Map<String, String> headers;

  HttpError(int status, String type, String message, Map<String, String> headers) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.headers = Map.copyOf(headers);
  }

  HttpError(int status, String type, String message) {
    this(status, type, message, Map.of());
  }

  static HttpError unauthorized() {
    return new HttpError(401, "Unauthorized", AUTHENTICATION_REQUIRED,
        Map.of("WWW-Authenticate", "Bearer realm=\"setwise\""));
  }

  /** The database was replaced or removed behind the server's back (the cause is in the log, never in the answer). */
  static HttpError databaseUnavailable() {
    return new HttpError(503, "ServiceUnavailable", "The database is unavailable");
  }

  static HttpError notFound() {
    return new HttpError(404, "NotFound", "Not found");
  }

  static HttpError methodNotAllowed(String allow) {
    return new HttpError(405, "MethodNotAllowed", "Method not allowed", Map.of("Allow", allow));
  }

  static HttpError payloadTooLarge() {
    return new HttpError(413, "PayloadTooLarge", BODY_TOO_LARGE);
  }

  static HttpError unsupportedMediaType() {
    return new HttpError(415, "UnsupportedMediaType", "Request body must be JSON (Content-Type: application/json)");
  }

  static HttpError idempotencyKeyReused() {
    return new HttpError(422, "IdempotencyKeyReused",
        "This Idempotency-Key was already used with a different request");
  }

  /** The body stopped coming, or came too slowly (decision record 0018). */
  static HttpError requestTimeout() {
    return new HttpError(408, "RequestTimeout", "The request body arrived too slowly");
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, "BadRequest", message);
  }

  int status() {
    return status;
  }

  String type() {
    return type;
  }

  Map<String, String> headers() {
    return headers;
  }
}
