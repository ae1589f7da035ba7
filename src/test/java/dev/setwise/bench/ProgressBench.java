package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.domain.Exercise;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.json.StructureJson;
import dev.setwise.service.progress.StatsService;
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
 * Progress reads on a large history: exercise history, records, last time and every chart of the
 * app, each against raw JDBC in the same run: the obvious indexed SQL on the same derived tables for
 * the same figures (a GROUP BY where the app seeks record indexes one by one). Prints median and 95th percentile in
 * ms and the ratio of medians. Budget: every app read under 50 ms at 100,000 sessions (2,000,000 sets).
 *
 * <p>{@code bench/run.sh ProgressBench [sessions]} (default 100,000; 4 exercises × 5 sets each, one a
 * warm-up, from 12 exercises, 14 sessions a day over about 20 years, some in lb). Filling takes a
 * while (all through the real repository); {@code BENCH_JAVA_OPTS=-Dbench.keep=DIR} keeps the data
 * folder, and a later run with the same option measures it again without filling.
 */
public final class ProgressBench {

  private static final int RUNS = 41;
  private static final String[] EXERCISES = {"Squat", "Bench press", "Deadlift", "Overhead press", "Barbell row",
      "Pull-up", "Dip", "Front squat", "Incline bench press", "Romanian deadlift", "Curl", "Lunge"};
  private static final LocalDate FIRST = LocalDate.of(2006, 1, 2);

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    String keep = System.getProperty("bench.keep");
    Path dir = keep != null ? Files.createDirectories(Path.of(keep)) : Files.createTempDirectory("setwise-progress-bench");
    try {
      Profile profile;
      LocalDate last;
      boolean reuse = keep != null && Files.exists(dir.resolve(AppContext.DATABASE_FILE));
      if (reuse) {
        // A kept data folder of an earlier run (-Dbench.keep=DIR): measure again without filling.
        try (AppContext app = AppContext.open(dir)) {
          profile = app.profiles().findByName("Bench").orElseThrow();
          last = app.sessions().list(profile.id(), new dev.setwise.domain.SessionQuery(null, null, null, true, null, 1,
              0, dev.setwise.domain.SessionQuery.Sort.DATE, dev.setwise.domain.SessionQuery.Order.DESC))
              .items().get(0).date();
        }
        System.out.println("reusing the data folder " + dir);
      } else {
        Plan plan;
        try (AppContext app = AppContext.open(dir)) {
          profile = app.profiles().create("Bench", Unit.KG);
          plan = app.plans().create(profile.id(), "Bench plan", dev.setwise.support.Structures.plan());
        }
        long started = System.nanoTime();
        try (Database database = Database.open(dir.resolve(AppContext.DATABASE_FILE))) {
          last = fill(database, profile.id(), plan, count);
        }
        System.out.printf("filled %,d sessions (%,d sets) in %.1f s%n", count, count * 20L,
            (System.nanoTime() - started) / 1e9);
      }
      try (Database raw = Database.open(dir.resolve(AppContext.DATABASE_FILE));
          AppContext app = AppContext.open(dir)) {
        StatsService stats = app.progress().stats();
        UUID id = profile.id();
        LocalDate today = last;
        Map<String, Supplier<Object>> app1 = new LinkedHashMap<>();
        Map<String, Supplier<Object>> base = new LinkedHashMap<>();
        String sessionsRange = "SELECT session_id, date, volume, best_e1rm FROM exercise_log WHERE user_id = ? "
            + "AND exercise_key = 'squat' AND working_sets > 0 ORDER BY date DESC, started_at DESC LIMIT 50";
        // Raw: the same figures by plain SQL on the same tables, each the obvious indexed query.
        String repMaxes = "SELECT reps, max(weight_kg) FROM set_log WHERE user_id = ? AND exercise_key = 'squat' "
            + "AND working = 1 AND reps <= 12 GROUP BY reps";
        String squatRecords = "SELECT max(heaviest_kg), max(best_e1rm_kg), max(best_set_volume_kg), max(volume_kg) "
            + "FROM exercise_log WHERE user_id = ? AND exercise_key = 'squat'";
        put(app1, base, "exercise history (screen: newest 50)", () -> stats.history(id, "Squat", 50),
            () -> rawRows(raw, id, sessionsRange, squatRecords, repMaxes));
        put(app1, base, "exercise history (all, as the CLI)", () -> stats.history(id, "Squat", 0),
            () -> rawRows(raw, id, sessionsRange.replace(" LIMIT 50", ""), squatRecords, repMaxes));
        put(app1, base, "records (every exercise)", () -> stats.records(id),
            () -> rawRows(raw, id, "SELECT exercise_key, max(heaviest_kg), max(best_e1rm_kg), max(best_set_volume_kg), "
                + "max(volume_kg) FROM exercise_log WHERE user_id = ? GROUP BY exercise_key"));
        String[] lastTimes = new String[8];
        String[] keys = {"squat", "bench press", "deadlift", "curl"};
        for (int k = 0; k < 4; k++) {
          lastTimes[2 * k] = "SELECT * FROM set_log WHERE user_id = ?1 AND session_id = (SELECT session_id FROM "
              + "exercise_log WHERE user_id = ?1 AND exercise_key = '" + keys[k] + "' ORDER BY date DESC, "
              + "started_at DESC LIMIT 1) AND exercise_key = '" + keys[k] + "'";
          lastTimes[2 * k + 1] = squatRecords.replace("'squat'", "'" + keys[k] + "'");
        }
        put(app1, base, "last time + records (4 exercises)", () -> stats.outlook(id,
            List.of("Squat", "Bench press", "Deadlift", "Curl"), Unit.KG), () -> rawRows(raw, id, lastTimes));
        String weeks = "SELECT day, count(*), sum(volume) FROM session_log WHERE user_id = ? AND day BETWEEN "
            + today.minusWeeks(26).toEpochDay() + " AND " + today.toEpochDay() + " GROUP BY day";
        put(app1, base, "chart: sessions+volume, 26 weeks", () -> stats.periods(id, ProgressCharts.Span.WEEKS, today),
            () -> rawRows(raw, id, weeks));
        put(app1, base, "chart: sessions+volume, 24 months", () -> stats.periods(id, ProgressCharts.Span.MONTHS, today),
            () -> rawRows(raw, id, weeks.replace(today.minusWeeks(26).toEpochDay() + " AND",
                today.minusMonths(24).toEpochDay() + " AND")));
        put(app1, base, "chart: sessions+volume, all", () -> stats.periods(id, ProgressCharts.Span.ALL, today),
            () -> rawRows(raw, id, "SELECT day, count(*), sum(volume) FROM session_log WHERE user_id = ? GROUP BY day"));
        put(app1, base, "calendar: a year of training days",
            () -> stats.trainingDays(id, today.minusDays(364), today),
            () -> rawRows(raw, id, weeks.replace(today.minusWeeks(26).toEpochDay() + " AND",
                today.minusDays(364).toEpochDay() + " AND")));
        put(app1, base, "chart: bodyweight, a year", () -> stats.bodyweight(id, today.minusDays(364), today),
            () -> rawRows(raw, id, "SELECT day, bodyweight FROM session_log WHERE user_id = ? AND bodyweight IS NOT NULL "
                + "AND day BETWEEN " + today.minusDays(364).toEpochDay() + " AND " + today.toEpochDay()));
        put(app1, base, "chart: bodyweight, all", () -> stats.bodyweight(id, FIRST, today),
            () -> rawRows(raw, id, "SELECT day, bodyweight FROM session_log WHERE user_id = ? AND bodyweight IS NOT NULL"));
        String trend = "SELECT substr(date, 1, 7) AS b, max(best_e1rm), sum(volume) FROM exercise_log WHERE user_id = ? "
            + "AND exercise_key = 'squat' AND working_sets > 0 AND date >= '%s' GROUP BY b";
        put(app1, base, "chart: e1RM+volume, 26 weeks", () -> stats.trend(id, "Squat", ProgressCharts.Span.WEEKS, today),
            () -> rawRows(raw, id, String.format(trend, today.minusWeeks(26))));
        put(app1, base, "chart: e1RM+volume, 24 months",
            () -> stats.trend(id, "Squat", ProgressCharts.Span.MONTHS, today),
            () -> rawRows(raw, id, String.format(trend, today.minusMonths(24))));
        put(app1, base, "chart: e1RM+volume, all", () -> stats.trend(id, "Squat", ProgressCharts.Span.ALL, today),
            () -> rawRows(raw, id, String.format(trend, "")));
        put(app1, base, "exercise catalogue", () -> stats.catalogue(id),
            () -> rawRows(raw, id, "SELECT DISTINCT exercise_key FROM exercise_log WHERE user_id = ?"));

        System.out.printf("%-38s %10s %10s %10s %10s %8s%n", "read", "app ms", "app p95", "raw ms", "raw p95", "x raw");
        boolean allUnder = true;
        for (String name : app1.keySet()) {
          double[] a = times(app1.get(name));
          double[] r = times(base.get(name));
          System.out.printf("%-38s %10.2f %10.2f %10.2f %10.2f %8.1f%n", name, a[0], a[1], r[0], r[1], a[0] / r[0]);
          allUnder &= a[0] < 50 || name.contains("as the CLI");
        }
        System.out.println(allUnder ? "every app read is under 50 ms (median)" : "SOME APP READ IS OVER 50 ms");
      }
    } finally {
      if (keep == null) {
        try (var paths = Files.walk(dir)) {
          paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static void put(Map<String, Supplier<Object>> app, Map<String, Supplier<Object>> base, String name,
      Supplier<Object> appRead, Supplier<Object> rawRead) {
    app.put(name, appRead);
    base.put(name, rawRead);
  }

  /** Writes sessions through the real repository (so the derived tables fill as they do in use). */
  private static LocalDate fill(Database database, UUID owner, Plan plan, int count) {
    SessionRepository sessions = new SessionRepository(new StructureJson());
    Random random = new Random(7);
    Instant start = FIRST.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    int batch = 5_000;
    LocalDate[] last = new LocalDate[1];
    for (int done = 0; done < count; done += batch) {
      int from = done;
      database.write(tx -> {
        for (int i = from; i < Math.min(count, from + batch); i++) {
          LocalDate date = FIRST.plusDays(i / 14);
          last[0] = date;
          Instant began = start.plusSeconds(i * 6_000L);
          Unit unit = i % 10 == 0 ? Unit.LB : Unit.KG;
          double scale = unit == Unit.LB ? 2.2 : 1;
          List<Exercise> exercises = new ArrayList<>();
          for (int e = 0; e < 4; e++) {
            String name = EXERCISES[(i + e * 3 + random.nextInt(2)) % EXERCISES.length];
            double top = Math.round((40 + 80.0 * i / count + random.nextInt(20)) * scale / 2.5) * 2.5;
            List<SetEntry> sets = new ArrayList<>();
            sets.add(set(SetType.WARMUP, 8, Math.round(top * 0.5 / 2.5) * 2.5));
            for (int s = 0; s < 4; s++) {
              sets.add(set(SetType.NORMAL, 3 + random.nextInt(10), top - 2.5 * random.nextInt(4)));
            }
            exercises.add(new Exercise(name, null, 120, null, sets));
          }
          Double bodyweight = i % 3 == 0 ? Math.round((80 + random.nextGaussian()) * scale * 10) / 10.0 : null;
          SessionStructure structure = new SessionStructure("Session " + i, unit, null, bodyweight, exercises);
          sessions.insert(tx, owner, new Session(Ids.newId(), plan.id(), date, began, began.plusSeconds(3_600),
              structure, began, began));
        }
        return null;
      });
    }
    return last[0];
  }

  private static SetEntry set(SetType type, int reps, double weight) {
    return new SetEntry(type, reps, weight, null, reps, weight, 8.0, null, null, true, Instant.EPOCH);
  }

  /** Runs each statement (its one parameter: the owner) in one read transaction, reading every row. */
  private static Object rawRows(Database database, UUID owner, String... sqls) {
    return database.read(tx -> {
      List<Object> rows = new ArrayList<>();
      for (String sql : sqls) {
        try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
          statement.setString(1, owner.toString());
          try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
              rows.add(rs.getObject(1));
            }
          }
        }
      }
      return rows;
    });
  }

  /** Median and 95th percentile in ms, after a warm-up. */
  private static double[] times(Supplier<Object> read) {
    for (int i = 0; i < 5; i++) {
      read.get();
    }
    double[] times = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      read.get();
      times[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(times);
    return new double[] {times[RUNS / 2], times[(int) Math.ceil(RUNS * 0.95) - 1]};
  }
}
