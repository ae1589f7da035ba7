package dev.setwise.api;

import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Reads request bodies: JSON only, at most 1 MiB, counted while reading so that a huge body costs
 * no more than the limit (a declared {@code Content-Length} over it is refused before reading).
 */
final class Bodies {

  /** The largest body accepted, in bytes. */
  static final long LIMIT = JsonLimits.ONE_MIB;
  /**
   * How long the rest of a refused body is read and thrown away, so the client can read the
   * answer: a client still sending when the server closes gets a reset and loses the answer.
   * Reading costs no memory (one small buffer), only time, so time is the bound; a body still
   * arriving after it is cut off with the connection.
   */
  static final long DISCARD_MILLIS = 30_000;

  private final JsonCodec codec;

  Bodies(JsonCodec codec) {
    this.codec = codec;
  }

  /**
   * The body as a plain JSON tree; {@code null} when there is no body (or only white space), which
   * the domain's readers report as "is required" where a body is needed.
   *
   * @param invalidMessage the validation message for text that is not acceptable JSON
   * @throws HttpError 413 over the limit, 415 for a declared type that is not JSON
   * @throws dev.setwise.domain.ValidationException for text that is not acceptable JSON
   */
  Object json(Context ctx, String invalidMessage) {
    long declared = ctx.req().getContentLengthLong();
    if (declared > LIMIT) {
      throw HttpError.payloadTooLarge();
    }
    boolean chunked = declared < 0 && ctx.header("Transfer-Encoding") != null;
    if (declared <= 0 && !chunked) {
      return null;
    }
    if (!isJson(ctx.header("Content-Type"))) {
      throw HttpError.unsupportedMediaType();
    }
    byte[] bytes = read(ctx);
    return isBlank(bytes) ? null : codec.read(bytes, invalidMessage);
  }

  private static byte[] read(Context ctx) {
    try {
      // Not closed here: the container owns the request stream and drains or drops what is left.
      InputStream in = ctx.req().getInputStream();
      byte[] bytes = in.readNBytes((int) LIMIT + 1);
      if (bytes.length > LIMIT) {
        throw HttpError.payloadTooLarge();
      }
      return bytes;
    } catch (IOException e) {
      // The client went away, stalled or trickled the body: nobody may be left to read this answer.
      if (causedByTimeout(e)) {
        throw HttpError.requestTimeout();
      }
      throw HttpError.badRequest("The request body could not be read");
    }
  }

  private static boolean causedByTimeout(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads and drops what is left of the request body before an error answer (413, 401, 415 …),
   * for at most {@link #DISCARD_MILLIS}; nothing is kept. Skipped when the client waits for
   * {@code 100 Continue}, as it then sends no body at all.
   */
  static void discardRest(Context ctx) {
    if (ctx.header("Expect") != null) {
      return;
    }
    long declared = ctx.req().getContentLengthLong();
    boolean chunked = declared < 0 && ctx.header("Transfer-Encoding") != null;
    if (declared <= 0 && !chunked) {
      return;
    }
    try {
      InputStream in = ctx.req().getInputStream();
      byte[] buffer = new byte[64 * 1024];
      long deadline = System.nanoTime() + DISCARD_MILLIS * 1_000_000;
      while (in.read(buffer) != -1) {
        if (System.nanoTime() - deadline > 0) {
          return;
        }
      }
    } catch (IOException | IllegalStateException e) {
      // The client is gone or the body was taken another way: the container closes the connection.
    }
  }

  /**
   * No declared type is taken as JSON (the JDK's HTTP client sends none by default); a declared
   * one must be {@code application/json} or {@code application/*+json}, in UTF-8 if a charset is named.
   */
  static boolean isJson(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    String mediaType = parts[0].strip();
    boolean json = mediaType.equals("application/json")
        || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    if (!json) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      if (parameter.startsWith("charset=")) {
        String charset = parameter.substring("charset=".length()).replace("\"", "").strip();
        if (!charset.equals("utf-8") && !charset.equals("utf8")) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return false;
      }
    }
    return true;
  }
}
