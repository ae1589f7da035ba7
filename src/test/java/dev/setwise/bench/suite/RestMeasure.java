package dev.setwise.bench.suite;

import dev.setwise.bench.raw.BareApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API under load: {@code setwise serve} (the jar, its own process) driven by {@code wrk}
 * with {@value Wrk#CONNECTIONS} connections over loopback, against a baseline server in a process
 * of its own, the two alternating run by run:
 * <ul>
 *   <li>{@link Part#GET}: {@code GET /api/sessions/{id}} of a completed 20-set session against
 *       {@link BareApiServer} sending the same bytes;</li>
 *   <li>{@link Part#LIST}: {@code GET /api/sessions?limit=50} on a profile with 100,000 sessions
 *       against the same request on a profile with none;</li>
 *   <li>{@link Part#PATCH}: {@code PATCH /api/sessions/{id}} of a session in progress (two bodies
 *       in turn, each written with {@code synchronous=FULL}) against {@link BareApiServer} storing
 *       the same text with one plain UPDATE per request.</li>
 * </ul>
 * Each figure is the median over the runs; errors are summed.
 */
public final class RestMeasure implements Measure {

  /** Which request is measured. */
  public enum Part { GET, LIST, PATCH }

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
  private static final String PLAN = "Full body";
  /**
   * Two warm-up runs this close in requests per second mean the server is warm. 10% let Setwise's
   * side stop at 5k req/s after 15 s, still compiling, and measure 8–11k req/s after (2026-12-04).
   */
  private static final double STEADY = 0.05;

  private final Part part;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  public RestMeasure(Part part) {
    this.part = part;
  }

  @Override
  public String name() {
    return "rest-" + part.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public String description() {
    return switch (part) {
      case GET -> "REST GET one session, 64 connections (wrk) vs a bare Javalin handler sending the same bytes";
      case LIST -> "REST GET /api/sessions?limit=50 at 100k sessions vs the same on an empty database (wrk)";
      case PATCH -> "REST PATCH of a session in progress, 64 connections, FULL vs bare Javalin + raw UPDATE";
    };
  }

  @Override
  public List<Row> run(Bench bench) throws Exception {
    return part == Part.LIST ? list(bench) : sessionRequests(bench);
  }

  private List<Row> sessionRequests(Bench bench) throws Exception {
    Path data = bench.freshDir(name() + "-setwise");
    bench.setwise().run(data, "profile", "add", "Bench");
    String token = bench.setwise().token(data, "Bench");
    try (ServerProcess setwise = bench.setwise().serve(data)) {
      String planId = id(send(setwise.url() + "/api/plans", "POST", token,
          "{\"name\":\"" + PLAN + "\",\"structure\":" + Workouts.json(PLAN, 0, 0, 0) + "}", 201));
      String completed = id(send(setwise.url() + "/api/sessions", "POST", token, "{\"plan_id\":\"" + planId
          + "\",\"date\":\"2026-11-23\",\"session\":" + Workouts.json(PLAN, 20, 0, 0) + "}", 201));
      send(setwise.url() + "/api/sessions/" + completed + "/complete", "POST", token, null, 200);
      String inProgress = id(send(setwise.url() + "/api/sessions", "POST", token, "{\"plan_id\":\"" + planId
          + "\",\"date\":\"2026-11-24\",\"session\":" + Workouts.json(PLAN, 10, 0, 0) + "}", 201));

      Path dir = bench.work();
      Path getBody = Files.writeString(dir.resolve(name() + "-get.json"),
          send(setwise.url() + "/api/sessions/" + completed, "GET", token, null, 200));
      Path bodyA = Files.writeString(dir.resolve(name() + "-patch-a.json"),
          "{\"session\":" + Workouts.json(PLAN, 11, 0, 0) + "}");
      Path bodyB = Files.writeString(dir.resolve(name() + "-patch-b.json"),
          "{\"session\":" + Workouts.json(PLAN, 11, 0, 1) + "}");
      Path patchAnswer = Files.writeString(dir.resolve(name() + "-patch-answer.json"),
          send(setwise.url() + "/api/sessions/" + inProgress, "PATCH", token, Files.readString(bodyA), 200));
      // The baseline writes to a copy of the same database (schema, rows, pragmas), not to Setwise's file.
      Path rawDb = dir.resolve(name() + "-raw.db");
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("setwise.db"));
          Statement statement = connection.createStatement()) {
        statement.execute("VACUUM INTO '" + rawDb + "'");
      }
      Path bareJar = bench.jars().main(BareApiServer.class, BenchJars.JAVALIN_JDBC);
      try (ServerProcess bare = ServerProcess.start(List.of(bench.java(), "-jar", bareJar.toString(),
          getBody.toString(), patchAnswer.toString(), rawDb.toString()), dir.resolve(name() + "-bare.log"))) {
        if (part == Part.GET) {
          String path = "/api/sessions/" + completed;
          Load load = alternate(bench, setwise.url() + path, bare.url() + path, new String[] {token},
              new String[] {"-"});
          double ratio = load.a.perSecond / load.b.perSecond;
          return List.of(new Row("REST GET one session, " + Wrk.CONNECTIONS + " connections", load.a.describe(),
              load.b.describe() + " (bare Javalin, same bytes)", Stats.ratio(ratio), "≥ 0.50×, p99 < 20 ms",
              ratio >= 0.5 && load.a.p99Ms < 20 && load.a.errors == 0));
        }
        String path = "/api/sessions/" + inProgress;
        Load load = alternate(bench, setwise.url() + path, bare.url() + path,
            new String[] {token, bodyA.toString(), bodyB.toString()}, new String[] {"-", bodyA.toString(),
                bodyB.toString()});
        String after = send(setwise.url() + path, "GET", token, null, 200);
        if (!after.contains("\"in_progress\"")) {
          throw new IllegalStateException("the session under PATCH is no longer in progress: " + after);
        }
        return List.of(new Row("REST PATCH a session in progress, " + Wrk.CONNECTIONS + " connections (FULL)",
            load.a.describe(), load.b.describe() + " (bare Javalin + raw UPDATE, FULL)",
            Stats.ratio(load.a.perSecond / load.b.perSecond), "≥ 5.0k req/s (2× the issue's 2.5k), 0 errors",
            load.a.perSecond >= 5000 && load.a.errors == 0));
      }
    }
  }

  private List<Row> list(Bench bench) throws Exception {
    HistoryData.History history = HistoryData.ensure(bench, 100_000);
    String bigToken = bench.setwise().token(history.dataDir(), HistoryData.PROFILE);
    Path empty = bench.freshDir("rest-list-empty");
    bench.setwise().run(empty, "profile", "add", HistoryData.PROFILE);
    String emptyToken = bench.setwise().token(empty, HistoryData.PROFILE);
    String path = "/api/sessions?limit=50";
    try (ServerProcess big = bench.setwise().serve(history.dataDir());
        ServerProcess none = bench.setwise().serve(empty)) {
      String page = send(big.url() + path, "GET", bigToken, null, 200);
      if (!page.replace(" ", "").contains("\"total\":" + history.sessions())) {
        throw new IllegalStateException("expected a total of " + history.sessions() + ": " + page.substring(0,
            Math.min(200, page.length())));
      }
      send(none.url() + path, "GET", emptyToken, null, 200);
      Load load = alternate(bench, big.url() + path, none.url() + path, new String[] {bigToken},
          new String[] {emptyToken});
      double ratio = load.a.perSecond / load.b.perSecond;
      return List.of(new Row("REST list `limit=50` at 100k sessions, " + Wrk.CONNECTIONS + " connections",
          load.a.describe(), load.b.describe() + " (same request, empty database)", Stats.ratio(ratio),
          "≥ 0.50× of empty, p99 < 50 ms", ratio >= 0.5 && load.a.p99Ms < 50 && load.a.errors == 0));
    }
  }

  /** Medians of several runs of one side. */
  private record Side(double perSecond, double p50Ms, double p99Ms, long errors) {

    String describe() {
      return Stats.rate(perSecond) + ", p50 " + Stats.millis(p50Ms) + ", p99 " + Stats.millis(p99Ms)
          + (errors == 0 ? "" : ", " + errors + " errors");
    }
  }

  private record Load(Side a, Side b) {}

  /** Warm-up runs on both, then runs alternating A B, B A, … */
  private Load alternate(Bench bench, String urlA, String urlB, String[] argsA, String[] argsB) {
    int seconds = bench.pick(10, 4);
    int pairs = bench.pick(3, 1);
    Path log = bench.work().resolve(name() + "-wrk.log");
    warmUp(bench, "setwise ", urlA, log, argsA);
    warmUp(bench, "baseline", urlB, log, argsB);
    List<Wrk.Result> a = new ArrayList<>();
    List<Wrk.Result> b = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      for (int side : i % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
        Wrk.Result result = Wrk.run(bench, side == 0 ? urlA : urlB, seconds, log, side == 0 ? argsA : argsB);
        bench.log("%s %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s", name(),
            side == 0 ? "setwise " : "baseline", result.perSecond(), result.p50Ms(), result.p99Ms(), result.errors(),
            result.errors() == 0 ? "" : " (" + result.errorKinds() + ")");
        (side == 0 ? a : b).add(result);
      }
    }
    return new Load(side(a), side(b));
  }

  /**
   * Load until the server is warm, by the same rule for both sides: runs of a few seconds until one
   * answers within {@value #STEADY} of the one before (at least {@code minimum} seconds in all, at
   * most {@code maximum}; 30 and 90 s). Both JVMs were still compiling after the 8 s warm-up this replaced: on 2
   * shared cores each took 20 to 30 s of load to reach a steady rate, so the first measured runs
   * caught them half-way, Setwise (more code to compile) more than the baseline.
   */
  private void warmUp(Bench bench, String side, String url, Path log, String[] args) {
    int step = bench.pick(5, 2);
    int minimum = bench.pick(30, 4);
    int maximum = bench.pick(90, 10);
    double previous = 0;
    for (int elapsed = 0; elapsed < maximum; elapsed += step) {
      double rate = Wrk.run(bench, url, step, log, args).perSecond();
      boolean steady = elapsed + step >= minimum && previous > 0 && Math.abs(rate - previous) <= STEADY * previous;
      previous = rate;
      if (steady) {
        bench.log("%s %s: warm after %d s (%.0f req/s)", name(), side, elapsed + step, rate);
        return;
      }
    }
    bench.log("%s %s: not steady after %d s of warm-up (%.0f req/s last)", name(), side, maximum, previous);
  }

  private static Side side(List<Wrk.Result> runs) {
    return new Side(Stats.median(runs.stream().map(Wrk.Result::perSecond).toList()),
        Stats.median(runs.stream().map(Wrk.Result::p50Ms).toList()),
        Stats.median(runs.stream().map(Wrk.Result::p99Ms).toList()),
        runs.stream().mapToLong(Wrk.Result::errors).sum());
  }

  private String send(String url, String method, String token, String body, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response.body();
  }

  private static String id(String json) {
    Matcher matcher = ID.matcher(json);
    if (!matcher.find()) {
      throw new IllegalStateException("no id in " + json);
    }
    return matcher.group(1);
  }
}
