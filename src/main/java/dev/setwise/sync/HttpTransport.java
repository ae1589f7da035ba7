package dev.setwise.sync;

import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.sync.SyncToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests to one Setwise server with the JDK's HTTP client: a connect timeout, a deadline on every
 * whole answer, no redirects (the token goes to the server named and nowhere else), bodies read
 * whole up to a limit. A request that fails in transit (no connection, reset, timeout, a body cut
 * short or not JSON) or answers 5xx, 408 or 429 is sent again after a back-off with jitter, a few
 * times at most; the callers make every request safe to repeat (client ids, {@code If-Match},
 * and recognising their own change in the server's copy). Any other answer goes to the caller, but a
 * 401 stops the sync: the token is refused.
 *
 * <p>Logs method, path, status and time, never a header: the token stays out of every log, and a
 * JVM whose HTTP client is set to log headers ({@code -Djdk.httpclient.HttpClient.log=headers})
 * is refused before the first request.
 */
final class HttpTransport {

  private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
  /** A page of 500 sessions at the contract's maxima stays well below this. */
  private static final long MAX_ANSWER = 64 * JsonLimits.ONE_MIB;

  /** One answer: status, the JSON body as a plain tree (null when empty), and the {@code ETag}. */
  record Answer(int status, Object body, String etag) {

    boolean ok() {
      return status >= 200 && status <= 299;
    }

    /** The {@code error} of an error body, or "". */
    String error() {
      return body instanceof Map<?, ?> map && map.get("error") instanceof String text ? text : "";
    }

    /** The {@code message} of an error body, or "". */
    String message() {
      return body instanceof Map<?, ?> map && map.get("message") instanceof String text ? text : "";
    }

    /** {@code 409 Session already exists}, {@code 400 Plan not found…}: for a line a user reads. */
    String describe() {
      String message = message();
      return status + (message.isEmpty() ? "" : " " + message);
    }
  }

  private final HttpClient client;
  private final String base;
  private final SyncToken token;
  private final SyncOptions options;
  private final Cancellation cancellation;
  private final JsonCodec codec = new JsonCodec(JsonLimits.STORED);
  private final String userAgent;

  HttpTransport(HttpClient client, String serverUrl, SyncToken token, SyncOptions options,
      Cancellation cancellation, String version) {
    refuseHeaderLogging();
    this.client = client;
    this.base = serverUrl;
    this.token = token;
    this.options = options;
    this.cancellation = cancellation;
    this.userAgent = "Setwise/" + version + " sync";
  }

  static HttpClient newClient(SyncOptions options) {
    refuseHeaderLogging();
    return HttpClient.newBuilder()
        .connectTimeout(options.connectTimeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .version(HttpClient.Version.HTTP_1_1)
        .build();
  }

  String base() {
    return base;
  }

  /** A GET with the token. */
  Answer get(String path) {
    return send("GET", path, null, null, true);
  }

  /** The health check, without the token. */
  Answer health() {
    return send("GET", "/api/health", null, null, false);
  }

  /**
   * Sends a request with the token, retrying what can be retried.
   *
   * @param body a plain JSON tree, or null
   * @param ifMatch the version for {@code If-Match}, or null
   * @throws SyncException {@code UNREACHABLE} when no answer came after every attempt, {@code SERVER}
   *     when the server kept failing, {@code REFUSED} on a 401
   * @throws CancellationException when cancelled
   */
  Answer send(String method, String path, Object body, Long ifMatch) {
    return send(method, path, body, ifMatch, true, false);
  }

  /**
   * A POST sent with an {@code Idempotency-Key} made from its body, so that repeating it after a
   * lost answer replays the first answer instead of doing the work again. {@code body} is a plain
   * tree, or the JSON bytes already written.
   */
  Answer sendOnce(String path, Object body) {
    return send("POST", path, body, null, true, true, null);
  }

  /**
   * {@link #sendOnce} asking for a minimal answer ({@code Prefer: return=minimal}, RFC 7240): a
   * server that knows the preference leaves out what the client sent; one that does not answers in
   * full, so the caller reads either.
   */
  Answer sendOnceMinimal(String path, Object body) {
    return send("POST", path, body, null, true, true, "return=minimal");
  }

  private Answer send(String method, String path, Object body, Long ifMatch, boolean authenticated) {
    return send(method, path, body, ifMatch, authenticated, false, null);
  }

  private Answer send(String method, String path, Object body, Long ifMatch, boolean authenticated,
      boolean idempotent) {
    return send(method, path, body, ifMatch, authenticated, idempotent, null);
  }

  private Answer send(String method, String path, Object body, Long ifMatch, boolean authenticated,
      boolean idempotent, String prefer) {
    byte[] payload = body == null ? null : body instanceof byte[] json ? json : codec.writeBytes(body);
    String key = idempotent && payload != null ? "sync-" + digest(payload) : null;
    String lastProblem = "no answer";
    boolean serverFailed = false;
    for (int attempt = 1; attempt <= options.attempts(); attempt++) {
      cancellation.check();
      long started = System.nanoTime();
      try {
        HttpResponse<byte[]> response = exchange(request(method, path, payload, ifMatch, authenticated, key, prefer));
        int status = response.statusCode();
        LOG.debug("{} {} {} in {} ms (attempt {})", method, path, status,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), attempt);
        if (status >= 500 || status == 408 || status == 429) {
          serverFailed = true;
          lastProblem = "it answered " + status;
        } else if (status == 401) {
          throw new SyncException(SyncException.Kind.REFUSED, "The server at " + base + " refused the token");
        } else if (status >= 300 && status < 400) {
          throw new SyncException(SyncException.Kind.SERVER,
              "The server at " + base + " answered a redirect (" + status + "); give its final address with --server");
        } else {
          Object tree = parse(response.body(), status);
          if (tree != NOT_JSON) {
            return new Answer(status, tree, response.headers().firstValue("ETag").orElse(null));
          }
          serverFailed = false;
          lastProblem = "its answer was cut short or not JSON";
        }
      } catch (IOException e) {
        serverFailed = false;
        lastProblem = transportProblem(e);
        LOG.debug("{} {} failed in transit (attempt {}): {}", method, path, attempt, lastProblem);
      }
      if (attempt < options.attempts()) {
        pause(options.backoff(attempt));
      }
    }
    throw new SyncException(serverFailed ? SyncException.Kind.SERVER : SyncException.Kind.UNREACHABLE,
        (serverFailed ? "The server at " + base + " failed: " : "Cannot reach the server at " + base + ": ")
            + lastProblem);
  }

  private static final Object NOT_JSON = new Object();

  /** The body as a tree; null when empty; {@link #NOT_JSON} when a body that should be JSON is not. */
  private Object parse(byte[] bytes, int status) {
    if (bytes.length == 0) {
      return status == 204 || status >= 400 ? null : NOT_JSON;
    }
    try {
      return codec.read(bytes, "not JSON");
    } catch (ValidationException e) {
      return status >= 400 ? null : NOT_JSON;
    }
  }

  private static String digest(byte[] payload) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(payload));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** A body as it would be sent (a tree given to {@link #sendOnce} may be these bytes instead). */
  byte[] bytes(Object body) {
    return codec.writeBytes(body);
  }

  private HttpRequest request(String method, String path, byte[] payload, Long ifMatch, boolean authenticated,
      String idempotencyKey, String prefer) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(options.requestTimeout())
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .method(method, payload == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(payload));
    if (payload != null) {
      builder.header("Content-Type", "application/json");
    }
    if (ifMatch != null) {
      builder.header("If-Match", "\"" + ifMatch + "\"");
    }
    if (idempotencyKey != null) {
      builder.header("Idempotency-Key", idempotencyKey);
    }
    if (prefer != null) {
      builder.header("Prefer", prefer);
    }
    if (authenticated) {
      builder.header("Authorization", "Bearer " + token.reveal());
    }
    return builder.build();
  }

  /** Sends and waits for the whole answer, at most the request timeout, checking for cancellation. */
  private HttpResponse<byte[]> exchange(HttpRequest request) throws IOException {
    CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, CappedBody.handler(MAX_ANSWER));
    long deadline = System.nanoTime() + options.requestTimeout().toNanos();
    try {
      while (true) {
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
          future.cancel(true);
          cancellation.check();
          throw new CancellationException("Interrupted");
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          future.cancel(true);
          throw new HttpTimeoutException("no whole answer within " + options.requestTimeout().toMillis() + " ms");
        }
        try {
          return future.get(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          // check for cancellation, then wait on
        }
      }
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "failed" : cause.getClass().getSimpleName(), cause);
    }
  }

  private void pause(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        cancellation.check();
        long left = until - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("Interrupted");
    }
  }

  private static String transportProblem(IOException e) {
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.nio.channels.UnresolvedAddressException
          || cause instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
    }
    if (e instanceof ConnectException) {
      return "the connection was refused";
    }
    return "the connection failed (" + e.getClass().getSimpleName() + ")";
  }

  /** The JDK's HTTP client logs every header (the token too) when told to; sync will not run then. */
  private static void refuseHeaderLogging() {
    String setting = System.getProperty("jdk.httpclient.HttpClient.log", "").toLowerCase(Locale.ROOT);
    if (setting.contains("headers") || setting.contains("all") || setting.contains("requests")) {
      throw new SyncException(SyncException.Kind.UNSAFE, "Sync does not run while jdk.httpclient.HttpClient.log="
          + setting + " is set: that would write the token to a log");
    }
  }
}
