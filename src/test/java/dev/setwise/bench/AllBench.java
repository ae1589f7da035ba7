package dev.setwise.bench;

import dev.setwise.bench.suite.Bench;
import dev.setwise.bench.suite.CliMeasure;
import dev.setwise.bench.suite.HistoryMeasure;
import dev.setwise.bench.suite.ImportMeasure;
import dev.setwise.bench.suite.Measure;
import dev.setwise.bench.suite.Report;
import dev.setwise.bench.suite.PostgresRestMeasure;
import dev.setwise.bench.suite.RestMeasure;
import dev.setwise.bench.suite.Row;
import dev.setwise.bench.suite.SaveMeasure;
import dev.setwise.bench.suite.WindowMeasure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Every benchmark of issue 12 in one run, one table: measure, Setwise, baseline, ratio, budget,
 * met. Each figure is a median; Setwise and its raw baseline run in the same run, alternating,
 * warm-ups discarded. The table goes to stdout and, as markdown, to
 * {@code target/bench/results.md}. Start it with {@code bench/all.sh}, which builds the jar,
 * installs the tools it needs and starts an X server for the window measure.
 *
 * <pre>bench/all.sh [--quick] [--strict] [MEASURE...]</pre>
 *
 * Exit code 0 when every selected measure ran (met or not), 1 when one could not run, 2 for a bad
 * argument, 3 with {@code --strict} when a budget is not met.
 */
public final class AllBench {

  private AllBench() {}

  private static List<Measure> measures() {
    return List.of(new WindowMeasure(), new CliMeasure(), new SaveMeasure(), new HistoryMeasure(),
        new RestMeasure(RestMeasure.Part.GET), new RestMeasure(RestMeasure.Part.LIST),
        new RestMeasure(RestMeasure.Part.PATCH), new PostgresRestMeasure(), new ImportMeasure());
  }

  public static void main(String[] args) throws IOException {
    boolean quick = false;
    boolean strict = false;
    Set<String> names = new LinkedHashSet<>();
    for (String arg : args) {
      switch (arg) {
        case "--quick" -> quick = true;
        case "--strict" -> strict = true;
        case "-h", "--help" -> {
          usage();
          return;
        }
        default -> names.add(arg);
      }
    }
    List<Measure> selected = new ArrayList<>();
    for (Measure measure : measures()) {
      boolean inGroup = measure.name().startsWith("rest-") && names.contains("rest");
      if (names.isEmpty() || names.contains(measure.name()) || inGroup) {
        selected.add(measure);
      }
    }
    Set<String> known = new LinkedHashSet<>(List.of("rest"));
    measures().forEach(measure -> known.add(measure.name()));
    if (!known.containsAll(names)) {
      names.removeAll(known);
      System.err.println("unknown measure: " + String.join(", ", names));
      usage();
      System.exit(2);
    }

    Bench bench = new Bench(Path.of(""), quick);
    String loadBefore = loadAverage();
    List<Row> rows = new ArrayList<>();
    boolean crashed = false;
    for (Measure measure : selected) {
      bench.log("== %s: %s", measure.name(), measure.description());
      try {
        rows.addAll(measure.run(bench));
      } catch (Exception | Error e) {
        crashed = true;
        e.printStackTrace();
        bench.log("%s could not run: %s", measure.name(), e);
        rows.add(Row.failed(measure.name(), e));
      }
    }
    List<String> about = List.of(
        "Setwise benchmarks (bench/all.sh" + (quick ? " --quick" : "") + (names.isEmpty() ? "" : " "
            + String.join(" ", names)) + "), " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm z", Locale.ROOT)) + ", commit " + System.getProperty("bench.commit", "unknown"),
        "Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), Java "
            + System.getProperty("java.version") + "; load average " + loadBefore + " before, " + loadAverage()
            + " after",
        "Medians; Setwise and baseline alternate in the same run; warm-ups discarded.");
    Report report = new Report(rows, about);
    System.out.println();
    System.out.print(report.text());
    Path markdown = bench.root().resolve("target/bench/results.md");
    Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
    System.out.println();
    System.out.println("Written to " + bench.root().relativize(markdown));
    System.exit(crashed ? 1 : strict && !report.allMet() ? 3 : 0);
  }

  private static void usage() {
    System.out.println("bench/all.sh [--quick] [--strict] [MEASURE...]   (no MEASURE: all of them)");
    System.out.println("  --quick   fewer repetitions and shorter load runs (a smoke check, noisier)");
    System.out.println("  --strict  exit 3 when a budget is not met");
    for (Measure measure : measures()) {
      System.out.printf(Locale.ROOT, "  %-11s %s%n", measure.name(), measure.description());
    }
    System.out.printf(Locale.ROOT, "  %-11s %s%n", "rest", "rest-get, rest-list, rest-patch and rest-postgresql");
  }

  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }
}
