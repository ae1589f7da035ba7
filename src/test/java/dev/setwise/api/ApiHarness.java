package dev.setwise.api;

import dev.setwise.domain.Profile;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real server on a free loopback port over a real SQLite file or a real PostgreSQL database, and
 * a JDK {@link HttpClient} (default settings, as any client of the contract would use). Each test
 * makes its own profiles with {@link #caller}, so one server serves a whole test class. On
 * PostgreSQL the server runs on a context of its own, as {@code setwise serve --database} opens
 * it, and profiles and tokens are made on the administrative one, as the CLI makes them.
 */
final class ApiHarness implements AutoCloseable {

  /** The databases the API suite runs on. */
  enum Backend {
    SQLITE, POSTGRESQL
  }

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A plan with two exercises and targets only, as {@code POST /api/plans} takes it. */
  static final String PLAN_STRUCTURE = """
      {"unit": "kg", "exercises": [
        {"name": "Squat", "rest_seconds": 180, "sets": [
          {"type": "warmup", "target_reps": 5, "target_weight": 60},
          {"target_reps": 5, "target_weight": 100, "target_rpe": 8},
          {"target_reps": 5, "target_weight": 100, "target_rpe": 8.5}]},
        {"name": "Bench press", "notes": "Pause the first rep", "sets": [
          {"target_reps": 8, "target_weight": 60}, {"target_reps": 8, "target_weight": 60}]}]}""";

  /** A snapshot with the warm-up and two work sets of squats done: volume 2 × 5 × 100 = 1000 kg. */
  static final String LOGGED_SESSION = """
      {"unit": "kg", "exercises": [
        {"name": "Squat", "sets": [
          {"type": "warmup", "reps": 5, "weight": 60, "completed": true},
          {"reps": 5, "weight": 100, "rpe": 8, "completed": true, "completed_at": "2026-11-24T07:20:00Z"},
          {"reps": 5, "weight": 100, "completed": true}]},
        {"name": "Bench press", "sets": [{"target_reps": 8, "target_weight": 60}]}]}""";

  private static final AtomicInteger NAMES = new AtomicInteger();

  final TestContext t;
  final Backend backend;
  final ApiServer server;
  final URI base;
  private final SlowClients.Limits limits;
  private final java.util.List<ApiServer> others = new java.util.ArrayList<>();
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private ApiHarness(TestContext t, Backend backend, SlowClients.Limits limits) {
    this.t = t;
    this.backend = backend;
    this.limits = limits;
    this.server = serve(t.newServer(), limits);
    this.base = URI.create(server.url());
  }

  static ApiHarness start(Path dataDir) {
    return start(dataDir, SlowClients.Limits.DEFAULT);
  }

  /** A server on {@code backend}. */
  static ApiHarness start(Path dataDir, Backend backend) {
    return start(dataDir, backend, SlowClients.Limits.DEFAULT);
  }

  /** A server with other slow-client bounds (shorter ones keep slow-client tests quick). */
  static ApiHarness start(Path dataDir, SlowClients.Limits limits) {
    return start(dataDir, Backend.SQLITE, limits);
  }

  static ApiHarness start(Path dataDir, Backend backend, SlowClients.Limits limits) {
    TestContext t = backend == Backend.POSTGRESQL ? TestContext.onPostgres(dataDir) : new TestContext(dataDir);
    try {
      return new ApiHarness(t, backend, limits);
    } catch (RuntimeException e) {
      t.close();
      throw e;
    }
  }

  private static ApiServer serve(dev.setwise.AppContext app, SlowClients.Limits limits) {
    return ApiServer.start(new ApiServer.Services(app.sessions(), app.plans(), app.audit(), app.tokens(),
        app.idempotency(), app.changes(), "test-version"), "127.0.0.1", 0, limits);
  }

  /**
   * Another instance serving the same database (PostgreSQL only: its own context and pool, as a
   * second {@code setwise serve} process has); it stops with this harness. Returns its base URL.
   */
  URI secondInstance() {
    if (backend != Backend.POSTGRESQL) {
      throw new IllegalStateException("Only PostgreSQL is served by several instances");
    }
    ApiServer other = serve(t.newServer(), limits);
    synchronized (others) {
      others.add(other);
    }
    return URI.create(other.url());
  }

  /**
   * Runs raw SQL on the database behind the server, past the service layer: {@code sqlite} on the
   * SQLite file, {@code postgres} on the PostgreSQL database as the superuser (whom row-level
   * security does not bind). Returns the update count of the last statement.
   */
  int sql(String sqlite, String postgres) throws java.sql.SQLException {
    try (java.sql.Connection raw = onPostgres()
        ? dev.setwise.support.PostgresServer.get().connectAsSuperuser(t.database)
        : java.sql.DriverManager.getConnection("jdbc:sqlite:" + t.dataDir.resolve("setwise.db"));
        java.sql.Statement statement = raw.createStatement()) {
      if (!onPostgres()) {
        statement.execute("PRAGMA busy_timeout = 10000");
      }
      return statement.executeUpdate(onPostgres() ? postgres : sqlite);
    }
  }

  boolean onPostgres() {
    return backend == Backend.POSTGRESQL;
  }

  /** A new profile with a new token. */
  Caller caller(String name) {
    Profile profile = t.profile(name + "-" + NAMES.incrementAndGet());
    return new Caller(profile, t.app.tokens().create(profile.id(), "test").text());
  }

  Response send(String method, String path, String token, String body, Map<String, String> headers) {
    return send(base, method, path, token, body, headers);
  }

  /** {@link #send(String, String, String, String, Map)} to the instance at {@code to}. */
  Response send(URI to, String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(to.resolve(path)).timeout(Duration.ofSeconds(60))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Sends raw bytes (for what {@link HttpClient} refuses to send, like a malformed query) on a new
   * connection and returns everything the server answers until it closes the connection.
   */
  String raw(String request) {
    try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.stop();
    synchronized (others) {
      others.forEach(ApiServer::stop);
    }
    t.close();
  }

  /** One profile talking to the server with its own token. */
  final class Caller {

    final Profile profile;
    final String token;

    Caller(Profile profile, String token) {
      this.profile = profile;
      this.token = token;
    }

    Response get(String path) {
      return send("GET", path, token, null, Map.of());
    }

    Response post(String path, String body) {
      return send("POST", path, token, body, Map.of());
    }

    Response post(String path, String body, String idempotencyKey) {
      return send("POST", path, token, body, Map.of("Idempotency-Key", idempotencyKey));
    }

    Response patch(String path, String body) {
      return send("PATCH", path, token, body, Map.of());
    }

    Response delete(String path) {
      return send("DELETE", path, token, null, Map.of());
    }

    /** Any request with extra headers ({@code If-Match}, {@code Idempotency-Key} …). */
    Response request(String method, String path, String body, Map<String, String> headers) {
      return send(method, path, token, body, headers);
    }

    /** Creates a plan over HTTP and returns its id. */
    String plan(String name) {
      Response created = post("/api/plans", "{\"name\": " + quote(name) + ", \"structure\": " + PLAN_STRUCTURE + "}");
      if (created.status() != 201) {
        throw new AssertionError("could not create a plan: " + created);
      }
      return created.json().get("id").asString();
    }

    /** Starts a session from a plan over HTTP (201 expected) and returns its id. */
    String start(String planId) {
      Response started = post("/api/sessions", "{\"plan_id\": \"" + planId + "\"}");
      if (started.status() != 201) {
        throw new AssertionError("could not start a session: " + started);
      }
      return started.json().get("id").asString();
    }
  }

  /** Status, headers and body of one answer. */
  record Response(int status, Map<String, java.util.List<String>> headers, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      for (Map.Entry<String, java.util.List<String>> entry : headers.entrySet()) {
        if (entry.getKey().equalsIgnoreCase(name)) {
          return entry.getValue().isEmpty() ? null : entry.getValue().get(0);
        }
      }
      return null;
    }

    /** The {@code error} of an error body. */
    String error() {
      return json().get("error").asString();
    }

    String message() {
      return json().get("message").asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  static String quote(String text) {
    return JSON.writeValueAsString(text);
  }

  static Map<String, String> headers(String... namesAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      map.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return map;
  }
}
