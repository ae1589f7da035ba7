package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.domain.Unit;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.service.exchange.ImportSummary;
import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * How much more than reading the CSV does a CSV import cost? Writes a Strong export in its current
 * layout ({@code "Workout #";…;"Weight (kg)";…}, 180 sets a workout), then times the import's dry
 * run (Commons CSV behind the guard, every row mapped, every workout built and checked) against a
 * raw baseline in the same run: Commons CSV parsing the same file and summing reps × weight. It
 * prints the heap in use after each round too; run it with a small heap to see that the file is
 * not held whole (the hand-written reader before it ran out of a 256 MiB heap on such a file).
 *
 * <pre>BENCH_JAVA_OPTS=-Xmx256m bench/run.sh CsvImportBench [WORKOUTS]</pre>
 */
public final class CsvImportBench {

  private CsvImportBench() {}

  public static void main(String[] args) throws Exception {
    int workouts = args.length > 0 ? Integer.parseInt(args[0]) : 1500;
    Path dir = Files.createTempDirectory("setwise-csv-bench");
    Path file = dir.resolve("strong_workouts.csv");
    write(file, workouts);
    System.out.printf(Locale.ROOT, "%,d workouts, %,d rows, %.1f MiB%n", workouts, workouts * 180L,
        Files.size(file) / (1024.0 * 1024.0));
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-24T07:00:00Z"), ZoneOffset.UTC);
    try (AppContext app = AppContext.open(Files.createDirectories(dir.resolve("data")), clock)) {
      app.profiles().create("Bench", Unit.KG);
      for (int round = 1; round <= 3; round++) {
        System.gc();
        long rawStart = System.nanoTime();
        double volume = raw(file);
        long rawNanos = System.nanoTime() - rawStart;
        System.gc();
        long importStart = System.nanoTime();
        ImportSummary summary = app.imports().analyze(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE,
            Cancellation.none());
        long importNanos = System.nanoTime() - importStart;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "round %d: raw Commons CSV %.2f s (volume %.0f); import dry run %.2f s "
            + "(%,d sessions, %,d rows left out): %.1fx the raw read; heap now %d MiB of %d MiB%n", round,
            rawNanos / 1e9, volume, importNanos / 1e9, summary.sessionsNew(), summary.skippedRowCount(),
            (double) importNanos / rawNanos, (runtime.totalMemory() - runtime.freeMemory()) >> 20,
            runtime.maxMemory() >> 20);
      }
    }
  }

  private static double raw(Path file) throws Exception {
    double volume = 0;
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').get();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      boolean header = true;
      for (CSVRecord record : parser) {
        if (header) {
          header = false;
          continue;
        }
        volume += Double.parseDouble(record.get(6)) * Integer.parseInt(record.get(7));
      }
    }
    return volume;
  }

  private static void write(Path file, int workouts) throws Exception {
    Random random = new Random(7);
    LocalDateTime day = LocalDateTime.of(2000, 1, 1, 7, 0, 0);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";"
          + "\"Weight (kg)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"\n");
      for (int w = 1; w <= workouts; w++) {
        day = day.plusDays(1);
        String date = day.toString().replace('T', ' ') + ":00";
        for (int e = 0; e < 30; e++) {
          for (int s = 1; s <= 6; s++) {
            out.write(String.format(Locale.ROOT, "\"%d\";\"%s\";\"Workout %d\";\"3600\";\"Exercise %d (Barbell)\";"
                + "\"%d\";\"%.1f\";\"%d\";\"\";\"\";\"\";\"\";\"a note that repeats on every row\"%n", w, date, w % 7,
                e, s, 20 + random.nextInt(1000) / 10.0, 1 + random.nextInt(12)));
          }
        }
      }
    }
  }
}
