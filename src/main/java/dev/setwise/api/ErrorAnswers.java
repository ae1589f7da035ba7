package dev.setwise.api;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every failure as the contract's error body: {@code {"error", "message"}} plus {@code details}
 * for validation. Business outcomes keep their message; anything unexpected becomes 500
 * {@code Failed to process request}, and its cause goes to the log only.
 */
final class ErrorAnswers {

  static final String INTERNAL_MESSAGE = "Failed to process request";

  /** Status, body and extra headers of one error answer. */
  record ErrorAnswer(int status, Map<String, Object> body, Map<String, String> headers) {

    boolean unexpected() {
      return status >= 500;
    }
  }

  private ErrorAnswers() {}

  static ErrorAnswer of(Throwable failure) {
    if (failure instanceof ValidationException validation) {
      Map<String, Object> body = body("ValidationError", validation.getMessage());
      if (!validation.problems().isEmpty()) {
        List<Object> details = new ArrayList<>();
        for (Problem problem : validation.problems()) {
          Map<String, Object> detail = new LinkedHashMap<>();
          detail.put("path", problem.path());
          detail.put("message", problem.message());
          details.add(detail);
        }
        body.put("details", details);
      }
      return new ErrorAnswer(400, body, Map.of());
    }
    if (failure instanceof NotFoundException) {
      return new ErrorAnswer(404, body("NotFound", failure.getMessage()), Map.of());
    }
    if (failure instanceof ConflictException) {
      return new ErrorAnswer(409, body("ConflictError", failure.getMessage()), Map.of());
    }
    if (failure instanceof PreconditionFailedException stale) {
      // The current version's tag, so a client can reload (GET) knowing what to expect.
      Map<String, String> headers = stale.currentVersion().isPresent()
          ? Map.of("ETag", IfMatch.etag(stale.currentVersion().getAsLong())) : Map.of();
      return new ErrorAnswer(412, body("PreconditionFailed", failure.getMessage()), headers);
    }
    if (failure instanceof HttpError error) {
      return new ErrorAnswer(error.status(), body(error.type(), error.getMessage()), error.headers());
    }
    if (failure instanceof NotFoundResponse) {
      HttpError error = HttpError.notFound();
      return new ErrorAnswer(error.status(), body(error.type(), error.getMessage()), error.headers());
    }
    if (failure instanceof MethodNotAllowedResponse notAllowed) {
      String allow = notAllowed.getDetails().values().stream().findFirst().orElse("");
      HttpError error = HttpError.methodNotAllowed(allow);
      return new ErrorAnswer(error.status(), body(error.type(), error.getMessage()), error.headers());
    }
    if (failure instanceof HttpResponseException response && response.getStatus() < 500) {
      return forStatus(response.getStatus());
    }
    return internal();
  }

  static ErrorAnswer internal() {
    return new ErrorAnswer(500, body("InternalServerError", INTERNAL_MESSAGE), Map.of());
  }

  /** A generic answer for a status the server itself produced (a malformed request, shutting down …). */
  static ErrorAnswer forStatus(int status) {
    return switch (status) {
      case 400 -> new ErrorAnswer(400, body("BadRequest", "Malformed request"), Map.of());
      case 404 -> new ErrorAnswer(404, body("NotFound", "Not found"), Map.of());
      case 405 -> new ErrorAnswer(405, body("MethodNotAllowed", "Method not allowed"), Map.of());
      case 408 -> new ErrorAnswer(408, body("RequestTimeout", "Request timed out"), Map.of());
      case 413 -> new ErrorAnswer(413, body("PayloadTooLarge", HttpError.BODY_TOO_LARGE), Map.of());
      case 414 -> new ErrorAnswer(414, body("UriTooLong", "Request URI too long"), Map.of());
      case 415 -> new ErrorAnswer(415, body("UnsupportedMediaType", "Unsupported media type"), Map.of());
      case 431 -> new ErrorAnswer(431, body("RequestHeaderFieldsTooLarge", "Request headers too large"), Map.of());
      case 503 -> new ErrorAnswer(503, body("ServiceUnavailable", "The server is shutting down"), Map.of());
      default -> status >= 500 ? internal()
          : new ErrorAnswer(status, body("BadRequest", "Request refused (HTTP " + status + ")"), Map.of());
    };
  }

  private static Map<String, Object> body(String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", type);
    body.put("message", message);
    return body;
  }
}
