package dev.setwise.bench.suite;

import dev.setwise.bench.raw.RawImport;
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
 * INSERTs into the same schema, one transaction, same pragmas).
 */
public final class ImportMeasure implements Measure {

  private static final int SESSIONS = 100_000;
  private static final int PLANS = 20;

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String description() {
    return "setwise import of 100k sessions vs streaming Jackson + batched INSERTs into the same schema";
  }

  @Override
  public List<Row> run(Bench bench) throws Exception {
    Path file = exportFile(bench);
    Path template = emptyDatabase(bench);
    Path rawJar = bench.jars().main(RawImport.class, BenchJars.JACKSON_JDBC);
    int pairs = bench.pick(2, 1);
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    // Read once first, so that neither side pays for bringing the file into the page cache.
    try (java.io.InputStream in = Files.newInputStream(file)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    for (int i = 0; i < pairs; i++) {
      for (int side : i % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
        double seconds;
        if (side == 0) {
          Path data = bench.freshDir("import-setwise");
          Files.copy(template, data.resolve("setwise.db"));
          seconds = Processes.run(bench.setwise().command(data, "import", file.toString()),
              bench.work().resolve("import-setwise.log"), 1800).seconds();
          check(data.resolve("setwise.db"));
          Bench.deleteTree(data);
        } else {
          seconds = rawImport(bench, rawJar, file, template);
        }
        bench.log("import %s: %.1f s", side == 0 ? "setwise " : "baseline", seconds);
        (side == 0 ? a : b).add(seconds);
      }
    }
    double setwise = Stats.median(a);
    double raw = Stats.median(b);
    return List.of(new Row("Import 100k sessions (whole process)", Stats.time(setwise),
        Stats.time(raw) + " (streaming Jackson + batched INSERTs)", Stats.ratio(setwise / raw), "≤ 1.50×",
        setwise / raw <= 1.5));
  }

  private static double rawImport(Bench bench, Path rawJar, Path file, Path template) throws Exception {
    Path data = bench.freshDir("import-raw");
    Path db = data.resolve("setwise.db");
    Files.copy(template, db);
    double seconds = Processes.run(List.of(bench.java(), "-jar", rawJar.toString(), file.toString(), db.toString()),
        bench.work().resolve("import-raw.log"), 1800).seconds();
    check(db);
    Bench.deleteTree(data);
    return seconds;
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
