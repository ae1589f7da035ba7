package dev.setwise.api;

import dev.setwise.json.JsonCodec;
import dev.setwise.service.AuditLog;
import dev.setwise.service.ChangeFeedService;
import dev.setwise.service.IdempotencyService;
import dev.setwise.service.PlanService;
import dev.setwise.service.SessionService;
import dev.setwise.service.TokenService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API of the contract ({@code /api/...}), served by Javalin on Jetty from the same
 * services as the desktop app. HTTP concerns live here (routes, authentication, bodies, error
 * bodies, idempotency keys); every rule stays in the services.
 *
 * <p>Requests run on Jetty's thread pool and call the services directly (they block on the
 * database, which is fine off the JavaFX thread). {@link #stop()} is graceful: new requests are
 * refused with 503 while requests already running finish (up to {@value #STOP_TIMEOUT_MS} ms).
 */
public final class ApiServer {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  /** A read that takes this long is logged as any write is. */
  static final long SLOW_REQUEST_MS = 1_000;
  /**
   * The most threads of the server (Jetty's acceptor and selector among them; Javalin's default is
   * 250). A request is mostly work for the processor, so threads beyond a few per core only wait:
   * 64 connections on 2 cores with a thread each spent more time switching and queuing behind
   * locks whose holder had been descheduled than answering (docs/decisions/0047). Jetty queues
   * what it cannot run yet in order, and waiting for headers or idling on keep-alive takes no thread.
   */
  static final int MAX_THREADS = 16;
  /** How long {@link #stop()} waits for requests in flight. */
  static final long STOP_TIMEOUT_MS = 15_000;

  /**
   * The services the API serves, the version it reports, and what makes the database unusable now
   * ({@code databaseProblem} answers null while it is fine; {@code /api/health} then answers 503).
   */
  public record Services(SessionService sessions, PlanService plans, AuditLog audit, TokenService tokens,
      IdempotencyService idempotency, ChangeFeedService changes, String version, Supplier<String> databaseProblem) {

    public Services(SessionService sessions, PlanService plans, AuditLog audit, TokenService tokens,
        IdempotencyService idempotency, ChangeFeedService changes, String version) {
      this(sessions, plans, audit, tokens, idempotency, changes, version, () -> null);
    }
  }

  /** The server could not start (port in use, unknown host …); the message is fit for a user. */
  public static final class StartException extends RuntimeException {

    StartException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Javalin app;
  private final String url;
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private ApiServer(Javalin app, String url) {
    this.app = app;
    this.url = url;
  }

  /**
   * Starts serving on {@code host:port} ({@code port} 0 picks a free port).
   *
   * @throws StartException when the address cannot be bound
   */
  public static ApiServer start(Services services, String host, int port) {
    return start(services, host, port, SlowClients.Limits.DEFAULT);
  }

  /** Like {@link #start(Services, String, int)} with other slow-client bounds (tests shorten them). */
  static ApiServer start(Services services, String host, int port, SlowClients.Limits limits) {
    JsonCodec codec = JsonCodec.forRequests();
    Bodies bodies = new Bodies(codec);
    Exchanges exchanges = new Exchanges(services.tokens(), services.idempotency(), codec);
    SessionEndpoints sessions = new SessionEndpoints(services.sessions(), exchanges, bodies);
    PlanEndpoints plans = new PlanEndpoints(services.plans(), exchanges, bodies);
    AuditEndpoints audit = new AuditEndpoints(services.audit(), exchanges);
    ChangeEndpoints changes = new ChangeEndpoints(services.changes(), exchanges);
    Map<String, Object> health = new LinkedHashMap<>();
    health.put("status", "ok");
    health.put("version", services.version());
    byte[] healthBody = codec.writeBytes(health);

    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.startup.startupWatcherEnabled = false;
      config.http.maxRequestSize = Bodies.LIMIT;
      config.http.prefer405over404 = true;
      config.http.generateEtags = false;
      config.jetty.threadPool = threadPool();
      config.router.ignoreTrailingSlashes = true;
      config.jetty.addConnector((server, httpConfiguration) -> connector(server, httpConfiguration, host, port, limits));
      config.jetty.modifyServer(server -> {
        server.insertHandler(new GracefulHandler());
        server.setStopTimeout(STOP_TIMEOUT_MS);
        server.setErrorHandler(new JsonErrorHandler(codec));
      });
      config.router.javaLangErrorHandler((response, error) -> {
        LOG.error("Failed to process a request", error);
        try {
          response.setStatus(500);
          response.setContentType(Exchanges.JSON);
          response.getOutputStream().write(codec.writeBytes(ErrorAnswers.internal().body()));
        } catch (Exception e) {
          error.addSuppressed(e);
        }
      });
      config.requestLogger.http(ApiServer::logRequest);

      config.routes.exception(HttpResponseException.class, (e, ctx) -> fail(ctx, e, codec));
      config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, e, codec));
      // No request acts for the caller of an earlier one on the same thread (row-level security on PostgreSQL).
      config.routes.before(ctx -> services.tokens().endRequest());
      config.routes.after(ctx -> services.tokens().endRequest());
      config.routes.before(ctx -> {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (ctx.header("X-HTTP-Method-Override") != null) {
          throw HttpError.badRequest("X-HTTP-Method-Override is not supported");
        }
      });

      config.routes.get("/api/health", ctx -> {
        if (services.databaseProblem().get() != null) {
          throw HttpError.databaseUnavailable();
        }
        ctx.status(200).contentType(Exchanges.JSON).result(healthBody);
      });
      config.routes.head("/api/health", ctx -> {
        if (services.databaseProblem().get() != null) {
          throw HttpError.databaseUnavailable();
        }
        ctx.status(200).contentType(Exchanges.JSON);
      });
      config.routes.post("/api/sessions", sessions::start);
      config.routes.post("/api/sessions/batch", sessions::batch);
      config.routes.get("/api/sessions", sessions::list);
      config.routes.head("/api/sessions", sessions::list);
      config.routes.get("/api/sessions/{id}", sessions::get);
      config.routes.head("/api/sessions/{id}", sessions::get);
      config.routes.patch("/api/sessions/{id}", sessions::update);
      config.routes.delete("/api/sessions/{id}", sessions::delete);
      config.routes.post("/api/sessions/{id}/complete", sessions::complete);
      config.routes.post("/api/sessions/{id}/amendments", sessions::amend);
      config.routes.get("/api/sessions/{id}/amendments", sessions::amendments);
      config.routes.head("/api/sessions/{id}/amendments", sessions::amendments);
      config.routes.post("/api/plans", plans::create);
      config.routes.get("/api/plans", plans::list);
      config.routes.head("/api/plans", plans::list);
      config.routes.get("/api/plans/{id}", plans::get);
      config.routes.head("/api/plans/{id}", plans::get);
      config.routes.patch("/api/plans/{id}", plans::update);
      config.routes.delete("/api/plans/{id}", plans::delete);
      config.routes.get("/api/audit-log", audit::list);
      config.routes.head("/api/audit-log", audit::list);
      config.routes.get("/api/changes", changes::list);
      config.routes.head("/api/changes", changes::list);
    });
    try {
      app.start();
    } catch (RuntimeException e) {
      stopQuietly(app);
      LOG.error("Could not start the Setwise API on {}", hostAndPort(host, port), e);
      throw new StartException("Could not listen on " + hostAndPort(host, port) + ": " + whyNotBound(e), e);
    }
    ApiServer server = new ApiServer(app, "http://" + hostAndPort(host, app.port()));
    LOG.info("Serving the Setwise API on {}", server.url());
    return server;
  }

  /**
   * One line per request that changed something, failed or was slow; a quick successful read is
   * logged at DEBUG only: at thousands of reads a second, a line each would fill the log's 100 MB
   * in minutes and roll away the lines worth keeping, and its lock would queue every request
   * (docs/decisions/0047).
   */
  private static void logRequest(Context ctx, Float millis) {
    HandlerType method = ctx.method();
    boolean read = method == HandlerType.GET || method == HandlerType.HEAD;
    if (!read || ctx.statusCode() >= 400 || millis >= SLOW_REQUEST_MS) {
      LOG.info("{} {} {} {} ms", method.name(), ctx.path(), ctx.statusCode(), Math.round(millis));
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} {} {} ms", method.name(), ctx.path(), ctx.statusCode(), Math.round(millis));
    }
  }

  /** Request threads: see {@link #MAX_THREADS}. */
  private static QueuedThreadPool threadPool() {
    QueuedThreadPool pool = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
    pool.setName("api");
    return pool;
  }

  /**
   * The one HTTP/1.1 connector, with the slow-client rules of decision record 0018: every read and
   * write may wait at most {@link SlowClients.Limits#idleMillis()}, and {@link SlowClients} bounds
   * how long headers and bodies may take in all.
   */
  private static ServerConnector connector(Server server, HttpConfiguration httpConfiguration, String host, int port,
      SlowClients.Limits limits) {
    SlowClients slowClients = new SlowClients(server.getScheduler(), limits);
    server.insertHandler(slowClients);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfiguration));
    connector.setHost(host);
    connector.setPort(port);
    connector.setIdleTimeout(limits.idleMillis());
    connector.addEventListener(slowClients);
    return connector;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:8080} (the API is under {@code /api}). */
  public String url() {
    return url;
  }

  public int port() {
    return app.port();
  }

  /**
   * Every route the server answers, as {@code "METHOD /path"} with Javalin's {@code {id}} path
   * parameters (the test that holds {@code docs/api/openapi.yaml} to the server reads them).
   */
  java.util.List<String> routes() {
    return app.unsafe.internalRouter.allHttpHandlers().stream()
        .map(parsed -> parsed.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .distinct().sorted().toList();
  }

  /**
   * Stops serving: refuses new requests, lets running ones finish, then closes the listener.
   * Safe to call more than once and from any thread (a shutdown hook, for instance).
   */
  public void stop() {
    if (!stopping.compareAndSet(false, true)) {
      awaitStop();
      return;
    }
    try {
      LOG.info("Stopping the Setwise API on {}", url);
      app.stop();
      LOG.info("Stopped the Setwise API");
    } finally {
      stopped.countDown();
    }
  }

  /** Blocks until {@link #stop()} has finished. */
  public void awaitStop() {
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void fail(Context ctx, Exception failure, JsonCodec codec) {
    ErrorAnswers.ErrorAnswer answer = ErrorAnswers.of(failure);
    if (answer.unexpected()) {
      LOG.error("Failed to process {} {}", ctx.method().name(), ctx.path(), failure);
    }
    Bodies.discardRest(ctx);
    ctx.status(answer.status());
    answer.headers().forEach(ctx::header);
    if (ctx.method() == HandlerType.HEAD) {
      ctx.result(new byte[0]);
      return;
    }
    ctx.contentType(Exchanges.JSON);
    ctx.result(codec.writeBytes(answer.body()));
  }

  private static String hostAndPort(String host, int port) {
    String shown = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    return shown + ":" + port;
  }

  /**
   * Why binding failed, in words for a user (the exception's own text goes to the log). The
   * deepest cause is asked first: Javalin words every bind failure as "port already in use".
   */
  private static String whyNotBound(Throwable failure) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
      chain.add(0, cause);
    }
    for (Throwable cause : chain) {
      String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (cause instanceof java.nio.channels.UnresolvedAddressException || cause instanceof java.net.UnknownHostException) {
        return "unknown host";
      }
      if (message.contains("already in use")) {
        return "the port is in use";
      }
      if (message.contains("permission denied") || message.contains("elevated privileges")) {
        return "not allowed (ports below 1024 need administrator rights)";
      }
      if (message.contains("cannot assign requested address")) {
        return "this computer has no such address";
      }
    }
    return "the address cannot be used (see logs/setwise.log)";
  }

  private static void stopQuietly(Javalin app) {
    try {
      app.stop();
    } catch (RuntimeException e) {
      LOG.debug("Could not stop a server that did not start", e);
    }
  }
}
