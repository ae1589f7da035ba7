package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.Unit;
import dev.setwise.json.StructureJson;
import dev.setwise.store.Database;
import dev.setwise.store.SessionRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What the checks of this branch cost on a large history, each against a raw baseline in the
 * same run:
 *
 * <ul>
 *   <li>opening a folder ({@code AppContext.open}: header, schema, migrations, connections) vs a
 *       plain JDBC connection reading one row;
 *   <li>{@code quick_check} (serve start, before a backup or export, the app's background check)
 *       vs the {@code VACUUM INTO} copy a backup makes anyway;
 *   <li>opening after a crash (the database and its {@code -wal} copied aside, then checked) vs
 *       opening the same folder without a leftover WAL;
 *   <li>a small write through {@code Database.write} (the file's identity checked before and
 *       after, page 1 stamped) vs the same insert on a raw JDBC connection with the same pragmas.
 * </ul>
 *
 * <p>{@code bench/run.sh OpeningBench [sessions]} (default 100,000).
 */
public final class OpeningBench {

  private static final int RUNS = 11;

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("setwise-opening-bench");
    Path file = dir.resolve(AppContext.DATABASE_FILE);
    try (AppContext app = AppContext.open(dir)) {
      Profile profile = app.profiles().create("Bench", Unit.KG);
      Plan plan = app.plans().create(profile.id(), "Bench plan", dev.setwise.support.Structures.plan());
      fill(file, profile, plan, count);
    }
    System.out.printf("%,d sessions, %.1f MB%n", count, Files.size(file) / 1e6);

    double rawOpen = median(() -> rawOpen(file));
    double open = median(() -> closed(AppContext.open(dir)));
    report("open the folder", open, "plain JDBC connection + one row", rawOpen);

    double vacuum = median(() -> vacuumInto(file, dir.resolve("copy.db")));
    double check;
    try (AppContext app = AppContext.open(dir)) {
      check = median(() -> app.backups().checkDatabase());
    }
    report("quick_check", check, "VACUUM INTO (a backup's copy)", vacuum);

    Path crashed = Files.createDirectories(dir.resolve("crashed"));
    double afterCrash = median(() -> openAfterCrash(dir, crashed));
    double clean = median(() -> closed(AppContext.open(crashed)));
    report("open after a crash (copy aside + check the -wal)", afterCrash, "open the same folder cleanly", clean);

    try (Database database = Database.open(file); Connection raw = rawConnection(file)) {
      database.write(tx -> {
        tx.connection().createStatement().execute("CREATE TABLE IF NOT EXISTS bench_notes (text TEXT)");
        return null;
      });
      double rawWrite = median(() -> rawInsert(raw));
      double write = median(() -> database.write(tx -> {
        try (PreparedStatement statement = tx.connection().prepareStatement("INSERT INTO bench_notes VALUES (?)")) {
          statement.setString(1, "note");
          return statement.executeUpdate();
        }
      }));
      report("Database.write of one row", write, "raw JDBC insert, same pragmas", rawWrite);
    }
  }

  private static void fill(Path file, Profile profile, Plan plan, int count) {
    SessionRepository sessions = new SessionRepository(new StructureJson());
    Instant start = Instant.parse("2020-01-01T06:00:00Z");
    try (Database database = Database.open(file)) {
      for (int done = 0; done < count; done += 10_000) {
        int from = done;
        database.write(tx -> {
          for (int i = from; i < Math.min(count, from + 10_000); i++) {
            Instant began = start.plusSeconds(i * 3_600L);
            SessionStructure structure = plan.structure().withName("Bench plan " + (i % 7));
            sessions.insert(tx, profile.id(), new Session(Ids.newId(), plan.id(), LocalDate.of(2020, 1, 1).plusDays(i / 24),
                began, began.plusSeconds(3_000), structure, began, began));
          }
          return null;
        });
      }
    }
  }

  /** A crash: the folder's files copied while it is open with a write not yet checkpointed, then opened. */
  private static Object openAfterCrash(Path dir, Path crashed) {
    try (AppContext app = AppContext.open(dir)) {
      app.profiles().create("P" + System.nanoTime(), Unit.KG);
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path source = dir.resolve(AppContext.DATABASE_FILE + suffix);
        if (Files.exists(source)) {
          Files.copy(source, crashed.resolve(source.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    long started = System.nanoTime();
    AppContext.open(crashed).close();
    long took = System.nanoTime() - started;
    deleteRecovered(crashed);
    return took;
  }

  private static void deleteRecovered(Path dir) {
    Path recovered = dir.resolve("recovered");
    if (!Files.exists(recovered)) {
      return;
    }
    try (Stream<Path> all = Files.walk(recovered)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Object closed(AppContext app) {
    app.close();
    return null;
  }

  private static Object rawOpen(Path file) {
    try (Connection connection = rawConnection(file); Statement statement = connection.createStatement()) {
      return statement.executeQuery("SELECT count(*) FROM profiles").next();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection rawConnection(Path file) throws java.sql.SQLException {
    Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement statement = connection.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=FULL");
    }
    return connection;
  }

  private static Object rawInsert(Connection connection) {
    try (PreparedStatement statement = connection.prepareStatement("INSERT INTO bench_notes VALUES (?)")) {
      statement.setString(1, "note");
      return statement.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object vacuumInto(Path file, Path target) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement()) {
      Files.deleteIfExists(target);
      statement.execute("VACUUM INTO '" + target + "'");
      return null;
    } catch (java.sql.SQLException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Work {
    Object run() throws Exception;
  }

  private static double median(Work work) {
    double[] times = new double[RUNS];
    try {
      work.run();
      for (int i = 0; i < RUNS; i++) {
        long t0 = System.nanoTime();
        Object result = work.run();
        long took = result instanceof Long nanos && nanos > 1_000 ? nanos : System.nanoTime() - t0;
        times[i] = took / 1e6;
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    Arrays.sort(times);
    return times[RUNS / 2];
  }

  private static void report(String what, double ms, String baseline, double baselineMs) {
    System.out.printf("%-50s %9.2f ms   vs %-34s %9.2f ms   ratio %.2f%n", what, ms, baseline, baselineMs,
        ms / baselineMs);
  }
}
