package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a first sync's pull costs on the server: walking {@code GET /api/changes} to its end in pages
 * of 500 over loopback, for a profile with N completed sessions, against a raw baseline in the same
 * run (one plain JDBC query reading every session's id and snapshot text). Also the cost of one page
 * at the start and at the end of the feed, which should be the same (a cursor is an index seek).
 *
 * <p>{@code bench/run.sh ChangeFeedBench [sessions]} (default 10000).
 */
public final class ChangeFeedBench {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path dir = Files.createTempDirectory("setwise-feed-bench");
    try (AppContext app = AppContext.open(dir)) {
      Profile profile = app.profiles().create("Bench", Unit.KG);
      Plan plan = app.plans().create(profile.id(), "Bench plan", Structures.plan());
      long filling = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Session started = app.sessions().start(profile.id(), plan.id(), LocalDate.of(2000, 1, 1).plusDays(i));
        app.sessions().complete(profile.id(), started.id(),
            Structures.done(started.structure(), 0, 1, 5, 100, Instant.parse("2026-01-01T10:00:00Z")));
      }
      System.out.printf("filled %,d sessions in %.1f s%n", count, (System.nanoTime() - filling) / 1e9);
      String token = app.tokens().create(profile.id(), "bench").text();
      ApiServer server = ApiServer.start(new ApiServer.Services(app.sessions(), app.plans(), app.audit(),
          app.tokens(), app.idempotency(), app.changes(), Version.current()), "127.0.0.1", 0);
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create(server.url());
        for (int warm = 0; warm < 2; warm++) {
          walk(http, base, token);
          raw(dir);
        }
        long rawStart = System.nanoTime();
        long rawBytes = raw(dir);
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;
        long walkStart = System.nanoTime();
        Walk walk = walk(http, base, token);
        double walkSeconds = (System.nanoTime() - walkStart) / 1e9;
        System.out.printf("raw JDBC, every id and snapshot (baseline)  %8.3f s  (%,d bytes of JSON)%n",
            rawSeconds, rawBytes);
        System.out.printf("GET /api/changes to the end, limit 500       %8.3f s  = %.1f x raw (%d pages, %,d changes, "
            + "%,d bytes)%n", walkSeconds, walkSeconds / rawSeconds, walk.pages, walk.changes, walk.bytes);
        System.out.printf("one page of 500: first %.1f ms, last %.1f ms (median of the walk's pages %.1f ms)%n",
            walk.pageMillis.get(0), walk.pageMillis.get(walk.pageMillis.size() - 2),
            walk.pageMillis.stream().sorted().toList().get(walk.pageMillis.size() / 2));
      } finally {
        server.stop();
      }
    }
  }

  private record Walk(int pages, long changes, long bytes, List<Double> pageMillis) {}

  private static Walk walk(HttpClient http, URI base, String token) throws Exception {
    String cursor = null;
    int pages = 0;
    long changes = 0;
    long bytes = 0;
    List<Double> millis = new ArrayList<>();
    while (true) {
      HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/changes?limit=500"
          + (cursor == null ? "" : "&after=" + cursor))).header("Authorization", "Bearer " + token).build();
      long started = System.nanoTime();
      HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      JsonNode page = JSON.readTree(answer.body());
      millis.add((System.nanoTime() - started) / 1e6);
      pages++;
      bytes += answer.body().length;
      changes += page.get("data").size();
      cursor = page.get("next_cursor").asString();
      if (!page.get("has_more").asBoolean()) {
        return new Walk(pages, changes, bytes, millis);
      }
    }
  }

  private static long raw(Path dir) throws Exception {
    long bytes = 0;
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AppContext.DATABASE_FILE));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT id, session FROM sessions ORDER BY started_at")) {
      while (rs.next()) {
        bytes += rs.getString(1).length() + rs.getString(2).length();
      }
    }
    return bytes;
  }
}
