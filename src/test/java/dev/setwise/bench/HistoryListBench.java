package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.Unit;
import dev.setwise.json.StructureJson;
import dev.setwise.store.Database;
import dev.setwise.store.SessionRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * How fast a history page is with a large history: {@code SessionService.list} (filters, sort,
 * page, total) against a raw baseline in the same run (plain JDBC reading one page of ids by
 * primary-key order with no count). Prints the median of each and their ratio.
 *
 * <p>{@code bench/run.sh HistoryListBench [sessions]} (default 100,000).
 */
public final class HistoryListBench {

  private static final int RUNS = 41;

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("setwise-bench");
    Profile profile;
    Plan plan;
    try (AppContext app = AppContext.open(dir)) {
      profile = app.profiles().create("Bench", Unit.KG);
      plan = app.plans().create(profile.id(), "Bench plan", dev.setwise.support.Structures.plan());
    }
    long started = System.nanoTime();
    try (Database database = Database.open(dir.resolve(AppContext.DATABASE_FILE))) {
      fill(database, profile.id(), plan, count);
      System.out.printf("filled %,d sessions in %.1f s%n", count, (System.nanoTime() - started) / 1e9);
      double baseline = median(() -> rawPage(database, profile.id()));
      try (AppContext app = AppContext.open(dir)) {
        Map<String, SessionQuery> queries = new LinkedHashMap<>();
        SessionQuery first = SessionQuery.defaults();
        queries.put("newest first (default)", first);
        queries.put("oldest first", first.withSort(SessionQuery.Sort.STARTED_AT, SessionQuery.Order.ASC));
        queries.put("by date desc", first.withSort(SessionQuery.Sort.DATE, SessionQuery.Order.DESC));
        queries.put("by ended_at desc", first.withSort(SessionQuery.Sort.ENDED_AT, SessionQuery.Order.DESC));
        queries.put("by ended_at asc", first.withSort(SessionQuery.Sort.ENDED_AT, SessionQuery.Order.ASC));
        queries.put("completed only", new SessionQuery(null, null, null, true, null, 20, 0, null, null));
        queries.put("completed, by ended_at", new SessionQuery(null, null, null, true, null, 20, 0,
            SessionQuery.Sort.ENDED_AT, SessionQuery.Order.DESC));
        queries.put("in progress only", new SessionQuery(null, null, null, false, null, 20, 0, null, null));
        queries.put("one plan", new SessionQuery(plan.id(), null, null, null, null, 20, 0, null, null));
        queries.put("date range (a month)", new SessionQuery(null, LocalDate.of(2020, 3, 1),
            LocalDate.of(2020, 3, 31), null, null, 20, 0, SessionQuery.Sort.DATE, SessionQuery.Order.DESC));
        queries.put("middle page", first.withPage(20, count / 2));
        queries.put("last page", first.withPage(20, count - 20));
        queries.put("name search", new SessionQuery(null, null, null, null, "plan", 20, 0, null, null));
        System.out.printf("%-24s %10s %10s%n", "query", "median ms", "x raw");
        System.out.printf("%-24s %10.3f %10s%n", "raw JDBC page (baseline)", baseline, "1.0");
        for (Map.Entry<String, SessionQuery> entry : queries.entrySet()) {
          double ms = median(() -> app.sessions().list(profile.id(), entry.getValue()));
          System.out.printf("%-24s %10.3f %10.1f%n", entry.getKey(), ms, ms / baseline);
        }
      }
    } finally {
      deleteRecursively(dir);
    }
  }

  private static void fill(Database database, UUID owner, Plan plan, int count) {
    SessionRepository sessions = new SessionRepository(new StructureJson());
    Random random = new Random(1);
    Instant start = Instant.parse("2020-01-01T06:00:00Z");
    int batch = 10_000;
    for (int done = 0; done < count; done += batch) {
      int from = done;
      database.write(tx -> {
        for (int i = from; i < Math.min(count, from + batch); i++) {
          Instant began = start.plusSeconds(i * 3_600L);
          SessionStructure structure = plan.structure().withName("Bench plan " + (i % 7));
          boolean last = i == count - 1;
          sessions.insert(tx, owner, new Session(Ids.newId(), plan.id(),
              LocalDate.of(2020, 1, 1).plusDays(i / 24 + random.nextInt(3)), began,
              last ? null : began.plusSeconds(3_000), structure, began, began));
        }
        return null;
      });
    }
  }

  private static Object rawPage(Database database, UUID owner) {
    return database.read(tx -> {
      List<String> ids = new ArrayList<>();
      try (PreparedStatement statement = tx.connection().prepareStatement(
          "SELECT id FROM sessions WHERE user_id = ? LIMIT 20")) {
        statement.setString(1, owner.toString());
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
      return ids;
    });
  }

  private static double median(Supplier<Object> query) {
    for (int i = 0; i < 10; i++) {
      query.get();
    }
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      query.get();
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
