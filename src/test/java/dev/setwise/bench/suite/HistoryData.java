package dev.setwise.bench.suite;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Large histories for the History and REST list measures, cached under
 * {@code target/bench/cache/history-N-KEY/} (a data folder) so that reruns start at once. The key
 * is a hash of the bundled migrations and of this generator, so a new migration (an index, a
 * counter, a full-text table) gets a database built on it.
 *
 * <p>The schema, the profiles and the plans come from the product ({@code AppContext.open},
 * {@code ProfileService}, {@code PlanService}); the sessions are plain batched INSERTs into the
 * real {@code sessions} table, summary columns filled as Setwise fills them, triggers running.
 * Profile {@value #PROFILE} holds N sessions, one every 6 hours up to 2026-11-23, the newest in
 * progress, over 20 plans chosen at random (5% each); a second profile holds N/100 more.
 */
public final class HistoryData {

  /** Bump when the generated data changes. */
  private static final String GENERATOR = "history-v1";
  public static final String PROFILE = "Bench";
  /** The plan of "one plan + completed" (5% of the sessions). */
  public static final String PLAN = "Push A";
  /** The name search: matches the sessions of plan "Squat focus" only (5%). */
  public static final String SEARCH = "squat";
  private static final List<String> PLANS = List.of("Push A", "Pull A", "Legs A", "Push B", "Pull B", "Legs B",
      "Upper 1", "Lower 1", "Upper 2", "Lower 2", "Full body", "Deadlift day", "Squat focus", "Bench focus", "Arms",
      "Shoulders", "Conditioning", "Strongman", "Olympic lifts", "Deload");
  private static final long SIX_HOURS_MS = 6 * 3_600_000L;

  /** A generated history and what its queries should count. */
  public record History(Path dataDir, int sessions, UUID profileId, UUID planId, long planCompleted,
      long searchMatches) {}

  private HistoryData() {}

  /** The cached history of {@code sessions} sessions, generated first when missing or stale. */
  public static History ensure(Bench bench, int sessions) throws Exception {
    String key = key(bench);
    Path dir = bench.cache().resolve("history-" + sessions + "-" + key);
    Path facts = dir.resolve("history.properties");
    if (!Files.exists(facts)) {
      try (Stream<Path> old = Files.list(bench.cache())) {
        for (Path stale : old.filter(p -> p.getFileName().toString().startsWith("history-" + sessions + "-")).toList()) {
          Bench.deleteTree(stale);
        }
      }
      long t0 = System.nanoTime();
      bench.log("history: generating %,d sessions in %s (once; cached)", sessions, bench.root().relativize(dir));
      generate(dir, sessions);
      bench.log("history: generated %,d sessions in %.0f s", sessions, (System.nanoTime() - t0) / 1e9);
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(facts)) {
      properties.load(in);
    }
    return new History(dir, sessions, UUID.fromString(properties.getProperty("profile")),
        UUID.fromString(properties.getProperty("plan")), Long.parseLong(properties.getProperty("planCompleted")),
        Long.parseLong(properties.getProperty("searchMatches")));
  }

  /** Generates the history of {@code sessions} sessions as the data folder {@code dir}. */
  static void generate(Path dir, int sessions) throws Exception {
    Path partial = dir.resolveSibling(dir.getFileName() + ".partial");
    Bench.deleteTree(partial);
    Files.createDirectories(partial);
    UUID profileId;
    UUID otherId;
    List<UUID> planIds = new ArrayList<>();
    UUID otherPlan;
    try (AppContext app = AppContext.open(partial)) {
      Profile profile = app.profiles().create(PROFILE, Unit.KG);
      profileId = profile.id();
      for (String name : PLANS) {
        planIds.add(app.plans().create(profileId, name, Workouts.plan()).id());
      }
      Profile other = app.profiles().create("Other", Unit.KG);
      otherId = other.id();
      Plan plan = app.plans().create(otherId, "Other plan", Workouts.plan());
      otherPlan = plan.id();
    }
    long planCompleted = 0;
    long searchMatches = 0;
    Random random = new Random(12);
    try (Connection connection = DriverManager.getConnection(
        "jdbc:sqlite:" + partial.resolve(AppContext.DATABASE_FILE).toAbsolutePath())) {
      try (Statement pragmas = connection.createStatement()) {
        // Generation only: durability is not what is measured here, and the file is checkpointed at the end.
        pragmas.execute("PRAGMA synchronous=OFF");
        pragmas.execute("PRAGMA cache_size=-262144");
        pragmas.execute("PRAGMA foreign_keys=ON");
      }
      connection.setAutoCommit(false);
      Variants variants = new Variants();
      long first = Instant.parse("2026-11-23T18:00:00Z").toEpochMilli() - (sessions - 1L) * SIX_HOURS_MS;
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sessions (id, user_id, plan_id, "
          + "date, started_at, ended_at, name, unit, exercise_count, set_count, completed_set_count, volume, "
          + "created_at, updated_at, session) VALUES (?, ?, ?, ?, ?, ?, ?, 'kg', ?, ?, ?, ?, ?, ?, ?)")) {
        int pending = 0;
        for (int i = 0; i < sessions; i++) {
          long started = first + i * SIX_HOURS_MS + random.nextInt(600_000);
          boolean inProgress = i == sessions - 1;
          int plan = random.nextInt(PLANS.size());
          add(insert, random, variants, profileId, planIds.get(plan), PLANS.get(plan), started, inProgress);
          if (!inProgress && PLANS.get(plan).equals(PLAN)) {
            planCompleted++;
          }
          if (PLANS.get(plan).toLowerCase(java.util.Locale.ROOT).contains(SEARCH)) {
            searchMatches++;
          }
          if (i % 100 == 50) {
            add(insert, random, variants, otherId, otherPlan, "Other plan", started + 60_000, false);
          }
          if (++pending >= 10_000) {
            insert.executeBatch();
            pending = 0;
          }
          if (i % 200_000 == 199_999) {
            connection.commit();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
      // The summary text Setwise stores with each row it writes (0066), as V19 gives rows from before it.
      dev.setwise.store.SummaryBackfill.fill(connection, new dev.setwise.json.StructureJson().mapper());
      connection.commit();
      connection.setAutoCommit(true);
      try (Statement checkpoint = connection.createStatement()) {
        checkpoint.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      }
    }
    // Open and close once through the product: what it does on close (PRAGMA optimize) it does here too.
    AppContext.open(partial).close();
    Properties properties = new Properties();
    properties.setProperty("profile", profileId.toString());
    properties.setProperty("plan", planIds.get(PLANS.indexOf(PLAN)).toString());
    properties.setProperty("planCompleted", Long.toString(planCompleted));
    properties.setProperty("searchMatches", Long.toString(searchMatches));
    try (OutputStream out = Files.newOutputStream(partial.resolve("history.properties"))) {
      properties.store(out, "generated by " + GENERATOR);
    }
    Files.move(partial, dir);
  }

  private static void add(PreparedStatement insert, Random random, Variants variants, UUID owner, UUID plan,
      String name, long started, boolean inProgress) throws Exception {
    int done = inProgress ? 10 : 16 + random.nextInt(5);
    int extra = random.nextInt(Variants.EXTRA);
    int repsOff = random.nextInt(2);
    Workouts.Summary summary = Workouts.summary(done, extra * 2.5, repsOff);
    long ended = started + 3_000_000 + random.nextInt(1_800_000);
    insert.setString(1, new UUID((started << 16) | 0x7000L | random.nextInt(1 << 12),
        (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L).toString());
    insert.setString(2, owner.toString());
    insert.setString(3, plan.toString());
    insert.setString(4, LocalDate.ofInstant(Instant.ofEpochMilli(started), ZoneOffset.UTC).toString());
    insert.setLong(5, started);
    if (inProgress) {
      insert.setNull(6, Types.INTEGER);
    } else {
      insert.setLong(6, ended);
    }
    insert.setString(7, name);
    insert.setInt(8, summary.exercises());
    insert.setInt(9, summary.sets());
    insert.setInt(10, summary.completedSets());
    insert.setDouble(11, summary.volume());
    insert.setLong(12, started);
    insert.setLong(13, inProgress ? started + 600_000 : ended);
    insert.setString(14, variants.json(name, done, extra, repsOff));
    insert.addBatch();
  }

  /** The JSON texts, made once per distinct (name, sets done, weight, reps short). */
  private static final class Variants {

    static final int EXTRA = 9;
    private final java.util.Map<String, String> texts = new java.util.HashMap<>();

    String json(String name, int done, int extra, int repsOff) {
      return texts.computeIfAbsent(name + '|' + done + '|' + extra + '|' + repsOff,
          k -> Workouts.json(name, done, extra * 2.5, repsOff));
    }
  }

  /** A hash of the bundled migrations, the generator and the workout text. */
  private static String key(Bench bench) {
    return CacheKeys.migrations(bench, GENERATOR + Workouts.json("x", 20, 2.5, 1));
  }
}
