package dev.setwise.bench.suite;

import dev.setwise.support.PostgresServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code setwise serve} on PostgreSQL (issue 13) against {@code setwise serve} on SQLite, in one
 * run: GET one session, list {@code limit=50} at 100,000 sessions, PATCH a session in progress,
 * each at {@value Wrk#CONNECTIONS} connections, on one SQLite instance, one PostgreSQL instance and
 * two PostgreSQL instances on one database (two {@code wrk} of half the connections each, one per
 * instance, at the same time: their requests add up, and the p99 shown is the higher of the two).
 * Every server is the jar, a process of its own; PostgreSQL is a durable server of its own
 * (fsync and synchronous commit on, as SQLite's {@code synchronous=FULL}), started here from
 * zonky's binaries, on the same 2 cores. The three sides alternate run by run; medians.
 */
public final class PostgresRestMeasure implements Measure {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
  private static final String PLAN = "Full body";
  private static final String[] SIDES = {"SQLite, 1 instance", "PostgreSQL, 1 instance", "PostgreSQL, 2 instances"};

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Override
  public String name() {
    return "rest-postgresql";
  }

  @Override
  public String description() {
    return "REST GET, list at 100k and PATCH, 64 connections: PostgreSQL (1 and 2 instances) vs SQLite";
  }

  /** Where one side's servers are and what its requests need. */
  private record Target(List<String> urls, String token, String getPath, String patchPath, Path bodyA, Path bodyB) {}

  @Override
  public List<Row> run(Bench bench) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (PostgresServer postgres = PostgresServer.start(true)) {
      bench.log("postgresql: a durable server on port %d", postgres.port());
      // GET and PATCH: a small database on each side.
      Path sqlite = bench.freshDir(name() + "-sqlite");
      bench.setwise().run(sqlite, "profile", "add", "Bench");
      String sqliteToken = bench.setwise().token(sqlite, "Bench");
      String db = postgres.newDatabase();
      String url = postgres.urlWithPassword(db);
      Path admin = bench.freshDir(name() + "-admin");
      bench.setwise().run(admin, "migrate", "--database", url);
      bench.setwise().run(admin, "profile", "add", "Bench", "--database", url);
      String pgToken = bench.setwise().run(admin, "token", "create", "--profile", "Bench", "--database", url).out()
          .strip();
      try (ServerProcess lite = bench.setwise().serve(sqlite);
          ServerProcess one = serve(bench, url, "one");
          ServerProcess two = serve(bench, url, "two")) {
        Target liteTarget = sessions(bench, "sqlite", List.of(lite.url()), sqliteToken);
        Target pgTarget = sessions(bench, "postgresql", List.of(one.url(), two.url()), pgToken);
        rows.addAll(compare(bench, "REST GET one session", liteTarget, pgTarget, false, false));
        rows.addAll(compare(bench, "REST PATCH a session in progress", liteTarget, pgTarget, true, false));
      }
      // The list: the same 100,000-session history on both sides.
      HistoryData.History history = HistoryData.ensure(bench, 100_000);
      String listDb = postgres.newDatabase();
      String listUrl = postgres.urlWithPassword(listDb);
      bench.setwise().run(admin, "migrate", "--database", listUrl);
      copyHistory(bench, history, postgres, listDb);
      String bigToken = bench.setwise().token(history.dataDir(), HistoryData.PROFILE);
      String bigPgToken = bench.setwise().run(admin, "token", "create", "--profile", HistoryData.PROFILE,
          "--database", listUrl).out().strip();
      try (ServerProcess lite = bench.setwise().serve(history.dataDir());
          ServerProcess one = serve(bench, listUrl, "list-one");
          ServerProcess two = serve(bench, listUrl, "list-two")) {
        String path = "/api/sessions?limit=50";
        for (String base : List.of(lite.url(), one.url(), two.url())) {
          String page = send(base + path, "GET", base.equals(lite.url()) ? bigToken : bigPgToken, null, 200);
          if (!page.replace(" ", "").contains("\"total\":" + history.sessions())) {
            throw new IllegalStateException("expected a total of " + history.sessions() + " at " + base);
          }
        }
        Target liteList = new Target(List.of(lite.url()), bigToken, path, null, null, null);
        Target pgList = new Target(List.of(one.url(), two.url()), bigPgToken, path, null, null, null);
        rows.addAll(compare(bench, "REST list `limit=50` at 100k sessions", liteList, pgList, false, true));
      }
    }
    return rows;
  }

  private ServerProcess serve(Bench bench, String url, String which) {
    Path dir = bench.freshDir(name() + "-serve-" + which);
    return ServerProcess.start(bench.setwise().command(dir, "serve", "--port", "0", "--database", url),
        bench.work().resolve(name() + "-serve-" + which + ".log"));
  }

  /** A plan, a completed 20-set session and one in progress (10 sets), made over HTTP on the first server. */
  private Target sessions(Bench bench, String side, List<String> urls, String token) throws Exception {
    String base = urls.get(0);
    String planId = id(send(base + "/api/plans", "POST", token,
        "{\"name\":\"" + PLAN + "\",\"structure\":" + Workouts.json(PLAN, 0, 0, 0) + "}", 201));
    String completed = id(send(base + "/api/sessions", "POST", token, "{\"plan_id\":\"" + planId
        + "\",\"date\":\"2026-11-23\",\"session\":" + Workouts.json(PLAN, 20, 0, 0) + "}", 201));
    send(base + "/api/sessions/" + completed + "/complete", "POST", token, null, 200);
    String inProgress = id(send(base + "/api/sessions", "POST", token, "{\"plan_id\":\"" + planId
        + "\",\"date\":\"2026-11-24\",\"session\":" + Workouts.json(PLAN, 10, 0, 0) + "}", 201));
    Path bodyA = Files.writeString(bench.work().resolve(name() + "-" + side + "-a.json"),
        "{\"session\":" + Workouts.json(PLAN, 11, 0, 0) + "}");
    Path bodyB = Files.writeString(bench.work().resolve(name() + "-" + side + "-b.json"),
        "{\"session\":" + Workouts.json(PLAN, 11, 0, 1) + "}");
    return new Target(urls, token, "/api/sessions/" + completed, "/api/sessions/" + inProgress, bodyA, bodyB);
  }

  /**
   * The same history in PostgreSQL: profiles, plans and sessions copied row by row from the cached
   * SQLite file (as the superuser, past row-level security; the schema's triggers run, so the
   * change feed and the totals hold every session as they would had the API made them), committed
   * 2,000 rows at a time.
   */
  private static void copyHistory(Bench bench, HistoryData.History history, PostgresServer postgres, String db)
      throws Exception {
    long t0 = System.nanoTime();
    try (Connection from = DriverManager.getConnection("jdbc:sqlite:" + history.dataDir().resolve("setwise.db"));
        Connection to = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + db
            + "?reWriteBatchedInserts=true", "postgres", "")) {
      to.setAutoCommit(false);
      copy(from, to, "SELECT id, name, unit, created_at FROM profiles",
          "INSERT INTO profiles (id, name, unit, created_at) VALUES (?::uuid, ?, ?, ?)");
      copy(from, to, "SELECT id, user_id, name, exercise_count, has_sessions, archived, created_at, updated_at, "
          + "version, structure FROM plans", "INSERT INTO plans (id, user_id, name, exercise_count, has_sessions, "
          + "archived, created_at, updated_at, version, structure) VALUES (?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, "
          + "?::jsonb)");
      copy(from, to, "SELECT id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count, set_count, "
          + "completed_set_count, volume, created_at, updated_at, version, session FROM sessions ORDER BY started_at",
          "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, name, unit, exercise_count, "
          + "set_count, completed_set_count, volume, created_at, updated_at, version, session) VALUES (?::uuid, "
          + "?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)");
      to.commit();
      try (Statement analyze = to.createStatement()) {
        to.setAutoCommit(true);
        analyze.execute("VACUUM ANALYZE");
      }
    }
    bench.log("postgresql: copied the %,d-session history in %.0f s", history.sessions(),
        (System.nanoTime() - t0) / 1e9);
  }

  private static void copy(Connection from, Connection to, String select, String insert)
      throws Exception {
    try (Statement read = from.createStatement(); ResultSet rs = read.executeQuery(select);
        PreparedStatement write = to.prepareStatement(insert)) {
      int columns = rs.getMetaData().getColumnCount();
      int pending = 0;
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          write.setObject(c, rs.getObject(c));
        }
        write.addBatch();
        if (++pending == 2000) {
          write.executeBatch();
          // A commit per batch: in one transaction every row's triggers would update the same feed
          // head and totals rows again and again, and each update walks the versions left by the
          // ones before it (quadratic); committed, they are pruned.
          to.commit();
          pending = 0;
        }
      }
      write.executeBatch();
      to.commit();
    }
  }

  /** Warm-ups, then runs alternating the three sides (rotating who goes first); one row per side. */
  private List<Row> compare(Bench bench, String what, Target lite, Target pg, boolean patch, boolean list) {
    int warmSeconds = bench.pick(8, 2);
    int seconds = bench.pick(10, 4);
    int rounds = bench.pick(3, 1);
    Path log = bench.work().resolve(name() + "-wrk.log");
    List<List<Wrk.Result>> results = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (int side = 0; side < 3; side++) {
      load(bench, side, lite, pg, patch, warmSeconds, log);
    }
    for (int round = 0; round < rounds; round++) {
      for (int k = 0; k < 3; k++) {
        int side = (round + k) % 3;
        Wrk.Result result = load(bench, side, lite, pg, patch, seconds, log);
        bench.log("%s %s, %s: %.0f req/s, p50 %.2f ms, p99 %.2f ms, %d errors%s", name(), what, SIDES[side],
            result.perSecond(), result.p50Ms(), result.p99Ms(), result.errors(),
            result.errors() == 0 ? "" : " (" + result.errorKinds() + ")");
        results.get(side).add(result);
      }
    }
    double sqlitePerSecond = Stats.median(results.get(0).stream().map(Wrk.Result::perSecond).toList());
    List<Row> rows = new ArrayList<>();
    for (int side = 0; side < 3; side++) {
      List<Wrk.Result> runs = results.get(side);
      double perSecond = Stats.median(runs.stream().map(Wrk.Result::perSecond).toList());
      double p99 = Stats.median(runs.stream().map(Wrk.Result::p99Ms).toList());
      double p50 = Stats.median(runs.stream().map(Wrk.Result::p50Ms).toList());
      long errors = runs.stream().mapToLong(Wrk.Result::errors).sum();
      // a side that answered nothing in time has no figure to compare: not met, whatever the errors say
      String figure = Stats.rate(perSecond) + ", p50 " + Stats.millis(p50) + ", p99 " + Stats.millis(p99)
          + (errors == 0 ? "" : ", " + errors + " errors");
      rows.add(new Row(what + ", " + Wrk.CONNECTIONS + " connections, " + SIDES[side], figure,
          side == 0 ? "(the reference)" : "SQLite, 1 instance: " + Stats.rate(sqlitePerSecond),
          side == 0 ? "" : Stats.ratio(perSecond / sqlitePerSecond), side == 0 ? "" : "0 errors",
          side == 0 ? null : errors == 0 && perSecond > 0));
    }
    if (list) {
      bench.log("%s: list measured", name());
    }
    return rows;
  }

  /** One load run of one side; the two-instance side runs two wrk at once, half the connections each. */
  private static Wrk.Result load(Bench bench, int side, Target lite, Target pg, boolean patch, int seconds, Path log) {
    Target target = side == 0 ? lite : pg;
    String path = patch ? target.patchPath() : target.getPath();
    String[] args = patch ? new String[] {target.token(), target.bodyA().toString(), target.bodyB().toString()}
        : new String[] {target.token()};
    if (side < 2) {
      return Wrk.run(bench, target.urls().get(0) + path, Wrk.CONNECTIONS, seconds, log, args);
    }
    CompletableFuture<Wrk.Result> first = CompletableFuture.supplyAsync(
        () -> Wrk.run(bench, target.urls().get(0) + path, Wrk.CONNECTIONS / 2, seconds, log, args));
    CompletableFuture<Wrk.Result> second = CompletableFuture.supplyAsync(
        () -> Wrk.run(bench, target.urls().get(1) + path, Wrk.CONNECTIONS / 2, seconds, log, args));
    Wrk.Result a = first.join();
    Wrk.Result b = second.join();
    return new Wrk.Result(a.requests() + b.requests(), Math.max(a.seconds(), b.seconds()), a.errors() + b.errors(),
        (a.errorKinds() + " " + b.errorKinds()).strip(), Math.max(a.p50Ms(), b.p50Ms()), Math.max(a.p99Ms(), b.p99Ms()));
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
