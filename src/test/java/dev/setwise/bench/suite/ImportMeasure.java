package dev.setwise.bench.suite;

import dev.setwise.bench.raw.RawImport;
import dev.setwise.bench.raw.RawImportBare;
import dev.setwise.support.ExportDocuments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Import of a Setwise export with 100,000 sessions (20 plans; every field and set type, from the
 * tests' export generator) into an empty, migrated data folder, as a whole process:
 * {@code setwise import FILE} against {@link RawImport} (one streaming Jackson pass, batched plain
 * INSERTs of the same rows into the same schema, one transaction, same pragmas), and for the
 * record against {@link RawImportBare}, the first baseline, which left out the snapshot checks and
 * the progress rows (docs/decisions/0060).
 *
 * <p>The ratio is of wall time; the CPU time of each whole process (user + system, from the
 * children's times this JVM collects when it reaps them) is logged and reported beside it, since
 * load moves it much less. {@code BENCH_IMPORT_SESSIONS} (or {@code -Dbench.import.sessions})
 * imports fewer sessions, for a quicker run.
 */
public final class ImportMeasure implements Measure {

  private static final int SESSIONS = Integer.getInteger("bench.import.sessions",
      Integer.parseInt(System.getenv().getOrDefault("BENCH_IMPORT_SESSIONS", "100000")));
  private static final int PLANS = 20;

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String description() {
    return "setwise import of " + size() + " sessions vs streaming Jackson + batched INSERTs of the same rows "
        + "(and the old baseline without checks and progress rows)";
  }

  /** The three processes compared: Setwise, the fair baseline, the old one (informational). */
  private static final String[] SIDES = {"setwise", "baseline", "old baseline"};

  @Override
  public List<Row> run(Bench bench) throws Exception {
    Path file = exportFile(bench);
    Path template = emptyDatabase(bench);
    Path rawJar = bench.jars().main(RawImport.class, BenchJars.JACKSON_JDBC);
    Path bareJar = bench.jars().main(RawImportBare.class, BenchJars.JACKSON_JDBC);
    int rounds = bench.pick(2, 1);
    List<List<Double>> wall = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<List<Double>> cpu = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    // Read once first, so that no side pays for bringing the file into the page cache.
    try (java.io.InputStream in = Files.newInputStream(file)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    for (int i = 0; i < rounds; i++) {
      // each round in another order, so that none always runs first
      for (int k = 0; k < SIDES.length; k++) {
        int side = (i + k) % SIDES.length;
        Path data = bench.freshDir("import-" + side);
        Path db = data.resolve("setwise.db");
        Files.copy(template, db);
        List<String> command = switch (side) {
          case 0 -> bench.setwise().command(data, "import", file.toString());
          case 1 -> List.of(bench.java(), "-jar", rawJar.toString(), file.toString(), db.toString());
          default -> List.of(bench.java(), "-jar", bareJar.toString(), file.toString(), db.toString());
        };
        double cpuBefore = childrenCpuSeconds();
        double seconds = Processes.run(command, bench.work().resolve("import-" + side + ".log"), 1800).seconds();
        double cpuSeconds = childrenCpuSeconds() - cpuBefore;
        check(db);
        Bench.deleteTree(data);
        bench.log("import %s: %.1f s, %.1f s of CPU (load average %s)", SIDES[side], seconds, cpuSeconds,
            loadAverage());
        wall.get(side).add(seconds);
        cpu.get(side).add(cpuSeconds);
      }
    }
    double setwise = Stats.median(wall.get(0));
    double raw = Stats.median(wall.get(1));
    double bare = Stats.median(wall.get(2));
    double setwiseCpu = Stats.median(cpu.get(0));
    double rawCpu = Stats.median(cpu.get(1));
    double bareCpu = Stats.median(cpu.get(2));
    String size = size();
    return List.of(
        new Row("Import " + size + " sessions (whole process)", Stats.time(setwise),
            Stats.time(raw) + " (streaming Jackson + batched INSERTs of the same rows)", Stats.ratio(setwise / raw),
            "≤ 1.50×", setwise / raw <= 1.5),
        new Row("Import " + size + " sessions, CPU (user + system) of the whole process", Stats.time(setwiseCpu),
            Stats.time(rawCpu) + " (same baseline)", Stats.ratio(setwiseCpu / rawCpu), "≤ 1.50×",
            setwiseCpu / rawCpu <= 1.5),
        new Row("Import " + size + " sessions against the old baseline (no checks, no progress rows), wall / CPU",
            Stats.time(setwise) + " / " + Stats.time(setwiseCpu),
            Stats.time(bare) + " / " + Stats.time(bareCpu) + " (does less than a correct import)",
            Stats.ratio(setwise / bare) + " / " + Stats.ratio(setwiseCpu / bareCpu), "—", null));
  }

  private static String size() {
    return SESSIONS % 1000 == 0 ? SESSIONS / 1000 + "k" : Integer.toString(SESSIONS);
  }

  /**
   * User + system CPU of this JVM's children that have ended and been reaped ({@code cutime} and
   * {@code cstime} of {@code /proc/self/stat}, in clock ticks of 1/100 s): the difference around
   * one run is that run's whole process. NaN where there is no {@code /proc}.
   */
  static double childrenCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // the fields after the command's name, which is in parentheses and may hold spaces
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      // cutime and cstime are fields 16 and 17 of the line, 14 and 15 after pid and comm
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
    } catch (java.io.IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String loadAverage() {
    try {
      String[] loads = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return loads[0] + " " + loads[1] + " " + loads[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static void check(Path db) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM sessions")) {
      rs.next();
      if (rs.getInt(1) != SESSIONS) {
        throw new IllegalStateException(db + " holds " + rs.getInt(1) + " sessions, not " + SESSIONS);
      }
    }
  }

  /** The export to import, generated once per version of its generator. */
  private static Path exportFile(Bench bench) throws Exception {
    Path file = bench.cache().resolve("import-" + SESSIONS + "-" + CacheKeys.classFile(ExportDocuments.class,
        PLANS + "/" + SESSIONS) + ".json");
    if (!Files.exists(file)) {
      bench.log("import: generating an export of %,d sessions (once; cached)", SESSIONS);
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      ExportDocuments.history(partial, "Alex", PLANS, SESSIONS, false);
      Files.move(partial, file);
    }
    return file;
  }

  /** An empty data folder's database, migrated by the product ({@code setwise profile list} creates it). */
  private static Path emptyDatabase(Bench bench) {
    Path dir = bench.cache().resolve("empty-" + CacheKeys.migrations(bench, "empty-v1"));
    Path db = dir.resolve("setwise.db");
    if (!Files.exists(db)) {
      Path partial = bench.freshDir("empty-template");
      bench.setwise().run(partial, "profile", "list");
      Bench.createDirectories(dir);
      try {
        Files.copy(partial.resolve("setwise.db"), db);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return db;
  }
}
